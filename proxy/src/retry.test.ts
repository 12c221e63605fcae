import { describe, expect, it, vi } from "vitest";
import { ProxyError } from "./errors";
import { retryDelayMs, withRetries } from "./retry";

const policy = { retries: 2, baseDelayMs: 1, maxDelayMs: 20 };
const transient = () => new ProxyError(502, "provider_error", "x", { retryable: true });

describe("withRetries", () => {
	it("returns the first success", async () => {
		const attempt = vi.fn().mockRejectedValueOnce(transient()).mockResolvedValueOnce("ok");
		await expect(withRetries(attempt, { policy })).resolves.toBe("ok");
		expect(attempt).toHaveBeenCalledTimes(2);
	});

	it("stops after `retries` extra attempts", async () => {
		const attempt = vi.fn().mockRejectedValue(transient());
		await expect(withRetries(attempt, { policy })).rejects.toBeInstanceOf(ProxyError);
		expect(attempt).toHaveBeenCalledTimes(3);
	});

	it("does not retry permanent failures or foreign errors", async () => {
		const permanent = vi.fn().mockRejectedValue(new ProxyError(400, "provider_rejected", "no"));
		await expect(withRetries(permanent, { policy })).rejects.toThrow("no");
		expect(permanent).toHaveBeenCalledTimes(1);
		const foreign = vi.fn().mockRejectedValue(new TypeError("bug"));
		await expect(withRetries(foreign, { policy })).rejects.toThrow("bug");
		expect(foreign).toHaveBeenCalledTimes(1);
	});

	it("does not wait out a Retry-After longer than the policy allows", async () => {
		const attempt = vi.fn().mockRejectedValue(new ProxyError(429, "provider_rate_limited", "x", { retryable: true, retryAfterMs: 30_000 }));
		await expect(withRetries(attempt, { policy })).rejects.toMatchObject({ code: "provider_rate_limited" });
		expect(attempt).toHaveBeenCalledTimes(1);
	});

	it("stops when the caller has gone away", async () => {
		const controller = new AbortController();
		const attempt = vi.fn().mockImplementation(async () => {
			controller.abort();
			throw transient();
		});
		await expect(withRetries(attempt, { policy, signal: controller.signal })).rejects.toBeInstanceOf(ProxyError);
		expect(attempt).toHaveBeenCalledTimes(1);
	});
});

describe("retryDelayMs", () => {
	const big = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
	it("backs off exponentially with jitter between half and all of the step, capped", () => {
		expect(retryDelayMs(transient(), 0, big, () => 0)).toBe(50);
		expect(retryDelayMs(transient(), 0, big, () => 1)).toBe(100);
		expect(retryDelayMs(transient(), 2, big, () => 1)).toBe(400);
		expect(retryDelayMs(transient(), 8, big, () => 1)).toBe(1_000);
	});

	it("uses the upstream's Retry-After when it fits", () => {
		expect(retryDelayMs(new ProxyError(429, "rate_limited", "x", { retryAfterMs: 700 }), 0, big)).toBe(700);
		expect(retryDelayMs(new ProxyError(429, "rate_limited", "x", { retryAfterMs: 1_001 }), 0, big)).toBeUndefined();
	});
});
