/**
 * The size cap on what a tool sends back to the model. Every character of a tool result costs prompt
 * tokens on every later turn, so results are bounded, and a cut result says so and how to ask for
 * less — a model that does not know it saw a fragment draws wrong conclusions.
 */
import { characterCount, characterToByte } from "../diff/characters";

/** The most characters of a tool result or preview the model receives. */
export const RESULT_CHARACTER_CAP = 12000;

/**
 * `text` cut to at most `limit` characters (code points, never inside one), preferably at a line
 * break, followed by "[cut: N more characters; narrow the request with <hint>]" when anything was cut.
 */
export function capText(text: string, limit: number, hint: string): string {
	const cut = characterToByte(text, limit);
	if (cut === undefined || cut >= text.size()) return text;
	let kept = text.sub(1, cut);
	// End at a line break when one is near, so no line is shown half.
	const [lastBreak] = kept.find("\n[^\n]*$");
	if (lastBreak !== undefined && lastBreak > cut * 0.8) kept = kept.sub(1, lastBreak - 1);
	const rest = characterCount(text) - characterCount(kept);
	return `${kept}\n[cut: ${rest} more characters; narrow the request with ${hint}]`;
}
