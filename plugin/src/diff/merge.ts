/**
 * Merging many edits into the final text in one pass.
 *
 * Edits arrive validated, sorted and disjoint (see `validate-edits.ts`), all addressed to the
 * original text. Applying them from the last to the first would keep every offset valid; building
 * the result front to back from untouched slices and replacement texts does the same in one linear
 * pass with a single concatenation (no quadratic string building), which matters for big scripts.
 *
 * Inserted text takes the file's line-ending style: a model writes `\n`, but in a `\r\n` file the
 * new lines must be `\r\n` too, or the script ends up with mixed endings.
 */
import { Result, ok } from "./result";
import { createTextModel, normalizeLineEndings, TextModel } from "./text-model";
import { RangeEdit, ResolvedEdit, resolveRangeEdits } from "./validate-edits";

/** How {@link applyRangeEdits} and {@link applyResolvedEdits} treat inserted text. */
export interface MergeOptions {
	/** Keep the line endings of inserted text as given instead of the file's (default false). */
	readonly keepLineEndings?: boolean;
}

/**
 * Builds the text that results from `edits` (sorted, disjoint, resolved against `model`; see
 * `resolveRangeEdits`) applied to `model.text`. Inserted line breaks become `model.eol` unless
 * `keepLineEndings` is set; in a text without any line break they stay as given.
 */
export function applyResolvedEdits(
	model: TextModel,
	edits: ReadonlyArray<ResolvedEdit>,
	options?: MergeOptions,
): string {
	const text = model.text;
	const eol = options?.keepLineEndings ? undefined : model.eol;
	const parts = new Array<string>();
	let copied = 0; // bytes of the original already emitted
	for (const edit of edits) {
		if (edit.startByte > copied) {
			parts.push(string.sub(text, copied + 1, edit.startByte));
		}
		if (edit.newText !== "") {
			parts.push(eol === undefined ? edit.newText : normalizeLineEndings(edit.newText, eol));
		}
		copied = math.max(copied, edit.endByte);
	}
	if (copied < text.size()) {
		parts.push(string.sub(text, copied + 1));
	}
	return parts.join("");
}

/**
 * Applies range edits (seed protocol: zero-based lines, code-point characters, all against the
 * original `text`) and returns the final text, or the first validation error (bounds, inverted
 * range, overlap; see `resolveRangeEdits`).
 */
export function applyRangeEdits(text: string, edits: ReadonlyArray<RangeEdit>, options?: MergeOptions): Result<string> {
	const model = createTextModel(text);
	const resolved = resolveRangeEdits(model, edits);
	if (!resolved.ok) {
		return resolved;
	}
	return ok(applyResolvedEdits(model, resolved.value, options));
}
