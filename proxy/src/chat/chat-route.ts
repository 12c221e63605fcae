/**
 * `POST /v1/chat/completions`: OpenAI's chat completions, forwarded to the chosen provider.
 *
 * Order matters: the caller's own key (if any) is registered for redaction before anything can fail, the
 * provider is resolved before the body is read (so an unconfigured proxy says what to set), and the body is
 * fully validated before anything goes upstream. Plain requests return the provider's completion object;
 * `stream: true` returns SSE chunks as they arrive (see `sse-stream.ts`).
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { errorBody, toProxyError } from "../error-handler";
import { formatDuration, ProxyError } from "../errors";
import { logEvent } from "../log";
import type { RetryPolicy } from "../retry";
import { readJsonBody } from "../validation";
import { chatRequestSchema } from "./chat-request-schema";
import { resolveModel, resolveProvider } from "./provider";
import { createCompletion, openCompletionStream, type ProviderCallOptions } from "./provider-client";
import { toSseStream } from "./sse-stream";

export interface ChatRouteOptions {
	retry: RetryPolicy;
}

const SSE_HEADERS = {
	"Content-Type": "text/event-stream; charset=utf-8",
	"Cache-Control": "no-cache, no-transform",
	"X-Accel-Buffering": "no",
};

/** Creates the chat completions handler. */
export function chatCompletionsRoute(options: ChatRouteOptions) {
	return async function chatCompletions(c: Context<AppEnv>): Promise<Response> {
		const config = c.get("config");
		const callerKey = c.req.header("x-provider-key");
		if (callerKey !== undefined && callerKey.trim() !== "") c.get("secrets").push(callerKey.trim());

		const provider = resolveProvider(config, { baseUrl: c.req.header("x-provider-base-url"), key: callerKey });
		const body = await readJsonBody(c.req.raw, chatRequestSchema);
		const model = resolveModel(config, body.model);
		const call: ProviderCallOptions = {
			provider,
			model,
			timeoutMs: config.upstreamTimeoutMs,
			retry: options.retry,
			signal: c.req.raw.signal,
		};

		if (body.stream !== true) return c.json(await createCompletion(body, call));

		const stream = await openCompletionStream(body, call);
		const secrets = c.get("secrets");
		const requestId = c.get("requestId");
		const sse = toSseStream(stream.chunks, {
			idleTimeoutMs: config.upstreamTimeoutMs,
			abortUpstream: stream.abort,
			errorEvent: (err, timedOut) => {
				const error = timedOut ? idleTimeoutError(config.upstreamTimeoutMs) : toProxyError(err);
				logEvent("warn", "stream_failed", { requestId, code: error.code, detail: error.detail ?? String(err) }, secrets);
				return errorBody(error, secrets);
			},
		});
		return c.body(sse, 200, SSE_HEADERS);
	};
}

function idleTimeoutError(timeoutMs: number): ProxyError {
	return new ProxyError(504, "provider_timeout", `The model provider went silent for more than ${formatDuration(timeoutMs)} mid-answer.`);
}
