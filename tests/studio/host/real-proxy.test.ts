/**
 * The real-proxy setup the scenarios and the bench stand on (snapshot/scenes/real-proxy.ts): one
 * `wrangler dev` for many sessions, each with its own scripted provider, catalog and relay. Checked
 * over plain HTTP, without Studio: what a session scripts is what the Worker relays, sessions do not
 * see each other's cached asset searches, and "proxy down" and "provider down" fail the way a user's
 * setup would (no answer at all; the proxy's 502 provider_unreachable after its retries).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachRealProxy, startProxyStack, STACK_MODELS, type ProxyStack } from "./snapshot/scenes/real-proxy.js";
import type { ScriptedProxy } from "./snapshot/scenes/scripted-proxy.js";

let stack: ProxyStack;
const attached: ScriptedProxy[] = [];

beforeAll(async () => {
	stack = await startProxyStack();
}, 90_000);

afterAll(async () => {
	for (const proxy of attached) await proxy.close();
	await stack?.stop();
});

async function attach(): Promise<ScriptedProxy> {
	const proxy = await attachRealProxy(stack);
	attached.push(proxy);
	return proxy;
}

function chat(proxy: ScriptedProxy, body: Record<string, unknown>): Promise<Response> {
	return fetch(`${proxy.url}/v1/chat/completions`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ messages: [{ role: "user", content: "What is selected?" }], ...body }),
	});
}

describe("the real proxy for scenarios", () => {
	it("relays a scripted tool call, plain and streamed, and the provider sees the default model", async () => {
		const proxy = await attach();
		proxy.reply({ tool: { name: "list_selection", args: {} } }, { text: "Nothing is selected.", tools: [{ name: "a", args: { x: 1 } }, { name: "b", args: "{broken" }] });
		const plain = await chat(proxy, {});
		expect(plain.status).toBe(200);
		const completion = (await plain.json()) as { choices: Array<{ message: { tool_calls: Array<{ function: { name: string } }> } }> };
		expect(completion.choices[0]?.message.tool_calls[0]?.function.name).toBe("list_selection");

		const streamed = await chat(proxy, { stream: true });
		const text = await streamed.text();
		expect(text).toContain('"content":"Nothing "');
		expect(text).toContain('"name":"b"');
		expect(text).toContain('{broken');
		expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
		expect(proxy.chats.map((c) => c.model)).toEqual([STACK_MODELS[0], STACK_MODELS[0]]);
		expect(proxy.chatRequests()).toBe(2);
		expect(proxy.unscripted()).toBe(0);
	});

	it("keeps each session's asset searches to itself (the Worker's cache is keyed by the relay's origin)", async () => {
		const first = await attach();
		first.assets([{ id: 5001, name: "Lava Kit", creator: "A" }]);
		const search = async (proxy: ScriptedProxy) => {
			const res = await fetch(`${proxy.url}/v1/assets/search?query=lava`);
			expect(res.status).toBe(200);
			return { cache: res.headers.get("x-vector-cache"), names: ((await res.json()) as { results: Array<{ name: string }> }).results.map((r) => r.name) };
		};
		expect(await search(first)).toEqual({ cache: "MISS", names: ["Lava Kit"] });
		// The Worker caches in the background; the second search of the same session may hit.
		let again = await search(first);
		for (let i = 0; i < 20 && again.cache !== "HIT"; i++) again = await search(first);
		expect(again).toEqual({ cache: "HIT", names: ["Lava Kit"] });

		const second = await attach();
		second.assets([{ id: 6001, name: "Lava Lamp", creator: "B" }]);
		expect(await search(second)).toEqual({ cache: "MISS", names: ["Lava Lamp"] });
	});

	it("fails like a user's setup: the proxy down drops the connection, the provider down is a 502", async () => {
		const proxy = await attach();
		proxy.setDown(true);
		await expect(chat(proxy, {})).rejects.toThrow();
		proxy.setDown(false);

		proxy.setProviderDown(true);
		const res = await chat(proxy, {});
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_unreachable");
		expect(proxy.chats).toEqual([]);

		proxy.setProviderDown(false);
		proxy.reply({ error: { status: 429, code: "rate_limit_exceeded", message: "slow down", retryAfter: 30 } });
		const limited = await chat(proxy, {});
		expect(limited.status).toBe(429);
		expect(limited.headers.get("retry-after")).toBe("30");
		expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("provider_rate_limited");
		expect(proxy.chatRequests()).toBe(2); // the one dropped while the proxy was down never reached it
	});
});
