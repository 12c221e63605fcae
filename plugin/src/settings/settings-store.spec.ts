/// <reference types="@rbxts/testez/globals" />
import { decodeJson } from "../net/json";
import { ProxyConnection } from "../net/proxy-client";
import { DEFAULT_SETTINGS, VectorSettings } from "./settings-schema";
import { createMemorySettingsStore, PluginSettings, SETTINGS_KEY, SettingsStore } from "./settings-store";

/** Studio's plugin manager (deprecated, still there); lets a spec make a Plugin object of its own. */
declare function PluginManager(): PluginManagerInterface;

export = () => {
	const stored = (store: { values: Map<string, unknown> }) => {
		const raw = store.values.get(SETTINGS_KEY);
		if (!typeIs(raw, "string")) throw `expected a JSON string, got ${typeOf(raw)}`;
		const decoded = decodeJson(raw);
		if (!decoded.ok) throw decoded.message;
		return decoded.value as { version: number; settings: Record<string, unknown> };
	};
	const saved = (settings: Partial<Record<keyof VectorSettings, unknown>>) =>
		`{"version":1,"settings":{"proxyUrl":"${settings.proxyUrl ?? "http://127.0.0.1:8787"}","token":"${settings.token ?? ""}",` +
		`"providerBaseUrl":"","providerKey":"","model":"${settings.model ?? ""}","mode":"${settings.mode ?? "act"}",` +
		`"autoApprove":{"script_edits":false,"instance_changes":false,"asset_inserts":false},"streaming":true}}`;

	it("starts from the defaults on first run, after retrying the nil read, and writes nothing", () => {
		const store = createMemorySettingsStore();
		const settings = new PluginSettings(store);
		const started = os.clock();
		const report = settings.load();
		expect(os.clock() - started).to.be.near(0.2, 0.05);
		expect(report.source).to.equal("defaults");
		expect(report.resets.size()).to.equal(0);
		expect(report.settings).to.equal(DEFAULT_SETTINGS);
		expect(store.values.get(SETTINGS_KEY)).to.equal(undefined);
	});

	it("saves all settings as one JSON string under a plain key and reads them back", () => {
		const store = createMemorySettingsStore();
		const settings = new PluginSettings(store);
		settings.load();
		const result = settings.update({ proxyUrl: "https://vector.example.workers.dev/", token: "tok-1", mode: "plan", autoApprove: { script_edits: true } });
		expect(result.ok && result.saved).to.equal(true);
		const document = stored(store);
		expect(document.version).to.equal(1);
		expect(document.settings.proxyUrl).to.equal("https://vector.example.workers.dev");
		const again = new PluginSettings(store).load();
		expect(again.source).to.equal("saved");
		expect(again.resets.size()).to.equal(0);
		expect(again.settings.proxyUrl).to.equal("https://vector.example.workers.dev");
		expect(again.settings.token).to.equal("tok-1");
		expect(again.settings.mode).to.equal("plan");
		expect(again.settings.autoApprove.script_edits).to.equal(true);
		expect(again.settings.autoApprove.asset_inserts).to.equal(false);
		// The settings are what the proxy client reads its connection from.
		const connection: ProxyConnection = again.settings;
		expect(connection.streaming).to.equal(true);
	});

	it("refuses an update with invalid fields as a whole, naming each one", () => {
		const store = createMemorySettingsStore();
		const settings = new PluginSettings(store);
		settings.load();
		const result = settings.update({ proxyUrl: "localhost:8787", token: "a b", model: "gpt-4.1" });
		expect(result.ok).to.equal(false);
		if (result.ok) return;
		expect(result.errors.size()).to.equal(2);
		expect(result.errors[0].field).to.equal("proxyUrl");
		expect(result.errors[0].message).to.equal('Proxy URL must start with http:// or https:// (got "localhost:8787").');
		expect(result.errors[1].field).to.equal("token");
		expect(settings.current().model).to.equal("");
		expect(store.values.get(SETTINGS_KEY)).to.equal(undefined);
	});

	it("falls back to the defaults when the saved value is not valid JSON, and says so", () => {
		const store = createMemorySettingsStore({ [SETTINGS_KEY]: '{"version":1,"settings":{"proxyUrl":' });
		const report = new PluginSettings(store).load();
		expect(report.source).to.equal("saved");
		expect(report.settings).to.equal(DEFAULT_SETTINGS);
		expect(report.resets[0].field).to.equal("all");
		expect(report.resets[0].reason).to.equal("the saved settings were not valid JSON (invalid JSON at byte 37: unexpected end of text)");
	});

	it("falls back when Studio hands back something other than our string", () => {
		const store = createMemorySettingsStore({ [SETTINGS_KEY]: { ["1"]: "a", ["2"]: "b" } });
		const report = new PluginSettings(store).load();
		expect(report.settings).to.equal(DEFAULT_SETTINGS);
		expect(report.resets[0].reason).to.equal("the saved settings were a table, not Vector's JSON text");
		const noObject = new PluginSettings(createMemorySettingsStore({ [SETTINGS_KEY]: "[1,2]" })).load();
		expect(noObject.resets[0].reason).to.equal("the saved settings had no settings object");
	});

	it("keeps the valid fields of a damaged value and resets the others one by one", () => {
		const raw =
			'{"version":1,"settings":{"proxyUrl":"gopher://old","token":"tok-1","providerBaseUrl":"","providerKey":"",' +
			'"model":"gpt-4.1","mode":"turbo","autoApprove":{"script_edits":true},"streaming":false,"extra":1}}';
		const report = new PluginSettings(createMemorySettingsStore({ [SETTINGS_KEY]: raw })).load();
		expect(report.settings.token).to.equal("tok-1");
		expect(report.settings.model).to.equal("gpt-4.1");
		expect(report.settings.streaming).to.equal(false);
		expect(report.settings.autoApprove.script_edits).to.equal(true);
		expect(report.settings.proxyUrl).to.equal(DEFAULT_SETTINGS.proxyUrl);
		expect(report.settings.mode).to.equal("act");
		expect(report.resets.size()).to.equal(2);
		expect(report.resets[0].field).to.equal("proxyUrl");
		expect(report.resets[0].reason).to.equal("Proxy URL must use http:// or https://, not gopher://.");
		expect(report.resets[1].field).to.equal("mode");
	});

	it("reports fields missing from an older save and fills them with defaults", () => {
		const report = new PluginSettings(createMemorySettingsStore({ [SETTINGS_KEY]: '{"version":1,"settings":{"token":"t"}}' })).load();
		expect(report.settings.token).to.equal("t");
		expect(report.settings.streaming).to.equal(true);
		expect(report.resets.size()).to.equal(7);
		expect(report.resets[0].reason).to.equal("Proxy URL was missing");
	});

	it("loads a save from before the Canvas fields without a reset, with no Canvas connection", () => {
		const before =
			'{"version":1,"settings":{"proxyUrl":"https://vector.example.com","token":"t","providerBaseUrl":"","providerKey":"",' +
			'"model":"","mode":"plan","autoApprove":{"script_edits":true},"streaming":false}}';
		const store = createMemorySettingsStore({ [SETTINGS_KEY]: before });
		const settings = new PluginSettings(store);
		const report = settings.load();
		expect(report.source).to.equal("saved");
		expect(report.resets.size()).to.equal(0);
		expect(report.settings.mode).to.equal("plan");
		expect(report.settings.canvasBaseUrl).to.equal("");
		expect(report.settings.canvasToken).to.equal("");
		// An update on top of that older save keeps its fields (it reads cleanly) and stores the new ones.
		const updated = settings.update({ canvasBaseUrl: "https://school.instructure.com/", canvasToken: "1~tok" });
		expect(updated.ok).to.equal(true);
		expect(settings.current().mode).to.equal("plan");
		expect(stored(store).settings.canvasBaseUrl).to.equal("https://school.instructure.com");
		expect(stored(store).settings.canvasToken).to.equal("1~tok");
		const reloaded = new PluginSettings(store).load();
		expect(reloaded.resets.size()).to.equal(0);
		expect(reloaded.settings.canvasToken).to.equal("1~tok");
	});

	it("reads again when Studio answers nil for a moment", () => {
		const inner = createMemorySettingsStore({ [SETTINGS_KEY]: saved({ token: "tok-9" }) });
		let reads = 0;
		const flaky: SettingsStore = {
			get(key) {
				reads += 1;
				return reads === 1 ? undefined : inner.get(key);
			},
			set(key, value) {
				inner.set(key, value);
			},
		};
		const report = new PluginSettings(flaky).load();
		expect(reads).to.equal(2);
		expect(report.source).to.equal("saved");
		expect(report.settings.token).to.equal("tok-9");
	});

	it("never crashes when Studio's settings throw: defaults on read, unsaved but applied on write", () => {
		const broken: SettingsStore = {
			get() {
				throw "settings file locked";
			},
			set() {
				throw "disk full";
			},
		};
		const settings = new PluginSettings(broken, { readDelay: 0 });
		const report = settings.load();
		expect(report.settings).to.equal(DEFAULT_SETTINGS);
		expect(report.resets[0].field).to.equal("all");
		expect(string.find(report.resets[0].reason, "Studio could not read the saved settings", 1, true)[0]).to.equal(1);
		const result = settings.update({ token: "tok" });
		expect(result.ok).to.equal(true);
		if (!result.ok) return;
		expect(result.saved).to.equal(false);
		expect(string.find(result.saveError!, "disk full", 1, true)[0] !== undefined).to.equal(true);
		expect(settings.current().token).to.equal("tok");
	});

	it("applies an update on top of what another Studio window saved meanwhile", () => {
		const store = createMemorySettingsStore({ [SETTINGS_KEY]: saved({ token: "tok-1" }) });
		const here = new PluginSettings(store);
		here.load();
		const there = new PluginSettings(store);
		there.load();
		there.update({ model: "gpt-4.1" });
		here.update({ mode: "plan" });
		const final = new PluginSettings(store).load().settings;
		expect(final.model).to.equal("gpt-4.1");
		expect(final.mode).to.equal("plan");
		expect(final.token).to.equal("tok-1");
	});

	it("changes only the named auto-approve categories", () => {
		const settings = new PluginSettings(createMemorySettingsStore());
		settings.load();
		settings.update({ autoApprove: { script_edits: true } });
		settings.update({ autoApprove: { asset_inserts: true } });
		const autoApprove = settings.current().autoApprove;
		expect(autoApprove.script_edits).to.equal(true);
		expect(autoApprove.asset_inserts).to.equal(true);
		expect(autoApprove.instance_changes).to.equal(false);
	});

	it("tells listeners about changes only, with the previous settings, until disconnected", () => {
		const settings = new PluginSettings(createMemorySettingsStore());
		settings.load();
		const seen = new Array<string>();
		const disconnect = settings.onChanged((now, previous) => seen.push(`${previous.mode}->${now.mode}`));
		settings.update({ mode: "plan" });
		settings.update({ mode: "plan" });
		settings.resetToDefaults();
		disconnect();
		settings.update({ mode: "plan" });
		expect(seen.join(",")).to.equal("act->plan,plan->act");
	});

	describe("over a Plugin object's GetSetting/SetSetting", () => {
		const [made, created] = pcall(() => PluginManager().CreatePlugin());
		if (!made || !typeIs(created, "Instance") || !created.IsA("Plugin")) {
			itSKIP("needs PluginManager():CreatePlugin()", () => {});
			return;
		}
		const studioPlugin = created;
		const KEY = "VectorSettingsSpec";
		const store: SettingsStore = {
			get(key) {
				return studioPlugin.GetSetting(key);
			},
			set(key, value) {
				studioPlugin.SetSetting(key, value);
			},
		};
		afterEach(() => studioPlugin.SetSetting(KEY, undefined));

		it("round-trips every field, quotes and backslashes included, as one JSON string", () => {
			const settings = new PluginSettings(store, { key: KEY });
			settings.load();
			const result = settings.update({ token: 'tok"\\1', model: "openai/gpt-4.1-mini", providerBaseUrl: "https://openrouter.ai/api/v1", providerKey: "sk-or-1" });
			expect(result.ok && result.saved).to.equal(true);
			expect(typeIs(studioPlugin.GetSetting(KEY), "string")).to.equal(true);
			const report = new PluginSettings(store, { key: KEY }).load();
			expect(report.resets.size()).to.equal(0);
			expect(report.settings.token).to.equal('tok"\\1');
			expect(report.settings.model).to.equal("openai/gpt-4.1-mini");
			expect(report.settings.providerBaseUrl).to.equal("https://openrouter.ai/api/v1");
		});
	});
};
