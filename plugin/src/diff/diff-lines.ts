/**
 * Minimal line diff: Myers' O(ND) algorithm in its linear-space form (bisect on the middle snake,
 * recurse on both halves), as in Myers 1986 §4b and diff-match-patch's `diff_bisect`.
 *
 * Three things keep it fast on real scripts, where a proposal touches a few regions of a big file:
 * - lines are interned to integers, so the inner loops compare numbers, not strings;
 * - lines that occur on one side only are marked changed up front and left out of the search
 *   (they cannot be in any common subsequence, so the result is still minimal), which leaves
 *   Myers only the "confusable" lines (`end`, blank lines…) to align;
 * - the common prefix and suffix are stripped at every level of the recursion.
 * Memory stays O(N + M) whatever the distance.
 *
 * The one escape hatch is `maxCost` (git's: about √N, at least 256): a bisection that needs more
 * edits than that (two texts that share many lines in a scrambled order) stops searching and
 * splits at the furthest point either end reached, as GNU diff and git do for "too expensive"
 * inputs. The diff is still correct, only possibly not minimal, and says so (`minimal: false`),
 * so a preview of a scrambled 10,000-line script cannot freeze Studio.
 */

/** One changed region: old lines [`oldStart`, `oldStart + oldCount`) became new lines [`newStart`, `newStart + newCount`). */
export interface LineChange {
	/** Zero-based index of the first old line of the region (where the insertion goes if `oldCount` is 0). */
	readonly oldStart: number;
	readonly oldCount: number;
	/** Zero-based index of the first new line of the region. */
	readonly newStart: number;
	readonly newCount: number;
}

/** The changes between two line lists, in order, never adjacent to one another. */
export interface LineDiff {
	readonly changes: ReadonlyArray<LineChange>;
	/** False when `maxCost` cut a search short (the changes are correct but maybe not the fewest). */
	readonly minimal: boolean;
}

/** Tuning for {@link diffLines}. */
export interface DiffOptions {
	/**
	 * Edit distance at which one bisection gives up on minimality (at least 1). Default: git's
	 * choice, √(lines left after the pre-pass), but at least 256.
	 */
	readonly maxCost?: number;
}

const MIN_DEFAULT_MAX_COST = 256;

/** The diff state shared by the recursion: interned lines and the "changed" marks it fills in. */
interface Work {
	readonly a: Array<number>;
	readonly b: Array<number>;
	readonly removed: Array<boolean>;
	readonly added: Array<boolean>;
	readonly maxCost: number;
	minimal: boolean;
}

function markRange(marks: Array<boolean>, from: number, to: number): void {
	for (let i = from; i < to; i++) {
		marks[i] = true;
	}
}

/**
 * Finds a point (x, y) on an optimal path through a[aLo, aLo+n) × b[bLo, bLo+m), both non-empty
 * and differing at both ends; returns it relative to (aLo, bLo).
 */
function bisect(work: Work, aLo: number, n: number, bLo: number, m: number): [number, number] {
	const a = work.a;
	const b = work.b;
	const maxD = math.ceil((n + m) / 2);
	const offset = maxD;
	const length = 2 * maxD + 2;
	const forward = new Array<number>(length, -1);
	const backward = new Array<number>(length, -1);
	forward[offset + 1] = 0;
	backward[offset + 1] = 0;
	const delta = n - m;
	const front = delta % 2 !== 0; // odd delta: the forward pass detects the overlap
	let k1start = 0;
	let k1end = 0;
	let k2start = 0;
	let k2end = 0;
	// Furthest points reached from each end, for giving up at maxCost (GNU diff's heuristic).
	let bestX = 0;
	let bestY = 0;
	let bestBackX = 0;
	let bestBackY = 0;
	for (let d = 0; d < maxD; d++) {
		if (d > work.maxCost) {
			const forwardGain = bestX + bestY;
			const backwardGain = bestBackX + bestBackY;
			if (forwardGain >= backwardGain && forwardGain > 0 && forwardGain < n + m) {
				work.minimal = false;
				return [bestX, bestY];
			}
			if (backwardGain > 0 && backwardGain < n + m) {
				work.minimal = false;
				return [n - bestBackX, m - bestBackY];
			}
		}
		for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			const k1Offset = offset + k1;
			let x1: number;
			if (k1 === -d || (k1 !== d && forward[k1Offset - 1] < forward[k1Offset + 1])) {
				x1 = forward[k1Offset + 1];
			} else {
				x1 = forward[k1Offset - 1] + 1;
			}
			let y1 = x1 - k1;
			while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
				x1 += 1;
				y1 += 1;
			}
			forward[k1Offset] = x1;
			if (x1 > n) {
				k1end += 2; // ran off the right edge
			} else if (y1 > m) {
				k1start += 2; // ran off the bottom edge
			} else {
				if (x1 + y1 > bestX + bestY) {
					bestX = x1;
					bestY = y1;
				}
				if (front) {
					const k2Offset = offset + delta - k1;
					if (k2Offset >= 0 && k2Offset < length && backward[k2Offset] !== -1) {
						if (x1 >= n - backward[k2Offset]) {
							return [x1, y1];
						}
					}
				}
			}
		}
		for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			const k2Offset = offset + k2;
			let x2: number;
			if (k2 === -d || (k2 !== d && backward[k2Offset - 1] < backward[k2Offset + 1])) {
				x2 = backward[k2Offset + 1];
			} else {
				x2 = backward[k2Offset - 1] + 1;
			}
			let y2 = x2 - k2;
			while (x2 < n && y2 < m && a[aLo + n - x2 - 1] === b[bLo + m - y2 - 1]) {
				x2 += 1;
				y2 += 1;
			}
			backward[k2Offset] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > m) {
				k2start += 2;
			} else {
				if (x2 + y2 > bestBackX + bestBackY) {
					bestBackX = x2;
					bestBackY = y2;
				}
				if (!front) {
					const k1Offset = offset + delta - k2;
					if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] !== -1) {
						const x1 = forward[k1Offset];
						const y1 = offset + x1 - k1Offset;
						if (x1 >= n - x2) {
							return [x1, y1];
						}
					}
				}
			}
		}
	}
	// The paths did not meet before d = maxD: the two ranges have nothing in common, so removing
	// all of one and adding all of the other is the minimal script.
	return [n, 0];
}

