/**
 * `npm run scenario -- <file.json> [more]` or `--all` (every tests/scenarios/*.json): runs each
 * scenario in its own headless Studio, prints what failed with expected/actual, a summary line, and
 * exits non-zero on any failure. `--verbose` prints the steps; `--summary <file>` also writes the
 * counts ({passed, failed, skipped}, as the Studio suites' summaries) and the results as JSON;
 * each scenario of several runs in its own process (`--result <file>` is that process's answer);
 * `--rebuild` builds the release plugin first (otherwise dist/Vector.rbxmx is built only when missing).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { releasePlugin } from "../../studio/host/snapshot/scenes/vector-session.js";
import { repoRoot } from "../../studio/host/vm.js";
import { loadScenario } from "./format.js";
import { report, runScenario, type Result } from "./run.js";

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const verbose = args.includes("--verbose");
	const summaryIndex = args.indexOf("--summary");
	const summaryFile = summaryIndex >= 0 ? args[summaryIndex + 1] : undefined;
	const resultIndex = args.indexOf("--result");
	const resultFile = resultIndex >= 0 ? args[resultIndex + 1] : undefined;
	const valueAt = new Set([summaryIndex + 1, resultIndex + 1].filter((i) => i > 0));
	const files = args.filter((arg, i) => !arg.startsWith("--") && !valueAt.has(i));
	if (args.includes("--all")) {
		const dir = join(repoRoot, "tests/scenarios");
		files.push(...readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) => join(dir, name)));
	}
	if (files.length === 0) {
		console.error("usage: npm run scenario -- <scenario.json> [more] | --all [--verbose] [--summary out.json]");
		return 2;
	}
	// Scenarios use dist/Vector.rbxmx, built when missing; --rebuild builds it first.
	if (args.includes("--rebuild")) releasePlugin({ rebuild: true });
	const results: Result[] = [];
	for (const file of files) {
		let scenario;
		try {
			scenario = loadScenario(resolve(file));
		} catch (error) {
			const result: Result = { name: file, file, failures: [], error: (error as Error).message, ms: 0 };
			results.push(result);
			console.log(report(result));
			continue;
		}
		// Several scenarios: each in its own process, so nothing a session leaves behind in the
		// Luau VM's host (a stream held open at the end, say) can reach the next one.
		const result = files.length > 1 ? runIsolated(file, verbose) : await runScenario(scenario, { verbose });
		results.push(result);
		if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
		else console.log(report(result));
	}
	const failed = results.filter((result) => result.failures.length > 0 || result.error).length;
	if (resultFile) return failed > 0 ? 1 : 0;
	console.log(`\nscenarios: ${results.length - failed} passed, ${failed} failed`);
	if (summaryFile) {
		writeFileSync(
			summaryFile,
			JSON.stringify({ passed: results.length - failed, failed, skipped: 0, results }, null, 2),
		);
	}
	return failed > 0 ? 1 : 0;
}

function runIsolated(file: string, verbose: boolean): Result {
	const dir = mkdtempSync(join(tmpdir(), "vector-scenario-"));
	const out = join(dir, "result.json");
	const child = spawnSync(
		process.execPath,
		[...process.execArgv, fileURLToPath(import.meta.url), file, "--result", out, ...(verbose ? ["--verbose"] : [])],
		{ stdio: ["ignore", "inherit", "inherit"], cwd: process.cwd() },
	);
	try {
		if (existsSync(out)) return JSON.parse(readFileSync(out, "utf8")) as Result;
		return { name: file, file, failures: [], error: `the scenario's process ended (code ${child.status}) without a result`, ms: 0 };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
