/**
 * Row 5: the plugin's HTTP budget. A Studio session has 500 requests a minute shared by every
 * plugin, so Vector must make one request per model step and none while idle.
 *
 * The agent is composed in Luau from the real parts (the app composition is not on main yet):
 * ProxyClient over the real HTTP transport (HttpService → the host's real HTTP), the tool registry
 * with every tool, a ProposalStore and createAgentLoop. It talks to a fake OpenAI-compatible server
 * on loopback that answers the first step with a list_children tool call and the second with
 * attempt_completion (streamed as SSE when the request asks for a stream, plain JSON otherwise).
 * Requests are counted in the host's HTTP log (every request HttpService or a stream client made),
 * per model step (assistant replies in the conversation), streaming and plain. Then the session
 * idles for a virtual minute — the loops still alive, and the installed plugin loaded with its
 * widget open — and the requests of that minute are counted: there must be none.
 */
import { readFileSync } from "node:fs";
import { startHttpFake } from "../../proxy/test/fakes/http-fake.js";
import { completionBody, streamEvents } from "../../proxy/test/fakes/fake-provider.js";
import type { BenchStudio } from "./bench-studio.js";
import { luauString } from "./bench-studio.js";
import type { BenchRow } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";
import { loadModelFile } from "../studio/host/fixtures.js";

interface TaskRun {
	state: string;
	steps: number;
	detail: string;
}

/** The fake provider's answer to a chat request: a tool call until a tool result is in the conversation. */
function nextToolCall(body: { messages?: { role?: string }[] }): { id: string; name: string; arguments: string } {
	const answered = (body.messages ?? []).some((m) => m.role === "tool");
	return answered
		? { id: "call_done", name: "attempt_completion", arguments: JSON.stringify({ result: "The workspace is listed." }) }
		: { id: "call_list", name: "list_children", arguments: JSON.stringify({ path: "Workspace" }) };
}

const RUN_TASK = (proxyUrl: string, streaming: boolean) => `
local ProxyClient = use("plugin/net/proxy-client").ProxyClient
local createHttpTransport = use("plugin/net/http-transport").createHttpTransport
local registry = use("plugin/tools/registry")
local ProposalStore = use("plugin/proposals/proposal-store").ProposalStore
local createMemorySettingsStore = use("plugin/settings/settings-store").createMemorySettingsStore
local createRegistryToolbox = use("plugin/agent/registry-toolbox").createRegistryToolbox
local createAgentLoop = use("plugin/agent/agent-loop").createAgentLoop
local studio = use("plugin/studio/create-studio-api").createStudioApi()

local proxy = ProxyClient.new({
	transport = createHttpTransport(),
	connection = function()
		return { proxyUrl = ${luauString(proxyUrl)}, token = "", providerBaseUrl = "", providerKey = "", model = "", streaming = ${streaming} }
	end,
})
local tools = registry.createToolRegistry(use("plugin/tools/all-tools").ALL_TOOLS)
local context = { studio = studio, searchAssets = function(query, options) return proxy.searchAssets(query, options) end }
local proposals = ProposalStore.new({ studio = studio, settings = createMemorySettingsStore() })
local loop = createAgentLoop({ client = proxy, toolbox = createRegistryToolbox(tools, context), proposals = proposals })
bench.loops = bench.loops or {}
table.insert(bench.loops, loop) -- kept alive through the idle minute

local sent = loop:send("What is in the workspace?")
if not sent.ok then
	error("the loop refused the message: " .. sent.message)
end
local waits = 0
while waits < 600 do
	local kind = loop:getState().kind
	if kind ~= "requesting" and kind ~= "running_tool" and kind ~= "idle" then
		break
	end
	task.wait(0.05)
	waits += 1
end
local state = loop:getState()
local steps = 0
for _, message in loop:getConversation().messages do
	if message.role == "assistant" then
		steps += 1
	end
end
local detail = if state.kind == "completed" then state.result elseif state.kind == "error" then state.error.message else state.kind
return { state = state.kind, steps = steps, detail = detail }
`;

