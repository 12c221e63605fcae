/**
 * The Vector proxy's client: the plugin's `ChatClient`, its Creator Store search and its
 * "Test connection". Everything the plugin sends to the proxy goes through here, over an
 * `HttpTransport` (http-transport.ts), under the request limiter.
 *
 * One model step is one request: `POST {proxyUrl}/v1/chat/completions` in OpenAI's wire format,
 * streamed (`stream: true`, usage included) when the user allows it and Studio can open a stream
 * client, plain otherwise. The streamed reply is assembled as it arrives (text deltas go to
 * `onDelta`, tool-call fragments are joined by index) and every answer is validated before use.
 * Failures that can pass on their own are retried with backoff (retry-policy.ts), but never once
 * text has reached `onDelta` (the user would see it twice). A stream client reports a refused
 * request with its status only; as the proxy's message is what tells the user what to fix, such a
 * refusal (401/403/400…) is asked once more without streaming to read it. Cancelling returns
 * `cancelled` at once, closes a stream, and drops the late answer of a plain request still in
 * flight (its slot is freed when it lands).
 */
import { AssetSearch } from "../tools/tool";
import { CancelToken, ChatClient, ChatError, ChatResult } from "./chat-client";
import { classifyHttpError, HttpRequest, HttpResponse, HttpTransport, isTransportError, StreamHandle, transportError } from "./http-transport";
import { decodeJson, encodeJson } from "./json";
import {
	badResponse,
	cancelled,
	Failure,
	failureFromResponse,
	failureFromStatus,
	failureFromStreamError,
	failureFromTransport,
	streamBroken,
	streamCut,
	streamSilent,
} from "./proxy-errors";
import { ReplyAssembler, replyFromCompletion } from "./reply-assembler";
import { RequestLimiter } from "./request-limiter";
import { DEFAULT_RETRY_POLICY, retryDelay, RetryPolicy, shouldRetry, waitBeforeRetry } from "./retry-policy";
import { isAssetSearchResponse, isHealthResponse, isRelayedChunk, isRelayedCompletion, isWireErrorBody, WIRE_LIST_KEYS } from "./wire-types";
import { AssetSearchResult, ChatCompletionRequest, HealthResponse } from "../../../shared/src/proxy-api";

/** Where the proxy is and how to talk to it; read before every request, so settings apply at once. */
export interface ProxyConnection {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
	readonly proxyUrl: string;
	/** Bearer token; "" sends none (a local proxy without VECTOR_TOKENS). */
	readonly token: string;
	/** Bring-your-own-key: both set, or neither is sent. */
	readonly providerBaseUrl: string;
	readonly providerKey: string;
	/** "" lets the proxy pick its default model. */
	readonly model: string;
	/** Whether to stream replies when Studio can. */
	readonly streaming: boolean;
}

/** Time limits, in seconds. */
export interface ProxyTimeouts {
	/** A plain chat completion, from request to full answer. */
	readonly completion: number;
	/** A stream, from request to the first answer. */
	readonly streamOpen: number;
	/** The longest silence inside a stream (longer than the proxy's own 60 s, so its error event comes first). */
	readonly streamIdle: number;
	/** An asset search. */
	readonly search: number;
	/** The health check. */
	readonly health: number;
}

const DEFAULT_TIMEOUTS: ProxyTimeouts = { completion: 180, streamOpen: 60, streamIdle: 90, search: 20, health: 10 };

export interface ProxyClientOptions {
	readonly transport: HttpTransport;
	readonly connection: () => ProxyConnection;
	/** Share one per session; a new one (2 in flight, 120 a minute) by default. */
	readonly limiter?: RequestLimiter;
	readonly retry?: RetryPolicy;
	/** Jitter source, [0, 1) (default `math.random`). */
	readonly random?: () => number;
	readonly timeouts?: Partial<ProxyTimeouts>;
}

/** "Test connection": the proxy's health, and what in Vector's settings will not work with it. */
export type HealthResult =
	| { readonly ok: true; readonly health: HealthResponse; readonly problems: ReadonlyArray<string> }
	| { readonly ok: false; readonly error: ChatError };

