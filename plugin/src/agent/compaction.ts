/**
 * Context compaction: when the next request would overflow the model window, older turns are
 * summarised by the model (one dedicated request through the same ChatClient, no tools offered) and
 * replaced by that summary; the task and the newest turns stay verbatim. Turns are cut only at
 * assistant messages, so a tool call and its result are never separated.
 *
 * It never fails the task: if the summarisation request fails, the older turns are dropped with a
 * note saying so; if what stays still does not fit (a huge tool result in the newest turn), the
 * longest messages after the task are cut with a marker. Only when the task alone does not fit is
 * the outcome `overflow` (the loop then shows an error instead of sending an overflowing request).
 */
import { CancelToken, ChatClient, ChatError } from "../net/chat-client";
import { ChatAssistantMessage, ChatMessage, ChatToolCall } from "../../../shared/src/proxy-api";
import { Conversation, contentText, splitTurns, userMessage } from "./conversation";
import { BYTES_PER_TOKEN, MESSAGE_OVERHEAD, estimateTextTokens } from "./token-budget";
import { capText, renderTranscript } from "./transcript";

/** The instructions of the summarisation request (product text). */
export const SUMMARY_SYSTEM_PROMPT = [
	"You condense the earlier part of a conversation between a Roblox Studio user and Vector, an AI copilot that works through tools.",
	"Write a summary the copilot will continue from, in plain text, at most 400 words. Keep:",
	"- what the user wants, their constraints and preferences, in their words where it matters;",
	"- every instance path, script, property and asset id involved, exactly as written;",
	"- what the tools revealed about the place that is still relevant;",
	"- each proposal: what it changed and whether it was applied, rejected (with the reason), failed or went stale;",
	"- what is done, what remains, and any open question.",
	"Do not invent anything. Do not address the user.",
].join("\n");

/** Opens the message that replaces summarised turns. */
export const SUMMARY_HEADER = "[Summary of the earlier conversation, condensed to fit the context window]";

/** The most tokens a summary may take (its request's max_tokens). */
export const DEFAULT_SUMMARY_TOKENS = 1_500;

export interface CompactionOptions {
	readonly client: ChatClient;
	readonly model?: string;
	/** Cancelled by Stop: the outcome is then `cancelled` and nothing may be kept. */
	readonly cancel: CancelToken;
	/** How many of the newest turns stay verbatim (fewer when they alone would not fit; at least one). */
	readonly keepTurns: number;
	/** The most tokens the compacted request may use: window − reply reserve. */
	readonly limit: number;
	/** Tokens of a request sending `messages` (system prompt and tools included). */
	readonly measure: (messages: ReadonlyArray<ChatMessage>) => number;
	/** The summary's token allowance, default {@link DEFAULT_SUMMARY_TOKENS}. */
	readonly summaryTokens?: number;
}

export type CompactionMethod =
	/** Older turns were replaced by the model's summary. */
	| "summary"
	/** The summary request failed: older turns were dropped with a note. */
	| "dropped"
	/** Nothing older to fold: only over-long messages were cut. */
	| "truncated";

export type CompactionOutcome =
	| {
			readonly kind: "compacted";
			readonly conversation: Conversation;
			readonly method: CompactionMethod;
			/** Messages summarised or dropped. */
			readonly foldedMessages: number;
			/** Messages cut with a marker because they alone did not fit. */
			readonly truncatedMessages: number;
			/** Why the summary request failed (method `dropped`). */
			readonly summaryError?: ChatError;
	  }
	| { readonly kind: "cancelled" }
	| { readonly kind: "overflow"; readonly message: string };

/** The note that replaces older turns when they could not be summarised. */
export function droppedNote(count: number): string {
	return (
		`[${count} earlier messages were removed to fit the context window and could not be summarised. ` +
		"Re-read the place with tools if you need details from them.]"
	);
}

function flatten(turns: ReadonlyArray<ReadonlyArray<ChatMessage>>): Array<ChatMessage> {
	const messages = new Array<ChatMessage>();
	for (const turn of turns) for (const message of turn) messages.push(message);
	return messages;
}

/** Asks the model for a summary of `older`; undefined content means it failed (with the error). */
function summarise(
	task: string,
	older: ReadonlyArray<ChatMessage>,
	options: CompactionOptions,
	summaryTokens: number,
): { readonly summary?: string; readonly error?: ChatError; readonly cancelled?: boolean } {
	const taskPart = `The task:\n${capText(task, 4_000)}\n\nTranscript of the turns to condense:\n`;
	const fixed = 2 * MESSAGE_OVERHEAD + estimateTextTokens(SUMMARY_SYSTEM_PROMPT) + estimateTextTokens(taskPart);
	const budgetTokens = options.limit - summaryTokens - fixed;
	if (budgetTokens <= 0) {
		return { error: { code: "rejected", message: "the model window is too small for a summarisation request" } };
	}
	const transcript = renderTranscript(older, budgetTokens * BYTES_PER_TOKEN);
	const result = options.client.complete(
		{
			model: options.model,
			messages: [
				{ role: "system", content: SUMMARY_SYSTEM_PROMPT },
				{ role: "user", content: taskPart + transcript },
			],
			max_tokens: summaryTokens,
		},
		{ cancel: options.cancel },
	);
	if (options.cancel.cancelled) return { cancelled: true };
	if (!result.ok) return { error: result.error };
	const [summary] = result.reply.content.gsub("^%s+", "")[0].gsub("%s+$", "");
	if (summary === "") return { error: { code: "bad_response", message: "the model returned an empty summary" } };
	return { summary };
}

