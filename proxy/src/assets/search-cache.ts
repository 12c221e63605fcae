/**
 * Caches normalized search results with the Workers Cache API (`caches.default`).
 *
 * The key is a synthetic GET URL on the Worker's own origin built from the normalized search (query,
 * category, limit, upstream mode), so equivalent searches share an entry and no caller-specific or secret
 * value is part of it. Where no Cache API exists (plain Node tests) caching is simply off. Note that
 * Cloudflare ignores Cache API writes on `*.workers.dev` hostnames: caching in production needs a route
 * on a custom domain (the README says so).
 */
import type { AssetSearchResponse } from "../../../shared/src/proxy-api";
import type { SearchParams } from "./search-params";

/** How long a search result stays cached, in seconds. */
export const SEARCH_CACHE_TTL_SECONDS = 600;

export interface SearchCache {
	get(key: Request): Promise<AssetSearchResponse | undefined>;
	put(key: Request, value: AssetSearchResponse): Promise<void>;
}

/** The cache key request for a normalized search. */
export function searchCacheKey(origin: string, params: SearchParams, mode: string): Request {
	const url = new URL("/__vector-cache/v1/assets/search", origin);
	url.searchParams.set("mode", mode);
	url.searchParams.set("category", params.category);
	url.searchParams.set("limit", String(params.limit));
	url.searchParams.set("query", params.query);
	return new Request(url.toString(), { method: "GET" });
}

/** The Workers Cache API as a `SearchCache`, or undefined where the runtime has none. */
export function defaultSearchCache(): SearchCache | undefined {
	const storage = (globalThis as { caches?: { default?: Cache } }).caches;
	const cache = storage?.default;
	if (cache === undefined) return undefined;
	return {
		async get(key) {
			const hit = await cache.match(key);
			if (hit === undefined) return undefined;
			try {
				return (await hit.json()) as AssetSearchResponse;
			} catch {
				return undefined; // an unreadable entry is a miss; the fresh result overwrites it
			}
		},
		async put(key, value) {
			const response = new Response(JSON.stringify(value), {
				headers: { "Content-Type": "application/json", "Cache-Control": `public, max-age=${SEARCH_CACHE_TTL_SECONDS}` },
			});
			await cache.put(key, response);
		},
	};
}
