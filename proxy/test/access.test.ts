/**
 * Who may call the proxy and how often: bearer tokens, loopback-only local mode, per-token rate limits,
 * unknown routes and methods, invalid configuration. Through `app.request`; no upstream is involved.
 */
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import type { Env, RateLimitBinding } from "../src/env";
import { FixedWindowLimiter } from "../src/middleware/fixed-window";
import { call, FAST_RETRY, OTHER_TOKEN, TOKEN } from "./helpers/test-env";

const app = createApp({ retry: FAST_RETRY });
const withTokens: Env = { VECTOR_TOKENS: `${TOKEN}, ${OTHER_TOKEN}`, VECTOR_RATE_LIMIT_PER_MINUTE: "0" };
const localMode: Env = { VECTOR_RATE_LIMIT_PER_MINUTE: "0" };

async function errorOf(res: Response): Promise<{ code: string; message: string; type: string }> {
	return ((await res.json()) as { error: { code: string; message: string; type: string } }).error;
}

describe("bearer tokens (VECTOR_TOKENS set)", () => {
	it("accepts every configured token", async () => {
		expect((await call(app, withTokens, "/v1/health", { token: TOKEN })).status).toBe(200);
		expect((await call(app, withTokens, "/v1/health", { token: OTHER_TOKEN })).status).toBe(200);
	});

	it("accepts the scheme in any case", async () => {
		const res = await call(app, withTokens, "/v1/health", { token: null, headers: { authorization: `bearer ${TOKEN}` } });
		expect(res.status).toBe(200);
	});

	it("refuses a missing token with 401 and WWW-Authenticate", async () => {
		const res = await call(app, withTokens, "/v1/health", { token: null });
		expect(res.status).toBe(401);
		expect(res.headers.get("www-authenticate")).toContain("Bearer");
		expect(await errorOf(res)).toMatchObject({
			code: "unauthorized",
			type: "authentication_error",
			// The advice survives the secret scrubber intact.
			message: "Missing token: send an `Authorization` header with the word Bearer, a space and one of the proxy's tokens (VECTOR_TOKENS).",
		});
	});

	it("refuses a wrong token, a prefix of a token, and other schemes", async () => {
		for (const authorization of [`Bearer wrong`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
			const res = await call(app, withTokens, "/v1/health", { token: null, headers: { authorization } });
			expect(res.status, authorization).toBe(401);
			const message = (await errorOf(res)).message;
			expect(message === "Invalid token: it is not one of this proxy's tokens (VECTOR_TOKENS)." || message.startsWith("Missing token:"), message).toBe(true);
		}
	});

	it("requires the token from loopback callers too", async () => {
		expect((await call(app, withTokens, "/v1/health", { token: null, origin: "http://127.0.0.1:8787" })).status).toBe(401);
	});

	it("checks the token before anything else, even on unknown routes", async () => {
		expect((await call(app, withTokens, "/v1/nope", { token: null })).status).toBe(401);
	});
});

describe("local mode (VECTOR_TOKENS unset): loopback callers only", () => {
	it.each(["http://localhost:8787", "http://127.0.0.1:8787", "http://[::1]:8787", "http://studio.localhost"])("accepts %s", async (origin) => {
		expect((await call(app, localMode, "/v1/health", { token: null, origin })).status).toBe(200);
	});

	it("accepts a loopback CF-Connecting-IP (as wrangler dev sets it)", async () => {
		for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
			const res = await call(app, localMode, "/v1/health", { token: null, origin: "http://127.0.0.1:8787", headers: { "cf-connecting-ip": ip } });
			expect(res.status, ip).toBe(200);
		}
	});

	it("refuses a public hostname (a deployed Worker) with 403 loopback_only", async () => {
		const res = await call(app, localMode, "/v1/health", { token: null, origin: "https://vector.example.workers.dev", headers: { "cf-connecting-ip": "203.0.113.7" } });
		expect(res.status).toBe(403);
		const error = await errorOf(res);
		expect(error.code).toBe("loopback_only");
		expect(error.message).toContain("VECTOR_TOKENS");
	});

	it("refuses a non-loopback client even on a loopback host", async () => {
		const res = await call(app, localMode, "/v1/health", { token: null, origin: "http://localhost:8787", headers: { "cf-connecting-ip": "192.168.1.20" } });
		expect(res.status).toBe(403);
	});

	it("refuses a LAN hostname", async () => {
		expect((await call(app, localMode, "/v1/health", { token: null, origin: "http://192.168.1.5:8787" })).status).toBe(403);
	});
});

