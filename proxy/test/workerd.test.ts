/**
 * The Worker as deployed code: bundled by wrangler, running in workerd (`wrangler dev`) on loopback, called
 * with the official `openai` SDK (and plain fetch), against the fake provider and fake Roblox APIs.
 *
 * Two instances start in parallel: a configured one (tokens, provider, catalog) and a bare one (nothing
 * set: loopback-only local mode, no provider), which is what `npm run start:proxy` gives a new user.
 */
import http from "node:http";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import type { AssetSearchResponse, HealthResponse } from "../../shared/src/proxy-api";
import { delay, hang, replyJson } from "./fakes/http-fake";
import { errorBody, type FakeProvider, replyStream, replyToolCalls, startFakeProvider } from "./fakes/fake-provider";
import { type FakeRoblox, startFakeRoblox } from "./fakes/fake-roblox";
import { ALL_SECRETS, OTHER_TOKEN, PROVIDER_KEY, TOKEN } from "./helpers/test-env";
import { startWranglerDev, type WranglerDev } from "./helpers/wrangler-dev";

const RATE_LIMIT = 30;
let provider: FakeProvider;
let roblox: FakeRoblox;
let configured: WranglerDev;
let bare: WranglerDev;
let client: OpenAI;

beforeAll(async () => {
	[provider, roblox] = await Promise.all([startFakeProvider(), startFakeRoblox()]);
	[configured, bare] = await Promise.all([
		startWranglerDev({
			vars: {
				OPENAI_BASE_URL: `${provider.url}/v1`,
				OPENAI_API_KEY: PROVIDER_KEY,
				VECTOR_MODELS: "fake-small,fake-large",
				VECTOR_TOKENS: `${TOKEN},${OTHER_TOKEN}`,
				ROBLOX_APIS_BASE_URL: roblox.url,
				VECTOR_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
				VECTOR_UPSTREAM_TIMEOUT_MS: "4000",
			},
		}),
		startWranglerDev({ vars: {} }),
	]);
	client = new OpenAI({ baseURL: `${configured.url}/v1`, apiKey: TOKEN, maxRetries: 0 });
});

afterEach(() => {
	provider.assertNoUnexpected();
	roblox.assertNoUnexpected();
	provider.reset();
	roblox.reset();
});

afterAll(async () => {
	await Promise.all([configured?.stop(), bare?.stop()]);
	await Promise.all([provider?.close(), roblox?.close()]);
});

