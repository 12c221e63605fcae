/**
 * Runs the benchmarks in order and collects their rows: 1 proxy latency (wrangler dev, own
 * processes), then 2 diff, 3 proposal apply and 4 search_scripts in one headless Studio with the
 * plugin mounted (the search place is mounted last: it is the biggest), then 5 HTTP requests: the
 * installed plugin in a fresh Studio of its own, through the real proxy under `wrangler dev`, so its
 * HTTP log and idle minute see nothing else.
 */
import { benchApplyProposal } from "./apply-proposal.js";
import { type BenchStudio, startBenchStudio } from "./bench-studio.js";
import type { BenchRow } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";
import { benchHttpRequests } from "./http-requests.js";
import { benchProxyLatency } from "./proxy-latency.js";
import { benchSearchScripts } from "./search-scripts.js";
import { benchUnifiedDiff } from "./unified-diff.js";

export type BenchId = "proxy" | "diff" | "apply" | "search" | "requests";
export const BENCH_IDS: readonly BenchId[] = ["proxy", "diff", "apply", "search", "requests"];

export interface RunOptions {
	readonly sizes: BenchSizes;
	/** The built plugin model (.rbxmx). */
	readonly pluginFile: string;
	/** Which benchmarks (default all). */
	readonly only?: readonly BenchId[];
	readonly log?: (line: string) => void;
}

export interface RunResult {
	readonly rows: BenchRow[];
	/** Errors and warnings the Studio sessions printed (none expected). */
	readonly problems: string[];
}

/** Runs the selected benchmarks; a benchmark that throws stops the run (the error names it). */
export async function runBenchmarks(options: RunOptions): Promise<RunResult> {
	const log = options.log ?? (() => undefined);
	const selected = new Set(options.only ?? BENCH_IDS);
	const rows: BenchRow[] = [];
	const problems: string[] = [];
	const step = async (id: BenchId, run: () => Promise<BenchRow[]>) => {
		if (!selected.has(id)) return;
		const started = performance.now();
		log(`running ${id}…`);
		try {
			rows.push(...(await run()));
		} catch (error) {
			throw new Error(`benchmark ${id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		}
		log(`${id} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	};

	await step("proxy", () => benchProxyLatency(options.sizes, log));
	let shared: BenchStudio | undefined;
	const studio = async () => (shared ??= await startBenchStudio(options.pluginFile));
	await step("diff", async () => benchUnifiedDiff(await studio(), options.sizes));
	await step("apply", async () => benchApplyProposal(await studio(), options.sizes));
	await step("search", async () => benchSearchScripts(await studio(), options.sizes));
	if (shared) problems.push(...shared.problems);
	await step("requests", async () => {
		const result = await benchHttpRequests(options.sizes, options.pluginFile);
		problems.push(...result.problems);
		return result.rows;
	});
	shared?.studio.destroy();
	return { rows, problems };
}
