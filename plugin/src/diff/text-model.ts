/**
 * The text model: a script's source split into lines, with each line's terminator kept.
 *
 * Everything else in `diff/` addresses text by line, so the split has to be lossless: `\n` and
 * `\r\n` files (and files that mix them) must come back byte for byte, and so must a missing final
 * newline. Only `\n` and `\r\n` end a line; a lone `\r` is ordinary content (the strictest reading:
 * Luau itself, and Studio's line count, do not treat it as a break).
 *
 * Two splits are offered because positions and diffs want different things:
 * - {@link createTextModel} follows the editor: N line breaks make N + 1 lines, the last possibly
 *   empty, so every caret position has a line.
 * - {@link splitLineTokens} follows diff tools: each token is one line *with* its terminator and an
 *   empty final line is no token, so a changed terminator or final newline is a changed line.
 */

/** A line terminator the model knows. */
export type LineEnding = "\n" | "\r\n";

/** A text split into editor lines. Build it with {@link createTextModel}; do not mutate it. */
export interface TextModel {
	/** The whole text, unchanged. */
	readonly text: string;
	/** Line contents without terminators; N line breaks give N + 1 lines (the last may be empty). */
	readonly lines: ReadonlyArray<string>;
	/** The terminator after each line: "\n", "\r\n", or "" for the last line. */
	readonly endings: ReadonlyArray<string>;
	/** Zero-based byte offset in `text` where each line starts. */
	readonly starts: ReadonlyArray<number>;
	/**
	 * The file's line ending for new text: the more frequent of the two (`\n` on a tie), or
	 * undefined when the text has no line break at all.
	 */
	readonly eol: LineEnding | undefined;
}

const LF = 10;
const CR = 13;

/** Splits `text` into editor lines (see {@link TextModel}). Linear in the text's size. */
export function createTextModel(text: string): TextModel {
	const lines = new Array<string>();
	const endings = new Array<string>();
	const starts = new Array<number>();
	let lf = 0;
	let crlf = 0;
	let pos = 1; // 1-based byte index of the current line's start
	while (true) {
		const [newline] = string.find(text, "\n", pos, true);
		starts.push(pos - 1);
		if (newline === undefined) {
			lines.push(string.sub(text, pos));
			endings.push("");
			break;
		}
		let contentEnd = newline - 1;
		if (contentEnd >= pos && string.byte(text, contentEnd)[0] === CR) {
			contentEnd -= 1;
			endings.push("\r\n");
			crlf += 1;
		} else {
			endings.push("\n");
			lf += 1;
		}
		lines.push(string.sub(text, pos, contentEnd));
		pos = newline + 1;
	}
	const eol: LineEnding | undefined = crlf > lf ? "\r\n" : lf > 0 ? "\n" : undefined;
	return { text, lines, endings, starts, eol };
}

/** Joins lines and their terminators back into text: the inverse of {@link createTextModel}. */
export function joinLines(lines: ReadonlyArray<string>, endings: ReadonlyArray<string>): string {
	const parts = new Array<string>();
	for (let i = 0; i < lines.size(); i++) {
		parts.push(lines[i]);
		parts.push(endings[i] ?? "");
	}
	return parts.join("");
}

/**
 * Splits `text` into diff tokens: each line with its terminator; a final line without terminator
 * is a token of its own, an empty final line is none ("" has no tokens). Concatenating the tokens
 * gives `text` back.
 */
export function splitLineTokens(text: string): Array<string> {
	const tokens = new Array<string>();
	const size = text.size();
	let pos = 1;
	while (pos <= size) {
		const [newline] = string.find(text, "\n", pos, true);
		if (newline === undefined) {
			tokens.push(string.sub(text, pos));
			break;
		}
		tokens.push(string.sub(text, pos, newline));
		pos = newline + 1;
	}
	return tokens;
}

/** Splits a diff token into its content and its terminator ("\n", "\r\n" or ""). */
export function splitTerminator(token: string): [content: string, terminator: string] {
	const size = token.size();
	if (size > 0 && string.byte(token, size)[0] === LF) {
		if (size > 1 && string.byte(token, size - 1)[0] === CR) {
			return [string.sub(token, 1, size - 2), "\r\n"];
		}
		return [string.sub(token, 1, size - 1), "\n"];
	}
	return [token, ""];
}

/** Rewrites every `\n` and `\r\n` in `text` as `eol` (lone `\r` is left alone). */
export function normalizeLineEndings(text: string, eol: LineEnding): string {
	if (string.find(text, "\n", 1, true)[0] === undefined) {
		return text;
	}
	const [unix] = string.gsub(text, "\r\n", "\n");
	if (eol === "\n") {
		return unix;
	}
	const [windows] = string.gsub(unix, "\n", "\r\n");
	return windows;
}
