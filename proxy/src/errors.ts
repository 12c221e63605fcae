/**
 * The proxy's one error type.
 *
 * Every failure the proxy knows about is thrown as a `ProxyError` and rendered by `error-handler.ts`, so
 * routes never build error responses themselves. It extends Hono's `HTTPException` (the house pattern) and
 * keeps the public message (safe to show a user) apart from the internal detail (logged, never returned).
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProxyErrorCode } from "../../shared/src/proxy-api";

export interface ProxyErrorOptions {
	/** Internal detail for the log (upstream status, exception text). Redacted before logging. */
	detail?: string;
	/** Sent as `Retry-After` (seconds) on 429 and 503 responses. */
	retryAfterSeconds?: number;
	/** For upstream failures: whether `retry.ts` may try the call again. */
	retryable?: boolean;
	/** For upstream failures: the delay the upstream asked for (its `Retry-After`), in milliseconds. */
	retryAfterMs?: number;
	/** Extra response headers (e.g. `WWW-Authenticate`, `Allow`). */
	headers?: Record<string, string>;
	cause?: unknown;
}

export class ProxyError extends HTTPException {
	override readonly status: ContentfulStatusCode;
	readonly code: ProxyErrorCode;
	readonly detail: string | undefined;
	readonly retryAfterSeconds: number | undefined;
	readonly retryable: boolean;
	readonly retryAfterMs: number | undefined;
	readonly headers: Record<string, string>;

	constructor(status: ContentfulStatusCode, code: ProxyErrorCode, publicMessage: string, options: ProxyErrorOptions = {}) {
		super(status, { message: publicMessage, cause: options.cause });
		this.name = "ProxyError";
		this.status = status;
		this.code = code;
		this.detail = options.detail;
		this.retryAfterSeconds = options.retryAfterSeconds;
		this.retryable = options.retryable ?? false;
		this.retryAfterMs = options.retryAfterMs;
		this.headers = options.headers ?? {};
	}
}

/**
 * Parses a `Retry-After` header (delta-seconds or HTTP date) into milliseconds; undefined when absent or
 * unreadable. Negative values clamp to zero.
 */
export function parseRetryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
	if (value === null || value === undefined || value.trim() === "") return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	if (!/[a-z]/i.test(trimmed)) return undefined; // neither delta-seconds nor an HTTP date ("-5", "1e3")
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** "750 ms", "12 s": durations in user-facing messages. */
export function formatDuration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
