/**
 * Row 5: the plugin's HTTP budget. A Studio session has 500 requests a minute shared by every
 * plugin, so Vector must make one request per model step and none while idle.
 *
 * The installed plugin runs as a user meets it (VectorSession: the release model loaded as Studio
 * loads it, the widget opened with the toolbar button, a message typed into the composer), talking
 * to the real proxy under `wrangler dev` in front of a scripted provider (real-proxy.ts). The
 * provider answers the first step with a list_children tool call and the second with
 * attempt_completion. Counted per task: the requests the proxy received (its relay sees every
 * one, on any route), the requests the plugin made (the host's HTTP log: HttpService and stream
 * clients) and the model steps (requests the provider received). The task runs streamed, then
 * again plain after the user switches streaming off in Settings. Then the session idles for a
 * virtual minute, widget open, and the requests of that minute are counted: there must be none.
 */
import { changeSettings, settle } from "../scenarios/runner/run.js";
import { attachRealProxy, startProxyStack } from "../studio/host/snapshot/scenes/real-proxy.js";
import { VectorSession } from "../studio/host/snapshot/scenes/vector-session.js";
import type { BenchRow } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";

interface TaskCount {
	mode: string;
	/** Requests the proxy received during the task. */
	proxy: number;
	/** Requests the plugin made (HttpService and stream clients). */
	plugin: number;
	/** Model steps: requests the provider received. */
	steps: number;
	completed: boolean;
}

const PLACE = [
	{ name: "Workspace", className: "Workspace", properties: {}, children: [{ name: "Door", className: "Part", properties: {}, children: [] }] },
];
const ANSWER = "The workspace holds the Door.";

/** Runs row 5 against `pluginFile` (a built .rbxmx) with a proxy stack of its own. */
export async function benchHttpRequests(sizes: BenchSizes, pluginFile: string): Promise<{ rows: BenchRow[]; problems: string[] }> {
	const stack = await startProxyStack();
	let session: VectorSession | undefined;
	try {
		session = await VectorSession.start({ pluginFile, place: PLACE, proxy: () => attachRealProxy(stack), settings: { streaming: true } });
		const s = session;
		await s.toggle();
		await settle(s);
		const log = s.studio.httpLog;
		const runs: TaskCount[] = [];
		for (const streaming of [true, false]) {
			if (!streaming) {
				await changeSettings(s, { streaming: false });
				await settle(s);
				await s.clickButton("New chat");
				await settle(s);
			}
			const before = { proxy: s.fake.proxyRequests(), plugin: log.length, steps: s.fake.chats.length };
			s.fake.reply(
				{ tool: { name: "list_children", args: { path: "Workspace" } } },
				{ tool: { name: "attempt_completion", args: { result: `${ANSWER} (${streaming ? "streamed" : "plain"})` } } },
			);
			await s.typeInto("Box", "What is in the workspace?");
			await s.pressKey("Return");
			let completed = true;
			await s.waitForText(`${ANSWER} (${streaming ? "streamed" : "plain"})`, 60).catch(() => (completed = false));
			await settle(s);
			runs.push({
				mode: streaming ? "streaming" : "plain",
				proxy: s.fake.proxyRequests() - before.proxy,
				plugin: log.length - before.plugin,
				steps: s.fake.chats.length - before.steps,
				completed,
			});
		}

		const idleStart = { proxy: s.fake.proxyRequests(), plugin: log.length };
		await s.advance(sizes.requests.idleSeconds);
		const idle = { proxy: s.fake.proxyRequests() - idleStart.proxy, plugin: log.length - idleStart.plugin };
		const budgetUsed = (await s.studio.call("httpBudgetUsed")) as number;
		const streamed = s.fake.chats.filter((chat) => chat.stream === true).length;

		const [first] = runs;
		if (first === undefined) throw new Error("no task ran");
		const perTask = runs.map((r) => `${r.mode}: proxy got ${r.proxy}, plugin made ${r.plugin}, for ${r.steps} steps${r.completed ? "" : " (NOT COMPLETED)"}`);
		const stepsOk = runs.every((r) => r.completed && r.steps === 2 && r.proxy === r.steps && r.plugin === r.steps);
		return {
			rows: [
				{
					what: "5a HTTP requests per model step",
					baseline: "budget: 1 per step",
					vector: `${first.proxy} requests for ${first.steps} steps`,
					ratio: `${(first.proxy / Math.max(1, first.steps)).toFixed(2)} per step`,
					extra: `the release plugin through the real proxy (wrangler dev); ${perTask.join("; ")}; the provider saw ${s.fake.chats.length} requests (${streamed} asking for a stream); steps: list_children, attempt_completion`,
					ok: stepsOk && streamed === 2,
				},
				{
					what: `5b HTTP requests while idle, ${sizes.requests.idleSeconds} virtual s`,
					baseline: "budget: 0",
					vector: `${idle.proxy} requests`,
					ratio: `${idle.proxy} requests`,
					extra: `the release plugin, widget open, after both tasks completed; the proxy got ${idle.proxy}, the plugin made ${idle.plugin}; HttpService budget used in the last virtual minute: ${budgetUsed}`,
					ok: idle.proxy === 0 && idle.plugin === 0 && budgetUsed === 0,
				},
			],
			problems: s.errors(),
		};
	} finally {
		if (session) {
			await session.fake.close();
			await session.advance(0.1).catch(() => undefined);
			session.studio.destroy();
		}
		await stack.stop();
	}
}
