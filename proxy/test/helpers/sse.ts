/**
 * Reads an SSE response body event by event, as a client would: each `data:` payload is yielded as soon
 * as its blank-line terminator arrives, so tests can observe timing.
 */

/** Yields the `data:` payloads of an SSE body, in order. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffer = "";
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			buffer += decoder.decode(value, { stream: true });
			let end: number;
			while ((end = buffer.indexOf("\n\n")) >= 0) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = event
					.split("\n")
					.filter((line) => line.startsWith("data:"))
					.map((line) => line.slice(5).trimStart())
					.join("\n");
				if (data !== "") yield data;
			}
		}
	} finally {
		reader.releaseLock();
	}
}

/** All `data:` payloads of an SSE body. */
export async function readAllSse(body: ReadableStream<Uint8Array>): Promise<string[]> {
	const out: string[] = [];
	for await (const data of sseData(body)) out.push(data);
	return out;
}