describe("rate limiting per token", () => {
	it("refuses the request over the limit with 429 and Retry-After, per token", async () => {
		let now = 1_000_000;
		const limited = createApp({ retry: FAST_RETRY, limiter: new FixedWindowLimiter(60_000, () => now) });
		const env: Env = { ...withTokens, VECTOR_RATE_LIMIT_PER_MINUTE: "3" };
		for (let i = 0; i < 3; i++) {
			const res = await call(limited, env, "/v1/health");
			expect(res.status).toBe(200);
			expect(res.headers.get("x-ratelimit-remaining")).toBe(String(2 - i));
		}
		now += 15_000;
		const refused = await call(limited, env, "/v1/health");
		expect(refused.status).toBe(429);
		expect(refused.headers.get("retry-after")).toBe("45");
		expect(await errorOf(refused)).toMatchObject({ code: "rate_limited", type: "rate_limit_error" });

		expect((await call(limited, env, "/v1/health", { token: OTHER_TOKEN })).status).toBe(200);

		now += 45_000;
		expect((await call(limited, env, "/v1/health")).status).toBe(200);
	});

	it("counts every route, including ones that fail validation", async () => {
		const limited = createApp({ retry: FAST_RETRY });
		const env: Env = { ...withTokens, VECTOR_RATE_LIMIT_PER_MINUTE: "1" };
		expect((await call(limited, env, "/v1/assets/search")).status).toBe(400);
		expect((await call(limited, env, "/v1/health")).status).toBe(429);
	});

	it("turns off with 0", async () => {
		const limited = createApp({ retry: FAST_RETRY });
		for (let i = 0; i < 100; i++) expect((await call(limited, withTokens, "/v1/health")).status).toBe(200);
	});

	it("also consults Cloudflare's binding when bound, keyed by caller id (never the token)", async () => {
		const limit = vi.fn<RateLimitBinding["limit"]>().mockResolvedValueOnce({ success: true }).mockResolvedValueOnce({ success: false });
		const limited = createApp({ retry: FAST_RETRY });
		const env: Env = { ...withTokens, VECTOR_RATE_LIMIT_PER_MINUTE: "100", VECTOR_RATE_LIMITER: { limit } };
		expect((await call(limited, env, "/v1/health")).status).toBe(200);
		const refused = await call(limited, env, "/v1/health");
		expect(refused.status).toBe(429);
		expect(refused.headers.get("retry-after")).toBe("60");
		expect(limit).toHaveBeenCalledWith({ key: "token-0" });
	});

	it("keys local mode as one caller", async () => {
		const limit = vi.fn<RateLimitBinding["limit"]>().mockResolvedValue({ success: true });
		await call(app, { VECTOR_RATE_LIMITER: { limit } }, "/v1/health", { token: null });
		expect(limit).toHaveBeenCalledWith({ key: "loopback" });
	});
});

describe("routes and configuration", () => {
	it("answers an unknown route with a JSON 404", async () => {
		const res = await call(app, withTokens, "/v2/everything");
		expect(res.status).toBe(404);
		expect(await errorOf(res)).toMatchObject({ code: "not_found", type: "invalid_request_error" });
	});

	it("answers a wrong method with 405 and Allow", async () => {
		const res = await call(app, withTokens, "/v1/chat/completions", { method: "GET" });
		expect(res.status).toBe(405);
		expect(res.headers.get("allow")).toBe("POST");
		expect((await errorOf(res)).code).toBe("method_not_allowed");
		const del = await call(app, withTokens, "/v1/health", { method: "DELETE" });
		expect(del.status).toBe(405);
	});

	it("reports an invalid setting as config_invalid, naming the variable but not its value", async () => {
		const res = await call(app, { ...withTokens, VECTOR_RATE_LIMIT_PER_MINUTE: "lots" }, "/v1/health");
		expect(res.status).toBe(500);
		const error = await errorOf(res);
		expect(error.code).toBe("config_invalid");
		expect(error.message).toContain("VECTOR_RATE_LIMIT_PER_MINUTE");
		expect(error.message).not.toContain("lots");
	});

	it("reports an invalid base URL as config_invalid", async () => {
		const res = await call(app, { ...withTokens, OPENAI_BASE_URL: "ftp://nope" }, "/v1/health");
		expect(res.status).toBe(500);
		expect((await errorOf(res)).message).toContain("OPENAI_BASE_URL");
	});

	it("sets a request id on every response, errors included", async () => {
		const res = await call(app, withTokens, "/v1/health", { token: null });
		expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
	});
});