/** Runs row 5 in a fresh `bench` Studio; `pluginFile` is loaded as an installed plugin for the idle minute. */
export async function benchHttpRequests(bench: BenchStudio, sizes: BenchSizes, pluginFile: string): Promise<BenchRow[]> {
	const fake = await startHttpFake(async (req, res) => {
		if (req.method !== "POST" || req.path !== "/v1/chat/completions") return false;
		const body = req.json as { stream?: boolean; model?: string; messages?: { role?: string }[] };
		const call = nextToolCall(body);
		if (body.stream === true) {
			const events = streamEvents(body.model ?? "bench-model", {
				toolCall: { id: call.id, name: call.name, argumentFragments: [call.arguments.slice(0, 5), call.arguments.slice(5)] },
				usage: true,
			});
			res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
			res.end(events.map((e) => `data: ${e}\n\n`).join("") + "data: [DONE]\n\n");
		} else {
			const message = { content: null, tool_calls: [{ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }] };
			res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completionBody(body.model ?? "bench-model", message, "tool_calls")));
		}
		return true;
	});
	try {
		const log = bench.studio.httpLog;
		const runs: { mode: string; requests: number; run: TaskRun }[] = [];
		for (const streaming of [true, false]) {
			const before = log.length;
			const run = await bench.luau<TaskRun>(RUN_TASK(fake.url, streaming));
			runs.push({ mode: streaming ? "streaming" : "plain", requests: log.length - before, run });
		}

		// The installed plugin, loaded as Studio loads it, with its widget open, idles along.
		const warnings = (await bench.studio.call("loadPlugin", "Vector.rbxmx", loadModelFile(readFileSync(pluginFile, "utf8")))) as string[];
		if (warnings.length > 0) throw new Error(`loading the plugin: ${warnings.join("; ")}`);
		await bench.studio.call("clickToolbarButton", "vector-toggle");
		const idleStart = log.length;
		await bench.studio.call("advance", sizes.requests.idleSeconds);
		const idleRequests = log.length - idleStart;
		const budgetUsed = (await bench.studio.call("httpBudgetUsed")) as number;
		await bench.studio.call("unloadPlugin", "Vector.rbxmx");

		const perStep = runs.map((r) => `${r.mode} ${r.requests} requests / ${r.run.steps} steps (${r.run.state})`);
		const stepsOk = runs.every((r) => r.run.state === "completed" && r.run.steps === 2 && r.requests === r.run.steps);
		const streamedRequests = fake.requests.filter((r) => (r.json as { stream?: boolean } | undefined)?.stream === true).length;
		const [streamed] = runs;
		if (streamed === undefined) throw new Error("no agent run");
		const failed = runs.filter((r) => r.run.state !== "completed").map((r) => `${r.mode}: ${r.run.detail}`);
		return [
			{
				what: "5a HTTP requests per model step",
				baseline: "budget: 1 per step",
				vector: `${streamed.requests} requests for ${streamed.run.steps} steps`,
				ratio: `${(streamed.requests / Math.max(1, streamed.run.steps)).toFixed(2)} per step`,
				extra:
					`${perStep.join("; ")}; the fake provider saw ${fake.requests.length} requests (${streamedRequests} asking for a stream); steps: list_children, attempt_completion` +
					(failed.length > 0 ? `; FAILED: ${failed.join("; ")}` : ""),
				ok: stepsOk && fake.requests.length === runs.reduce((n, r) => n + r.requests, 0),
			},
			{
				what: `5b HTTP requests while idle, ${sizes.requests.idleSeconds} virtual s`,
				baseline: "budget: 0",
				vector: `${idleRequests} requests`,
				ratio: `${idleRequests} requests`,
				extra: `after both tasks completed (loops alive) and with the installed plugin loaded, widget open; HttpService budget used in the last virtual minute: ${budgetUsed}`,
				ok: idleRequests === 0 && budgetUsed === 0,
			},
		];
	} finally {
		await fake.close();
	}
}
