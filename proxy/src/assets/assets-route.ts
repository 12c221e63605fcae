/**
 * `GET /v1/assets/search`: Creator Store search for the plugin, which cannot call roblox.com itself.
 *
 * Validates and normalizes the query, answers from the cache when it can (`X-Vector-Cache: HIT`), and
 * otherwise searches through `catalog-client.ts` and stores the result without delaying the response
 * (`waitUntil` where the runtime offers it).
 */
import type { Context } from "hono";
import type { AssetSearchResponse } from "../../../shared/src/proxy-api";
import type { AppEnv } from "../env";
import { logEvent } from "../log";
import type { RetryPolicy } from "../retry";
import { catalogMode, searchCatalog } from "./catalog-client";
import { type SearchCache, searchCacheKey } from "./search-cache";
import { parseSearchParams } from "./search-params";

export interface AssetSearchRouteOptions {
	retry: RetryPolicy;
	/** Looked up per request, so tests can install a Cache API. */
	cache: () => SearchCache | undefined;
}

/** Creates the asset search handler. */
export function assetSearchRoute(options: AssetSearchRouteOptions) {
	return async function searchAssets(c: Context<AppEnv>): Promise<Response> {
		const config = c.get("config");
		const params = parseSearchParams(c.req.query());
		const mode = catalogMode({ apiKey: config.robloxApiKey });
		const cache = options.cache();
		const key = searchCacheKey(new URL(c.req.url).origin, params, mode);

		const cached = await cache?.get(key);
		if (cached !== undefined) {
			c.header("X-Vector-Cache", "HIT");
			return c.json(cached);
		}

		const results = await searchCatalog(params, {
			baseUrl: config.robloxApisBaseUrl,
			apiKey: config.robloxApiKey,
			timeoutMs: config.catalogTimeoutMs,
			retry: options.retry,
			signal: c.req.raw.signal,
		});
		const body: AssetSearchResponse = { results };
		if (cache !== undefined) {
			const requestId = c.get("requestId");
			const write = cache.put(key, body).catch((err: unknown) => {
				logEvent("warn", "cache_write_failed", { requestId, detail: String(err) });
			});
			await runInBackground(c, write);
		}
		c.header("X-Vector-Cache", "MISS");
		return c.json(body);
	};
}

/** Hands `work` to `waitUntil` when there is an execution context; otherwise waits for it. */
async function runInBackground(c: Context<AppEnv>, work: Promise<void>): Promise<void> {
	let ctx: { waitUntil(promise: Promise<unknown>): void } | undefined;
	try {
		ctx = c.executionCtx;
	} catch {
		ctx = undefined; // app.request() in tests has no execution context
	}
	if (ctx === undefined) await work;
	else ctx.waitUntil(work);
}
