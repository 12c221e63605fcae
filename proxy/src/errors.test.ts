import { describe, expect, it } from "vitest";
import { formatDuration, parseRetryAfterMs } from "./errors";

describe("parseRetryAfterMs", () => {
	const now = Date.parse("2026-01-01T00:00:00Z");
	it.each([
		["0", 0],
		["7", 7_000],
		["1.5", 1_500],
		["Thu, 01 Jan 2026 00:00:30 GMT", 30_000],
		["Wed, 31 Dec 2025 23:59:00 GMT", 0],
	])("%s → %d ms", (value, ms) => {
		expect(parseRetryAfterMs(value, now)).toBe(ms);
	});

	it.each([null, undefined, "", "soon", "-5"])("ignores %s", (value) => {
		expect(parseRetryAfterMs(value, now)).toBeUndefined();
	});
});

describe("formatDuration", () => {
	it("uses ms below a second and whole seconds above", () => {
		expect(formatDuration(300)).toBe("300 ms");
		expect(formatDuration(60_000)).toBe("60 s");
	});
});
