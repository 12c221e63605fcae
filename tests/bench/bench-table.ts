/**
 * The one table `npm run bench` prints, and the statistics behind its cells.
 *
 * Timings come in pairs measured back to back (baseline, Vector; the order alternates from one
 * repetition to the next), so slow phases of a shared machine hit both sides of a pair. A row shows
 * the median of each side and the median of the per-pair ratios, with their min–max as the noise.
 */

/** One row of the table. */
export interface BenchRow {
	/** Row number and what is measured, e.g. "2a unified diff, 10,000 lines". */
	readonly what: string;
	/** What the baseline is and its median (with unit). */
	readonly baseline: string;
	/** Vector's median (with unit). */
	readonly vector: string;
	/** Vector / baseline, median and (min–max) over the repetitions; or a count for request rows. */
	readonly ratio: string;
	/** Other figures: counts each side reports, per-operation costs, checks. */
	readonly extra: string;
	/** False when a check of the row failed (counts disagree, requests while idle…): the run exits non-zero. */
	readonly ok: boolean;
}

/** Timings of paired repetitions, in seconds. */
export interface Pairs {
	readonly baseline: number[];
	readonly vector: number[];
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A duration for a cell: µs, ms or s with three significant digits. */
export function formatSeconds(seconds: number): string {
	if (!Number.isFinite(seconds)) return "n/a";
	if (seconds < 1e-3) return `${(seconds * 1e6).toPrecision(3)} µs`;
	if (seconds < 1) return `${(seconds * 1e3).toPrecision(3)} ms`;
	return `${seconds.toPrecision(3)} s`;
}

/** "12.3× (11.0–14.1)": the median of the per-pair ratios and their range. */
export function formatRatio(ratios: readonly number[]): string {
	if (ratios.length === 0) return "n/a";
	const digits = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
	const low = Math.min(...ratios);
	const high = Math.max(...ratios);
	return `${digits(median(ratios))}× (${digits(low)}–${digits(high)})`;
}

/** The baseline, Vector and ratio cells of a timed row. */
export function timedCells(baselineLabel: string, pairs: Pairs): Pick<BenchRow, "baseline" | "vector" | "ratio"> {
	const ratios = pairs.vector.map((v, i) => v / (pairs.baseline[i] as number));
	return {
		baseline: `${baselineLabel} ${formatSeconds(median(pairs.baseline))}`,
		vector: formatSeconds(median(pairs.vector)),
		ratio: formatRatio(ratios),
	};
}

/** Prints the table as Markdown (readable in a terminal, pasteable into a note). */
export function formatTable(rows: readonly BenchRow[]): string {
	const header = ["what", "baseline (median)", "Vector (median)", "Vector / baseline", "ok", "extra"];
	const cells = rows.map((r) => [r.what, r.baseline, r.vector, r.ratio, r.ok ? "yes" : "NO", r.extra]);
	// Every column but the last ("extra", long free text) is padded to its widest cell.
	const last = header.length - 1;
	const widths = header.map((h, i) => (i === last ? 0 : Math.max(h.length, ...cells.map((c) => (c[i] as string).length))));
	const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] as number)).join(" | ")} |`;
	return [line(header), line(widths.map((w) => "-".repeat(Math.max(w, 3)))), ...cells.map(line)].join("\n");
}
