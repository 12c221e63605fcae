/**
 * Unified-diff rendering for proposal previews: the classic `@@ -a,b +c,d @@` format, plus the
 * same content as data (hunks of lines with their old and new line numbers) for the UI to draw.
 *
 * Lines are diffed with their terminators, so a line whose only change is its line ending, or a
 * newly added final newline, shows up as changed (with git's "\ No newline at end of file" marker
 * for a last line without one). Rendered text shows line contents without their terminators.
 *
 * A preview must stay small whatever the change (a model may rewrite a whole script), so output is
 * capped by lines and bytes; a cut diff says so (`truncated`, `omittedLines`, and a closing note).
 */
import { diffLines, DiffOptions, LineChange } from "./diff-lines";
import { splitLineTokens, splitTerminator } from "./text-model";

/** What a rendered line is: unchanged context, a removed old line or an added new line. */
export type DiffLineKind = "context" | "removed" | "added";

/** One line of a hunk. Line numbers are 1-based, as the editor shows them. */
export interface DiffLine {
	readonly kind: DiffLineKind;
	/** The line's content, without its terminator. */
	readonly text: string;
	/** The line's terminator: "\n", "\r\n", or "" for a last line without a final newline. */
	readonly eol: string;
	/** 1-based line number in the old text (context and removed lines). */
	readonly oldLine?: number;
	/** 1-based line number in the new text (context and added lines). */
	readonly newLine?: number;
}

/** One hunk; the four numbers are those of its `@@ -oldStart,oldCount +newStart,newCount @@` header. */
export interface DiffHunk {
	readonly oldStart: number;
	readonly oldCount: number;
	readonly newStart: number;
	readonly newCount: number;
	readonly header: string;
	/** The hunk's lines; fewer than the header announces when the output was cut inside it. */
	readonly lines: ReadonlyArray<DiffLine>;
}

/** A rendered diff: the data and the text, and whether the cap cut them. */
export interface UnifiedDiff {
	/** The hunks shown (all of them unless `truncated`). */
	readonly hunks: ReadonlyArray<DiffHunk>;
	/** The unified diff as text ("" when the texts are equal). */
	readonly text: string;
	/** Lines added and removed by the whole change (shown or not). */
	readonly added: number;
	readonly removed: number;
	/** True when the size cap cut the output; `omittedLines` diff lines were not shown. */
	readonly truncated: boolean;
	readonly omittedLines: number;
	/** False when the diff gave up minimality on a very large change (see `diffLines`). */
	readonly minimal: boolean;
}

/** Options of {@link renderUnifiedDiff}. */
export interface UnifiedDiffOptions {
	/** Unchanged lines shown around each change (default 3). */
	readonly context?: number;
	/** Most rendered lines (headers, diff lines and markers; default 500). */
	readonly maxLines?: number;
	/** Most bytes of rendered text (default 64 KiB). */
	readonly maxBytes?: number;
	/** Names for the `---` / `+++` file header lines; no file header without them. */
	readonly oldLabel?: string;
	readonly newLabel?: string;
	/** Passed to `diffLines`. */
	readonly maxCost?: DiffOptions["maxCost"];
}

const NO_NEWLINE = "\\ No newline at end of file";

/** Groups changes whose context would touch or overlap into one hunk each. */
function groupChanges(changes: ReadonlyArray<LineChange>, context: number): Array<Array<LineChange>> {
	const groups = new Array<Array<LineChange>>();
	let current: Array<LineChange> | undefined;
	let currentEnd = 0;
	for (const change of changes) {
		if (current !== undefined && change.oldStart - currentEnd <= 2 * context) {
			current.push(change);
		} else {
			current = [change];
			groups.push(current);
		}
		currentEnd = change.oldStart + change.oldCount;
	}
	return groups;
}

function headerStart(zeroBasedStart: number, count: number): number {
	// A hunk with no lines on one side names the line *before* it (0 at the top), as diff(1) does.
	return count === 0 ? zeroBasedStart : zeroBasedStart + 1;
}

