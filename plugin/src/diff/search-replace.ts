/**
 * Search/replace edits (`replace_in_script`): the model quotes the code to change and gives its
 * replacement, instead of counting lines and characters.
 *
 * A quote has to identify one place. The exact text is tried first and must occur exactly once.
 * Failing that, a whitespace-tolerant match is tried: the same number of whole lines, each equal
 * once leading and trailing whitespace is ignored (models often get tabs vs spaces or trailing
 * blanks wrong); it too must be unique. The replacement is then re-indented to the file's style
 * (tabs ⇄ spaces at the width the quote implies, or the quote's indentation prefix swapped for
 * the file's), since it was written in the same wrong style as the quote. Anything else (ambiguous
 * or missing) is an error listing the places the model may have meant, so it can retry with
 * better context instead of guessing.
 *
 * Every block is matched against the original text (like range edits), so blocks must not
 * overlap. Quotes are compared modulo line-ending style: a `\n` quote matches a `\r\n` file.
 */
import { excerptOf, findNearestCandidates, trimLine } from "./nearest-candidates";
import { applyResolvedEdits, MergeOptions } from "./merge";
import { lineOfOffset, offsetToPosition, Range } from "./positions";
import { fail, MatchCandidate, ok, Result } from "./result";
import { createTextModel, normalizeLineEndings, TextModel } from "./text-model";
import { ResolvedEdit, sortAndCheckOverlaps } from "./validate-edits";

/** Replace the one place where `search` occurs with `replace`. */
export interface SearchReplaceEdit {
	readonly search: string;
	readonly replace: string;
}

/** How a block was matched: byte for byte, or ignoring indentation and trailing whitespace. */
export type MatchKind = "exact" | "whitespace";

/** Where a block matched in the original text, and what replaces it. */
export interface SearchMatch extends ResolvedEdit {
	readonly kind: MatchKind;
	/** The matched text's range in the original text (model positions). */
	readonly range: Range;
}

const MAX_LISTED = 5; // occurrences named in an ambiguity message

/** The first few of many occurrences: what an ambiguity error names. */
function listed(lines: ReadonlyArray<number>): Array<number> {
	const shown = new Array<number>();
	for (let i = 0; i < math.min(lines.size(), MAX_LISTED); i++) shown.push(lines[i]);
	return shown;
}

/** "4, 19, 40" for the lines shown, with ", …" when there were more. */
function lineList(shown: ReadonlyArray<number>, total: number): string {
	return shown.join(", ") + (total > shown.size() ? ", …" : "");
}

function describeCandidates(candidates: ReadonlyArray<MatchCandidate>): string {
	const parts = candidates.map((c) => {
		const lines = c.lineCount > 1 ? `lines ${c.line}–${c.line + c.lineCount - 1}` : `line ${c.line}`;
		return `${lines} (${math.floor(c.similarity * 100 + 0.5)}% similar): "${c.excerpt}"`;
	});
	return parts.join("; ");
}

const MAX_COUNTED = 1000; // occurrences counted before an ambiguity message says "1000+"

/**
 * Zero-based byte offsets of the exact occurrences of `search` that start and end on a character
 * boundary (at most MAX_COUNTED + 1: enough to know and say that it is ambiguous).
 */
function exactOccurrences(model: TextModel, search: string): Array<number> {
	const found = new Array<number>();
	const text = model.text;
	let from = 1;
	while (found.size() <= MAX_COUNTED) {
		const [start] = string.find(text, search, from, true);
		if (start === undefined) break;
		const offset = start - 1;
		if (
			offsetToPosition(model, offset) !== undefined &&
			offsetToPosition(model, offset + search.size()) !== undefined
		) {
			found.push(offset);
		}
		from = start + 1;
	}
	return found;
}

/** The search text as lines for line-wise matching, and whether it ended with a line break. */
function searchLinesOf(search: string): [Array<string>, boolean] {
	const [unix] = string.gsub(search, "\r\n", "\n");
	const lines = unix.split("\n");
	const endsWithNewline = lines.size() > 1 && lines[lines.size() - 1] === "";
	if (endsWithNewline) {
		lines.pop();
	}
	return [lines, endsWithNewline];
}

