/**
 * Spec support (dev build only): checks on what is sent to the model.
 */
import { ChatMessage } from "../../../../shared/src/proxy-api";

/**
 * True when every tool result follows (possibly after other results) the assistant message that made
 * its call, and every call is answered before the next non-tool message: what providers require.
 */
export function pairsIntact(messages: ReadonlyArray<ChatMessage>): boolean {
	const open = new Set<string>();
	let previous: ChatMessage | undefined;
	for (const message of messages) {
		if (message.role === "tool") {
			if (previous === undefined || (previous.role !== "assistant" && previous.role !== "tool")) return false;
			if (!open.has(message.tool_call_id)) return false;
			open.delete(message.tool_call_id);
		} else {
			if (open.size() > 0) return false;
			if (message.role === "assistant") for (const call of message.tool_calls ?? []) open.add(call.id);
		}
		previous = message;
	}
	return open.size() === 0;
}