/** How one try went. */
type Attempt<T> =
	| { readonly kind: "ok"; readonly value: T }
	| { readonly kind: "failed"; readonly failure: Failure; readonly textShown?: boolean; readonly askPlain?: boolean }
	/** No stream client could be made: try again without streaming, at once. */
	| { readonly kind: "no_stream" };

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ChatError };

const NEVER_CANCELLED: CancelToken = { cancelled: false };
const CHAT_ROUTE = "/v1/chat/completions";
const SEARCH_ROUTE = "/v1/assets/search";
const HEALTH_ROUTE = "/v1/health";

function trimSlashes(url: string): string {
	return url.gsub("/+$", "")[0];
}

function urlEncode(text: string): string {
	return text.gsub("[^%w%-_%.~]", (character) => string.format("%%%02X", string.byte(character)[0]))[0];
}


/** The client of the Vector proxy. */
export class ProxyClient implements ChatClient {
	private readonly transport: HttpTransport;
	private readonly connection: () => ProxyConnection;
	private readonly limiter: RequestLimiter;
	private readonly policy: RetryPolicy;
	private readonly random: () => number;
	private readonly timeouts: ProxyTimeouts;

	constructor(options: ProxyClientOptions) {
		this.transport = options.transport;
		this.connection = options.connection;
		this.limiter = options.limiter ?? new RequestLimiter();
		this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
		this.random = options.random ?? (() => math.random());
		this.timeouts = { ...DEFAULT_TIMEOUTS, ...(options.timeouts ?? {}) };
	}

	/** One model step (see ChatClient). Yields; never throws for network or proxy trouble. */
	complete(request: ChatCompletionRequest, options?: { onDelta?: (text: string) => void; cancel?: CancelToken }): ChatResult {
		const cancel = options?.cancel ?? NEVER_CANCELLED;
		const onDelta = options?.onDelta;
		const connection = this.connection();
		const proxyUrl = trimSlashes(connection.proxyUrl);
		let plainOnly = !connection.streaming || this.transport.openStream === undefined;
		const outcome = this.withRetries(cancel, this.policy, (): Attempt<ChatResult> => {
			const streaming = !plainOnly;
			const encoded = this.encodeChatBody(request, connection, streaming);
			if (!encoded.ok) return { kind: "failed", failure: { error: encoded.error, retriable: false } };
			const httpRequest: HttpRequest = {
				url: proxyUrl + CHAT_ROUTE,
				method: "POST",
				headers: this.headers(connection, streaming ? "text/event-stream" : "application/json", true),
				body: encoded.body,
				timeout: streaming ? undefined : this.timeouts.completion,
			};
			const attempt = streaming
				? this.streamOnce(proxyUrl, httpRequest, cancel, onDelta)
				: this.plainOnce(proxyUrl, httpRequest, this.timeouts.completion, cancel, (response) => this.readCompletion(proxyUrl, response, onDelta));
			if (attempt.kind === "no_stream" || (attempt.kind === "failed" && attempt.askPlain === true)) plainOnly = true;
			return attempt;
		});
		return outcome.ok ? outcome.value : { ok: false, error: outcome.error };
	}

	/**
	 * Creator Store search through the proxy (matches `AssetSearch` in tools/tool.ts). Yields;
	 * throws a message the model or user can act on.
	 */
	readonly searchAssets: AssetSearch = (query, options) => {
		const connection = this.connection();
		const proxyUrl = trimSlashes(connection.proxyUrl);
		let url = `${proxyUrl}${SEARCH_ROUTE}?query=${urlEncode(query)}`;
		if (options.tags !== undefined && options.tags !== "") url += `&tags=${urlEncode(options.tags)}`;
		if (options.limit !== undefined) url += `&limit=${math.floor(options.limit)}`;
		const request: HttpRequest = { url, method: "GET", headers: this.headers(connection, "application/json", false), timeout: this.timeouts.search };
		const outcome = this.withRetries(NEVER_CANCELLED, this.policy, () =>
			this.plainOnce(proxyUrl, request, this.timeouts.search, NEVER_CANCELLED, (response): Outcome<ReadonlyArray<AssetSearchResult>> => {
				const decoded = decodeJson(response.body);
				if (!decoded.ok || !isAssetSearchResponse(decoded.value)) {
					return { ok: false, error: badResponse(proxyUrl, "a list of Creator Store assets", response.body).error };
				}
				return { ok: true, value: decoded.value.results };
			}),
		);
		if (!outcome.ok) error(outcome.error.message, 0);
		if (!outcome.value.ok) error(outcome.value.error.message, 0);
		return outcome.value.value;
	};

