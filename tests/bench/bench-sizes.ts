/**
 * How big each benchmark is and how often it repeats: the full run (`npm run bench`, the sizes the
 * issue names, about 1.5 minutes on 2 cores) and the smoke run of the vitest test (same code, tiny
 * sizes, a few seconds), which only keeps the benchmarks from rotting.
 */
export interface BenchSizes {
	readonly label: string;
	/** Proxy latency: seconds per row per round, interleaved rounds, fake provider delay. */
	readonly proxy: { readonly seconds: number; readonly rounds: number; readonly delayMs: number };
	/** Unified diff: script length, changed regions, timed repetitions (after one warm-up). */
	readonly diff: { readonly lines: number; readonly regions: number; readonly repetitions: number };
	/** Proposal apply: operations in the proposal, timed repetitions. */
	readonly apply: { readonly operations: number; readonly repetitions: number };
	/** search_scripts: scripts in the place, lines per script, timed repetitions. */
	readonly search: { readonly scripts: number; readonly linesPerScript: number; readonly repetitions: number };
	/** HTTP requests: virtual seconds of idling measured. */
	readonly requests: { readonly idleSeconds: number };
}

export const FULL_SIZES: BenchSizes = {
	label: "full",
	proxy: { seconds: 1.5, rounds: 3, delayMs: 50 },
	diff: { lines: 10_000, regions: 100, repetitions: 15 },
	apply: { operations: 500, repetitions: 7 },
	search: { scripts: 2_000, linesPerScript: 250, repetitions: 5 },
	requests: { idleSeconds: 60 },
};

export const SMOKE_SIZES: BenchSizes = {
	label: "smoke",
	proxy: { seconds: 0.2, rounds: 1, delayMs: 5 },
	diff: { lines: 400, regions: 5, repetitions: 1 },
	apply: { operations: 20, repetitions: 1 },
	search: { scripts: 20, linesPerScript: 50, repetitions: 1 },
	requests: { idleSeconds: 60 },
};