function compare(work: Work, aLo: number, aHi: number, bLo: number, bHi: number): void {
	const a = work.a;
	const b = work.b;
	while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
		aLo += 1;
		bLo += 1;
	}
	while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
		aHi -= 1;
		bHi -= 1;
	}
	if (aLo === aHi) {
		markRange(work.added, bLo, bHi);
		return;
	}
	if (bLo === bHi) {
		markRange(work.removed, aLo, aHi);
		return;
	}
	const [x, y] = bisect(work, aLo, aHi - aLo, bLo, bHi - bLo);
	compare(work, aLo, aLo + x, bLo, bLo + y);
	compare(work, aLo + x, aHi, bLo + y, bHi);
}

/**
 * The minimal set of changed regions turning `oldLines` into `newLines` (lines compared as whole
 * strings, so pass lines with their terminators to see line-ending changes). See the module
 * header for `options.maxCost`.
 */
export function diffLines(
	oldLines: ReadonlyArray<string>,
	newLines: ReadonlyArray<string>,
	options?: DiffOptions,
): LineDiff {
	// (A counter, not ids.size(): a roblox-ts Map counts its entries on every size() call.)
	const ids = new Map<string, number>();
	let distinct = 0;
	const intern = (lines: ReadonlyArray<string>) => {
		const out = new Array<number>(lines.size());
		for (const line of lines) {
			let id = ids.get(line);
			if (id === undefined) {
				id = distinct;
				distinct += 1;
				ids.set(line, id);
			}
			out.push(id);
		}
		return out;
	};
	const n = oldLines.size();
	const m = newLines.size();
	const a = intern(oldLines);
	const b = intern(newLines);

	// A line that does not occur on the other side is in no common subsequence: mark it changed
	// now and diff only the rest. The LCS is unchanged, so the result stays minimal, and the
	// usual edit (old lines replaced by new ones) leaves Myers almost nothing to search.
	const onOldSide = new Array<boolean>(distinct, false);
	const onNewSide = new Array<boolean>(distinct, false);
	for (const id of a) onOldSide[id] = true;
	for (const id of b) onNewSide[id] = true;
	const keptOld = new Array<number>(); // indices into a of the lines kept for Myers
	const keptNew = new Array<number>();
	for (let i = 0; i < n; i++) if (onNewSide[a[i]]) keptOld.push(i);
	for (let j = 0; j < m; j++) if (onOldSide[b[j]]) keptNew.push(j);

	const work: Work = {
		a: keptOld.map((i) => a[i]),
		b: keptNew.map((j) => b[j]),
		removed: new Array<boolean>(keptOld.size(), false),
		added: new Array<boolean>(keptNew.size(), false),
		maxCost: math.max(
			1,
			options?.maxCost ?? math.max(MIN_DEFAULT_MAX_COST, math.ceil(math.sqrt(keptOld.size() + keptNew.size()))),
		),
		minimal: true,
	};
	compare(work, 0, keptOld.size(), 0, keptNew.size());
	const removed = new Array<boolean>(n, true);
	const added = new Array<boolean>(m, true);
	for (let t = 0; t < keptOld.size(); t++) removed[keptOld[t]] = work.removed[t];
	for (let t = 0; t < keptNew.size(); t++) added[keptNew[t]] = work.added[t];

	// Unmarked lines pair up in order (they are the common subsequence); runs of marks are changes.
	const changes = new Array<LineChange>();
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && !removed[i] && !added[j]) {
			i += 1;
			j += 1;
			continue;
		}
		const oldStart = i;
		const newStart = j;
		while (i < n && removed[i]) i += 1;
		while (j < m && added[j]) j += 1;
		changes.push({ oldStart, oldCount: i - oldStart, newStart, newCount: j - newStart });
	}
	return { changes, minimal: work.minimal };
}
