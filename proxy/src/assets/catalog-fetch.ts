/**
 * One GET to a Roblox web API: deadline, bounded retries, status mapping, and zod parsing of the body.
 *
 * Mirrors `provider-errors.ts` for the catalog: 429 keeps its status (with Roblox's Retry-After), 5xx,
 * refused connections and malformed bodies become 502, deadlines 504, and a rejected ROBLOX_API_KEY is the
 * operator's problem (502 naming the variable). The URL is logged as detail only; it never carries a key
 * (the key travels in `x-api-key`).
 */
import type { z } from "zod";
import { formatDuration, ProxyError, parseRetryAfterMs } from "../errors";
import { type RetryPolicy, withRetries } from "../retry";

export interface CatalogFetchOptions {
	headers?: Record<string, string>;
	timeoutMs: number;
	retry: RetryPolicy;
	signal?: AbortSignal;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Fetches `url` and returns its JSON body parsed with `schema`. */
export async function fetchCatalogJson<T extends z.ZodType>(url: string, schema: T, options: CatalogFetchOptions): Promise<z.output<T>> {
	const body = await withRetries(() => attempt(url, options), { policy: options.retry, signal: options.signal });
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		throw new ProxyError(502, "catalog_bad_response", "The Roblox catalog sent an unexpected response.", {
			detail: `${redactUrl(url)}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
		});
	}
	return parsed.data;
}

async function attempt(url: string, options: CatalogFetchOptions): Promise<unknown> {
	const deadline = AbortSignal.timeout(options.timeoutMs);
	const signal = options.signal === undefined ? deadline : AbortSignal.any([deadline, options.signal]);
	const where = redactUrl(url);
	let response: Response;
	try {
		response = await fetch(url, { headers: { Accept: "application/json", ...options.headers }, signal });
	} catch (err) {
		throw transportError(err, deadline.aborted, options.timeoutMs, where);
	}
	if (!response.ok) {
		await response.body?.cancel().catch(() => undefined);
		throw statusError(response, where);
	}
	try {
		return await response.json();
	} catch (err) {
		if (deadline.aborted) throw transportError(err, true, options.timeoutMs, where);
		throw new ProxyError(502, "catalog_bad_response", "The Roblox catalog sent a response that is not valid JSON.", {
			detail: `${where}: ${String(err)}`,
		});
	}
}

function statusError(response: Response, where: string): ProxyError {
	const status = response.status;
	const detail = `${where}: upstream ${status}`;
	if (status === 429) {
		const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
		return new ProxyError(429, "catalog_rate_limited", "The Roblox catalog is rate limiting searches. Try again later.", {
			detail,
			retryable: true,
			retryAfterMs,
			retryAfterSeconds: retryAfterMs === undefined ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil(retryAfterMs / 1000)),
		});
	}
	if (status === 401 || status === 403) {
		return new ProxyError(502, "catalog_auth_failed", "The Roblox catalog refused the proxy's credentials. The proxy operator must check ROBLOX_API_KEY (scope creator-store-product:read).", {
			detail,
		});
	}
	if (status === 408 || status >= 500) {
		return new ProxyError(502, "catalog_error", `The Roblox catalog failed (HTTP ${status}). Try again.`, { detail, retryable: true });
	}
	return new ProxyError(502, "catalog_error", `The Roblox catalog rejected the search (HTTP ${status}).`, { detail });
}

function transportError(err: unknown, timedOut: boolean, timeoutMs: number, where: string): ProxyError {
	const detail = `${where}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
	if (timedOut) {
		return new ProxyError(504, "catalog_timeout", `The Roblox catalog did not answer within ${formatDuration(timeoutMs)}.`, { detail });
	}
	return new ProxyError(502, "catalog_unreachable", "Could not reach the Roblox catalog.", { detail, retryable: true });
}

/** The URL without its query string (search terms are user content; they do not belong in logs). */
function redactUrl(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}