	/** `GET /v1/health`, tried once (a connection test should report what is, not retry). Yields. */
	health(): HealthResult {
		const connection = this.connection();
		const proxyUrl = trimSlashes(connection.proxyUrl);
		const request: HttpRequest = {
			url: proxyUrl + HEALTH_ROUTE,
			method: "GET",
			headers: this.headers(connection, "application/json", false),
			timeout: this.timeouts.health,
		};
		const once: RetryPolicy = { ...this.policy, maxAttempts: 1 };
		const outcome = this.withRetries(NEVER_CANCELLED, once, () =>
			this.plainOnce(proxyUrl, request, this.timeouts.health, NEVER_CANCELLED, (response): Outcome<HealthResponse> => {
				const decoded = decodeJson(response.body);
				if (!decoded.ok || !isHealthResponse(decoded.value)) {
					return { ok: false, error: badResponse(proxyUrl, "a Vector proxy's health report", response.body).error };
				}
				return { ok: true, value: decoded.value };
			}),
		);
		if (!outcome.ok) return { ok: false, error: outcome.error };
		if (!outcome.value.ok) return { ok: false, error: outcome.value.error };
		const health = outcome.value.value;
		return { ok: true, health, problems: this.healthProblems(health, connection) };
	}

	private healthProblems(health: HealthResponse, connection: ProxyConnection): Array<string> {
		const problems = new Array<string>();
		const ownKey = connection.providerBaseUrl !== "" && connection.providerKey !== "";
		if (ownKey && !health.provider.bringYourOwnKey) {
			problems.push(
				"The proxy does not accept your own provider key (its VECTOR_PROVIDER_ALLOWLIST is empty): clear the provider URL and key in Vector's settings.",
			);
		} else if (!ownKey && !health.provider.configured) {
			problems.push(
				"The proxy has no model provider yet: set OPENAI_API_KEY (or OPENAI_BASE_URL) and VECTOR_MODELS in its .dev.vars, then restart it.",
			);
		}
		const models = health.provider.models;
		if (connection.model !== "" && models.size() > 0 && !models.includes(connection.model)) {
			problems.push(`The model "${connection.model}" is not allowed on this proxy. Allowed: ${models.join(", ")}.`);
		}
		return problems;
	}

	private headers(connection: ProxyConnection, accept: string, chat: boolean): Record<string, string> {
		const headers: Record<string, string> = { Accept: accept };
		if (chat) headers["Content-Type"] = "application/json";
		if (connection.token !== "") headers["Authorization"] = `Bearer ${connection.token}`;
		if (chat && connection.providerBaseUrl !== "" && connection.providerKey !== "") {
			headers["X-Provider-Base-URL"] = connection.providerBaseUrl;
			headers["X-Provider-Key"] = connection.providerKey;
		}
		return headers;
	}

	private encodeChatBody(
		request: ChatCompletionRequest,
		connection: ProxyConnection,
		streaming: boolean,
	): { ok: true; body: string } | { ok: false; error: ChatError } {
		const body: ChatCompletionRequest = {
			...request,
			model: request.model ?? (connection.model !== "" ? connection.model : undefined),
			stream: streaming ? true : undefined,
			stream_options: streaming ? request.stream_options ?? { include_usage: true } : undefined,
		};
		const encoded = encodeJson(body, { emptyArrayKeys: WIRE_LIST_KEYS });
		if (!encoded.ok) {
			return {
				ok: false,
				error: { code: "rejected", message: `Vector could not encode the request (${encoded.message}). This is a bug in Vector.`, detail: encoded.message },
			};
		}
		return { ok: true, body: encoded.text };
	}

