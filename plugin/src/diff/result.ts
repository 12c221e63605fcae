/**
 * The result type every `diff/` function returns instead of throwing.
 *
 * The diff logic runs inside tool executors and inside `ScriptEditorService:UpdateSourceAsync`'s
 * callback, where an error thrown across the module boundary would abort the write half-way. So
 * failures are plain data with a stable `code` (for branching) and a `message` written for whoever
 * has to act on it: the model (which reads tool errors verbatim) or the user.
 */

/** Stable, machine-readable failure codes of `diff/`. */
export type DiffErrorCode =
	/** An edit that is not shaped like one (missing fields, text that is not a string). */
	| "invalid_edit"
	/** A position is not a pair of whole numbers. */
	| "invalid_position"
	/** A line or character lies outside the text. */
	| "out_of_bounds"
	/** A range whose end comes before its start. */
	| "inverted_range"
	/** A Studio byte column that points inside a multi-byte UTF-8 character. */
	| "split_utf8"
	/** Two edits cover the same text. */
	| "overlap"
	/** A search/replace block with an empty search text. */
	| "empty_search"
	/** A search text found nowhere, neither exactly nor ignoring indentation. */
	| "no_match"
	/** A search text found in more than one place. */
	| "ambiguous_match";

/** A place in the text the search text may have meant (for `no_match` / `ambiguous_match`). */
export interface MatchCandidate {
	/** Zero-based first line of the candidate. */
	readonly line: number;
	/** Number of lines the candidate spans. */
	readonly lineCount: number;
	/** 0..1, how close the candidate is to the search text (1 = same ignoring whitespace). */
	readonly similarity: number;
	/** The candidate's first non-blank line, trimmed and cut to a short length. */
	readonly excerpt: string;
}

/** A failure: `code` to branch on, `message` to show, plus the data the message was built from. */
export interface DiffError {
	readonly code: DiffErrorCode;
	readonly message: string;
	/** Zero-based indices of the edits the error is about (one, or two for `overlap`). */
	readonly edits?: ReadonlyArray<number>;
	/** Nearest or competing matches, best first (search/replace errors only). */
	readonly candidates?: ReadonlyArray<MatchCandidate>;
}

/** Success with a value, or failure with a {@link DiffError}. Narrow on `ok`. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DiffError };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

/** Builds a failed {@link Result}; `extra` carries the optional structured fields of {@link DiffError}. */
export function fail<T>(
	code: DiffErrorCode,
	message: string,
	extra?: { edits?: ReadonlyArray<number>; candidates?: ReadonlyArray<MatchCandidate> },
): Result<T> {
	return { ok: false, error: { code, message, edits: extra?.edits, candidates: extra?.candidates } };
}