/** Start lines of every window of `model` equal to `searchLines` ignoring surrounding whitespace. */
function tolerantOccurrences(model: TextModel, searchLines: ReadonlyArray<string>): Array<number> {
	const ids = new Map<string, number>();
	let distinct = 0; // not ids.size(), which counts the entries on every call
	const fileIds = model.lines.map((line) => {
		const trimmed = trimLine(line);
		let id = ids.get(trimmed);
		if (id === undefined) {
			id = distinct;
			distinct += 1;
			ids.set(trimmed, id);
		}
		return id;
	});
	const wanted = new Array<number>();
	for (const line of searchLines) {
		const id = ids.get(trimLine(line));
		if (id === undefined) return []; // a line that appears nowhere
		wanted.push(id);
	}
	const found = new Array<number>();
	const k = wanted.size();
	for (let w = 0; w + k <= fileIds.size(); w++) {
		let same = true;
		for (let i = 0; i < k; i++) {
			if (fileIds[w + i] !== wanted[i]) {
				same = false;
				break;
			}
		}
		if (same) found.push(w);
	}
	return found;
}

function leadingWhitespace(line: string): string {
	return string.match(line, "^%s*")[0] as string;
}

/** Whether `s` is `unit` repeated (and not empty). */
function isRunOf(s: string, unit: string): boolean {
	return s !== "" && s === string.rep(unit, s.size());
}

/**
 * One replacement line moved from the quote's indentation style to the file's: tabs ⇄ spaces by
 * the width the two first lines imply, else the quote's indentation prefix swapped for the file's.
 */
function reindentLine(line: string, quoted: string, actual: string): string {
	if (trimLine(line) === "") return line;
	const leading = leadingWhitespace(line);
	const rest = string.sub(line, leading.size() + 1);
	if (isRunOf(quoted, " ") && isRunOf(actual, "\t") && quoted.size() % actual.size() === 0 && isRunOf(leading, " ")) {
		const width = quoted.size() / actual.size();
		return string.rep("\t", math.floor(leading.size() / width)) + string.rep(" ", leading.size() % width) + rest;
	}
	if (isRunOf(quoted, "\t") && isRunOf(actual, " ") && actual.size() % quoted.size() === 0 && isRunOf(leading, "\t")) {
		return string.rep(" ", leading.size() * (actual.size() / quoted.size())) + rest;
	}
	if (string.sub(leading, 1, quoted.size()) === quoted) {
		return actual + string.sub(line, quoted.size() + 1);
	}
	return line;
}

/** Rewrites the replacement's indentation from the quote's style to the file's (see the header). */
function reindent(replace: string, searchLines: ReadonlyArray<string>, model: TextModel, window: number): string {
	for (let i = 0; i < searchLines.size(); i++) {
		if (trimLine(searchLines[i]) === "") continue;
		const quoted = leadingWhitespace(searchLines[i]);
		const actual = leadingWhitespace(model.lines[window + i]);
		if (quoted === actual) return replace;
		const [unix] = string.gsub(replace, "\r\n", "\n");
		return unix
			.split("\n")
			.map((line) => reindentLine(line, quoted, actual))
			.join("\n");
	}
	return replace;
}

