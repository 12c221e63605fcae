/// <reference types="@rbxts/testez/globals" />
import { DEFAULT_SETTINGS } from "../../settings/settings-schema";
import { checkDraft, sameSettings } from "./settings-draft";

export = () => {
	it("passes the defaults through unchanged", () => {
		const check = checkDraft(DEFAULT_SETTINGS);
		expect(check.settings).to.be.ok();
		expect(sameSettings(check.settings!, DEFAULT_SETTINGS)).to.equal(true);
		expect(check.problems.size()).to.equal(0);
	});

	it("normalizes what it accepts, as the schema does", () => {
		const check = checkDraft({ ...DEFAULT_SETTINGS, proxyUrl: "  HTTPS://Proxy.Example.com/v1/ ", token: " abc " });
		expect(check.settings!.proxyUrl).to.equal("https://proxy.example.com");
		expect(check.settings!.token).to.equal("abc");
	});

	it("gives the schema's message for each field that breaks a rule, and no settings", () => {
		const check = checkDraft({ ...DEFAULT_SETTINGS, proxyUrl: "proxy.example.com", model: "gpt 4" });
		expect(check.messages.proxyUrl).to.equal(
			'Proxy URL must start with http:// or https:// (got "proxy.example.com").',
		);
		expect(check.messages.model).to.equal("Model names have no spaces or line breaks.");
		expect(check.messages.token).to.equal(undefined);
		expect(check.settings).to.equal(undefined);
	});

	it("reports fields that do not work together once each passes", () => {
		const check = checkDraft({ ...DEFAULT_SETTINGS, providerKey: "sk-123" });
		expect(check.problems[0]).to.equal(
			"Provider key is set but Provider URL is empty: set both to use your own key, or clear the key.",
		);
		expect(check.settings).to.equal(undefined);
	});

	it("compares every field, auto-approve categories included", () => {
		expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).to.equal(true);
		expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, mode: "plan" })).to.equal(false);
		expect(
			sameSettings(DEFAULT_SETTINGS, {
				...DEFAULT_SETTINGS,
				autoApprove: { ...DEFAULT_SETTINGS.autoApprove, asset_inserts: true },
			}),
		).to.equal(false);
	});
};
