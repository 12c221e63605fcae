/**
 * Token accounting for every request, so the loop compacts the conversation before a request would
 * overflow the model's window instead of after the provider refuses it.
 *
 * Counting: when the provider returns `usage`, its `prompt_tokens` is exact for what that request
 * sent; the next request is that figure, plus the estimate of every message appended since (the
 * assistant reply included: completion tokens also count hidden reasoning that is never sent back),
 * plus the change in the estimated size of the system prompt and tools (the mode may have changed).
 * Without usage (or after a compaction rewrote the history) the whole request is estimated.
 * Every reported usage also calibrates the estimate: the ratio of the provider's count to our
 * estimate of the same request (at least 1, at most 4) scales every estimate after it, so a
 * tokenizer that packs code tighter than bytes/4 cannot make the loop send an overflowing request.
 *
 * Estimate: ceil(bytes / 4) per text (Luau measures strings in UTF-8 bytes, so non-English text is
 * over- rather than under-counted), plus 4 tokens of framing per message and 8 per tool call; tools
 * are estimated from their JSON. Deliberately generous: overestimating compacts a little early,
 * underestimating sends a request the provider refuses.
 */
import { ChatMessage, ChatTool, ChatUsage } from "../../../shared/src/proxy-api";
import { contentText } from "./conversation";
import { encodeJson } from "../net/json";

/** The model's window and how much of it the reply needs. */
export interface TokenWindow {
	/** The model's context window in tokens (prompt and reply together). */
	readonly contextWindow: number;
	/** Tokens kept free for the reply: the prompt may use `contextWindow - replyReserve`. */
	readonly replyReserve: number;
}

/** A 128k-token model with 8k kept for the reply: fits the common OpenAI-compatible models. */
export const DEFAULT_TOKEN_WINDOW: TokenWindow = { contextWindow: 128_000, replyReserve: 8_192 };

/** Estimated bytes per token. */
export const BYTES_PER_TOKEN = 4;
/** Framing tokens every message costs (role, separators). */
export const MESSAGE_OVERHEAD = 4;
/** Framing tokens every tool call costs (id, type, name field). */
export const TOOL_CALL_OVERHEAD = 8;

/** What the last reply's usage tells about the request that produced it. */
export interface UsageAnchor {
	/** How many conversation messages that request sent (the system prompt not counted). */
	readonly messageCount: number;
	/** The provider's `prompt_tokens` for that request. */
	readonly promptTokens: number;
	/** The estimate of the system prompt and tools of that request. */
	readonly fixedTokens: number;
}

/** A request's size and how it was obtained. */
export interface TokenCount {
	readonly tokens: number;
	/** True when anchored on the provider's reported usage, false when wholly estimated. */
	readonly measured: boolean;
}

/** Estimated tokens of a text. */
export function estimateTextTokens(text: string): number {
	return math.ceil(text.size() / BYTES_PER_TOKEN);
}

/** Estimated tokens of one message, framing and tool calls included. */
export function estimateMessageTokens(message: ChatMessage): number {
	let tokens = MESSAGE_OVERHEAD + estimateTextTokens(contentText(message.content));
	if (message.role === "assistant" && message.tool_calls !== undefined) {
		for (const call of message.tool_calls) {
			tokens +=
				TOOL_CALL_OVERHEAD + estimateTextTokens(call.function.name) + estimateTextTokens(call.function.arguments);
		}
	}
	if (message.role === "tool") tokens += estimateTextTokens(message.tool_call_id);
	return tokens;
}

/** Estimated tokens of several messages. */
export function estimateMessagesTokens(messages: ReadonlyArray<ChatMessage>): number {
	let tokens = 0;
	for (const message of messages) tokens += estimateMessageTokens(message);
	return tokens;
}

/** Estimated tokens of the tool list (names, descriptions, schemas), from its JSON. */
export function estimateToolsTokens(tools: ReadonlyArray<ChatTool>): number {
	if (tools.size() === 0) return 0;
	const encoded = encodeJson(tools);
	// A tool list that cannot be encoded cannot be sent either; count it as large rather than free.
	return encoded.ok ? estimateTextTokens(encoded.text) : 1_000_000;
}

/** Estimated tokens of the part of every request that is not the conversation: system prompt and tools. */
export function estimateFixedTokens(systemPrompt: string, tools: ReadonlyArray<ChatTool>): number {
	return MESSAGE_OVERHEAD + estimateTextTokens(systemPrompt) + estimateToolsTokens(tools);
}

/** The most tokens a request may use so the reply still fits. */
export function promptLimit(window: TokenWindow): number {
	return math.max(0, window.contextWindow - window.replyReserve);
}

/** The anchor for the next count, from a reply's usage (undefined when the provider sent none). */
export function anchorFromUsage(
	usage: ChatUsage | undefined,
	messageCount: number,
	fixedTokens: number,
): UsageAnchor | undefined {
	if (usage === undefined || !(usage.prompt_tokens > 0)) return undefined;
	return { messageCount, promptTokens: usage.prompt_tokens, fixedTokens };
}

/** The most a calibration may scale estimates (guards against a provider's odd usage figures). */
export const MAX_CALIBRATION = 4;

/**
 * How much to scale estimates, from a reply's usage and our estimate of the request that produced
 * it: never below 1 (the estimate is the safety margin), never above {@link MAX_CALIBRATION}.
 * Undefined when the provider sent no usage.
 */
export function calibrationFromUsage(usage: ChatUsage | undefined, estimatedTokens: number): number | undefined {
	if (usage === undefined || !(usage.prompt_tokens > 0) || !(estimatedTokens > 0)) return undefined;
	return math.clamp(usage.prompt_tokens / estimatedTokens, 1, MAX_CALIBRATION);
}

/**
 * The size of a request made of the fixed part (`fixedTokens`, from {@link estimateFixedTokens}) and
 * `messages`, anchored on `anchor` when it still describes a prefix of them; estimated parts are
 * scaled by `calibration` (from {@link calibrationFromUsage}, 1 when unknown).
 */
export function countRequestTokens(
	fixedTokens: number,
	messages: ReadonlyArray<ChatMessage>,
	anchor?: UsageAnchor,
	calibration = 1,
): TokenCount {
	if (anchor === undefined || anchor.messageCount > messages.size()) {
		return { tokens: math.ceil((fixedTokens + estimateMessagesTokens(messages)) * calibration), measured: false };
	}
	let estimated = fixedTokens - anchor.fixedTokens;
	for (let index = anchor.messageCount; index < messages.size(); index++) {
		estimated += estimateMessageTokens(messages[index]);
	}
	return { tokens: anchor.promptTokens + math.ceil(estimated * calibration), measured: true };
}

/** Whether a request of `tokens` would leave too little room for the reply. */
export function wouldOverflow(tokens: number, window: TokenWindow): boolean {
	return tokens > promptLimit(window);
}