	/**
	 * Runs `attempt` until it succeeds, fails for good, or the policy says stop. Each try takes a
	 * limiter slot; a failure outside `attempt`'s control (budget, cancel) ends at once.
	 */
	private withRetries<T>(cancel: CancelToken, policy: RetryPolicy, attempt: () => Attempt<T>): Outcome<T> {
		let failures = 0;
		let waited = 0;
		for (;;) {
			if (cancel.cancelled) return { ok: false, error: cancelled().error };
			const result = attempt();
			if (result.kind === "ok") return { ok: true, value: result.value };
			if (result.kind === "no_stream") continue;
			const failure = result.failure;
			if (failure.error.code === "cancelled") return { ok: false, error: failure.error };
			failures += 1;
			if (result.askPlain === true && failures < policy.maxAttempts) continue;
			if (!failure.retriable || result.textShown === true) return { ok: false, error: failure.error };
			const delay = retryDelay(policy, failures, this.random, failure.error.retryAfter);
			if (!shouldRetry(policy, failures, waited, delay)) return { ok: false, error: failure.error };
			if (!waitBeforeRetry(delay, cancel)) return { ok: false, error: cancelled().error };
			waited += delay;
		}
	}

	/** Takes a limiter slot, or says why there is none. */
	private slot(cancel: CancelToken): { ok: true; release: (unsent?: boolean) => void } | { ok: false; failure: Failure } {
		const slot = this.limiter.acquire(cancel);
		if (slot.ok) return slot;
		if (slot.reason === "cancelled") return { ok: false, failure: cancelled() };
		const seconds = math.max(1, math.ceil(slot.retryAfter));
		return {
			ok: false,
			failure: {
				retriable: false,
				error: {
					code: "http_budget",
					message: `Vector has reached its own limit of requests per minute (Studio allows 500 a minute for all plugins together). Try again in ${seconds} s.`,
					retryAfter: slot.retryAfter,
					detail: `limiter: ${this.limiter.usedThisMinute()} requests in the last minute`,
				},
			},
		};
	}

	/**
	 * One plain request. The transport runs on its own thread so a cancel returns at once; the late
	 * answer is then dropped and the slot freed when it lands. `read` turns a 2xx answer into the value.
	 */
	private plainOnce<T>(
		proxyUrl: string,
		request: HttpRequest,
		timeout: number,
		cancel: CancelToken,
		read: (response: HttpResponse) => T,
	): Attempt<T> {
		const slot = this.slot(cancel);
		if (!slot.ok) return { kind: "failed", failure: slot.failure };
		const state: { done: boolean; response?: HttpResponse; thrown?: unknown } = { done: false };
		task.spawn(() => {
			try {
				state.response = this.transport.request(request);
			} catch (err) {
				state.thrown = err;
			} finally {
				slot.release();
				state.done = true;
			}
		});
		while (!state.done) {
			if (cancel.cancelled) return { kind: "failed", failure: cancelled() };
			task.wait();
		}
		if (cancel.cancelled) return { kind: "failed", failure: cancelled() };
		if (state.response === undefined) {
			const thrown = state.thrown;
			const err = isTransportError(thrown) ? thrown : transportError("unreachable", tostring(thrown));
			return { kind: "failed", failure: failureFromTransport(proxyUrl, err, timeout) };
		}
		const response = state.response;
		if (response.status < 200 || response.status > 299) {
			const route = string.match(request.url, "^%a+://[^/]+(/[^?]*)")[0] as string | undefined;
			return { kind: "failed", failure: failureFromResponse(proxyUrl, route ?? request.url, response) };
		}
		return { kind: "ok", value: read(response) };
	}