/** Renders the unified diff from `oldText` to `newText` (see the module header and options). */
export function renderUnifiedDiff(oldText: string, newText: string, options?: UnifiedDiffOptions): UnifiedDiff {
	const context = math.max(0, options?.context ?? 3);
	const maxLines = options?.maxLines ?? 500;
	const maxBytes = options?.maxBytes ?? 65536;
	const oldTokens = splitLineTokens(oldText);
	const newTokens = splitLineTokens(newText);
	const diff = diffLines(oldTokens, newTokens, { maxCost: options?.maxCost });

	let added = 0;
	let removed = 0;
	for (const change of diff.changes) {
		added += change.newCount;
		removed += change.oldCount;
	}

	const out = new Array<string>();
	let bytes = 0;
	let truncated = false;
	let omittedLines = 0;
	// Adds one rendered line if the caps allow; once one is refused, everything after is omitted.
	const emit = (line: string): boolean => {
		if (truncated || out.size() + 1 > maxLines || bytes + line.size() + 1 > maxBytes) {
			truncated = true;
			omittedLines += 1;
			return false;
		}
		out.push(line);
		bytes += line.size() + 1;
		return true;
	};

	const hunks = new Array<DiffHunk>();
	if (diff.changes.size() > 0 && options?.oldLabel !== undefined && options?.newLabel !== undefined) {
		emit(`--- ${options.oldLabel}`);
		emit(`+++ ${options.newLabel}`);
	}
	for (const group of groupChanges(diff.changes, context)) {
		const first = group[0];
		const last = group[group.size() - 1];
		const oldFrom = math.max(0, first.oldStart - context);
		const oldTo = math.min(oldTokens.size(), last.oldStart + last.oldCount + context);
		const newFrom = first.newStart - (first.oldStart - oldFrom);
		const newTo = last.newStart + last.newCount + (oldTo - (last.oldStart + last.oldCount));
		const oldCount = oldTo - oldFrom;
		const newCount = newTo - newFrom;
		const oldStart = headerStart(oldFrom, oldCount);
		const newStart = headerStart(newFrom, newCount);
		const header = `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`;
		const lines = new Array<DiffLine>();
		const shown = emit(header);
		if (shown) {
			hunks.push({ oldStart, oldCount, newStart, newCount, header, lines });
		}

		const push = (kind: DiffLineKind, token: string, oldIndex?: number, newIndex?: number) => {
			const [text, eol] = splitTerminator(token);
			const prefix = kind === "context" ? " " : kind === "removed" ? "-" : "+";
			if (!emit(prefix + text)) {
				if (eol === "") omittedLines += 1; // its "no newline" marker is not shown either
				return;
			}
			lines.push({
				kind,
				text,
				eol,
				oldLine: oldIndex !== undefined ? oldIndex + 1 : undefined,
				newLine: newIndex !== undefined ? newIndex + 1 : undefined,
			});
			if (eol === "") {
				emit(NO_NEWLINE);
			}
		};

		let i = oldFrom;
		let j = newFrom;
		for (const change of group) {
			for (; i < change.oldStart; i++, j++) push("context", oldTokens[i], i, j);
			for (; i < change.oldStart + change.oldCount; i++) push("removed", oldTokens[i], i, undefined);
			for (; j < change.newStart + change.newCount; j++) push("added", newTokens[j], undefined, j);
		}
		for (; i < oldTo; i++, j++) push("context", oldTokens[i], i, j);
	}
	if (truncated) {
		out.push(`... diff cut: ${omittedLines} more line(s) not shown (${removed} removed, ${added} added in all)`);
	}
	return {
		hunks,
		text: out.size() > 0 ? out.join("\n") + "\n" : "",
		added,
		removed,
		truncated,
		omittedLines,
		minimal: diff.minimal,
	};
}
