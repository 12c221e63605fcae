/**
 * One-line summaries of a tool call's arguments and result for the UI's tool chips: the full text
 * stays in the conversation; a chip shows the gist.
 */

/** The longest summary, in bytes. */
export const SUMMARY_CAP = 120;

/** `text` on one line (runs of whitespace collapsed), cut to `cap` bytes with "…". */
export function oneLine(text: string, cap = SUMMARY_CAP): string {
	const [flat] = text.gsub("%s+", " ");
	const [trimmed] = flat.gsub("^ ", "")[0].gsub(" $", "");
	if (trimmed.size() <= cap) return trimmed;
	let cut = cap - 1;
	// Do not split a UTF-8 character: back up over continuation bytes.
	while (cut > 0) {
		const [byte] = string.byte(trimmed, cut + 1);
		if (byte === undefined || byte < 0x80 || byte >= 0xc0) break;
		cut -= 1;
	}
	return trimmed.sub(1, cut) + "…";
}
