/**
 * Three-way rebase of a proposal onto the text the user has now.
 *
 * A proposal is computed against `base` (the editor text when the model read it) and turns it into
 * `ours`. By approval time the editor may hold `theirs`: the user kept typing. Studio's
 * `UpdateSourceAsync` hands its callback the current text (and calls it again if that text moved
 * under it), so the rebase runs inside that callback and must be a pure function of its three
 * inputs: no state, no yielding, same answer every time.
 *
 * It is diff3 at line granularity. Both sides are diffed against base; changes that touch
 * different base lines are both kept; changes that overlap (or insert at the same point) form a
 * conflict unless both sides made the same edit there. Any conflict makes the proposal stale: the
 * user's edit is never overwritten, and the conflicting hunks are returned for the UI. Touching is
 * not overlapping: a user edit on the line right after a proposed change is kept alongside it.
 * Lines are compared with their terminators, so the result is exact byte for byte. Should a diff
 * give up minimality (see `diffLines`' maxCost), its changes only grow, which can only add
 * conflicts, never drop a user edit.
 */
import { diffLines, DiffOptions, LineChange } from "./diff-lines";
import { splitLineTokens } from "./text-model";

/** One side of a conflict: zero-based first line and line count in that side's text, and the text. */
export interface ConflictSide {
	readonly start: number;
	readonly count: number;
	readonly text: string;
}

/** A region both the proposal and the user changed, in each of the three texts. */
export interface RebaseConflict {
	readonly base: ConflictSide;
	readonly ours: ConflictSide;
	readonly theirs: ConflictSide;
}

/** Outcome of {@link rebase}: the merged text, or stale with every conflicting region. */
export type RebaseResult =
	| {
			readonly status: "merged";
			/** The proposal applied on top of the user's current text. */
			readonly text: string;
			/** True when the user had changed the text (so the proposal was moved onto their version). */
			readonly rebased: boolean;
	  }
	| { readonly status: "stale"; readonly conflicts: ReadonlyArray<RebaseConflict> };

const OURS = 0;
const THEIRS = 1;

interface SideChange {
	readonly side: number;
	readonly change: LineChange;
}

/** Whether a change only inserts lines (it covers no base line). */
function isInsertion(change: LineChange): boolean {
	return change.oldCount === 0;
}

/** Whether changes from different sides collide (see the module header). */
function collide(x: LineChange, y: LineChange): boolean {
	const xEnd = x.oldStart + x.oldCount;
	const yEnd = y.oldStart + y.oldCount;
	if (isInsertion(x) && isInsertion(y)) {
		return x.oldStart === y.oldStart;
	}
	if (isInsertion(x)) {
		return y.oldStart < x.oldStart && x.oldStart < yEnd;
	}
	if (isInsertion(y)) {
		return x.oldStart < y.oldStart && y.oldStart < xEnd;
	}
	return x.oldStart < yEnd && y.oldStart < xEnd;
}

function slice(tokens: ReadonlyArray<string>, from: number, to: number): string {
	const parts = new Array<string>();
	for (let i = from; i < to; i++) {
		parts.push(tokens[i]);
	}
	return parts.join("");
}

/**
 * Rebases the proposal `base → ours` onto `theirs` (the current editor text). Returns the merged
 * text, or `stale` with the conflicting regions when the user changed lines the proposal changes.
 * `options` go to both diffs (`diffLines`).
 */
export function rebase(base: string, ours: string, theirs: string, options?: DiffOptions): RebaseResult {
	if (theirs === base || theirs === ours) {
		return { status: "merged", text: ours, rebased: false };
	}
	if (ours === base) {
		return { status: "merged", text: theirs, rebased: true };
	}
	const tokens = [splitLineTokens(ours), splitLineTokens(theirs)];
	const baseTokens = splitLineTokens(base);
	const changes = [
		diffLines(baseTokens, tokens[OURS], options).changes,
		diffLines(baseTokens, tokens[THEIRS], options).changes,
	];

	// Both change lists in base order; at one start, insertions first (an insertion at the start
	// of the other side's range touches it, it does not collide).
	const all = new Array<SideChange>();
	for (const side of [OURS, THEIRS]) {
		for (const change of changes[side]) {
			all.push({ side, change });
		}
	}
	all.sort((p, q) => {
		if (p.change.oldStart !== q.change.oldStart) return p.change.oldStart < q.change.oldStart;
		if (isInsertion(p.change) !== isInsertion(q.change)) return isInsertion(p.change);
		return p.side < q.side;
	});

	// Sweep into clusters of transitively colliding changes.
	const clusters = new Array<Array<SideChange>>();
	let current: Array<SideChange> | undefined;
	for (const item of all) {
		let joins = false;
		if (current !== undefined) {
			for (const member of current) {
				if (member.side !== item.side && collide(member.change, item.change)) {
					joins = true;
					break;
				}
			}
		}
		if (joins) {
			current!.push(item);
		} else {
			current = [item];
			clusters.push(current);
		}
	}

	const output = new Array<string>();
	const conflicts = new Array<RebaseConflict>();
	let copied = 0; // base lines emitted so far
	const shift = [0, 0]; // per side: lines added minus removed by its changes before the cluster
	for (const cluster of clusters) {
		let from = math.huge;
		let to = -1;
		const delta = [0, 0];
		const present = [false, false];
		for (const { side, change } of cluster) {
			from = math.min(from, change.oldStart);
			to = math.max(to, change.oldStart + change.oldCount);
			delta[side] += change.newCount - change.oldCount;
			present[side] = true;
		}
		const rangeOf = (side: number): [number, number] => [from + shift[side], to + shift[side] + delta[side]];
		for (let i = copied; i < from; i++) {
			output.push(baseTokens[i]);
		}
		copied = to;
		const [oursFrom, oursTo] = rangeOf(OURS);
		const [theirsFrom, theirsTo] = rangeOf(THEIRS);
		const oursText = slice(tokens[OURS], oursFrom, oursTo);
		const theirsText = slice(tokens[THEIRS], theirsFrom, theirsTo);
		if (!present[THEIRS] || oursText === theirsText) {
			output.push(oursText);
		} else if (!present[OURS]) {
			output.push(theirsText);
		} else {
			conflicts.push({
				base: { start: from, count: to - from, text: slice(baseTokens, from, to) },
				ours: { start: oursFrom, count: oursTo - oursFrom, text: oursText },
				theirs: { start: theirsFrom, count: theirsTo - theirsFrom, text: theirsText },
			});
		}
		shift[OURS] += delta[OURS];
		shift[THEIRS] += delta[THEIRS];
	}
	if (conflicts.size() > 0) {
		return { status: "stale", conflicts };
	}
	for (let i = copied; i < baseTokens.size(); i++) {
		output.push(baseTokens[i]);
	}
	return { status: "merged", text: output.join(""), rebased: true };
}
