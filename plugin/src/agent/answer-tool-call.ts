/**
 * Answers the tool call the loop ran (or waited on) and, in the same stroke, every other call of
 * the same reply as "not run", so the conversation never holds an unanswered call and the model
 * learns why its extra calls were ignored.
 */
import { Conversation, answerOpenToolCalls, unansweredToolCalls } from "./conversation";
import { notRunResult } from "./loop-messages";

/** `conversation` with tool call `toolCallId` answered by `text` and the other open calls as not run. */
export function answerToolCall(conversation: Conversation, toolCallId: string, text: string): Conversation {
	const open = unansweredToolCalls(conversation);
	const answered = open.find((call) => call.id === toolCallId) ?? open[0];
	return answerOpenToolCalls(conversation, (call) => (call.id === toolCallId ? text : notRunResult(call, answered)));
}
