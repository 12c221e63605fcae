/**
 * Minimal line diff: Myers' O(ND) algorithm in its linear-space form (bisect on the middle snake,
 * recurse on both halves), as in Myers 1986 §4b and diff-match-patch's `diff_bisect`.
 *
 * Lines are interned to integers first, so the inner loops compare numbers, not strings, and the
 * common prefix and suffix are stripped at every level, which is what makes the usual "a few
 * regions changed in a big script" case close to linear. Memory stays O(N + M) whatever the
 * distance.
 *
 * The one escape hatch is `maxCost`: a bisection that needs more than that many edits (two texts
 * that have almost nothing in common) stops searching and splits at the furthest point it reached,
 * as GNU diff does for "too expensive" inputs. The diff is still correct, just possibly not
 * minimal, and says so (`minimal: false`), so a preview of a rewritten 10,000-line script cannot
 * freeze Studio.
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
	/** Edit distance at which one bisection gives up on minimality (default 4000; at least 1). */
	readonly maxCost?: number;
}

const DEFAULT_MAX_COST = 4000;

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
	let bestX = 0;
	let bestY = 0;
	for (let d = 0; d < maxD; d++) {
		if (d > work.maxCost && bestX + bestY > 0 && bestX + bestY < n + m) {
			work.minimal = false;
			return [bestX, bestY];
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
			} else if (!front) {
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
	const ids = new Map<string, number>();
	const intern = (lines: ReadonlyArray<string>) => {
		const out = new Array<number>(lines.size());
		for (const line of lines) {
			let id = ids.get(line);
			if (id === undefined) {
				id = ids.size();
				ids.set(line, id);
			}
			out.push(id);
		}
		return out;
	};
	const n = oldLines.size();
	const m = newLines.size();
	const work: Work = {
		a: intern(oldLines),
		b: intern(newLines),
		removed: new Array<boolean>(n, false),
		added: new Array<boolean>(m, false),
		maxCost: math.max(1, options?.maxCost ?? DEFAULT_MAX_COST),
		minimal: true,
	};
	compare(work, 0, n, 0, m);

	// Unmarked lines pair up in order (they are the common subsequence); runs of marks are changes.
	const changes = new Array<LineChange>();
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && !work.removed[i] && !work.added[j]) {
			i += 1;
			j += 1;
			continue;
		}
		const oldStart = i;
		const newStart = j;
		while (i < n && work.removed[i]) i += 1;
		while (j < m && work.added[j]) j += 1;
		changes.push({ oldStart, oldCount: i - oldStart, newStart, newCount: j - newStart });
	}
	return { changes, minimal: work.minimal };
}
