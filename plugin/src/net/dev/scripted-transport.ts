/**
 * Dev builds only (the release build ignores `dev/`): an `HttpTransport` that answers from a script,
 * for the specs of net/ and of whatever sits on top of it (the agent loop's specs can use it too).
 *
 * It speaks the proxy's wire format byte for byte: answers are HTTP statuses, headers and JSON
 * bodies; streams are the raw `data: …` text of OpenAI-style server-sent events, cut into the pieces
 * a network would deliver and parsed by the same SSE rules Studio's client follows, with `[DONE]`,
 * error events, a server that hangs up early or goes silent. Delays run on the scheduler's clock
 * (virtual in the headless Studio), so retries and timeouts are timed exactly. Every request is
 * recorded with the time it was made and how many were in flight at once.
 */
import { HttpRequest, HttpResponse, HttpTransport, StreamHandle, StreamHandlers, TransportError, transportError } from "../http-transport";
import { encodeJson } from "../json";
import { SseParser } from "../sse-parser";
import { WIRE_LIST_KEYS } from "../wire-types";

/** List-valued keys of the proxy's answers, so an empty list is sent as `[]` as the proxy would. */
const ANSWER_LIST_KEYS = new Set<string>(["choices", "results", "models"]);
for (const key of WIRE_LIST_KEYS) ANSWER_LIST_KEYS.add(key);

/** One scripted answer, used by the next request (plain or stream) in order. */
export type ScriptedAnswer =
	/** An HTTP answer after `delay` seconds. */
	| { readonly kind: "response"; readonly status: number; readonly body: string; readonly headers?: Record<string, string>; readonly delay?: number }
	/** No answer: the transport throws after `delay` seconds. */
	| { readonly kind: "throw"; readonly error: TransportError; readonly delay?: number }
	/**
	 * A stream: opened (or refused with `status` outside 2xx), then `pieces` of raw SSE text, each after
	 * its delay; then `end`: "close" (the server ends it), "error" (the connection breaks) or "hang".
	 */
	| {
			readonly kind: "stream";
			readonly status?: number;
			readonly pieces: ReadonlyArray<{ readonly text: string; readonly delay?: number }>;
			readonly end: "close" | "error" | "hang";
			readonly openDelay?: number;
	  };

/** A request the transport received. */
export interface RecordedRequest {
	readonly request: HttpRequest;
	readonly via: "request" | "stream";
	/** `os.clock()` when it was made. */
	readonly at: number;
}

/** The scripted transport and what it saw. */
export interface ScriptedTransport extends HttpTransport {
	/** Queues answers for the next requests. */
	script(...answers: Array<ScriptedAnswer>): void;
	readonly requests: Array<RecordedRequest>;
	/** Requests (plain or stream) in flight now, and the most there ever were. */
	inFlight(): number;
	maxInFlight(): number;
	/** Streams closed by the client. */
	closedByClient(): number;
	/** Answers not used yet. */
	pending(): number;
}

