/**
 * Refuses request bodies over the limit with 413, before anything reads or parses them.
 *
 * Hono's `bodyLimit` does the counting (Content-Length when present, the stream otherwise); this wrapper
 * fixes the limit and routes the refusal through the proxy's one error path.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { ProxyError } from "../errors";

/**
 * 2 MiB: a full 128k-token conversation with tool schemas is around 600 KB of JSON, so this leaves room
 * without letting one caller make the Worker buffer arbitrary payloads.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Creates the body-size middleware. */
export function limitBodySize(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
	return bodyLimit({
		maxSize: maxBytes,
		onError: () => {
			throw new ProxyError(413, "payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
		},
	});
}
