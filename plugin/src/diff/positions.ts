/**
 * Positions in a text, in the model's convention and in Studio's, and the conversions between them.
 *
 * - The model's {@link Position} (the seed protocol): zero-based `line`, zero-based `character`
 *   counted in Unicode code points within the line (see `characters.ts`). Ranges include the start
 *   and exclude the end. A line's last position is just before its terminator; a range that
 *   swallows a line break ends at `{ line: next, character: 0 }`.
 * - Studio's {@link DocumentPosition} (ScriptDocument): 1-based `line`, 1-based `character`
 *   counted in UTF-8 bytes, so "é" advances it by 2 and "🙂" by 4.
 *
 * Conversions are explicit and strict: a position outside the text, or a Studio column inside a
 * multi-byte character (which `EditTextAsync` would reject), is an error, never clamped.
 *
 * Unverified (the docs are silent): how ScriptDocument counts the `\r` of a `\r\n` line. The
 * strictest reading is taken: it belongs to the terminator, so no column addresses it and the last
 * valid column of a line is one past its content.
 */
import { byteToCharacter, characterCount, characterToByte } from "./characters";
import { fail, ok, Result } from "./result";
import { TextModel } from "./text-model";

/** A caret position in the model's convention: zero-based line, zero-based code-point column. */
export interface Position {
	readonly line: number;
	readonly character: number;
}

/** A span of text between two {@link Position}s; `end` is exclusive. */
export interface Range {
	readonly start: Position;
	readonly end: Position;
}

/** A position in Studio's ScriptDocument convention: 1-based line, 1-based UTF-8 byte column. */
export interface DocumentPosition {
	readonly line: number;
	readonly character: number;
}

/** A span between two {@link DocumentPosition}s, end exclusive (as `EditTextAsync` takes it). */
export interface DocumentRange {
	readonly start: DocumentPosition;
	readonly end: DocumentPosition;
}

function isWholeNumber(n: unknown): n is number {
	return typeIs(n, "number") && n % 1 === 0;
}

/** "line:character", the compact form error messages use. */
export function formatPosition(position: Position): string {
	return `${position.line}:${position.character}`;
}

/**
 * Zero-based byte offset of `position` in the model's text. `label` names the position in error
 * messages (e.g. "edits[2].start").
 */
export function positionToOffset(model: TextModel, position: Position, label = "position"): Result<number> {
	const line = position.line;
	const character = position.character;
	if (!isWholeNumber(line) || !isWholeNumber(character)) {
		return fail(
			"invalid_position",
			`${label}: line and character must be whole numbers, got ${tostring(line)}:${tostring(character)}`,
		);
	}
	const lastLine = model.lines.size() - 1;
	if (line < 0 || line > lastLine) {
		return fail("out_of_bounds", `${label}: line ${line} is outside the text (valid lines: 0–${lastLine}, zero-based)`);
	}
	const content = model.lines[line];
	const byte = characterToByte(content, character);
	if (byte === undefined) {
		return fail(
			"out_of_bounds",
			`${label}: character ${character} is outside line ${line} (valid characters: 0–${characterCount(content)})`,
		);
	}
	return ok(model.starts[line] + byte);
}

/** Zero-based index of the line holding zero-based byte `offset` (binary search over line starts). */
export function lineOfOffset(model: TextModel, offset: number): number {
	const starts = model.starts;
	let low = 0;
	let high = starts.size() - 1;
	while (low < high) {
		const middle = math.floor((low + high + 1) / 2);
		if (starts[middle] <= offset) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}
	return low;
}

/**
 * The {@link Position} at zero-based byte `offset` of the model's text. Undefined when the offset
 * is outside the text, inside a line terminator or inside a multi-byte character.
 */
export function offsetToPosition(model: TextModel, offset: number): Position | undefined {
	if (!isWholeNumber(offset) || offset < 0 || offset > model.text.size()) {
		return undefined;
	}
	const line = lineOfOffset(model, offset);
	const character = byteToCharacter(model.lines[line], offset - model.starts[line]);
	return character === undefined ? undefined : { line, character };
}

/** Converts a model {@link Position} to Studio's 1-based line and 1-based UTF-8 byte column. */
export function toDocumentPosition(model: TextModel, position: Position): Result<DocumentPosition> {
	const offset = positionToOffset(model, position);
	if (!offset.ok) {
		return offset;
	}
	return ok({ line: position.line + 1, character: offset.value - model.starts[position.line] + 1 });
}

/**
 * Converts Studio's 1-based line and 1-based UTF-8 byte column to a model {@link Position}.
 * Fails on a line or column outside the text, or a column inside a multi-byte character.
 */
export function fromDocumentPosition(model: TextModel, position: DocumentPosition): Result<Position> {
	const line = position.line;
	const column = position.character;
	if (!isWholeNumber(line) || !isWholeNumber(column)) {
		return fail(
			"invalid_position",
			`document position: line and character must be whole numbers, got ${tostring(line)}:${tostring(column)}`,
		);
	}
	const lineCount = model.lines.size();
	if (line < 1 || line > lineCount) {
		return fail(
			"out_of_bounds",
			`document position: line ${line} is outside the text (valid lines: 1–${lineCount}, 1-based)`,
		);
	}
	const content = model.lines[line - 1];
	const size = content.size();
	if (column < 1 || column > size + 1) {
		return fail(
			"out_of_bounds",
			`document position: byte column ${column} is outside line ${line} (valid columns: 1–${size + 1})`,
		);
	}
	const character = byteToCharacter(content, column - 1);
	if (character === undefined) {
		return fail(
			"split_utf8",
			`document position: byte column ${column} of line ${line} falls inside a multi-byte UTF-8 character`,
		);
	}
	return ok({ line: line - 1, character });
}

/** Converts a model {@link Range} to Studio's convention (both ends; see {@link toDocumentPosition}). */
export function toDocumentRange(model: TextModel, range: Range): Result<DocumentRange> {
	const start = toDocumentPosition(model, range.start);
	if (!start.ok) {
		return start;
	}
	const finish = toDocumentPosition(model, range.end);
	if (!finish.ok) {
		return finish;
	}
	return ok({ start: start.value, end: finish.value });
}

/** Converts a Studio range to a model {@link Range} (both ends; see {@link fromDocumentPosition}). */
export function fromDocumentRange(model: TextModel, range: DocumentRange): Result<Range> {
	const start = fromDocumentPosition(model, range.start);
	if (!start.ok) {
		return start;
	}
	const finish = fromDocumentPosition(model, range.end);
	if (!finish.ok) {
		return finish;
	}
	return ok({ start: start.value, end: finish.value });
}
