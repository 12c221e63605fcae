import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "./fixed-window";

describe("FixedWindowLimiter", () => {
	it("allows `limit` hits per window and says when the window ends", () => {
		let now = 0;
		const limiter = new FixedWindowLimiter(60_000, () => now);
		expect(limiter.hit("a", 2)).toEqual({ allowed: true, retryAfterSeconds: 60, remaining: 1 });
		expect(limiter.hit("a", 2).allowed).toBe(true);
		now = 59_001;
		expect(limiter.hit("a", 2)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
		now = 60_000;
		expect(limiter.hit("a", 2).allowed).toBe(true);
	});

	it("counts keys separately", () => {
		const limiter = new FixedWindowLimiter(60_000, () => 0);
		expect(limiter.hit("a", 1).allowed).toBe(true);
		expect(limiter.hit("a", 1).allowed).toBe(false);
		expect(limiter.hit("b", 1).allowed).toBe(true);
	});

	it("keeps memory bounded by sweeping expired windows", () => {
		let now = 0;
		const limiter = new FixedWindowLimiter(1_000, () => now);
		for (let i = 0; i < 10_000; i++) limiter.hit(`k${i}`, 1);
		now = 5_000;
		limiter.hit("fresh", 1);
		expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
	});
});
