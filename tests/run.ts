/**
 * `npm test`: every check the repo has, in order, then one closing line with the totals.
 *
 * Steps that only build (type-check, compile, package) count as one passed or failed check each;
 * test suites report their own counts (TestEZ specs in the headless Studio through a summary
 * file, vitest suites through their JSON report). Exit code 0 only when nothing failed and at
 * least one test ran.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const root = new URL("..", import.meta.url).pathname;
const tmp = join(root, "tests/.tmp");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}
const rows: { name: string; counts: Counts; seconds: number }[] = [];

function run(command: string, args: string[]): number {
	const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
	return result.status ?? 1;
}

function step(name: string, command: string, args: string[]): boolean {
	console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
	const start = performance.now();
	const code = run(command, args);
	const ok = code === 0;
	rows.push({ name, counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }, seconds: (performance.now() - start) / 1000 });
	return ok;
}

function studioSuite(name: string, args: string[]): void {
	summarySuite(name, ["tsx", "tests/studio/host/spec-cli.ts", ...args]);
}

/** A suite that writes {passed, failed, skipped} to the file named by its --summary option. */
function summarySuite(name: string, command: string[]): void {
	console.log(`\n=== ${name}`);
	const summary = join(tmp, `${name.replace(/\W+/g, "-")}.json`);
	const start = performance.now();
	const code = run("npx", [...command, "--summary", summary]);
	let counts: Counts = { passed: 0, failed: 1, skipped: 0 };
	if (existsSync(summary)) {
		const s = JSON.parse(readFileSync(summary, "utf8")) as Counts;
		counts = { passed: s.passed, failed: s.failed, skipped: s.skipped };
	}
	if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed after writing counts
	rows.push({ name, counts, seconds: (performance.now() - start) / 1000 });
}

function vitestSuite(name: string, args: string[]): void {
	console.log(`\n=== ${name}`);
	const report = join(tmp, `${name.replace(/\W+/g, "-")}.vitest.json`);
	const start = performance.now();
	const code = run("npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
	let counts: Counts = { passed: 0, failed: 1, skipped: 0 };
	if (existsSync(report)) {
		const r = JSON.parse(readFileSync(report, "utf8")) as {
			numPassedTests: number;
			numFailedTests: number;
			numPendingTests: number;
			numTodoTests: number;
			numFailedTestSuites: number;
		};
		counts = {
			passed: r.numPassedTests,
			failed: r.numFailedTests + r.numFailedTestSuites,
			skipped: r.numPendingTests + r.numTodoTests,
		};
	}
	if (code !== 0 && counts.failed === 0) counts.failed = 1;
	rows.push({ name, counts, seconds: (performance.now() - start) / 1000 });
}

const started = performance.now();
step("class database", "npx", ["tsx", "tests/studio/classdb/generate.ts"]);
step("plugin build (release)", "npx", ["tsx", "plugin/build/build.ts"]);
step("plugin build (dev)", "npx", ["tsx", "plugin/build/build.ts", "--dev"]);
step("proxy type-check", "npx", ["tsc", "-p", "proxy"]);
studioSuite("headless Studio specs", ["tests/studio/specs", "--http-fixture"]);
studioSuite("plugin specs", ["--plugin", "dist/Vector.dev.rbxmx", "--http-fixture"]);
// The lesson kit is game code: its specs run with the kit placed in the DataModel's services, as in a place.
studioSuite("lesson kit specs", ["--project", "plugin/lesson-kit/lesson-kit.project.json"]);
vitestSuite("node suites", []);
summarySuite("scenarios", ["tsx", "tests/scenarios/runner/cli.ts", "--all"]);

const total = rows.reduce(
	(acc, r) => ({ passed: acc.passed + r.counts.passed, failed: acc.failed + r.counts.failed, skipped: acc.skipped + r.counts.skipped }),
	{ passed: 0, failed: 0, skipped: 0 },
);
console.log("\n=== summary");
for (const r of rows) {
	const c = r.counts;
	console.log(`${r.name.padEnd(28)} ${String(c.passed).padStart(5)} passed ${String(c.failed).padStart(3)} failed ${String(c.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)}s`);
}
console.log(`total time ${((performance.now() - started) / 1000).toFixed(1)}s`);
const ranTests = rows.some((r) => r.counts.passed + r.counts.failed > 1);
if (!ranTests) {
	console.log("no tests ran");
	total.failed += 1;
}
console.log(`${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ""));
process.exit(total.failed === 0 ? 0 : 1);