/** How large a message is, in bytes, for choosing what to cut. */
function weight(message: ChatMessage): number {
	let size = contentText(message.content).size();
	if (message.role === "assistant") for (const call of message.tool_calls ?? []) size += call.function.arguments.size();
	return size;
}

/** A message cut down to about `size` bytes, keeping its role and tool-call ids. */
function cutMessage(message: ChatMessage, size: number): ChatMessage {
	const cut = (text: string) => `${capText(text, size)} [cut to fit the context window]`;
	if (message.role === "assistant") {
		const content = contentText(message.content);
		const calls = message.tool_calls?.map((call): ChatToolCall =>
			call.function.arguments.size() > size
				? {
						id: call.id,
						type: "function",
						function: { name: call.function.name, arguments: '{"note":"arguments cut to fit the context window"}' },
					}
				: call,
		);
		const cutAssistant: ChatAssistantMessage = { role: "assistant", tool_calls: calls };
		if (content !== "") cutAssistant.content = content.size() > size ? cut(content) : content;
		return cutAssistant;
	}
	const text = contentText(message.content);
	if (message.role === "tool") return { role: "tool", tool_call_id: message.tool_call_id, content: cut(text) };
	if (message.role === "system") return { role: "system", content: cut(text) };
	return { role: "user", content: cut(text) };
}

/**
 * Cuts the longest messages after the first until the request fits. Undefined when it cannot
 * (the first message, the task, is never cut).
 */
function truncateToFit(
	messages: Array<ChatMessage>,
	options: CompactionOptions,
): { messages: Array<ChatMessage>; truncated: number } | undefined {
	const cutIndices = new Set<number>();
	for (let round = 0; round < 200; round++) {
		const tokens = options.measure(messages);
		if (tokens <= options.limit) return { messages, truncated: cutIndices.size() };
		let largest = -1;
		let largestWeight = 0;
		messages.forEach((message, index) => {
			if (index > 0 && weight(message) > largestWeight) {
				largest = index;
				largestWeight = weight(message);
			}
		});
		if (largest < 0 || largestWeight <= 200) return undefined;
		const excessBytes = (tokens - options.limit) * BYTES_PER_TOKEN + 100;
		messages[largest] = cutMessage(messages[largest], math.max(100, largestWeight - excessBytes));
		cutIndices.add(largest);
	}
	return undefined;
}

/**
 * Compacts `conversation` so a request fits `options.limit`: folds all but the newest turns into a
 * summary (or a note), then cuts over-long messages if still needed. Yields during the summary request.
 */
export function compactConversation(conversation: Conversation, options: CompactionOptions): CompactionOutcome {
	const summaryTokens = options.summaryTokens ?? DEFAULT_SUMMARY_TOKENS;
	const { task, turns } = splitTurns(conversation);
	const allowance = summaryTokens + MESSAGE_OVERHEAD + estimateTextTokens(SUMMARY_HEADER) + 8;

	// Compaction runs because the request overflows: fold at least one turn when there is more than one.
	let keep = math.min(math.max(1, options.keepTurns), turns.size());
	if (keep === turns.size() && turns.size() > 1) keep = turns.size() - 1;
	while (
		keep > 1 &&
		options.measure([task, ...flatten(turns.move(turns.size() - keep, turns.size() - 1, 0, []))]) + allowance >
			options.limit
	) {
		keep -= 1;
	}
	const older = flatten(turns.move(0, turns.size() - keep - 1, 0, []));
	const kept = flatten(turns.move(turns.size() - keep, turns.size() - 1, 0, []));

	let method: CompactionMethod = "truncated";
	let summaryError: ChatError | undefined;
	const messages: Array<ChatMessage> = [task];
	if (older.size() > 0) {
		const summarised = summarise(conversation.task, older, options, summaryTokens);
		if (summarised.cancelled) return { kind: "cancelled" };
		if (summarised.summary !== undefined) {
			method = "summary";
			messages.push(userMessage(`${SUMMARY_HEADER}\n${summarised.summary}`));
		} else {
			method = "dropped";
			summaryError = summarised.error;
			messages.push(userMessage(droppedNote(older.size())));
		}
	}
	for (const message of kept) messages.push(message);

	const fitted = truncateToFit(messages, options);
	if (fitted === undefined) {
		return {
			kind: "overflow",
			message:
				"The task and the latest step do not fit in the model's context window, even after compaction. " +
				"Raise the context window setting (if the model allows it) or start a new task with a shorter message.",
		};
	}
	return {
		kind: "compacted",
		conversation: { task: conversation.task, messages: fitted.messages, compactions: conversation.compactions + 1 },
		method,
		foldedMessages: older.size(),
		truncatedMessages: fitted.truncated,
		summaryError,
	};
}