describe("configured Worker under wrangler dev", () => {
	it("reports its configuration on /v1/health", async () => {
		const res = await fetch(`${configured.url}/v1/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			status: "ok",
			version: packageJson.version,
			provider: { configured: true, models: ["fake-small", "fake-large"], defaultModel: "fake-small", bringYourOwnKey: false },
			catalog: { keyConfigured: false },
		} satisfies HealthResponse);
	});

	it("answers the openai SDK with tool calls, using the proxy's key upstream", async () => {
		provider.enqueue(replyToolCalls([{ id: "call_1", name: "list_selection", arguments: "{}" }]));
		const completion = await client.chat.completions.create({
			messages: [{ role: "user", content: "What is selected?" }],
			tools: [{ type: "function", function: { name: "list_selection", parameters: { type: "object", properties: {} } } }],
		} as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
		expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({ id: "call_1", type: "function", function: { name: "list_selection", arguments: "{}" } });
		expect(completion.model).toBe("fake-small");
		expect(provider.requests[0]?.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
	});

	it("streams to the SDK chunk by chunk: the first chunk arrives before the provider has finished", async () => {
		let release!: () => void;
		const released = new Promise<void>((resolve) => {
			release = resolve;
		});
		let releasedBy = "";
		const gate = () => Promise.race([released.then(() => void (releasedBy ||= "client")), delay(8_000).then(() => void (releasedBy ||= "timeout"))]);
		provider.enqueue(replyStream({ text: ["Hello", ", ", "Studio"], gate }));

		const stream = await client.chat.completions.create({ model: "fake-large", messages: [{ role: "user", content: "hi" }], stream: true });
		let text = "";
		let finish: string | null | undefined;
		for await (const chunk of stream) {
			const content = chunk.choices[0]?.delta.content ?? "";
			if (content === "Hello") {
				expect(releasedBy, "the provider was still holding the rest of its answer").toBe("");
				release();
			}
			text += content;
			finish = chunk.choices[0]?.finish_reason ?? finish;
		}
		expect(releasedBy).toBe("client");
		expect(text).toBe("Hello, Studio");
		expect(finish).toBe("stop");
	});

	it("streams tool-call argument fragments the SDK can reassemble", async () => {
		provider.enqueue(replyStream({ toolCall: { id: "call_7", name: "search_assets", argumentFragments: ['{"query":', '"red car"}'] } }));
		const stream = await client.chat.completions.create({
			model: "fake-small",
			messages: [{ role: "user", content: "find a car" }],
			tools: [{ type: "function", function: { name: "search_assets" } }],
			stream: true,
		});
		let args = "";
		for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? "";
		expect(JSON.parse(args)).toEqual({ query: "red car" });
	});

	it("surfaces proxy errors as the SDK's typed errors", async () => {
		await expect(client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({
			status: 403,
			code: "model_not_allowed",
		});
		const stranger = new OpenAI({ baseURL: `${configured.url}/v1`, apiKey: "not-a-token", maxRetries: 0 });
		await expect(stranger.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "hi" }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
		expect(provider.requests).toHaveLength(0);
	});

	it("passes a provider 429 on with Retry-After", async () => {
		provider.enqueue(replyJson(429, errorBody("Rate limit reached", "requests"), { "retry-after": "42" }));
		const err = await client.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(OpenAI.RateLimitError);
		expect((err as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("42");
	});

	it("times out a silent provider with 504", async () => {
		provider.enqueue(hang());
		const err = await client.chat.completions.create({ model: "fake-small", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
		expect(err).toMatchObject({ status: 504, code: "provider_timeout" });
	});

	it("searches assets and answers repeats from the Workers Cache API", async () => {
		const search = (q: string) => fetch(`${configured.url}/v1/assets/search?${q}`, { headers: { authorization: `Bearer ${TOKEN}` } });
		const first = await search("query=tree&limit=2");
		expect(first.status).toBe(200);
		expect(first.headers.get("x-vector-cache")).toBe("MISS");
		const body = (await first.json()) as AssetSearchResponse;
		expect(body.results.map((r) => r.name)).toEqual(["Low Poly Tree", "Pine Tree Pack"]);
		expect(body.results[0]?.thumbnailUrl).toBe("rbxthumb://type=Asset&id=94215407204609&w=150&h=150");
		expect(roblox.requests).toHaveLength(2);

		const second = await search("q=TREE&limit=2");
		expect(second.headers.get("x-vector-cache")).toBe("HIT");
		expect(await second.json()).toEqual(body);
		expect(roblox.requests).toHaveLength(2);
	});

	it("refuses an oversized body with 413", async () => {
		const res = await fetch(`${configured.url}/v1/chat/completions`, {
			method: "POST",
			headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
			body: JSON.stringify({ messages: [{ role: "user", content: "x".repeat(3 * 1024 * 1024) }] }),
		});
		expect(res.status).toBe(413);
		expect(provider.requests).toHaveLength(0);
	});

	it("rate limits per token with 429 and Retry-After", async () => {
		const hit = () => fetch(`${configured.url}/v1/health`, { headers: { authorization: `Bearer ${OTHER_TOKEN}` } });
		for (let i = 0; i < RATE_LIMIT; i++) expect((await hit()).status).toBe(200);
		const refused = await hit();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
		expect((await fetch(`${configured.url}/v1/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
	});

	it("printed no secret and made no network attempt", () => {
		const output = configured.output();
		for (const secret of ALL_SECRETS) expect(output).not.toContain(secret);
		expect(output).not.toMatch(/Unable to fetch|EAI_AGAIN|ENOTFOUND|getaddrinfo|update available/i);
	});
});

describe("bare Worker under wrangler dev (nothing configured)", () => {
	it("serves loopback callers and says no provider is configured", async () => {
		const res = await fetch(`${bare.url}/v1/health`);
		expect(res.status).toBe(200);
		expect(((await res.json()) as HealthResponse).provider.configured).toBe(false);
	});

	it("tells an SDK user what to set", async () => {
		const sdk = new OpenAI({ baseURL: `${bare.url}/v1`, apiKey: "anything", maxRetries: 0 });
		const err = await sdk.chat.completions.create({ model: "any", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
		expect(err).toMatchObject({ status: 503, code: "provider_not_configured" });
		expect(String((err as Error).message)).toContain("VECTOR_MODELS");
	});

	it("refuses a request that reached it from elsewhere (CF-Connecting-IP not loopback)", async () => {
		const res = await fetch(`${bare.url}/v1/health`, { headers: { "cf-connecting-ip": "203.0.113.9" } });
		expect(res.status).toBe(403);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("loopback_only");
	});

	it("refuses a request addressed to a non-loopback host name", async () => {
		// fetch() cannot set Host; node:http can.
		const status = await new Promise<number>((resolve, reject) => {
			const req = http.get(`${bare.url}/v1/health`, { headers: { host: "vector.example.com" } }, (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on("error", reject);
		});
		expect(status).toBe(403);
	});

	it("printed no network attempt", () => {
		expect(bare.output()).not.toMatch(/Unable to fetch|EAI_AGAIN|ENOTFOUND|getaddrinfo|update available/i);
	});
});
