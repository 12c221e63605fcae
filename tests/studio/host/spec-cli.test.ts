/**
 * The `studio:spec` command as CI and developers use it: its closing line and exit code for
 * passing, failing, unloadable and empty suites.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const fixture = (name: string) => `tests/studio/host/fixtures/${name}`;

function runCli(...args: string[]) {
	const result = spawnSync("npx", ["tsx", "tests/studio/host/spec-cli.ts", ...args], { cwd: root, encoding: "utf8" });
	const lines = result.stdout.trim().split("\n");
	return { code: result.status, last: lines[lines.length - 1], out: result.stdout + result.stderr };
}

describe("studio:spec", () => {
	it("passes a passing suite and counts skips", () => {
		const r = runCli(fixture("passing"));
		expect(r.last).toBe("1 passed, 0 failed, 1 skipped");
		expect(r.code).toBe(0);
	});

	it("fails a suite with a failing test and prints TestEZ's report", () => {
		const r = runCli(fixture("failing"));
		expect(r.last).toBe("1 passed, 1 failed");
		expect(r.out).toContain("[-] fails");
		expect(r.out).toContain("failing.wrong.spec:6: Expected value \"2\" (number), got \"1\" (number) instead");
		expect(r.code).toBe(1);
	});

	it("counts spec modules that fail to load as failures and runs the rest", () => {
		const r = runCli(fixture("broken-module"));
		expect(r.last).toBe("1 passed, 2 failed");
		expect(r.out).toContain("ReplicatedStorage.broken-module.syntax.spec:3:");
		expect(r.out).toContain("ReplicatedStorage.broken-module.throws.spec:1: this spec module fails while loading");
		expect(r.code).toBe(1);
	});

	it("fails when no spec module is found", () => {
		const r = runCli(fixture("empty"));
		expect(r.out).toContain("no spec modules found");
		expect(r.code).toBe(1);
	});

	it("loads a game project into the DataModel's services with --project and runs its specs there", () => {
		const r = runCli("--project", fixture("game-project/game.project.json"));
		expect(r.last).toBe("1 passed, 0 failed");
		expect(r.code).toBe(0);
	});

	it("runs only the tests matching --filter", () => {
		const r = runCli(fixture("failing"), "--filter", "passes");
		// TestEZ counts the tests a name pattern leaves out as skipped.
		expect(r.last).toBe("1 passed, 0 failed, 1 skipped");
		expect(r.code).toBe(0);
	});
});
