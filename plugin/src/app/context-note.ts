/**
 * The context a user attaches to a message (the script they are editing, what they selected), sent
 * as a plain-text note after their words so the model can read it without a tool call. The note has
 * a fixed header so the transcript can split it off again (also after a plugin reload, when only the
 * conversation's text is left) and show the words as written, with the attachments as chips.
 */

/** One attached piece of context, as the composer shows it and the note names it. */
export interface Attachment {
	/** Stable while the same thing stays attached ("script:<path>", "selection:<path>"). */
	readonly id: string;
	readonly kind: "script" | "selection" | "more";
	/** Short text for the chip (the instance's name, or "+3 more"). */
	readonly label: string;
	/** The line the note gives the model ("Active script (open in the editor): Workspace/Door/Open"). */
	readonly note: string;
}

/** The first line of a context note; the transcript splits messages here. */
export const CONTEXT_HEADER = "[Context attached by the user in Studio]";

/** The user's text with a note naming the attachments (the text alone when there are none). */
export function withContextNote(text: string, attachments: ReadonlyArray<Attachment>): string {
	if (attachments.size() === 0) return text;
	const lines = [CONTEXT_HEADER];
	for (const attachment of attachments) lines.push(`- ${attachment.note}`);
	return `${text}\n\n${lines.join("\n")}`;
}

/** A user message split into what the user typed and the paths of the note after it. */
export interface SplitMessage {
	readonly text: string;
	/** The note's lines (without their "- "), for chips under the message. */
	readonly attached: ReadonlyArray<string>;
}

/** Splits a user message into the typed text and the note's lines (none when there is no note). */
export function splitContextNote(message: string): SplitMessage {
	const marker = `\n\n${CONTEXT_HEADER}\n`;
	const [start] = string.find(message, marker, 1, true);
	if (start === undefined) return { text: message, attached: [] };
	const text = message.sub(1, start - 1);
	const note = message.sub(start + marker.size());
	const attached = new Array<string>();
	for (const [line] of note.gmatch("[^\n]+")) {
		const [entry] = string.match(line as string, "^%- (.+)$");
		if (entry !== undefined) attached.push(entry as string);
	}
	return { text, attached };
}
