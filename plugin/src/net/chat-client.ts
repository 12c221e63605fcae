/**
 * The proxy as the agent sees it: one chat-completion call per model step, streamed when Studio can
 * stream, cancellable, with errors as data. net/ implements it over HttpService (the only module that
 * uses HttpService); specs pass a scripted fake.
 */
import { ChatCompletionRequest, ChatToolCall, ChatUsage } from "../../../shared/src/proxy-api";

/** A finished model step. */
export interface ChatReply {
	/** Assistant text (may be empty when the model only called tools). */
	readonly content: string;
	readonly toolCalls: ReadonlyArray<ChatToolCall>;
	readonly finishReason?: string;
	readonly usage?: ChatUsage;
}

export type ChatErrorCode =
	/** The proxy could not be reached (refused, DNS, timeout before any answer). */
	| "proxy_unreachable"
	/** The proxy or provider answered 429 after the client's retries. */
	| "rate_limited"
	/** The proxy refused the request (bad token, model not allowed, bad request): retrying will not help. */
	| "rejected"
	/** The provider or the proxy failed (5xx) after retries. */
	| "upstream_error"
	/** The answer did not have the OpenAI shape. */
	| "bad_response"
	/** The caller cancelled. */
	| "cancelled"
	/** The session's HTTP budget (500 requests/minute shared with other plugins) is spent. */
	| "http_budget";

export interface ChatError {
	readonly code: ChatErrorCode;
	/** A message the user can act on (what to check or set). */
	readonly message: string;
	/** Seconds to wait before retrying, when the server said. */
	readonly retryAfter?: number;
	/** Internal detail for logs and bug reports (HTTP status, proxy code, request id), never shown as the message. */
	readonly detail?: string;
}

export type ChatResult = { readonly ok: true; readonly reply: ChatReply } | { readonly ok: false; readonly error: ChatError };

/** Lets the caller abandon a request; a late answer of a cancelled request is dropped. */
export interface CancelToken {
	readonly cancelled: boolean;
}

export interface ChatClient {
	/**
	 * Sends one request. `onDelta` receives assistant text as it streams in (never for tool-call
	 * arguments). Yields until the reply is complete, failed or cancelled.
	 */
	complete(request: ChatCompletionRequest, options?: { onDelta?: (text: string) => void; cancel?: CancelToken }): ChatResult;
}
