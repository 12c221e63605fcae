/**
 * Validation of range edits: every position inside the text, no range running backwards, no two
 * edits covering the same text. The output is the edits resolved to byte offsets and sorted, which
 * is what the merger consumes.
 *
 * All edits of a proposal address the *original* text (as LSP's TextEdit[] does), so they must
 * not overlap. Touching is fine. Order among edits at the same point is defined, not an error:
 * insertions at one point keep their array order, and insertions come before a replacement that
 * starts at that point. Empty edits (no range, no text) are allowed and change nothing.
 */
import { formatPosition, Position, positionToOffset } from "./positions";
import { fail, ok, Result } from "./result";
import { TextModel } from "./text-model";

/** One range edit of the seed protocol: replace [`start`, `end`) with `newText`. */
export interface RangeEdit {
	readonly start: Position;
	readonly end: Position;
	readonly newText: string;
}

/** An edit resolved to zero-based byte offsets [`startByte`, `endByte`) of the original text. */
export interface ResolvedEdit {
	/** The edit's index in the caller's list (for error messages and results). */
	readonly index: number;
	readonly startByte: number;
	readonly endByte: number;
	readonly newText: string;
}

/**
 * Sorts resolved edits into application order (by start, insertions before a replacement at the
 * same start, then by index) and fails on the first pair that overlaps. `describe(edit)` names an
 * edit and the text it covers in the overlap message.
 */
export function sortAndCheckOverlaps(
	edits: ReadonlyArray<ResolvedEdit>,
	describe: (edit: ResolvedEdit) => string,
): Result<Array<ResolvedEdit>> {
	const sorted = [...edits];
	sorted.sort((a, b) => {
		if (a.startByte !== b.startByte) return a.startByte < b.startByte;
		if (a.endByte !== b.endByte) return a.endByte < b.endByte;
		return a.index < b.index;
	});
	for (let i = 1; i < sorted.size(); i++) {
		const previous = sorted[i - 1];
		const current = sorted[i];
		// Sorted and disjoint so far, so only the previous edit can reach past `current`'s start.
		if (current.startByte < previous.endByte) {
			const [first, second] = previous.index < current.index ? [previous, current] : [current, previous];
			return fail("overlap", `${describe(first)} and ${describe(second)} overlap; edits must not cover the same text`, {
				edits: [first.index, second.index],
			});
		}
	}
	return ok(sorted);
}

/**
 * Validates range edits against `model` (bounds, direction, overlaps) and resolves them to byte
 * offsets in application order. Errors name the edit (`edits[i]`, zero-based) and the valid range.
 */
export function resolveRangeEdits(model: TextModel, edits: ReadonlyArray<RangeEdit>): Result<Array<ResolvedEdit>> {
	const resolved = new Array<ResolvedEdit>();
	for (let index = 0; index < edits.size(); index++) {
		const edit = edits[index];
		// The types say this cannot happen, but edits come from a model: fail as data, never throw.
		if (
			!typeIs(edit, "table") ||
			!typeIs(edit.start, "table") ||
			!typeIs(edit.end, "table") ||
			!typeIs(edit.newText, "string")
		) {
			return fail("invalid_edit", `edits[${index}] must be { start, end, newText } with a string newText`, {
				edits: [index],
			});
		}
		const start = positionToOffset(model, edit.start, `edits[${index}].start`);
		if (!start.ok) {
			return fail(start.error.code, start.error.message, { edits: [index] });
		}
		const finish = positionToOffset(model, edit.end, `edits[${index}].end`);
		if (!finish.ok) {
			return fail(finish.error.code, finish.error.message, { edits: [index] });
		}
		if (finish.value < start.value) {
			return fail(
				"inverted_range",
				`edits[${index}]: end ${formatPosition(edit.end)} comes before start ${formatPosition(edit.start)}`,
				{ edits: [index] },
			);
		}
		resolved.push({ index, startByte: start.value, endByte: finish.value, newText: edit.newText });
	}
	return sortAndCheckOverlaps(resolved, (edit) => {
		const original = edits[edit.index];
		return `edits[${edit.index}] (${formatPosition(original.start)}–${formatPosition(original.end)})`;
	});
}
