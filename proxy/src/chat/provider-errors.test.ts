import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { mapProviderError } from "./provider-errors";

const proxy = { source: "proxy" as const, timedOut: false, timeoutMs: 60_000 };
const caller = { ...proxy, source: "caller" as const };

function statusError(status: number, message = "msg", headers: Record<string, string> = {}) {
	return OpenAI.APIError.generate(status, { error: { message } }, undefined, new Headers(headers));
}

describe("mapProviderError", () => {
	it.each([
		[400, 400, "provider_rejected"],
		[404, 404, "provider_rejected"],
		[422, 422, "provider_rejected"],
		[408, 504, "provider_timeout"],
		[500, 502, "provider_error"],
		[503, 502, "provider_error"],
	])("upstream %d → %d %s", (upstream, status, code) => {
		expect(mapProviderError(statusError(upstream), proxy)).toMatchObject({ status, code });
	});

	it("blames the operator for the proxy's rejected key and the caller for its own", () => {
		expect(mapProviderError(statusError(401), proxy)).toMatchObject({ status: 502, code: "provider_auth_failed" });
		expect(mapProviderError(statusError(403), caller)).toMatchObject({ status: 403, code: "provider_auth_failed" });
	});

	it("never repeats the provider's text for auth failures", () => {
		expect(mapProviderError(statusError(401, "Incorrect API key provided: sk-abc***xyz"), proxy).message).not.toContain("sk-");
	});

	it("keeps 429 with the provider's Retry-After (seconds or ms header)", () => {
		expect(mapProviderError(statusError(429, "slow", { "retry-after": "12" }), proxy)).toMatchObject({ status: 429, retryAfterSeconds: 12, retryAfterMs: 12_000, retryable: true });
		expect(mapProviderError(statusError(429, "slow", { "retry-after-ms": "250" }), proxy)).toMatchObject({ retryAfterSeconds: 1, retryAfterMs: 250 });
		expect(mapProviderError(statusError(429, "slow"), proxy)).toMatchObject({ retryAfterSeconds: 5, retryAfterMs: undefined });
	});

	it("maps timeouts, refused connections and garbage", () => {
		expect(mapProviderError(new OpenAI.APIConnectionTimeoutError(), proxy)).toMatchObject({ status: 504, code: "provider_timeout" });
		expect(mapProviderError(new OpenAI.APIUserAbortError(), { ...proxy, timedOut: true })).toMatchObject({ status: 504 });
		expect(mapProviderError(new OpenAI.APIConnectionError({ message: "refused" }), proxy)).toMatchObject({ status: 502, code: "provider_unreachable", retryable: true });
		expect(mapProviderError(new SyntaxError("Unexpected token"), proxy)).toMatchObject({ status: 502, code: "provider_bad_response" });
	});

	it("truncates long provider messages", () => {
		expect(mapProviderError(statusError(400, "x".repeat(1_000)), proxy).message.length).toBeLessThan(400);
	});
});
