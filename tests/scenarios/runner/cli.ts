/**
 * `npm run scenario -- <file.json> [more]` or `--all` (every tests/scenarios/*.json): runs each
 * scenario in its own headless Studio, prints what failed with expected/actual, a summary line, and
 * exits non-zero on any failure. `--verbose` prints the steps; `--summary <file>` also writes the
 * counts ({passed, failed, skipped}, as the Studio suites' summaries) and the results as JSON;
 * each scenario of several runs in its own process (`--result <file>` is that process's answer);
 * `--rebuild` builds the release plugin first (otherwise dist/Vector.rbxmx is built when missing or older
 * than its sources).
 *
 * The real proxy runs under `wrangler dev`, started once per run here (seconds) and handed to each
 * scenario's process in real-proxy.ts's STACK_ENV; a process started with it (a child) uses that one.
 * The parent waits for each child without blocking its event loop: the stack's upstream router lives here.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inheritedStack, STACK_ENV, startProxyStack, type ProxyStack, type StackAddress } from "../../studio/host/snapshot/scenes/real-proxy.js";
import { ensureReleasePlugin } from "../../studio/host/snapshot/scenes/vector-session.js";
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
	// Scenarios use dist/Vector.rbxmx, built here (once, before the children start) when it is missing or
	// older than its sources; --rebuild builds it regardless.
	ensureReleasePlugin({ rebuild: args.includes("--rebuild") });
	let own: ProxyStack | undefined;
	let stack: StackAddress | undefined = inheritedStack();
	if (stack === undefined) {
		const started = Date.now();
		own = await startProxyStack();
		const running = own;
		stack = own;
		// wrangler dev runs in a process group of its own: an interrupted run must end it itself.
		for (const signal of ["SIGINT", "SIGTERM"] as const) {
			process.once(signal, () => {
				console.error(`scenarios: ${signal}, stopping wrangler dev`);
				void running.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
			});
		}
		if (verbose) console.log(`wrangler dev (the proxy) is up at ${own.proxyUrl} after ${Date.now() - started} ms`);
	}
	try {
		return await runAll(files, stack, { verbose, summaryFile, resultFile });
	} finally {
		await own?.stop();
	}
}

async function runAll(
	files: string[],
	stack: StackAddress,
	options: { verbose: boolean; summaryFile?: string; resultFile?: string },
): Promise<number> {
	const { verbose, summaryFile, resultFile } = options;
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
		const result = files.length > 1 ? await runIsolated(file, stack, verbose) : await runScenario(scenario, { stack, verbose });
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

async function runIsolated(file: string, stack: StackAddress, verbose: boolean): Promise<Result> {
	const dir = mkdtempSync(join(tmpdir(), "vector-scenario-"));
	const out = join(dir, "result.json");
	const child = spawn(
		process.execPath,
		[...process.execArgv, fileURLToPath(import.meta.url), file, "--result", out, ...(verbose ? ["--verbose"] : [])],
		{
			stdio: ["ignore", "inherit", "inherit"],
			cwd: process.cwd(),
			env: { ...process.env, [STACK_ENV]: JSON.stringify({ proxyUrl: stack.proxyUrl, routerUrl: stack.routerUrl }) },
		},
	);
	const status = await new Promise<number | null>((resolve) => {
		child.on("error", () => resolve(null));
		child.on("exit", (code) => resolve(code));
	});
	try {
		if (existsSync(out)) return JSON.parse(readFileSync(out, "utf8")) as Result;
		return { name: file, file, failures: [], error: `the scenario's process ended (code ${status}) without a result`, ms: 0 };
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
