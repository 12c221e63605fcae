/// <reference types="@rbxts/testez/globals" />
import { checkSetting, checkUrl, DEFAULT_SETTINGS, SETTINGS_FIELDS, settingsProblems } from "./settings-schema";

export = () => {
	const url = (text: string, optional = false) => {
		const result = checkUrl("Proxy URL", text, optional);
		return result.ok ? result.value : `error: ${result.message}`;
	};
	const value = (field: Parameters<typeof checkSetting>[0], input: unknown) => {
		const result = checkSetting(field, input);
		return result.ok ? result.value : `error: ${result.message}`;
	};

	it("has defaults that pass their own rules: the local proxy, Act mode, streaming, nothing auto-approved", () => {
		for (const field of SETTINGS_FIELDS) expect(checkSetting(field, DEFAULT_SETTINGS[field]).ok).to.equal(true);
		expect(DEFAULT_SETTINGS.proxyUrl).to.equal("http://127.0.0.1:8787");
		expect(DEFAULT_SETTINGS.mode).to.equal("act");
		expect(DEFAULT_SETTINGS.streaming).to.equal(true);
		expect(DEFAULT_SETTINGS.autoApprove.script_edits || DEFAULT_SETTINGS.autoApprove.instance_changes || DEFAULT_SETTINGS.autoApprove.asset_inserts).to.equal(
			false,
		);
	});

	it("normalizes URLs: trimmed, lower-case scheme and host, no trailing slash, path kept", () => {
		expect(url(" http://127.0.0.1:8787/ ")).to.equal("http://127.0.0.1:8787");
		expect(url("HTTPS://Vector.Example.Workers.dev///")).to.equal("https://vector.example.workers.dev");
		expect(url("https://openrouter.ai/api/v1/")).to.equal("https://openrouter.ai/api/v1");
		expect(url("http://[::1]:8787")).to.equal("http://[::1]:8787");
		expect(url("", true)).to.equal("");
	});

	it("refuses URLs Vector cannot use, saying why", () => {
		expect(url("")).to.equal("error: Proxy URL is required, e.g. http://127.0.0.1:8787.");
		expect(url("127.0.0.1:8787")).to.equal('error: Proxy URL must start with http:// or https:// (got "127.0.0.1:8787").');
		expect(url("ftp://example.com")).to.equal("error: Proxy URL must use http:// or https://, not ftp://.");
		expect(url("http://exa mple.com")).to.equal("error: Proxy URL cannot contain spaces.");
		expect(url("http://example.com/?x=1")).to.equal("error: Proxy URL cannot have a query (?…) or fragment (#…).");
		expect(url("http://example.com#top")).to.equal("error: Proxy URL cannot have a query (?…) or fragment (#…).");
		expect(url("http://user:pw@example.com")).to.equal(
			"error: Proxy URL cannot contain a user name or password; put the token in its own field.",
		);
		expect(url("http://example.com:99999")).to.equal("error: Proxy URL has an invalid port (99999).");
		expect(url("http://example.com:x")).to.equal("error: Proxy URL needs a host name and an optional port, e.g. http://127.0.0.1:8787.");
		expect(url("http:///path")).to.equal("error: Proxy URL needs a host name and an optional port, e.g. http://127.0.0.1:8787.");
		expect(url("https://apis.roblox.com")).to.equal("error: Proxy URL cannot point at roblox.com: Studio does not let plugins call it.");
	});

	it("drops the /v1 an OpenAI base URL has from the proxy URL, but not from the provider URL", () => {
		expect(value("proxyUrl", "http://127.0.0.1:8787/v1/")).to.equal("http://127.0.0.1:8787");
		expect(value("providerBaseUrl", "https://api.openai.com/v1")).to.equal("https://api.openai.com/v1");
		expect(value("providerBaseUrl", "not a url")).to.equal('error: Provider URL must start with http:// or https:// (got "not a url").');
	});

	it("checks tokens, keys and model names, which travel in headers and the request", () => {
		expect(value("token", "  tok-room1 ")).to.equal("tok-room1");
		expect(value("token", "tok room")).to.equal("error: Token cannot contain spaces or line breaks.");
		expect(value("providerKey", "sk-1\n")).to.equal("sk-1");
		expect(value("providerKey", "sk-1\nsk-2")).to.equal("error: Provider key cannot contain spaces or line breaks.");
		expect(value("model", " gpt-4.1-mini ")).to.equal("gpt-4.1-mini");
		expect(value("model", "gpt 4")).to.equal("error: Model names have no spaces or line breaks.");
		expect(value("model", string.rep("m", 201))).to.equal("error: Model is longer than 200 characters.");
		expect(value("token", 42)).to.equal("error: Token must be text.");
	});

	it("checks the mode, streaming and auto-approve switches", () => {
		expect(value("mode", "plan")).to.equal("plan");
		expect(value("mode", "auto")).to.equal('error: Mode must be "plan" or "act".');
		expect(value("streaming", "yes")).to.equal("error: Streaming must be on or off.");
		const filled = checkSetting("autoApprove", { script_edits: true });
		expect(filled.ok && filled.value.script_edits && !filled.value.asset_inserts && !filled.value.instance_changes).to.equal(true);
		expect(value("autoApprove", { everything: true })).to.equal(
			"error: Auto-approve must be on/off switches for script_edits, instance_changes and asset_inserts.",
		);
		expect(value("autoApprove", { script_edits: "yes" })).to.equal(
			"error: Auto-approve must be on/off switches for script_edits, instance_changes and asset_inserts.",
		);
	});

	it("points out a half-set bring-your-own-key pair", () => {
		expect(settingsProblems(DEFAULT_SETTINGS).size()).to.equal(0);
		expect(settingsProblems({ ...DEFAULT_SETTINGS, providerKey: "sk" })[0]).to.equal(
			"Provider key is set but Provider URL is empty: set both to use your own key, or clear the key.",
		);
		expect(settingsProblems({ ...DEFAULT_SETTINGS, providerBaseUrl: "https://openrouter.ai/api/v1" })[0]).to.equal(
			"Provider URL is set but Provider key is empty: set both to use your own key, or clear the URL.",
		);
		expect(settingsProblems({ ...DEFAULT_SETTINGS, providerBaseUrl: "https://openrouter.ai/api/v1", providerKey: "sk" }).size()).to.equal(0);
	});

	it("checks the Canvas connection: an optional site URL (path dropped) and a token without spaces", () => {
		expect(DEFAULT_SETTINGS.canvasBaseUrl).to.equal("");
		expect(DEFAULT_SETTINGS.canvasToken).to.equal("");
		expect(value("canvasBaseUrl", "")).to.equal("");
		expect(value("canvasBaseUrl", " HTTPS://School.Instructure.com/ ")).to.equal("https://school.instructure.com");
		expect(value("canvasBaseUrl", "https://school.instructure.com/courses/42/modules")).to.equal("https://school.instructure.com");
		expect(value("canvasBaseUrl", "http://127.0.0.1:9000/api/v1")).to.equal("http://127.0.0.1:9000");
		expect(value("canvasBaseUrl", "school.instructure.com")).to.equal(
			'error: Canvas URL must start with http:// or https:// (got "school.instructure.com").',
		);
		expect(value("canvasBaseUrl", "https://school.instructure.com/courses?x=1")).to.equal(
			"error: Canvas URL cannot have a query (?…) or fragment (#…).",
		);
		expect(value("canvasToken", " 1~abcDEF ")).to.equal("1~abcDEF");
		expect(value("canvasToken", "1~abc DEF")).to.equal("error: Canvas token cannot contain spaces or line breaks.");
		expect(SETTINGS_FIELDS.includes("canvasBaseUrl") && SETTINGS_FIELDS.includes("canvasToken")).to.equal(true);
	});

	it("points out a half-set Canvas connection", () => {
		expect(settingsProblems({ ...DEFAULT_SETTINGS, canvasToken: "1~abc" })[0]).to.equal(
			"Canvas token is set but Canvas URL is empty: set your school's Canvas address (e.g. https://school.instructure.com), or clear the token.",
		);
		expect(settingsProblems({ ...DEFAULT_SETTINGS, canvasBaseUrl: "https://school.instructure.com" })[0]).to.equal(
			"Canvas URL is set but Canvas token is empty: create a token in Canvas (Account → Settings → New access token), or clear the URL.",
		);
		expect(settingsProblems({ ...DEFAULT_SETTINGS, canvasBaseUrl: "https://school.instructure.com", canvasToken: "1~abc" }).size()).to.equal(0);
	});
};
