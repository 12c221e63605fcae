/**
 * Script text as the model reads it: a header naming the script, then each line prefixed with its
 * 1-based number ("12: code", the numbers Studio's editor shows), bounded by a line cap and a
 * character budget, with a note naming the lines left out and how to read them. Shared by
 * get_active_script and read_script so both cut and number the same way.
 */
import { characterCount } from "../diff/characters";
import { createTextModel } from "../diff/text-model";
import { describeInstance } from "./resolve-target";

/** Most lines one excerpt shows. */
export const EXCERPT_LINE_CAP = 400;
/** Most characters of numbered lines one excerpt shows (the registry's cap is a little higher). */
export const EXCERPT_CHARACTER_BUDGET = 10000;

/** The script's lines (editor lines: N line breaks make N + 1 lines, as the editor numbers them). */
export function scriptLines(text: string): ReadonlyArray<string> {
	return createTextModel(text).lines;
}

/**
 * Lines `from`..`to` (1-based, inclusive, already within the script) of `script`, numbered, under a
 * header; fewer when the caps cut them, with a note saying which lines were left out.
 */
export function scriptExcerpt(
	container: LuaSourceContainer,
	lines: ReadonlyArray<string>,
	from: number,
	to: number,
): string {
	const total = lines.size();
	const out = new Array<string>();
	let used = 0;
	let last = from - 1;
	for (let n = from; n <= math.min(to, from + EXCERPT_LINE_CAP - 1); n++) {
		const line = `${n}: ${lines[n - 1]}`;
		const size = characterCount(line) + 1;
		if (n > from && used + size > EXCERPT_CHARACTER_BUDGET) break;
		out.push(line);
		used += size;
		last = n;
	}
	const span =
		from === 1 && last === total ? `all ${total} line${total === 1 ? "" : "s"}` : `lines ${from}–${last} of ${total}`;
	let excerpt = `${describeInstance(container)}, ${span}:\n${out.join("\n")}`;
	if (last < to) {
		excerpt += `\n[cut: lines ${last + 1}–${to} not shown; read them with read_script startLine ${last + 1}]`;
	}
	return excerpt;
}
