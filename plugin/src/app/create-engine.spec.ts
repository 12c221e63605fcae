/// <reference types="@rbxts/testez/globals" />
import { ALL_TOOLS } from "../tools/all-tools";
import { DEFAULT_SETTINGS } from "../settings/settings-schema";
import { SETTINGS_KEY } from "../settings/settings-store";
import { agentSettingsFrom, createEngine } from "./create-engine";
import { MemoryPluginSettings, SpecContext } from "./dev/app-harness";
import { createScriptedTransport } from "../net/dev/scripted-transport";
import { completionAnswer } from "../net/dev/scripted-transport";

export = () => {
	it("offers every tool and starts idle in the saved mode", () => {
		const host = new MemoryPluginSettings();
		host.SetSetting(SETTINGS_KEY, `{"version":1,"settings":{"mode":"plan"}}`);
		const { engine, cleanup } = createEngine(host, {
			context: new SpecContext(),
			transport: createScriptedTransport(),
		});
		expect(engine.registry.list("act").size()).to.equal(ALL_TOOLS.size());
		expect(engine.registry.list("plan").size()).to.equal(ALL_TOOLS.filter((tool) => tool.kind !== "write").size());
		expect(engine.agent.getState().kind).to.equal("idle");
		expect(engine.agent.getMode()).to.equal("plan");
		cleanup();
	});

	it("gives the agent the user's model and auto-approve choices", () => {
		const settings = {
			...DEFAULT_SETTINGS,
			model: "gpt-4.1",
			autoApprove: { ...DEFAULT_SETTINGS.autoApprove, script_edits: true },
		};
		const agent = agentSettingsFrom(settings);
		expect(agent.model).to.equal("gpt-4.1");
		expect(agent.autoApprove.script_edits).to.equal(true);
		expect(agent.autoApprove.asset_inserts).to.equal(false);
		expect(agentSettingsFrom(DEFAULT_SETTINGS).model).to.equal(undefined);
	});

	it("sends model steps to the proxy URL in the settings, as changed at any time", () => {
		const host = new MemoryPluginSettings();
		const transport = createScriptedTransport({ streams: false });
		const { engine, cleanup } = createEngine(host, { context: new SpecContext(), transport });
		engine.settings.update({ proxyUrl: "http://127.0.0.1:9001", token: "secret-token" });
		transport.script(
			completionAnswer(undefined, [{ id: "c1", name: "attempt_completion", arguments: '{"result":"ok"}' }]),
		);
		engine.agent.send("hello");
		const deadline = os.clock() + 5;
		while (engine.agent.getState().kind !== "completed" && os.clock() < deadline) task.wait();
		expect(transport.requests.size()).to.equal(1);
		expect(transport.requests[0].request.url).to.equal("http://127.0.0.1:9001/v1/chat/completions");
		expect(transport.requests[0].request.headers!["Authorization"]).to.equal("Bearer secret-token");
		cleanup();
	});

	it("stores settings, proposals and the session in the plugin's settings", () => {
		const host = new MemoryPluginSettings();
		const { engine, cleanup } = createEngine(host, {
			context: new SpecContext(),
			transport: createScriptedTransport(),
		});
		engine.settings.update({ model: "gpt-4.1" });
		engine.agent.setMode("plan");
		expect(typeIs(host.GetSetting(SETTINGS_KEY), "string")).to.equal(true);
		expect(typeIs(host.GetSetting("VectorAgentSession"), "string")).to.equal(true);
		cleanup();
	});
};
