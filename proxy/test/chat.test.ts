/**
 * `POST /v1/chat/completions` through `app.request`, against a fake provider on real loopback HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import type { Env } from "../src/env";
import { afterDelay, delay, hang, replyJson, replyRaw } from "./fakes/http-fake";
import { errorBody, type FakeProvider, replyStream, replyText, replyToolCalls, startFakeProvider } from "./fakes/fake-provider";
import { CALLER_KEY, call, chatBody, configuredEnv, FAST_RETRY, PROVIDER_KEY, TOKEN } from "./helpers/test-env";
import { readAllSse, sseData } from "./helpers/sse";

let provider: FakeProvider;
let env: Env;
const app = createApp({ retry: FAST_RETRY });

beforeAll(async () => {
	provider = await startFakeProvider();
	env = configuredEnv(provider.url, "http://127.0.0.1:9");
});
afterEach(() => {
	provider.assertNoUnexpected();
	provider.reset();
});
afterAll(() => provider.close());

function chat(body: unknown, options: { headers?: Record<string, string>; env?: Env } = {}): Promise<Response> {
	return call(app, options.env ?? env, "/v1/chat/completions", { body, headers: options.headers });
}

describe("plain completions", () => {
	it("forwards to the provider with the proxy's key and the default model, and returns the completion", async () => {
		provider.enqueue(replyText("Hi there"));
		const res = await chat(chatBody({ temperature: 0.2, max_tokens: 50 }));
		expect(res.status).toBe(200);
		const body = (await res.json()) as { choices: { message: { content: string } }[]; model: string };
		expect(body.choices[0]?.message.content).toBe("Hi there");
		expect(body.model).toBe("fake-small");

		const [upstream] = provider.requests;
		expect(upstream?.method).toBe("POST");
		expect(upstream?.path).toBe("/v1/chat/completions");
		expect(upstream?.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
		expect(upstream?.json).toEqual({ model: "fake-small", messages: [{ role: "user", content: "Say hi" }], temperature: 0.2, max_tokens: 50, stream: false });
		expect(res.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
	});

	it("round-trips tools, tool_choice, assistant tool calls and tool results", async () => {
		provider.enqueue(replyToolCalls([{ id: "call_2", name: "read_script", arguments: '{"path":"ServerScriptService.Main","startLine":1}' }]));
		const messages = [
			{ role: "system", content: "You are Vector." },
			{ role: "user", content: [{ type: "text", text: "Fix my script" }] },
			{ role: "assistant", content: null, refusal: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_active_script", arguments: "{}" } }] },
			{ role: "tool", tool_call_id: "call_1", content: '{"path":"ServerScriptService.Main"}' },
		];
		const tools = [
			{ type: "function", function: { name: "get_active_script", description: "The open script", parameters: { type: "object", properties: {} } } },
			{ type: "function", function: { name: "read_script", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] }, strict: true } },
		];
		const res = await chat({ model: "fake-large", messages, tools, tool_choice: "required", parallel_tool_calls: false });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { choices: { message: { tool_calls: unknown[] }; finish_reason: string }[] };
		expect(body.choices[0]?.finish_reason).toBe("tool_calls");
		expect(body.choices[0]?.message.tool_calls).toEqual([
			{ id: "call_2", type: "function", function: { name: "read_script", arguments: '{"path":"ServerScriptService.Main","startLine":1}' } },
		]);
		const sent = provider.requests[0]?.json as Record<string, unknown>;
		expect(sent.model).toBe("fake-large");
		expect(sent.tools).toEqual(tools);
		expect(sent.tool_choice).toBe("required");
		expect(sent.parallel_tool_calls).toBe(false);
		// The response-only `refusal` field is stripped; null content becomes absent.
		expect(sent.messages).toEqual([
			messages[0],
			messages[1],
			{ role: "assistant", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_active_script", arguments: "{}" } }] },
			messages[3],
		]);
	});

	it("refuses a model that is not on the allow-list with 403, before calling the provider", async () => {
		const res = await chat(chatBody({ model: "gpt-5-ultra" }));
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({
			error: { code: "model_not_allowed", message: 'Model "gpt-5-ultra" is not allowed on this proxy. Allowed: fake-small, fake-large.', type: "permission_error" },
		});
		expect(provider.requests).toHaveLength(0);
	});
});

describe("request validation (400, never 500, nothing sent upstream)", () => {
	const cases: [string, unknown, string][] = [
		["malformed JSON", "{ not json", "invalid_json"],
		["a JSON array", [], "invalid_request"],
		["no messages", {}, "invalid_request"],
		["empty messages", { messages: [] }, "invalid_request"],
		["an unknown role", { messages: [{ role: "wizard", content: "hi" }] }, "invalid_request"],
		["an unsupported top-level field", chatBody({ top_p: 0.5 }), "invalid_request"],
		["temperature out of range", chatBody({ temperature: 5 }), "invalid_request"],
		["a fractional max_tokens", chatBody({ max_tokens: 1.5 }), "invalid_request"],
		["a tool message without tool_call_id", { messages: [{ role: "tool", content: "x" }] }, "invalid_request"],
		["an assistant message with neither content nor tool calls", { messages: [{ role: "assistant" }] }, "invalid_request"],
		["tool_choice naming an unknown tool", chatBody({ tool_choice: { type: "function", function: { name: "nope" } } }), "invalid_request"],
		["a tool name with spaces", chatBody({ tools: [{ type: "function", function: { name: "bad name" } }] }), "invalid_request"],
		["stream as a string", chatBody({ stream: "yes" }), "invalid_request"],
		["stream_options without stream", chatBody({ stream_options: { include_usage: true } }), "invalid_request"],
	];
	it.each(cases)("rejects %s", async (_name, body, code) => {
		const res = await chat(body);
		expect(res.status).toBe(400);
		const json = (await res.json()) as { error: { code: string; message: string; type: string } };
		expect(json.error.code).toBe(code);
		expect(json.error.type).toBe("invalid_request_error");
		expect(json.error.message.length).toBeGreaterThan(10);
		expect(provider.requests).toHaveLength(0);
	});

	it("names the offending field", async () => {
		const res = await chat(chatBody({ temperature: 5 }));
		expect(((await res.json()) as { error: { message: string } }).error.message).toContain("temperature");
	});

	it("accepts JSON null for optional fields, as some clients send", async () => {
		provider.enqueue(replyText());
		const res = await chat(chatBody({ model: null, temperature: null, tools: null }));
		expect(res.status).toBe(200);
		expect((provider.requests[0]?.json as { model: string }).model).toBe("fake-small");
	});
});

describe("body size limit", () => {
	const small = createApp({ retry: FAST_RETRY, maxBodyBytes: 1024 });
	const big = chatBody({ messages: [{ role: "user", content: "x".repeat(4096) }] });

	it("refuses an oversized body with 413 (Content-Length)", async () => {
		const res = await call(small, env, "/v1/chat/completions", { body: big });
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
	});

	it("refuses an oversized chunked body with 413", async () => {
		const bytes = new TextEncoder().encode(JSON.stringify(big));
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < bytes.length; i += 512) controller.enqueue(bytes.slice(i, i + 512));
				controller.close();
			},
		});
		const init = { method: "POST", body: stream, duplex: "half", headers: { authorization: `Bearer ${TOKEN}` } };
		const res = await small.request("http://localhost/v1/chat/completions", init as RequestInit, env);
		expect(res.status).toBe(413);
		expect(provider.requests).toHaveLength(0);
	});

	it("accepts the default limit's worth of a realistic conversation", async () => {
		provider.enqueue(replyText());
		const res = await chat(chatBody({ messages: [{ role: "user", content: "y".repeat(500_000) }] }));
		expect(res.status).toBe(200);
	});
});

describe("no provider configured", () => {
	it("answers 503 provider_not_configured, naming the variables to set", async () => {
		const bare: Env = { VECTOR_TOKENS: env.VECTOR_TOKENS };
		const res = await chat(chatBody(), { env: bare });
		expect(res.status).toBe(503);
		const json = (await res.json()) as { error: { code: string; message: string } };
		expect(json.error.code).toBe("provider_not_configured");
		expect(json.error.message).toContain("OPENAI_API_KEY");
		expect(json.error.message).toContain("VECTOR_MODELS");
		expect(json.error.message).toContain(".dev.vars");
	});

	it("says VECTOR_MODELS is missing when only the provider is set", async () => {
		const res = await chat(chatBody(), { env: { ...env, VECTOR_MODELS: "" } });
		expect(res.status).toBe(503);
		expect(((await res.json()) as { error: { message: string } }).error.message).toContain("VECTOR_MODELS is empty");
	});
});

describe("upstream failures", () => {
	it("retries a 429 that asks for a short wait, then succeeds", async () => {
		provider.enqueue(replyJson(429, errorBody("Rate limit reached", "requests", "rate_limit_exceeded"), { "retry-after": "0" }), replyText("after retry"));
		const res = await chat(chatBody());
		expect(res.status).toBe(200);
		expect(provider.requests).toHaveLength(2);
	});

	it("passes a long 429 straight back with the provider's Retry-After", async () => {
		provider.enqueue(replyJson(429, errorBody("Rate limit reached", "requests", "rate_limit_exceeded"), { "retry-after": "30" }));
		const res = await chat(chatBody());
		expect(res.status).toBe(429);
		expect(res.headers.get("retry-after")).toBe("30");
		expect(((await res.json()) as { error: { code: string; type: string } }).error).toMatchObject({ code: "provider_rate_limited", type: "rate_limit_error" });
		expect(provider.requests).toHaveLength(1);
	});

	it("gives up after the bounded retries on repeated 500s with 502", async () => {
		provider.setDefault(replyJson(500, errorBody("The server had an error", "server_error")));
		const res = await chat(chatBody());
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_error");
		expect(provider.requests).toHaveLength(1 + FAST_RETRY.retries);
	});

	it("recovers from a 503 on retry", async () => {
		provider.enqueue(replyRaw(503, "upstream overloaded", { "content-type": "text/plain" }), replyText("ok"));
		const res = await chat(chatBody());
		expect(res.status).toBe(200);
		expect(provider.requests).toHaveLength(2);
	});

	it("maps malformed JSON to 502 provider_bad_response without retrying", async () => {
		provider.enqueue(replyRaw(200, '{"id": "chatcmpl-1", "choices": [', { "content-type": "application/json" }));
		const res = await chat(chatBody());
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_bad_response");
		expect(provider.requests).toHaveLength(1);
	});

	it("maps JSON that is not a completion to 502 provider_bad_response", async () => {
		provider.enqueue(replyJson(200, { hello: "world" }));
		const res = await chat(chatBody());
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_bad_response");
	});

	it("times out a slow provider with 504", async () => {
		provider.enqueue(afterDelay(3_000, replyText()));
		const started = Date.now();
		const res = await chat(chatBody(), { env: { ...env, VECTOR_UPSTREAM_TIMEOUT_MS: "300" } });
		expect(res.status).toBe(504);
		expect(await res.json()).toMatchObject({ error: { code: "provider_timeout", message: "The model provider did not answer within 300 ms.", type: "api_error" } });
		expect(Date.now() - started).toBeLessThan(2_000);
	});

	it("times out a provider that sends headers but stalls the body", async () => {
		provider.enqueue((_req, res) => {
			res.writeHead(200, { "content-type": "application/json" });
			res.write('{"id":"chatcmpl-1",');
		});
		const res = await chat(chatBody(), { env: { ...env, VECTOR_UPSTREAM_TIMEOUT_MS: "300" } });
		expect(res.status).toBe(504);
	});

	it("keeps a provider's 400 as 400 provider_rejected with its message", async () => {
		provider.enqueue(replyJson(400, errorBody("This model's maximum context length is 8192 tokens.", "invalid_request_error", "context_length_exceeded")));
		const res = await chat(chatBody());
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			error: { code: "provider_rejected", message: "The model provider rejected the request: This model's maximum context length is 8192 tokens.", type: "invalid_request_error" },
		});
	});

	it("reports a rejected proxy key as 502 provider_auth_failed, naming the variable", async () => {
		provider.enqueue(replyJson(401, errorBody(`Incorrect API key provided: ${PROVIDER_KEY}.`, "invalid_request_error", "invalid_api_key")));
		const res = await chat(chatBody());
		expect(res.status).toBe(502);
		const json = (await res.json()) as { error: { code: string; message: string } };
		expect(json.error.code).toBe("provider_auth_failed");
		expect(json.error.message).toContain("OPENAI_API_KEY");
	});

	it("reports an unreachable provider as 502 provider_unreachable after retries", async () => {
		const res = await chat(chatBody(), { env: { ...env, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_unreachable");
	});
});

describe("bring your own key", () => {
	const byokEnv = () => ({ ...env, VECTOR_PROVIDER_ALLOWLIST: `${provider.url}/v1/` });

	it("forwards with the caller's key to an allow-listed base URL", async () => {
		provider.enqueue(replyText());
		const res = await chat(chatBody(), { env: byokEnv(), headers: { "x-provider-base-url": `${provider.url}/v1`, "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(200);
		expect(provider.requests[0]?.headers.authorization).toBe(`Bearer ${CALLER_KEY}`);
	});

	it("refuses a base URL that is not allow-listed with 403", async () => {
		const res = await chat(chatBody(), { env: byokEnv(), headers: { "x-provider-base-url": "http://127.0.0.1:9/v1", "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(403);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_not_allowed");
	});

	it("refuses callers' keys entirely when the allow-list is empty", async () => {
		const res = await chat(chatBody(), { headers: { "x-provider-base-url": `${provider.url}/v1`, "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(403);
	});

	it("refuses half of the header pair with 400", async () => {
		const res = await chat(chatBody(), { env: byokEnv(), headers: { "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(400);
	});

	it("reports the caller's rejected key as 401 provider_auth_failed", async () => {
		provider.enqueue(replyJson(401, errorBody("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")));
		const res = await chat(chatBody(), { env: byokEnv(), headers: { "x-provider-base-url": `${provider.url}/v1`, "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(401);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("provider_auth_failed");
	});

	it("still enforces the model allow-list", async () => {
		const res = await chat(chatBody({ model: "other" }), { env: byokEnv(), headers: { "x-provider-base-url": `${provider.url}/v1`, "x-provider-key": CALLER_KEY } });
		expect(res.status).toBe(403);
	});
});

describe("streaming", () => {
	function chunksOf(events: string[]): Record<string, unknown>[] {
		return events.filter((e) => e !== "[DONE]").map((e) => JSON.parse(e) as Record<string, unknown>);
	}

	it("relays OpenAI chunks in order and ends with [DONE]", async () => {
		provider.enqueue(replyStream({ text: ["Hel", "lo"], usage: true }));
		const res = await chat(chatBody({ stream: true, stream_options: { include_usage: true } }));
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
		const events = await readAllSse(res.body!);
		expect(events.at(-1)).toBe("[DONE]");
		const chunks = chunksOf(events);
		const text = chunks.map((c) => ((c.choices as { delta?: { content?: string } }[])[0]?.delta?.content ?? "")).join("");
		expect(text).toBe("Hello");
		expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 });
		expect((provider.requests[0]?.json as { stream: boolean }).stream).toBe(true);
	});

	it("relays streamed tool-call fragments untouched", async () => {
		provider.enqueue(replyStream({ toolCall: { id: "call_9", name: "search_assets", argumentFragments: ['{"que', 'ry":"tree"}'] } }));
		const res = await chat(chatBody({ stream: true, tools: [{ type: "function", function: { name: "search_assets" } }] }));
		const chunks = chunksOf(await readAllSse(res.body!));
		const fragments = chunks.flatMap((c) => (c.choices as { delta: { tool_calls?: { function?: { arguments?: string } }[] } }[])[0]?.delta.tool_calls ?? []);
		expect(fragments.map((f) => f.function?.arguments ?? "").join("")).toBe('{"query":"tree"}');
		expect((chunks.at(-1)?.choices as { finish_reason: string }[])[0]?.finish_reason).toBe("tool_calls");
	});

	it("delivers the first chunk before the provider has finished (no buffering)", async () => {
		let release!: () => void;
		const released = new Promise<void>((resolve) => {
			release = resolve;
		});
		let releasedBy = "";
		const gate = () => Promise.race([released.then(() => void (releasedBy ||= "client")), delay(5_000).then(() => void (releasedBy ||= "timeout"))]);
		provider.enqueue(replyStream({ text: ["first", " second"], gate }));
		const res = await chat(chatBody({ stream: true }));
		const events = sseData(res.body!);
		await events.next(); // role chunk
		const first = await events.next();
		expect(first.value).toContain('"first"');
		release();
		const rest: string[] = [];
		for await (const data of events) rest.push(data);
		expect(releasedBy).toBe("client");
		expect(rest.at(-1)).toBe("[DONE]");
	});

	it("adds [DONE] when the provider just closes", async () => {
		provider.enqueue(replyStream({ text: ["x"], omitDone: true }));
		const events = await readAllSse((await chat(chatBody({ stream: true }))).body!);
		expect(events.at(-1)).toBe("[DONE]");
	});

	it("turns a malformed chunk into an error event and no [DONE]", async () => {
		provider.enqueue(replyStream({ text: ["a", "b"], breakAt: { index: 2, raw: "data: {not json\n\n" } }));
		const events = await readAllSse((await chat(chatBody({ stream: true }))).body!);
		expect(events).not.toContain("[DONE]");
		expect(JSON.parse(events.at(-1)!)).toMatchObject({ error: { code: "provider_bad_response", type: "api_error" } });
	});

	it("relays a provider's mid-stream error event as an OpenAI error event", async () => {
		provider.enqueue(replyStream({ text: ["a", "b"], breakAt: { index: 2, raw: `data: ${JSON.stringify(errorBody("overloaded", "server_error"))}\n\n` } }));
		const events = await readAllSse((await chat(chatBody({ stream: true }))).body!);
		expect(JSON.parse(events.at(-1)!)).toMatchObject({ error: { code: "provider_error", message: "The model provider reported an error: overloaded" } });
	});

	it("ends a stream whose provider goes silent with a timeout error event", async () => {
		provider.enqueue(replyStream({ text: ["a", "b", "c"], stallAfter: 2 }));
		const res = await chat(chatBody({ stream: true }), { env: { ...env, VECTOR_UPSTREAM_TIMEOUT_MS: "400" } });
		expect(res.status).toBe(200);
		const events = await readAllSse(res.body!);
		expect(events).toHaveLength(3);
		expect(JSON.parse(events[2]!)).toMatchObject({ error: { code: "provider_timeout" } });
	});

	it("answers with a proper status when the provider fails before streaming", async () => {
		provider.enqueue(replyJson(429, errorBody("slow down", "requests"), { "retry-after": "20" }));
		const res = await chat(chatBody({ stream: true }));
		expect(res.status).toBe(429);
		expect(res.headers.get("content-type")).toContain("application/json");
		expect(res.headers.get("retry-after")).toBe("20");
	});

	it("aborts the upstream request when the client goes away", async () => {
		let upstreamClosed!: () => void;
		const closed = new Promise<void>((resolve) => {
			upstreamClosed = resolve;
		});
		provider.enqueue((req, res) => {
			res.on("close", () => upstreamClosed());
			return replyStream({ text: ["a", "b"], stallAfter: 2 })(req, res);
		});
		const res = await chat(chatBody({ stream: true }));
		const reader = res.body!.getReader();
		await reader.read();
		await reader.cancel();
		await expect(Promise.race([closed.then(() => "closed"), delay(3_000).then(() => "still open")])).resolves.toBe("closed");
	});

	it("times out a provider that never starts the stream with 504", async () => {
		provider.enqueue(hang());
		const res = await chat(chatBody({ stream: true }), { env: { ...env, VECTOR_UPSTREAM_TIMEOUT_MS: "300" } });
		expect(res.status).toBe(504);
	});
});
