/**
 * The rows a diff preview draws, as plain data: one row per hunk header, per diff line and per
 * marker line ("\ No newline at end of file", the note of a cut diff), with what the view needs to
 * size itself without measuring text (the widest row in characters, the largest line number).
 * Also the arithmetic of virtualisation (which rows a scroll position shows) and the line a script
 * should open at. Data in, data out, so it is tested without any GUI.
 */
import { DiffLineKind, UnifiedDiff } from "../../diff/unified-diff";

export type DiffRowKind = DiffLineKind | "hunk" | "note";

export interface DiffRow {
	readonly kind: DiffRowKind;
	/** The line's text with tabs expanded (hunk rows: the `@@ … @@` header; note rows: the note). */
	readonly text: string;
	readonly oldLine?: number;
	readonly newLine?: number;
}

export interface DiffRows {
	readonly rows: ReadonlyArray<DiffRow>;
	/** Characters in the longest row text. */
	readonly widestText: number;
	/** The largest line number shown (for the width of the line-number gutter). */
	readonly largestLine: number;
}

/** Tab stops of the script editor's default indentation. */
export const TAB_WIDTH = 4;

const NO_NEWLINE = "\\ No newline at end of file";

/** Characters in `text` (bytes when it is not valid UTF-8). */
function characters(text: string): number {
	const [count] = utf8.len(text);
	return typeIs(count, "number") ? count : text.size();
}

/** `text` with each tab replaced by the spaces up to the next tab stop of `width` columns. */
export function expandTabs(text: string, width = TAB_WIDTH): string {
	if (string.find(text, "\t", 1, true)[0] === undefined) return text;
	const parts = new Array<string>();
	let column = 0;
	let start = 1;
	for (;;) {
		const [tab] = string.find(text, "\t", start, true);
		if (tab === undefined) {
			parts.push(text.sub(start));
			break;
		}
		const chunk = text.sub(start, tab - 1);
		parts.push(chunk);
		column += characters(chunk);
		const spaces = width - (column % width);
		parts.push(string.rep(" ", spaces));
		column += spaces;
		start = tab + 1;
	}
	return parts.join("");
}

/** Flattens a rendered diff into display rows (see the module header). */
export function diffRows(diff: UnifiedDiff): DiffRows {
	const rows = new Array<DiffRow>();
	let widestText = 0;
	let largestLine = 0;
	const add = (row: DiffRow) => {
		rows.push(row);
		const width = characters(row.text);
		if (width > widestText) widestText = width;
	};
	for (const hunk of diff.hunks) {
		add({ kind: "hunk", text: hunk.header });
		for (const line of hunk.lines) {
			add({ kind: line.kind, text: expandTabs(line.text), oldLine: line.oldLine, newLine: line.newLine });
			if (line.oldLine !== undefined && line.oldLine > largestLine) largestLine = line.oldLine;
			if (line.newLine !== undefined && line.newLine > largestLine) largestLine = line.newLine;
			if (line.eol === "") add({ kind: "note", text: NO_NEWLINE });
		}
	}
	if (diff.truncated) {
		add({
			kind: "note",
			text: `… ${diff.omittedLines} more diff line(s) not shown (${diff.removed} removed, ${diff.added} added in all)`,
		});
	}
	return { rows, widestText, largestLine };
}

/**
 * The 1-based line of the new text where the diff's first change is: the first added line, or
 * for a removal the line that now follows the removed ones. Undefined when nothing changed.
 */
export function firstChangedLine(diff: UnifiedDiff): number | undefined {
	for (const hunk of diff.hunks) {
		let lastContext: number | undefined;
		for (const line of hunk.lines) {
			if (line.kind === "context") {
				lastContext = line.newLine;
			} else if (line.kind === "added") {
				return line.newLine;
			} else {
				return lastContext !== undefined ? lastContext + 1 : math.max(1, hunk.newStart);
			}
		}
	}
	return undefined;
}

/** First and last (0-based, inclusive) row to draw; `last < first` when there is nothing to draw. */
export interface RowWindow {
	readonly first: number;
	readonly last: number;
}

/**
 * The rows a `viewHeight`-pixel window scrolled to `scrollY` shows, widened by `overscan` rows on
 * each side so a small scroll does not uncover an undrawn row before the next render.
 */
export function visibleWindow(
	scrollY: number,
	viewHeight: number,
	rowHeight: number,
	total: number,
	overscan: number,
): RowWindow {
	if (total <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
	const top = math.max(0, scrollY);
	const first = math.max(0, math.floor(top / rowHeight) - overscan);
	const last = math.min(total - 1, math.ceil((top + math.max(0, viewHeight)) / rowHeight) - 1 + overscan);
	return { first, last };
}
