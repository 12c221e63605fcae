/**
 * The network guard itself: a test that reaches beyond loopback is caught.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { isAllowedHost, takeNetworkViolations } from "./setup/no-network";
import { call } from "./helpers/test-env";

describe("network guard", () => {
	it("blocks fetch to a public host and records it", async () => {
		await expect(fetch("https://example.com/")).rejects.toThrow();
		expect(takeNetworkViolations()).toEqual(["example.com:443"]);
	});

	it("catches a proxy left pointing at the real Roblox API", async () => {
		const app = createApp({ retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, searchCache: () => undefined });
		const res = await call(app, { VECTOR_RATE_LIMIT_PER_MINUTE: "0" }, "/v1/assets/search?query=tree", { token: null });
		expect(res.status).toBe(502);
		expect(takeNetworkViolations()).toEqual(["apis.roblox.com:443"]);
	});

	it("allows loopback only", () => {
		expect(isAllowedHost("127.0.0.1")).toBe(true);
		expect(isAllowedHost("localhost")).toBe(true);
		expect(isAllowedHost("::1")).toBe(true);
		expect(isAllowedHost("10.0.0.1")).toBe(false);
		expect(isAllowedHost("api.openai.com")).toBe(false);
	});
});
