/**
 * Turns the provider's chunks into an OpenAI-style server-sent-event body, one chunk at a time.
 *
 * The body is a pull-based `ReadableStream`: each chunk is written the moment the provider yields it and
 * nothing is buffered beyond the stream's one-chunk queue, so the first token reaches the plugin as soon as
 * the provider sends it. A normal end writes `data: [DONE]`. A failure after the response has started can no
 * longer change the status, so it is written as an OpenAI error event (`data: {"error": …}`, which the
 * `openai` SDK raises as an APIError) and the stream ends without `[DONE]`. If the provider goes silent for
 * longer than the idle limit, the upstream request is aborted and a timeout error event is sent. If the
 * client disconnects, the upstream request is aborted too.
 */
import type { ProxyErrorBody } from "../../../shared/src/proxy-api";

export interface SseStreamOptions {
	/** Longest silence allowed between two chunks. */
	idleTimeoutMs: number;
	/** Cancels the upstream request (idle timeout, client gone). */
	abortUpstream: () => void;
	/** Renders a failure as the error event's payload (already redacted). */
	errorEvent: (err: unknown, timedOut: boolean) => ProxyErrorBody;
}

const encoder = new TextEncoder();

class IdleTimeout extends Error {
	override name = "IdleTimeout";
}

/** Encodes one SSE `data:` event. JSON never contains raw newlines, so one line suffices. */
export function sseEvent(data: string): Uint8Array {
	return encoder.encode(`data: ${data}\n\n`);
}

/** Wraps `chunks` as an SSE response body. */
export function toSseStream(chunks: AsyncIterable<unknown>, options: SseStreamOptions): ReadableStream<Uint8Array> {
	const iterator = chunks[Symbol.asyncIterator]();
	let finished = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (finished) return;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const next = iterator.next();
			next.catch(() => undefined); // a rejection after an idle timeout has no one left to hear it
			const idle = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new IdleTimeout()), options.idleTimeoutMs);
			});
			try {
				const result = await Promise.race([next, idle]);
				if (result.done === true) {
					finished = true;
					controller.enqueue(sseEvent("[DONE]"));
					controller.close();
					return;
				}
				controller.enqueue(sseEvent(JSON.stringify(result.value)));
			} catch (err) {
				finished = true;
				const timedOut = err instanceof IdleTimeout;
				if (timedOut) options.abortUpstream();
				controller.enqueue(sseEvent(JSON.stringify(options.errorEvent(err, timedOut))));
				controller.close();
			} finally {
				clearTimeout(timer);
			}
		},
		async cancel() {
			finished = true;
			options.abortUpstream();
			await iterator.return?.().catch(() => undefined);
		},
	});
}
