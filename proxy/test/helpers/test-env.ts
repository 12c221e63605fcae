/**
 * Shared fixtures for the HTTP-level suites: secrets with recognizable values, env builders, and a
 * request helper around `app.request` that always authenticates unless told otherwise.
 */
import type { Hono } from "hono";
import type { AppEnv, Env } from "../../src/env";

export const TOKEN = "vt_test_token_alpha_0123456789";
export const OTHER_TOKEN = "vt_test_token_bravo_9876543210";
export const PROVIDER_KEY = "sk-test-proxy-provider-key-4f9a8b7c6d5e";
export const CALLER_KEY = "sk-test-caller-own-key-1a2b3c4d5e6f";
export const ROBLOX_KEY = "rbx-oc-key-test-7h8i9j0k1l2m";

/** All secret values the suites use, for leak assertions. */
export const ALL_SECRETS = [TOKEN, OTHER_TOKEN, PROVIDER_KEY, CALLER_KEY, ROBLOX_KEY];

/** A fully configured env pointing at the fakes. */
export function configuredEnv(providerUrl: string, robloxUrl: string, overrides: Partial<Env> = {}): Env {
	return {
		OPENAI_BASE_URL: `${providerUrl}/v1`,
		OPENAI_API_KEY: PROVIDER_KEY,
		VECTOR_MODELS: "fake-small,fake-large",
		VECTOR_TOKENS: `${TOKEN},${OTHER_TOKEN}`,
		ROBLOX_APIS_BASE_URL: robloxUrl,
		VECTOR_RATE_LIMIT_PER_MINUTE: "0",
		VECTOR_UPSTREAM_TIMEOUT_MS: "5000",
		...overrides,
	};
}

/** Fast retries for tests: the policy's shape, not its timing, is under test. */
export const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 50 };

export interface CallOptions {
	method?: string;
	body?: unknown;
	token?: string | null;
	headers?: Record<string, string>;
	origin?: string;
}

/** Calls `app` the way a plugin would (Bearer TOKEN unless `token: null`). */
export function call(app: Hono<AppEnv>, env: Env, path: string, options: CallOptions = {}): Promise<Response> {
	const headers: Record<string, string> = { ...options.headers };
	const token = options.token === undefined ? TOKEN : options.token;
	if (token !== null) headers.authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
		headers["content-type"] ??= "application/json";
	}
	const url = `${options.origin ?? "http://localhost"}${path}`;
	return Promise.resolve(app.request(url, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body }, env));
}

/** A minimal valid chat body. */
export function chatBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { messages: [{ role: "user", content: "Say hi" }], ...extra };
}
