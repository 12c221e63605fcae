/**
 * Captures everything the proxy logs during a test and fails the test if a secret appears in it.
 *
 * The proxy logs with console.log/warn/error (one JSON line per event). Capturing them keeps test output
 * readable, and checking every line of every test against the suites' secret values is the broadest
 * "no keys in logs" test there is. Suites read the lines with `capturedLogs()`.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";
import { ALL_SECRETS } from "../helpers/test-env";

const lines: string[] = [];

/** The log lines written so far in the current test. */
export function capturedLogs(): readonly string[] {
	return lines;
}

beforeEach(() => {
	lines.length = 0;
	for (const level of ["log", "info", "warn", "error", "debug"] as const) {
		vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			lines.push(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.name}: ${a.message}` : JSON.stringify(a))).join(" "));
		});
	}
});

afterEach(() => {
	const leaks = lines.filter((line) => ALL_SECRETS.some((secret) => line.includes(secret)));
	expect(leaks, "a secret reached a log line").toEqual([]);
});