/** Options: `streams: false` makes a transport without `openStream` (a Studio without stream clients). */
export function createScriptedTransport(options?: { streams?: boolean; streamUnavailable?: boolean }): ScriptedTransport {
	const queue = new Array<ScriptedAnswer>();
	const requests = new Array<RecordedRequest>();
	let running = 0;
	let most = 0;
	let closedByClient = 0;

	const take = (request: HttpRequest, via: "request" | "stream"): ScriptedAnswer => {
		requests.push({ request, via, at: os.clock() });
		const answer = queue.shift();
		if (answer === undefined) throw `scripted transport: no answer scripted for ${request.method} ${request.url}`;
		return answer;
	};

	const transport: ScriptedTransport = {
		requests,
		script(...answers) {
			for (const answer of answers) queue.push(answer);
		},
		inFlight() {
			return running;
		},
		maxInFlight() {
			return most;
		},
		closedByClient() {
			return closedByClient;
		},
		pending() {
			return queue.size();
		},

		request(request) {
			const answer = take(request, "request");
			running += 1;
			most = math.max(most, running);
			const delay = answer.kind === "stream" ? 0 : answer.delay ?? 0;
			if (delay > 0) task.wait(delay);
			running -= 1;
			if (answer.kind === "throw") throw answer.error;
			if (answer.kind === "stream") throw "scripted transport: a stream was scripted for a plain request";
			const headers = new Map<string, string>();
			for (const [name, value] of pairs(answer.headers ?? {})) headers.set(name.lower(), value);
			const response: HttpResponse = { status: answer.status, statusMessage: `status ${answer.status}`, headers, body: answer.body };
			return response;
		},
	};

	if (options?.streams !== false) {
		transport.openStream = function (this: HttpTransport, request: HttpRequest, handlers: StreamHandlers): StreamHandle {
			if (options?.streamUnavailable) throw transportError("stream_unavailable", "CreateWebStreamClient is not a valid member of HttpService");
			const answer = take(request, "stream");
			if (answer.kind !== "stream") throw "scripted transport: a plain answer was scripted for a stream";
			running += 1;
			most = math.max(most, running);
			let open = true;
			const finish = () => {
				if (open) {
					open = false;
					running -= 1;
				}
			};
			task.spawn(() => {
				if ((answer.openDelay ?? 0) > 0) task.wait(answer.openDelay);
				if (!open) return;
				const status = answer.status ?? 200;
				if (status < 200 || status > 299) {
					finish();
					handlers.onError(status, `status ${status}`);
					return;
				}
				handlers.onOpened(status, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n");
				const parser = new SseParser();
				for (const piece of answer.pieces) {
					if ((piece.delay ?? 0) > 0) task.wait(piece.delay);
					else task.wait();
					if (!open) return;
					for (const event of parser.feed(piece.text)) {
						if (!open) return;
						handlers.onMessage(event.data);
					}
				}
				task.wait();
				if (!open) return;
				if (answer.end === "close") {
					finish();
					handlers.onClosed();
				} else if (answer.end === "error") {
					finish();
					handlers.onError(0, "HttpError: ConnectionClosed");
				}
			});
			return {
				close() {
					if (open) closedByClient += 1;
					finish();
				},
			};
		};
	}
	return transport;
}

/** JSON text of `value` (for scripting bodies). */
export function json(value: unknown): string {
	const result = encodeJson(value, { emptyArrayKeys: ANSWER_LIST_KEYS });
	if (!result.ok) throw result.message;
	return result.text;
}

/** A plain 200 answer with a completion whose message has `content` and `toolCalls`. */
export function completionAnswer(content: string | undefined, toolCalls?: Array<{ id: string; name: string; arguments: string }>): ScriptedAnswer {
	return {
		kind: "response",
		status: 200,
		headers: { "Content-Type": "application/json" },
		body: json({
			id: "chatcmpl-1",
			object: "chat.completion",
			created: 1,
			model: "test-model",
			choices: [
				{
					index: 0,
					message: {
						role: "assistant",
						content,
						tool_calls: toolCalls?.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } })),
					},
					finish_reason: toolCalls !== undefined ? "tool_calls" : "stop",
				},
			],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		}),
	};
}

/** A proxy error answer: `{ error: { code, message } }` with `status` (and `headers`, e.g. Retry-After). */
export function errorAnswer(status: number, code: string, message: string, headers?: Record<string, string>): ScriptedAnswer {
	return { kind: "response", status, headers: { "Content-Type": "application/json", ...headers }, body: json({ error: { code, message } }) };
}

/** The `data:` payload of a chunk whose first choice has `delta` (and `finishReason`). */
export function chunk(delta: object, finishReason?: string): string {
	return json({
		id: "chatcmpl-1",
		object: "chat.completion.chunk",
		created: 1,
		model: "test-model",
		choices: [{ index: 0, delta, finish_reason: finishReason }],
	});
}

/** A tool-call fragment delta. */
export function toolFragment(index: number, fields: { id?: string; name?: string; arguments?: string }): object {
	return {
		tool_calls: [
			{
				index,
				id: fields.id,
				type: fields.id !== undefined ? "function" : undefined,
				function: { name: fields.name, arguments: fields.arguments },
			},
		],
	};
}

/** The final usage chunk OpenAI sends with `stream_options.include_usage`. */
export function usageChunk(prompt: number, completion: number): string {
	return json({
		id: "chatcmpl-1",
		object: "chat.completion.chunk",
		created: 1,
		model: "test-model",
		choices: [],
		usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
	});
}

/** The SSE text of `payloads` as `data:` events (strings as they are), in order. */
export function sseText(payloads: ReadonlyArray<string>): string {
	return payloads.map((payload) => `data: ${payload}\n\n`).join("");
}

/** `text` cut into pieces of `size` bytes, each after `delay` seconds: how a network delivers it. */
export function cut(text: string, size: number, delay?: number): Array<{ text: string; delay?: number }> {
	const pieces = new Array<{ text: string; delay?: number }>();
	for (let i = 1; i <= text.size(); i += size) pieces.push({ text: text.sub(i, i + size - 1), delay });
	return pieces;
}

/** A 200 stream of `payloads` cut into `size`-byte pieces, ending with `[DONE]` and the server closing. */
export function streamAnswer(payloads: ReadonlyArray<string>, size = 17, delay?: number): ScriptedAnswer {
	return { kind: "stream", pieces: cut(sseText([...payloads, "[DONE]"]), size, delay), end: "close" };
}
