/**
 * Maps whatever the `openai` SDK throws into a `ProxyError` with an honest status.
 *
 * Rules (after mcp-common): a provider's 4xx about the request keeps its status; 5xx and garbage become 502;
 * timeouts 504; 429 stays 429 with the provider's Retry-After. A 401/403 means a bad key: with the proxy's
 * key that is the operator's problem (502, and the message says which variable), with the caller's own key
 * it is the caller's (kept as 401/403). Provider messages are passed on only for request errors, truncated,
 * and redacted later by the error handler; auth failures never echo the provider's text (it often quotes the
 * key).
 */
import OpenAI from "openai";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { formatDuration, ProxyError, parseRetryAfterMs } from "../errors";

export interface ProviderErrorContext {
	source: "proxy" | "caller";
	/** True when the proxy's own deadline fired (as opposed to the caller going away). */
	timedOut: boolean;
	timeoutMs: number;
}

/** Default Retry-After (seconds) for a provider 429 that names none. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;
const MAX_UPSTREAM_MESSAGE = 300;

/** Converts an SDK (or parsing) error into a `ProxyError`. */
export function mapProviderError(err: unknown, context: ProviderErrorContext): ProxyError {
	if (err instanceof ProxyError) return err;
	const detail = describe(err);
	if (context.timedOut || err instanceof OpenAI.APIConnectionTimeoutError) {
		return new ProxyError(504, "provider_timeout", `The model provider did not answer within ${formatDuration(context.timeoutMs)}.`, {
			detail,
		});
	}
	if (err instanceof OpenAI.APIUserAbortError) {
		return new ProxyError(502, "provider_error", "The request to the model provider was cancelled.", { detail });
	}
	if (err instanceof OpenAI.APIConnectionError) {
		return new ProxyError(502, "provider_unreachable", "Could not reach the model provider.", { detail, retryable: true });
	}
	if (err instanceof OpenAI.APIError) return mapStatusError(err, context, detail);
	if (err instanceof SyntaxError) {
		return new ProxyError(502, "provider_bad_response", "The model provider sent a response that is not valid JSON.", { detail });
	}
	return new ProxyError(502, "provider_error", "The model provider request failed.", { detail });
}

function mapStatusError(err: InstanceType<typeof OpenAI.APIError>, context: ProviderErrorContext, detail: string): ProxyError {
	const status = err.status;
	if (status === undefined) {
		// An error event inside a stream: the SDK raises it without a status.
		return new ProxyError(502, "provider_error", withUpstreamMessage("The model provider reported an error", err), { detail });
	}
	if (status === 401 || status === 403) {
		if (context.source === "proxy") {
			return new ProxyError(502, "provider_auth_failed", "The model provider rejected the proxy's credentials. The proxy operator must check OPENAI_API_KEY and OPENAI_BASE_URL.", {
				detail: `upstream ${status}`,
			});
		}
		return new ProxyError(status, "provider_auth_failed", "The model provider rejected your key (X-Provider-Key).", { detail: `upstream ${status}` });
	}
	if (status === 429) {
		const retryAfterMs = retryAfterFromHeaders(err.headers);
		return new ProxyError(429, "provider_rate_limited", "The model provider is rate limiting requests. Try again later.", {
			detail,
			retryable: true,
			retryAfterMs,
			retryAfterSeconds: retryAfterMs === undefined ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil(retryAfterMs / 1000)),
		});
	}
	if (status === 408) {
		return new ProxyError(504, "provider_timeout", "The model provider timed out.", { detail, retryable: true });
	}
	if (status >= 500) {
		return new ProxyError(502, "provider_error", `The model provider failed (HTTP ${status}). Try again.`, { detail, retryable: true });
	}
	if (status >= 400) {
		return new ProxyError(status as ContentfulStatusCode, "provider_rejected", withUpstreamMessage("The model provider rejected the request", err), {
			detail,
		});
	}
	return new ProxyError(502, "provider_error", `The model provider answered with unexpected HTTP ${status}.`, { detail });
}

function withUpstreamMessage(prefix: string, err: InstanceType<typeof OpenAI.APIError>): string {
	const body = err.error as { message?: unknown } | undefined;
	const message = typeof body?.message === "string" ? body.message.trim() : "";
	if (message === "") return `${prefix}.`;
	const clipped = message.length > MAX_UPSTREAM_MESSAGE ? `${message.slice(0, MAX_UPSTREAM_MESSAGE)}…` : message;
	return `${prefix}: ${clipped}`;
}

function retryAfterFromHeaders(headers: Headers | undefined): number | undefined {
	const ms = headers?.get("retry-after-ms");
	if (ms !== null && ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
	return parseRetryAfterMs(headers?.get("retry-after"));
}

function describe(err: unknown): string {
	if (err instanceof Error) {
		const cause = err.cause instanceof Error ? ` (cause: ${err.cause.message})` : "";
		return `${err.name}: ${err.message}${cause}`;
	}
	return String(err);
}
