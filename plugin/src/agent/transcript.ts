/**
 * Older turns rendered as a plain-text transcript for the summarisation request. Sending them as
 * text (rather than as chat messages with tool calls) lets any model summarise them without the
 * tools being offered, and lets the text be capped so the summarisation request itself always fits.
 */
import { ChatMessage } from "../../../shared/src/proxy-api";
import { contentText } from "./conversation";

/** The longest any one message may be in the transcript, in bytes. */
export const TRANSCRIPT_ENTRY_CAP = 4_000;

/** `text` cut to `cap` bytes with a note saying how much was cut (never splits a UTF-8 character). */
export function capText(text: string, cap: number): string {
	if (text.size() <= cap) return text;
	let cut = math.max(0, cap);
	// Back up to the start of a UTF-8 character (continuation bytes are 0x80-0xBF).
	while (cut > 0) {
		const [byte] = string.byte(text, cut + 1);
		if (byte === undefined || byte < 0x80 || byte >= 0xc0) break;
		cut -= 1;
	}
	return `${text.sub(1, cut)}… [${text.size() - cut} more characters cut]`;
}

function renderEntry(message: ChatMessage): string {
	const text = contentText(message.content);
	if (message.role === "assistant") {
		const lines = new Array<string>();
		if (text !== "") lines.push(`ASSISTANT: ${capText(text, TRANSCRIPT_ENTRY_CAP)}`);
		for (const call of message.tool_calls ?? []) {
			lines.push(`ASSISTANT called ${call.function.name}(${capText(call.function.arguments, TRANSCRIPT_ENTRY_CAP)})`);
		}
		return lines.join("\n");
	}
	if (message.role === "tool") return `TOOL RESULT: ${capText(text, TRANSCRIPT_ENTRY_CAP)}`;
	return `${message.role === "user" ? "USER" : "SYSTEM"}: ${capText(text, TRANSCRIPT_ENTRY_CAP)}`;
}

/**
 * The messages as a transcript of at most `maxBytes` bytes. When they do not all fit, the newest
 * are kept (they matter most for the next step) and a first line says how many were left out.
 */
export function renderTranscript(messages: ReadonlyArray<ChatMessage>, maxBytes: number): string {
	const kept = new Array<string>();
	// Room for the "left out" line.
	const budget = maxBytes - 80;
	let size = 0;
	let omitted = 0;
	for (let index = messages.size() - 1; index >= 0; index--) {
		const entry = renderEntry(messages[index]);
		if (omitted > 0 || size + entry.size() + 2 > budget) {
			omitted += 1;
			continue;
		}
		kept.unshift(entry);
		size += entry.size() + 2;
	}
	if (omitted > 0) kept.unshift(`(${omitted} earlier messages left out: too long to summarise)`);
	return kept.join("\n\n");
}
