/**
 * The plugin's only contact with HttpService: plain requests (`RequestAsync`) and event streams
 * (`CreateWebStreamClient`), behind a narrow interface the rest of net/ uses and specs replace with
 * a scripted fake.
 *
 * Engine facts handled here (roblox-api.md "HttpService"): `RequestAsync` throws on a refused
 * connection, a DNS failure or a timeout, and also when Studio refuses the request itself (bad URL,
 * roblox.com, locked headers, the session's 500-a-minute budget); those throws become a
 * `TransportError` with a kind the client can branch on. Non-2xx answers are not errors here: they
 * come back as responses. `Timeout` exists on `RequestAsync` but not in @rbxts/types, so it is
 * declared below. Response header names are lower-cased (Studio's own case is not documented).
 * `CreateWebStreamClient` may be missing from an older Studio and is capped at six clients; when a
 * client cannot be made, `openStream` throws a `stream_unavailable` TransportError and the caller
 * falls back to a plain request. With `streamKind: "raw"` the stream is read as a RawStream and
 * parsed by sse-parser.ts, for Studios whose SSE client misreads a stream.
 */
import { HttpService } from "@rbxts/services";
import { SseParser } from "./sse-parser";

/** One request. A GET carries no body. */
export interface HttpRequest {
	readonly url: string;
	readonly method: "GET" | "POST";
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: string;
	/** Seconds before the request is abandoned (Studio's own default applies when absent). */
	readonly timeout?: number;
}

/** An HTTP answer of any status. */
export interface HttpResponse {
	readonly status: number;
	readonly statusMessage: string;
	/** Header names in lower case. */
	readonly headers: ReadonlyMap<string, string>;
	readonly body: string;
}

/**
 * Why no HTTP answer came: `unreachable` (refused, DNS, TLS, network), `timeout`, `refused` (Studio
 * would not send it: URL, host or header not allowed), `budget` (Studio's per-minute request limit),
 * `stream_unavailable` (no stream client could be made; use a plain request).
 */
export type TransportErrorKind = "unreachable" | "timeout" | "refused" | "budget" | "stream_unavailable";

/** Thrown by a transport when a request got no HTTP answer. */
export interface TransportError {
	readonly transportError: true;
	readonly kind: TransportErrorKind;
	/** Studio's own message, for the error's detail. */
	readonly message: string;
}

/** Whether a caught value is a {@link TransportError}. */
export function isTransportError(value: unknown): value is TransportError {
	return typeIs(value, "table") && (value as TransportError).transportError === true;
}

/** Builds a {@link TransportError} (to be thrown). */
export function transportError(kind: TransportErrorKind, message: string): TransportError {
	return { transportError: true, kind, message };
}

/** What a stream reports; each handler runs on the engine's signal thread. */
export interface StreamHandlers {
	/** The server answered 2xx and the stream is open. `headers` is the raw header block. */
	onOpened(status: number, headers: string): void;
	/** The data of one server-sent event. */
	onMessage(data: string): void;
	/** The stream failed: `status` is the HTTP status of a non-2xx answer, 0 when there was none. */
	onError(status: number, message: string): void;
	/** The server ended the stream (or it was closed). */
	onClosed(): void;
}

/** An open stream. */
export interface StreamHandle {
	/** Aborts the stream; no handler runs after it. */
	close(): void;
}

/** Plain requests and, where Studio offers it, event streams. */
export interface HttpTransport {
	/** Sends `request` and yields until the answer. Throws a {@link TransportError} when none comes. */
	request(request: HttpRequest): HttpResponse;
	/**
	 * Opens a server-sent-event stream; events arrive through `handlers`. Throws a TransportError
	 * (`stream_unavailable` when no stream client can be made, `refused` when Studio refuses the request).
	 */
	openStream?(request: HttpRequest, handlers: StreamHandlers): StreamHandle;
}

/** `RequestAsync`'s options with the `Timeout` field @rbxts/types lacks. */
type TimedRequestOptions = RequestAsyncRequest & { Timeout?: number };

/** Sorts one of Studio's HttpService error messages into a {@link TransportErrorKind}. */
export function classifyHttpError(message: string): TransportErrorKind {
	const lower = message.lower();
	const has = (text: string) => string.find(lower, text, 1, true)[0] !== undefined;
	if (has("timedout") || has("timed out") || has("timeout")) return "timeout";
	if (has("number of requests exceeded")) return "budget";
	if (
		has("trust check failed") ||
		has("not allowed") ||
		has("invalid request options") ||
		has("empty url") ||
		has("invalidurl") ||
		has("not enabled") ||
		has("not a valid http method") ||
		has("must be")
	) {
		return "refused";
	}
	return "unreachable";
}

function requestOptions(request: HttpRequest): TimedRequestOptions {
	return {
		Url: request.url,
		Method: request.method,
		Headers: request.headers as HttpHeaders | undefined,
		Body: request.method === "GET" ? undefined : request.body,
		Timeout: request.timeout,
	};
}

/** Options of the real transport. */
export interface HttpTransportOptions {
	/** "sse" (default): Studio parses the events; "raw": a RawStream parsed by sse-parser.ts. */
	readonly streamKind?: "sse" | "raw";
}

/** The transport over Studio's HttpService. */
export function createHttpTransport(options?: HttpTransportOptions): HttpTransport {
	const streamKind = options?.streamKind ?? "sse";
	return {
		request(request) {
			const [ok, result] = pcall(() => HttpService.RequestAsync(requestOptions(request) as RequestAsyncRequest));
			if (!ok) {
				const message = tostring(result);
				throw transportError(classifyHttpError(message), message);
			}
			const response = result as RequestAsyncResponse;
			const headers = new Map<string, string>();
			for (const [name, value] of pairs(response.Headers)) headers.set((name as string).lower(), value as string);
			return { status: response.StatusCode, statusMessage: response.StatusMessage, headers, body: response.Body };
		},

		openStream(request, handlers) {
			const clientType = streamKind === "raw" ? Enum.WebStreamClientType.RawStream : Enum.WebStreamClientType.SSE;
			const [ok, result] = pcall(() => HttpService.CreateWebStreamClient(clientType, requestOptions(request)));
			if (!ok) {
				const message = tostring(result);
				const kind = classifyHttpError(message);
				throw transportError(kind === "refused" || kind === "budget" ? kind : "stream_unavailable", message);
			}
			const client = result as WebStreamClient;
			const parser = streamKind === "raw" ? new SseParser() : undefined;
			let open = true;
			const connections = [
				client.Opened.Connect((status, headers) => {
					if (open) handlers.onOpened(status, headers);
				}),
				client.MessageReceived.Connect((message) => {
					if (!open) return;
					if (parser === undefined) {
						handlers.onMessage(message);
						return;
					}
					for (const event of parser.feed(message)) {
						if (!open) return;
						handlers.onMessage(event.data);
					}
				}),
				client.Error.Connect((status, message) => {
					if (open) handlers.onError(status, message);
				}),
				client.Closed.Connect(() => {
					if (open) handlers.onClosed();
				}),
			];
			return {
				close() {
					if (!open) return;
					open = false;
					for (const connection of connections) connection.Disconnect();
					pcall(() => client.Close());
				},
			};
		},
	};
}