	/** Reads a plain completion; its whole text goes to `onDelta` at once. */
	private readCompletion(proxyUrl: string, response: HttpResponse, onDelta?: (text: string) => void): ChatResult {
		const decoded = decodeJson(response.body);
		const reply = decoded.ok && isRelayedCompletion(decoded.value) ? replyFromCompletion(decoded.value) : undefined;
		if (reply === undefined) return { ok: false, error: badResponse(proxyUrl, "a chat completion", response.body).error };
		if (onDelta !== undefined && reply.content !== "") onDelta(reply.content);
		return { ok: true, reply };
	}

	/** One streamed request, assembled as it arrives. */
	private streamOnce(
		proxyUrl: string,
		request: HttpRequest,
		cancel: CancelToken,
		onDelta?: (text: string) => void,
	): Attempt<ChatResult> {
		const slot = this.slot(cancel);
		if (!slot.ok) return { kind: "failed", failure: slot.failure };
		const messages = new Array<string>();
		const state: { opened: boolean; closed: boolean; errorStatus?: number; errorMessage?: string } = { opened: false, closed: false };
		let handle: StreamHandle | undefined;
		try {
			handle = this.transport.openStream!(request, {
				onOpened() {
					state.opened = true;
				},
				onMessage(data) {
					messages.push(data);
				},
				onError(status, message) {
					state.errorStatus = status;
					state.errorMessage = message;
				},
				onClosed() {
					state.closed = true;
				},
			});
		} catch (err) {
			// No stream client could be made, so no request went out: the budget is given back.
			slot.release(true);
			if (isTransportError(err) && err.kind === "stream_unavailable") return { kind: "no_stream" };
			const failure = failureFromTransport(proxyUrl, isTransportError(err) ? err : transportError("unreachable", tostring(err)), 0);
			return { kind: "failed", failure };
		}
		const assembler = new ReplyAssembler();
		let textShown = false;
		const started = os.clock();
		let lastHeard = started;
		const fail = (failure: Failure, askPlain?: boolean): Attempt<ChatResult> => ({ kind: "failed", failure, textShown, askPlain });
		try {
			for (;;) {
				// Checked before anything is read, so a reply that lands as the user cancels is dropped.
				if (cancel.cancelled) return fail(cancelled());
				while (messages.size() > 0) {
					if (cancel.cancelled) return fail(cancelled());
					const data = messages.shift()!;
					lastHeard = os.clock();
					if (data === "[DONE]") return { kind: "ok", value: { ok: true, reply: assembler.reply() } };
					const decoded = decodeJson(data);
					if (!decoded.ok) return fail(badResponse(proxyUrl, "a stream of chat completion chunks", data));
					if (isWireErrorBody(decoded.value)) {
						const body = decoded.value.error;
						return fail(failureFromStreamError(proxyUrl, CHAT_ROUTE, body.code, body.message));
					}
					if (!isRelayedChunk(decoded.value)) return fail(badResponse(proxyUrl, "a stream of chat completion chunks", data));
					const text = assembler.add(decoded.value);
					if (text !== "" && onDelta !== undefined) {
						textShown = true;
						onDelta(text);
					}
				}
				if (state.errorStatus !== undefined) {
					const status = state.errorStatus;
					if (status === 0) {
						const message = state.errorMessage ?? "stream failed";
						if (state.opened) return fail(streamBroken(proxyUrl, message));
						return fail(failureFromTransport(proxyUrl, transportError(classifyHttpError(message), message), this.timeouts.streamIdle));
					}
					const failure = failureFromStatus(proxyUrl, CHAT_ROUTE, status);
					return fail(failure, status !== 429 && status >= 400 && status < 500);
				}
				if (state.closed) {
					if (assembler.hasFinished()) return { kind: "ok", value: { ok: true, reply: assembler.reply() } };
					return fail(streamCut(proxyUrl));
				}
				const now = os.clock();
				if (!state.opened && now - started > this.timeouts.streamOpen) {
					return fail(failureFromTransport(proxyUrl, transportError("timeout", "stream did not open"), this.timeouts.streamOpen));
				}
				if (state.opened && now - lastHeard > this.timeouts.streamIdle) return fail(streamSilent(proxyUrl, this.timeouts.streamIdle));
				task.wait();
			}
		} finally {
			handle.close();
			slot.release();
		}
	}
}
