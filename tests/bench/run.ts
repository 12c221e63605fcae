/**
 * `npm run bench [-- options]`: builds the release plugin from the current sources, runs every
 * benchmark and prints one table (tests/bench/README.md says what each row means), with the machine
 * and the repetitions. Exit code 1 when a row's check failed (counts that disagree, requests while
 * idle, failed requests) or a benchmark could not run.
 *
 * Options:
 *   --only proxy,diff,apply,search,requests   run some benchmarks only
 *   --plugin <file.rbxmx>                     measure this plugin model instead of building one
 *   --smoke                                   the vitest smoke test's tiny sizes
 */
import os from "node:os";
import { resolve } from "node:path";
import { FULL_SIZES, SMOKE_SIZES, type BenchSizes } from "./bench-sizes.js";
import { formatTable } from "./bench-table.js";
import { buildBenchPlugin } from "./plugin-model.js";
import { BENCH_IDS, type BenchId, runBenchmarks } from "./run-benchmarks.js";

interface Options {
	sizes: BenchSizes;
	only?: BenchId[];
	plugin?: string;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { sizes: FULL_SIZES };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === "--smoke") options.sizes = SMOKE_SIZES;
		else if (arg === "--plugin") options.plugin = resolve(value());
		else if (arg === "--only") {
			const ids = value().split(",");
			const unknown = ids.filter((id) => !(BENCH_IDS as readonly string[]).includes(id));
			if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(", ")}; known: ${BENCH_IDS.join(", ")}`);
			options.only = ids as BenchId[];
		} else throw new Error(`unknown option ${arg}`);
	}
	return options;
}

function describeSizes(s: BenchSizes): string {
	return [
		`proxy: ${s.proxy.rounds} interleaved rounds × ${s.proxy.seconds} s per row after a 2 s warm-up`,
		`diff: 1 warm-up + ${s.diff.repetitions} pairs`,
		`apply: 1 warm-up + ${s.apply.repetitions} pairs`,
		`search: 1 warm-up + ${s.search.repetitions} pairs`,
		"pairs run back to back, order alternating",
	].join("; ");
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const started = performance.now();
	const log = (line: string) => console.error(`[bench] ${line}`);
	const loadBefore = os.loadavg()[0] ?? 0;
	const pluginFile = options.plugin ?? (await buildBenchPlugin(log));
	const { rows, problems } = await runBenchmarks({ sizes: options.sizes, pluginFile, only: options.only, log });
	const loadAfter = os.loadavg()[0] ?? 0;
	const seconds = (performance.now() - started) / 1000;

	const cpus = os.cpus();
	console.log("");
	console.log(formatTable(rows));
	console.log("");
	console.log(
		`machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), node ${process.version}, ${os.platform()} ${os.arch()}; ` +
			`load average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end (a shared machine: the min–max of the ratios is the noise)`,
	);
	console.log(`sizes: ${options.sizes.label}; ${describeSizes(options.sizes)}; whole run ${seconds.toFixed(0)} s`);
	for (const problem of problems) console.log(`studio output: ${problem}`);
	const failed = rows.filter((r) => !r.ok);
	if (failed.length > 0) console.log(`${failed.length} row(s) failed their checks: ${failed.map((r) => r.what).join(", ")}`);
	return failed.length === 0 && problems.length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	},
);