function resolveOne(model: TextModel, edit: SearchReplaceEdit, index: number): Result<SearchMatch> {
	const label = `blocks[${index}]`;
	if (!typeIs(edit, "table") || !typeIs(edit.search, "string") || !typeIs(edit.replace, "string")) {
		return fail("invalid_edit", `${label} must be { search, replace } with string texts`, { edits: [index] });
	}
	if (edit.search === "") {
		return fail("empty_search", `${label}: the search text is empty; quote the code to replace`, { edits: [index] });
	}
	const search = model.eol !== undefined ? normalizeLineEndings(edit.search, model.eol) : edit.search;

	const [searchLines, endsWithNewline] = searchLinesOf(search);
	const exact = exactOccurrences(model, search);
	if (exact.size() === 1) {
		const startByte = exact[0];
		const endByte = startByte + search.size();
		return ok({
			index,
			startByte,
			endByte,
			newText: edit.replace,
			kind: "exact",
			range: { start: offsetToPosition(model, startByte)!, end: offsetToPosition(model, endByte)! },
		});
	}
	if (exact.size() > 1) {
		const lines = listed(exact).map((offset) => lineOfOffset(model, offset));
		const candidates = lines.map((line) => ({
			line,
			lineCount: searchLines.size(),
			similarity: 1,
			excerpt: excerptOf(model.lines[line]),
		}));
		return fail(
			"ambiguous_match",
			`${label}: the search text occurs ${exact.size() > MAX_COUNTED ? `${MAX_COUNTED}+` : exact.size()} times ` +
				`(zero-based lines ${lineList(lines, exact.size())}); ` +
				`quote more surrounding lines so that it matches exactly once`,
			{ edits: [index], candidates },
		);
	}

	const tolerant = tolerantOccurrences(model, searchLines);
	if (tolerant.size() === 1) {
		const first = tolerant[0];
		const last = first + searchLines.size() - 1;
		const startByte = model.starts[first];
		const endByte = model.starts[last] + model.lines[last].size() + (endsWithNewline ? model.endings[last].size() : 0);
		return ok({
			index,
			startByte,
			endByte,
			newText: reindent(edit.replace, searchLines, model, first),
			kind: "whitespace",
			range: { start: offsetToPosition(model, startByte)!, end: offsetToPosition(model, endByte)! },
		});
	}
	if (tolerant.size() > 1) {
		const candidates = listed(tolerant).map((line) => ({
			line,
			lineCount: searchLines.size(),
			similarity: 1,
			excerpt: excerptOf(model.lines[line]),
		}));
		return fail(
			"ambiguous_match",
			`${label}: the search text is not in the script exactly, and ignoring indentation it matches ` +
				`${tolerant.size()} places (zero-based lines ${lineList(listed(tolerant), tolerant.size())}); ` +
				`quote more surrounding lines so that it matches exactly once`,
			{ edits: [index], candidates },
		);
	}
	const candidates = findNearestCandidates(model, searchLines);
	const nearest =
		candidates.size() > 0 ? ` Nearest candidates (zero-based lines): ${describeCandidates(candidates)}` : "";
	return fail(
		"no_match",
		`${label}: the search text was not found, neither exactly nor ignoring indentation and trailing spaces.${nearest}`,
		{ edits: [index], candidates },
	);
}

/**
 * Finds where each search/replace block applies in `model`'s text (see the module header).
 * Returns the matches in application order, or the first block's error, or an overlap error.
 */
export function resolveSearchReplace(
	model: TextModel,
	edits: ReadonlyArray<SearchReplaceEdit>,
): Result<Array<SearchMatch>> {
	const matches = new Array<SearchMatch>();
	for (let index = 0; index < edits.size(); index++) {
		const match = resolveOne(model, edits[index], index);
		if (!match.ok) return match;
		matches.push(match.value);
	}
	const byIndex = new Map<number, SearchMatch>();
	for (const match of matches) byIndex.set(match.index, match);
	const sorted = sortAndCheckOverlaps(matches, (edit) => {
		const range = byIndex.get(edit.index)!.range;
		return `blocks[${edit.index}] (lines ${range.start.line}–${range.end.line})`;
	});
	if (!sorted.ok) return sorted;
	return ok(sorted.value.map((edit) => byIndex.get(edit.index)!));
}

/**
 * Applies search/replace blocks to `text`: the final text and where each block matched, or the
 * first error (`empty_search`, `no_match`, `ambiguous_match` with candidates, `overlap`).
 */
export function applySearchReplace(
	text: string,
	edits: ReadonlyArray<SearchReplaceEdit>,
	options?: MergeOptions,
): Result<{ readonly text: string; readonly matches: ReadonlyArray<SearchMatch> }> {
	const model = createTextModel(text);
	const matches = resolveSearchReplace(model, edits);
	if (!matches.ok) return matches;
	return ok({ text: applyResolvedEdits(model, matches.value, options), matches: matches.value });
}
