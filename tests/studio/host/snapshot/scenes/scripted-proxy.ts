/**
 * What a session's proxy looks like to the scenes, host tests, scenarios and the bench: a place to
 * script the model's next replies and the Creator Store's catalog, switch failures on and off, and
 * read back what the model was sent. Two implementations: `fake-proxy.ts` (a scripted stand-in for
 * the proxy, fast, for scenes and host tests) and `real-proxy.ts` (the real proxy under `wrangler
 * dev` in front of a scripted provider and a fake Roblox catalog, for scenarios and the bench).
 */

/** One scripted model step: what the model provider answers to one chat request. */
export interface FakeReply {
	/** Assistant text, streamed in `chunks` pieces (default: split into words). */
	text?: string;
	/** Text pieces to stream, in order (overrides splitting `text`). */
	chunks?: string[];
	/** One tool call (the plugin's agent runs the first call of a reply); string `args` go out as they are (malformed JSON). */
	tool?: { name: string; args: unknown };
	/** Several tool calls in one reply (after `tool`, if both are given). */
	tools?: Array<{ name: string; args: unknown }>;
	/** Milliseconds between streamed pieces (default 5). */
	pieceDelayMs?: number;
	/** Keep the stream open after the text (the model is still "thinking") until the client leaves. */
	hang?: boolean;
	/**
	 * Answer with this error instead: the provider's HTTP status and OpenAI error body (behind the real
	 * proxy, which turns it into its own error), or the proxy's error (the fake proxy). `retryAfter`
	 * (seconds) is sent as Retry-After.
	 */
	error?: { status: number; code: string; message: string; retryAfter?: number };
	/** Answer 200 with this body, which is not a chat completion (a provider sending garbage). */
	garbage?: string;
	/** Usage to report (default: a small count so the context meter moves). */
	usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** A Creator Store asset the catalog knows. */
export interface FakeAsset {
	id: number;
	name: string;
	creator: string;
	/** Its Creator Store category (default "Model"). */
	type?: string;
}

/** A chat request body as the model received it. */
export interface ReceivedChat {
	model?: string;
	stream?: boolean;
	messages: Array<{ role: string; content?: unknown }>;
}

export interface ScriptedProxy {
	/** The URL the plugin's settings point at. */
	url: string;
	/** Queues replies for the next chat requests the model receives. */
	reply(...replies: FakeReply[]): void;
	/** Sets what asset searches find. */
	assets(list: FakeAsset[]): void;
	/** Every chat request body the model received, parsed, in order. */
	readonly chats: ReceivedChat[];
	/** Chat requests that reached the proxy (the fake proxy: `chats.length`; the real one also counts those it answered with an error). */
	chatRequests(): number;
	/** Every request that reached the proxy, on any route. */
	proxyRequests(): number;
	/** Number of open streams the client closed before they ended. */
	clientClosed(): number;
	/** Chat requests that found no scripted reply (answered with a 500). */
	unscripted(): number;
	/** Requests to the proxy being answered right now. */
	inFlight(): number;
	/** While down, every request's connection is dropped unanswered (the proxy is unreachable). */
	setDown(down: boolean): void;
	/** While the provider is down, it cannot be reached (the proxy answers its 502 provider_unreachable). */
	setProviderDown(down: boolean): void;
	close(): Promise<void>;
}
