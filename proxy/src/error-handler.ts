/**
 * The single place where errors become responses.
 *
 * `ProxyError`s render as OpenAI-shaped `{ error: { code, message, type } }` with their own status; Hono's
 * own `HTTPException`s keep their status under a generic code; anything else is a bug in the proxy and
 * becomes a 500 `internal_error` whose public message says nothing about the cause. Every error is logged
 * once, with the request id and the redacted internal detail.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProxyErrorBody, ProxyErrorCode, ProxyErrorType } from "../../shared/src/proxy-api";
import type { AppEnv } from "./env";
import { ProxyError } from "./errors";
import { logEvent } from "./log";
import { redactSecrets } from "./redact";

/** Creates the app's `onError` handler. */
export function createErrorHandler(): ErrorHandler<AppEnv> {
	return function handleError(err, c) {
		const error = toProxyError(err);
		const secrets = requestSecrets(c);
		logEvent(
			error.status >= 500 ? "error" : "warn",
			"request_failed",
			{
				requestId: c.get("requestId"),
				method: c.req.method,
				path: c.req.path,
				status: error.status,
				code: error.code,
				detail: error.detail ?? (error === err ? undefined : describeError(err)),
			},
			secrets,
		);
		return renderError(c, error, secrets);
	};
}

/** Creates the app's `notFound` handler (rendered like any other error). */
export function createNotFoundHandler(handleError: ErrorHandler<AppEnv>): NotFoundHandler<AppEnv> {
	return function handleNotFound(c) {
		return handleError(new ProxyError(404, "not_found", `No route for ${c.req.method} ${c.req.path}.`), c);
	};
}

/** Maps any thrown value to a `ProxyError`. */
export function toProxyError(err: unknown): ProxyError {
	if (err instanceof ProxyError) return err;
	if (err instanceof HTTPException) {
		const status = err.status as ContentfulStatusCode;
		return new ProxyError(status, codeForStatus(status), err.message || "Request failed.", { cause: err });
	}
	return new ProxyError(500, "internal_error", "The proxy hit an unexpected error. Try again; if it persists, check the proxy logs.", {
		cause: err,
	});
}

/** The OpenAI error `type` for a status. */
export function errorTypeForStatus(status: number): ProxyErrorType {
	if (status === 401) return "authentication_error";
	if (status === 403) return "permission_error";
	if (status === 429) return "rate_limit_error";
	if (status >= 500) return "api_error";
	return "invalid_request_error";
}

/** The JSON body for an error, with its public message redacted. */
export function errorBody(error: ProxyError, secrets: readonly string[]): ProxyErrorBody {
	return {
		error: {
			code: error.code,
			message: redactSecrets(error.message, secrets),
			type: errorTypeForStatus(error.status),
		},
	};
}

function renderError(c: Context<AppEnv>, error: ProxyError, secrets: readonly string[]): Response {
	const headers: Record<string, string> = { ...error.headers };
	if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
	return c.json(errorBody(error, secrets), error.status, headers);
}

/**
 * The request's known secrets, plus the raw configured ones: an error can be thrown before (or while)
 * `config.ts` parses the bindings, and redaction must not depend on that having succeeded.
 */
function requestSecrets(c: Context<AppEnv>): string[] {
	const env = c.env ?? {};
	const raw = [env.OPENAI_API_KEY, env.ROBLOX_API_KEY, ...(env.VECTOR_TOKENS ?? "").split(",")];
	const configured = raw.map((value) => value?.trim() ?? "").filter((value) => value !== "");
	return [...(c.get("secrets") ?? []), ...configured];
}

function codeForStatus(status: number): ProxyErrorCode {
	if (status === 400) return "invalid_request";
	if (status === 401) return "unauthorized";
	if (status === 404) return "not_found";
	if (status === 405) return "method_not_allowed";
	if (status === 413) return "payload_too_large";
	if (status === 429) return "rate_limited";
	return "internal_error";
}

function describeError(err: unknown): string {
	if (err instanceof Error) return `${err.name}: ${err.message}`;
	return String(err);
}
