/**
 * Keys never appear in responses, stream events or logs, even when upstreams echo them back.
 *
 * Each scenario provokes a failure in which a secret is at hand (a provider quoting the key in its error,
 * a caller's own key, a wrong token, a rejected Roblox key) and checks every byte the proxy emitted: status
 * line headers, body, and (via `setup/capture-logs.ts`, which runs after every test) every log line.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import type { Env } from "../src/env";
import { replyJson } from "./fakes/http-fake";
import { errorBody, type FakeProvider, replyStream, startFakeProvider } from "./fakes/fake-provider";
import { type FakeRoblox, startFakeRoblox } from "./fakes/fake-roblox";
import { capturedLogs } from "./setup/capture-logs";
import { ALL_SECRETS, CALLER_KEY, call, chatBody, configuredEnv, FAST_RETRY, PROVIDER_KEY, ROBLOX_KEY, TOKEN } from "./helpers/test-env";

let provider: FakeProvider;
let roblox: FakeRoblox;
let env: Env;
const app = createApp({ retry: FAST_RETRY, searchCache: () => undefined });

beforeAll(async () => {
	provider = await startFakeProvider();
	roblox = await startFakeRoblox("rbx-the-real-key-000000");
	env = configuredEnv(provider.url, roblox.url, { VECTOR_PROVIDER_ALLOWLIST: `${provider.url}/v1` });
});
afterEach(() => {
	provider.reset();
	roblox.reset();
});
afterAll(async () => {
	await provider.close();
	await roblox.close();
});

/** Everything a response exposes, as one string. */
async function exposed(res: Response): Promise<string> {
	return `${res.status}\n${[...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${await res.text()}`;
}

function expectNoSecrets(text: string): void {
	for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

const byok = { "x-provider-base-url": "", "x-provider-key": CALLER_KEY };

describe("no key leaves the proxy", () => {
	it("when the provider quotes the proxy's key in a 401", async () => {
		provider.enqueue(replyJson(401, errorBody(`Incorrect API key provided: ${PROVIDER_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", "invalid_api_key")));
		const text = await exposed(await call(app, env, "/v1/chat/completions", { body: chatBody() }));
		expect(text).toContain("provider_auth_failed");
		expectNoSecrets(text);
	});

	it("when the provider quotes the key in a 400 whose message is passed on", async () => {
		provider.enqueue(replyJson(400, errorBody(`Bad request for key ${PROVIDER_KEY} (org key sk-proj-abcdefghijklmnop): invalid tool schema`, "invalid_request_error")));
		const res = await call(app, env, "/v1/chat/completions", { body: chatBody() });
		const text = await exposed(res);
		expect(res.status).toBe(400);
		expect(text).toContain("invalid tool schema");
		expect(text).toContain("[redacted]");
		expect(text).not.toContain("sk-proj-abcdefghijklmnop");
		expectNoSecrets(text);
	});

	it("when the provider quotes the caller's own key", async () => {
		provider.enqueue(replyJson(422, errorBody(`Key ${CALLER_KEY} cannot use this model`, "invalid_request_error")));
		const res = await call(app, env, "/v1/chat/completions", { body: chatBody(), headers: { ...byok, "x-provider-base-url": `${provider.url}/v1` } });
		expect(res.status).toBe(422);
		expectNoSecrets(await exposed(res));
	});

	it("when a stream's error event quotes a key", async () => {
		provider.enqueue(replyStream({ text: ["a"], breakAt: { index: 2, raw: `data: ${JSON.stringify(errorBody(`quota exceeded for ${PROVIDER_KEY}`, "server_error"))}\n\n` } }));
		const res = await call(app, env, "/v1/chat/completions", { body: chatBody({ stream: true }) });
		const text = await exposed(res);
		expect(text).toContain("quota exceeded for [redacted]");
		expectNoSecrets(text);
	});

	it("when a caller presents a wrong token (it is not echoed or logged)", async () => {
		const attempted = "vt_guess_token_that_is_wrong_123";
		const res = await call(app, env, "/v1/health", { token: attempted });
		const text = await exposed(res);
		expect(res.status).toBe(401);
		expect(text).not.toContain(attempted);
		expect(capturedLogs().join("\n")).not.toContain(attempted);
	});

	it("when Roblox refuses the key", async () => {
		const text = await exposed(await call(app, { ...env, ROBLOX_API_KEY: ROBLOX_KEY }, "/v1/assets/search?query=tree"));
		expect(text).toContain("catalog_auth_failed");
		expectNoSecrets(text);
		expect(roblox.requests[0]?.url.search).not.toContain(ROBLOX_KEY);
	});

	it("when a request fails with an unexpected internal error", async () => {
		const broken = createApp({
			retry: FAST_RETRY,
			searchCache: () => ({
				get: () => Promise.reject(new Error(`cache exploded near ${ROBLOX_KEY} and Bearer ${TOKEN}`)),
				put: () => Promise.resolve(),
			}),
		});
		const res = await call(broken, { ...env, ROBLOX_API_KEY: ROBLOX_KEY }, "/v1/assets/search?query=tree");
		expect(res.status).toBe(500);
		const text = await exposed(res);
		expect(text).toContain("internal_error");
		expect(text).not.toContain("exploded");
		expectNoSecrets(text);
		expect(capturedLogs().join("\n")).toContain("cache exploded near [redacted]");
	});
});
