/**
 * The conversation as plain data: the task and the messages in OpenAI's chat format (assistant tool
 * calls, tool results, user messages), with no functions or instances inside, so the session store
 * can save it as JSON and the loop can send it as it is. Every change returns a new conversation.
 *
 * Invariant the loop keeps: before a request is sent, every tool call of an assistant message has a
 * tool result right after it (providers reject a conversation that leaves one unanswered).
 */
import {
	ChatAssistantMessage,
	ChatContent,
	ChatMessage,
	ChatToolCall,
	ChatToolMessage,
	ChatUserMessage,
} from "../../../shared/src/proxy-api";

export interface Conversation {
	/** The user's first message; it stays verbatim (as `messages[0]`) through every compaction. */
	readonly task: string;
	/** `messages[0]` is the task as a user message. The system prompt is not stored here. */
	readonly messages: ReadonlyArray<ChatMessage>;
	/** How many times older turns were summarised or dropped to fit the model window. */
	readonly compactions: number;
}

/** A user message. */
export function userMessage(text: string): ChatUserMessage {
	return { role: "user", content: text };
}

/** The assistant's reply as it goes into the conversation (content omitted when it only called tools). */
export function assistantMessage(content: string, toolCalls: ReadonlyArray<ChatToolCall>): ChatAssistantMessage {
	const calls = new Array<ChatToolCall>();
	for (const call of toolCalls) calls.push(call);
	if (calls.size() === 0) return { role: "assistant", content: content === "" ? "(empty reply)" : content };
	return content === "" ? { role: "assistant", tool_calls: calls } : { role: "assistant", content, tool_calls: calls };
}

/** The answer to one tool call. */
export function toolResultMessage(toolCallId: string, text: string): ChatToolMessage {
	return { role: "tool", tool_call_id: toolCallId, content: text };
}

/** A new conversation whose first message is the task. */
export function createConversation(task: string): Conversation {
	return { task, messages: [userMessage(task)], compactions: 0 };
}

/** The conversation with `added` appended. */
export function appendMessages(conversation: Conversation, added: ReadonlyArray<ChatMessage>): Conversation {
	const messages = new Array<ChatMessage>();
	for (const message of conversation.messages) messages.push(message);
	for (const message of added) messages.push(message);
	return { task: conversation.task, messages, compactions: conversation.compactions };
}

/** The text of a message's content (parts joined), "" when absent. */
export function contentText(content: ChatContent | undefined): string {
	if (content === undefined) return "";
	if (typeIs(content, "string")) return content;
	return content.map((part) => part.text).join("");
}

/**
 * Tool calls of the last assistant message that have no tool result yet, in the order the model
 * made them (empty when the last assistant message is fully answered or there is none).
 */
export function unansweredToolCalls(conversation: Conversation): Array<ChatToolCall> {
	const messages = conversation.messages;
	let index = messages.size() - 1;
	const answered = new Set<string>();
	while (index >= 0 && messages[index].role === "tool") {
		answered.add((messages[index] as ChatToolMessage).tool_call_id);
		index -= 1;
	}
	const open = new Array<ChatToolCall>();
	if (index < 0) return open;
	const last = messages[index];
	if (last.role !== "assistant" || last.tool_calls === undefined) return open;
	for (const call of last.tool_calls) if (!answered.has(call.id)) open.push(call);
	return open;
}

/** Answers every still-open tool call of the last assistant message with `textFor(call)`. */
export function answerOpenToolCalls(conversation: Conversation, textFor: (call: ChatToolCall) => string): Conversation {
	const open = unansweredToolCalls(conversation);
	if (open.size() === 0) return conversation;
	return appendMessages(
		conversation,
		open.map((call) => toolResultMessage(call.id, textFor(call))),
	);
}

/**
 * The conversation cut into turns, the units compaction keeps or folds. A turn starts at each
 * assistant message and runs to the next one: the model's step, its tool results and whatever the
 * user said before the next step. Messages after the task and before the first assistant message
 * (an earlier summary, extra user messages) form a turn of their own. A tool result therefore always
 * stays in the turn of the call it answers.
 */
export function splitTurns(conversation: Conversation): { task: ChatMessage; turns: Array<Array<ChatMessage>> } {
	const turns = new Array<Array<ChatMessage>>();
	let current: Array<ChatMessage> | undefined;
	conversation.messages.forEach((message, index) => {
		if (index === 0) return;
		if (current === undefined || message.role === "assistant") {
			current = [];
			turns.push(current);
		}
		current.push(message);
	});
	return { task: conversation.messages[0], turns };
}
