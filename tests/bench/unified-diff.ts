/**
 * Row 2: diffing a big script. A generated Luau script and an edited copy with N changed regions
 * (generate-luau.ts), diffed by Vector's compiled diff in the headless Studio and by jsdiff in Node,
 * on the same texts, in alternating order:
 * - 2a, the preview: `renderUnifiedDiff` (uncapped, so every hunk is rendered) vs `structuredPatch`;
 * - 2b, the line diff under it: `diffLines` over `splitLineTokens` vs jsdiff's `diffLines`.
 * Both sides report how many lines changed; every new line is unique, so the minimal count is known
 * exactly (removed + added of the edit) and both must find it.
 */
import { diffLines, structuredPatch } from "diff";
import { type BenchStudio, luauString } from "./bench-studio.js";
import { type BenchRow, type Pairs, timedCells } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";
import { editScript, generateScript } from "./generate-luau.js";

interface VectorDiff {
	seconds: number;
	added: number;
	removed: number;
	hunks: number;
	minimal: boolean;
}

const RENDER = `
local ud = use("plugin/diff/unified-diff")
local t = clock()
local d = ud.renderUnifiedDiff(bench.diffOld, bench.diffNew, { maxLines = 1e9, maxBytes = 1e12 })
local seconds = clock() - t
return { seconds = seconds, added = d.added, removed = d.removed, hunks = #d.hunks, minimal = d.minimal }
`;

const LINES = `
local dl = use("plugin/diff/diff-lines")
local tm = use("plugin/diff/text-model")
local t = clock()
local d = dl.diffLines(tm.splitLineTokens(bench.diffOld), tm.splitLineTokens(bench.diffNew))
local seconds = clock() - t
local added, removed = 0, 0
for _, c in d.changes do
	added += c.newCount
	removed += c.oldCount
end
return { seconds = seconds, added = added, removed = removed, hunks = #d.changes, minimal = d.minimal }
`;

function timeNode<T>(run: () => T): { seconds: number; value: T } {
	const t0 = performance.now();
	const value = run();
	return { seconds: (performance.now() - t0) / 1000, value };
}

/** Lines starting with + or - in jsdiff's hunks (its changed lines). */
function patchCounts(oldText: string, newText: string): { added: number; removed: number; hunks: number } {
	const patch = structuredPatch("old.luau", "new.luau", oldText, newText, "", "", { context: 3 });
	let added = 0;
	let removed = 0;
	for (const hunk of patch.hunks) {
		for (const line of hunk.lines) {
			if (line.startsWith("+")) added++;
			else if (line.startsWith("-")) removed++;
		}
	}
	return { added, removed, hunks: patch.hunks.length };
}

/** jsdiff's diffLines: lines added and removed, and runs of changed lines. */
function lineCounts(oldText: string, newText: string): { added: number; removed: number; hunks: number } {
	let added = 0;
	let removed = 0;
	let runs = 0;
	let inRun = false;
	for (const part of diffLines(oldText, newText)) {
		if (part.added) added += part.count;
		else if (part.removed) removed += part.count;
		const changed = part.added || part.removed;
		if (changed && !inRun) runs++; // a removal next to an addition is one run, as Vector counts a change
		inRun = changed;
	}
	return { added, removed, hunks: runs };
}

/** Runs rows 2a and 2b in `bench` (a Studio with the plugin mounted). */
export async function benchUnifiedDiff(bench: BenchStudio, sizes: BenchSizes): Promise<BenchRow[]> {
	const { lines, regions, repetitions } = sizes.diff;
	const oldText = generateScript(lines, 20_240_601);
	const edited = editScript(oldText, regions, 7);
	const newText = edited.text;
	await bench.luau(`bench.diffOld = ${luauString(oldText)}; bench.diffNew = ${luauString(newText)}; return true`);

	const variants = [
		{ key: "2a", name: "unified diff (preview)", luau: RENDER, node: patchCounts, baseline: "jsdiff structuredPatch" },
		{ key: "2b", name: "line diff only", luau: LINES, node: lineCounts, baseline: "jsdiff diffLines" },
	];
	const rows: BenchRow[] = [];
	for (const variant of variants) {
		const pairs: Pairs = { baseline: [], vector: [] };
		let vector: VectorDiff | undefined;
		let node: ReturnType<typeof patchCounts> | undefined;
		// One warm-up pair (module loads, JIT), then the timed pairs in alternating order.
		for (let rep = -1; rep < repetitions; rep++) {
			const runVector = async () => (vector = await bench.luau<VectorDiff>(variant.luau));
			const runNode = () => timeNode(() => variant.node(oldText, newText));
			let nodeRun: { seconds: number; value: ReturnType<typeof patchCounts> };
			if (rep % 2 === 0) {
				await runVector();
				nodeRun = runNode();
			} else {
				nodeRun = runNode();
				await runVector();
			}
			node = nodeRun.value;
			if (rep >= 0 && vector !== undefined) {
				pairs.vector.push(vector.seconds);
				pairs.baseline.push(nodeRun.seconds);
			}
		}
		if (vector === undefined || node === undefined) throw new Error("the diff benchmark did not run");
		const expected = edited.changedLines;
		const vectorChanged = vector.added + vector.removed;
		const nodeChanged = node.added + node.removed;
		// Two minimal diffs can differ in where they cut a repeated line (`end`, a blank line) next
		// to its twin: the count of changed lines is the same, the runs (and so hunks) may not be.
		const why =
			vector.hunks !== node.hunks && vectorChanged === nodeChanged
				? " (both minimal: they differ only in which of two equal neighbouring lines, such as an indented `end`, they count as removed)"
				: "";
		rows.push({
			what: `${variant.key} ${variant.name}, ${lines.toLocaleString("en")} lines, ${regions} regions`,
			...timedCells(variant.baseline, pairs),
			extra:
				`changed lines: Vector ${vectorChanged} (-${vector.removed} +${vector.added}), jsdiff ${nodeChanged} (-${node.removed} +${node.added}), ` +
				`edit made ${expected}; ${variant.key === "2a" ? "hunks" : "change runs"}: Vector ${vector.hunks}, jsdiff ${node.hunks}${why}; ` +
				`Vector minimal: ${vector.minimal}; Vector in luau-web (Luau interpreter in WebAssembly), jsdiff in V8`,
			ok: vectorChanged === expected && nodeChanged === expected,
		});
	}
	return rows;
}
