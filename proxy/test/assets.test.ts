/**
 * `GET /v1/assets/search` through `app.request`, against fake Roblox APIs on real loopback HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AssetSearchResponse } from "../../shared/src/proxy-api";
import { createApp } from "../src/app";
import { defaultSearchCache } from "../src/assets/search-cache";
import type { Env } from "../src/env";
import { afterDelay, replyJson, replyRaw } from "./fakes/http-fake";
import { type FakeRoblox, startFakeRoblox } from "./fakes/fake-roblox";
import { MemoryCache } from "./helpers/memory-cache";
import { call, configuredEnv, FAST_RETRY, ROBLOX_KEY } from "./helpers/test-env";

let roblox: FakeRoblox;
let env: Env;
const app = createApp({ retry: FAST_RETRY, searchCache: () => undefined });

beforeAll(async () => {
	roblox = await startFakeRoblox(ROBLOX_KEY);
	env = configuredEnv("http://127.0.0.1:9", roblox.url);
});
afterEach(() => {
	roblox.assertNoUnexpected();
	roblox.reset();
});
afterAll(() => roblox.close());

function search(query: string, options: { env?: Env; app?: ReturnType<typeof createApp> } = {}): Promise<Response> {
	return call(options.app ?? app, options.env ?? env, `/v1/assets/search${query}`);
}

async function results(res: Response): Promise<AssetSearchResponse["results"]> {
	expect(res.status).toBe(200);
	return ((await res.json()) as AssetSearchResponse).results;
}

describe("public toolbox endpoints (no ROBLOX_API_KEY)", () => {
	it("searches ids, fetches details, and normalizes the results", async () => {
		const found = await results(await search("?query=tree"));
		expect(found).toEqual([
			{ id: 94215407204609, name: "Low Poly Tree", creator: "Roblox", type: "Model", thumbnailUrl: "rbxthumb://type=Asset&id=94215407204609&w=150&h=150" },
			{ id: 94215407204610, name: "Pine Tree Pack", creator: "ForestCo", type: "Model", thumbnailUrl: "rbxthumb://type=Asset&id=94215407204610&w=150&h=150" },
			{ id: 94215407204611, name: "Tree House", creator: "Builderman", type: "Model", thumbnailUrl: "rbxthumb://type=Asset&id=94215407204611&w=150&h=150" },
		]);
		const [ids, details] = roblox.requests;
		expect(ids?.path).toBe("/toolbox-service/v1/marketplace/10");
		expect(Object.fromEntries(ids!.url.searchParams)).toEqual({ keyword: "tree", limit: "20" });
		expect(details?.path).toBe("/toolbox-service/v1/items/details");
		expect(details?.url.searchParams.get("assetIds")).toBe("94215407204609,94215407204610,94215407204611");
		expect(ids?.headers["x-api-key"]).toBeUndefined();
	});

	it("accepts q as an alias, normalizes the query, and honours limit", async () => {
		const found = await results(await search("?q=%20%20Tree%20&limit=1"));
		expect(found.map((r) => r.name)).toEqual(["Low Poly Tree"]);
		expect(roblox.requests[0]?.url.searchParams.get("keyword")).toBe("tree");
		expect(roblox.requests[0]?.url.searchParams.get("limit")).toBe("1");
	});

	it("maps tags to the category (audio → asset type 3)", async () => {
		const found = await results(await search("?query=forest&tags=sound,music"));
		expect(found).toEqual([{ id: 1837849285, name: "Forest Ambience", creator: "SoundStudio", type: "Audio", thumbnailUrl: "rbxthumb://type=Asset&id=1837849285&w=150&h=150" }]);
		expect(roblox.requests[0]?.path).toBe("/toolbox-service/v1/marketplace/3");
	});

	it("returns an empty list without asking for details when nothing matches", async () => {
		expect(await results(await search("?query=spaceship"))).toEqual([]);
		expect(roblox.requests).toHaveLength(1);
	});
});

describe("Open Cloud search (ROBLOX_API_KEY set)", () => {
	const keyed = () => ({ ...env, ROBLOX_API_KEY: ROBLOX_KEY });

	it("calls assets:search with x-api-key and normalizes creatorStoreAssets", async () => {
		const found = await results(await search("?query=bark&tags=decal&limit=5", { env: keyed() }));
		expect(found).toEqual([{ id: 6372755229, name: "Bark Texture", creator: "Decalist", type: "Decal", thumbnailUrl: "rbxthumb://type=Asset&id=6372755229&w=150&h=150" }]);
		expect(roblox.requests).toHaveLength(1);
		const [request] = roblox.requests;
		expect(request?.path).toBe("/toolbox-service/v2/assets:search");
		expect(request?.headers["x-api-key"]).toBe(ROBLOX_KEY);
		expect(Object.fromEntries(request!.url.searchParams)).toEqual({ searchCategoryType: "Decal", query: "bark", maxPageSize: "5", searchView: "Full" });
	});

	it("reports a rejected key as 502 catalog_auth_failed naming the variable", async () => {
		const res = await search("?query=tree", { env: { ...env, ROBLOX_API_KEY: "rbx-wrong-key-000000" } });
		expect(res.status).toBe(502);
		const json = (await res.json()) as { error: { code: string; message: string } };
		expect(json.error.code).toBe("catalog_auth_failed");
		expect(json.error.message).toContain("ROBLOX_API_KEY");
	});

	it("accepts ids encoded as strings (Open Cloud int64)", async () => {
		roblox.enqueue(replyJson(200, { creatorStoreAssets: [{ asset: { id: "94215407204609", name: "Low Poly Tree", assetTypeId: 10 }, creator: { name: "Roblox" } }], totalResults: 1 }));
		const found = await results(await search("?query=tree", { env: keyed() }));
		expect(found[0]?.id).toBe(94215407204609);
	});
});

describe("validation", () => {
	const cases: [string, string][] = [
		["a missing query", ""],
		["an empty query", "?query=%20%20"],
		["limit 0", "?query=tree&limit=0"],
		["limit 51", "?query=tree&limit=51"],
		["a non-numeric limit", "?query=tree&limit=ten"],
		["an unknown tag", "?query=tree&tags=spaceship"],
		["tags naming two categories", "?query=tree&tags=audio,model"],
		["a 201-character query", `?query=${"a".repeat(201)}`],
	];
	it.each(cases)("refuses %s with 400", async (_name, query) => {
		const res = await search(query);
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
		expect(roblox.requests).toHaveLength(0);
	});

	it("accepts limit 50", async () => {
		await results(await search("?query=tree&limit=50"));
	});
});

describe("upstream failures", () => {
	it("retries a 429 with a short Retry-After, then succeeds", async () => {
		roblox.enqueue(replyJson(429, { errors: [{ code: 0, message: "TooManyRequests" }] }, { "retry-after": "0" }));
		expect(await results(await search("?query=tree"))).toHaveLength(3);
		expect(roblox.requests).toHaveLength(3);
	});

	it("passes a long 429 back with Retry-After", async () => {
		roblox.enqueue(replyJson(429, { errors: [] }, { "retry-after": "45" }));
		const res = await search("?query=tree");
		expect(res.status).toBe(429);
		expect(res.headers.get("retry-after")).toBe("45");
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("catalog_rate_limited");
	});

	it("gives up on repeated 500s with 502 after bounded retries", async () => {
		roblox.enqueue(replyRaw(500, "oops"), replyRaw(500, "oops"), replyRaw(500, "oops"));
		const res = await search("?query=tree");
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("catalog_error");
		expect(roblox.requests).toHaveLength(3);
	});

	it("maps malformed JSON to 502 catalog_bad_response", async () => {
		roblox.enqueue(replyRaw(200, "<html>maintenance</html>", { "content-type": "text/html" }));
		const res = await search("?query=tree");
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("catalog_bad_response");
	});

	it("maps an unexpected JSON shape to 502 catalog_bad_response", async () => {
		roblox.enqueue(replyJson(200, { data: [{ id: "not-a-number" }] }));
		const res = await search("?query=tree");
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("catalog_bad_response");
	});

	it("times out a slow catalog with 504", async () => {
		roblox.enqueue(afterDelay(3_000, replyJson(200, { data: [] })));
		const res = await search("?query=tree", { env: { ...env, VECTOR_UPSTREAM_TIMEOUT_MS: "300" } });
		expect(res.status).toBe(504);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("catalog_timeout");
	});
});

describe("caching (Workers Cache API)", () => {
	let cache: MemoryCache;
	const cached = createApp({ retry: FAST_RETRY });

	function withCache<T>(run: () => Promise<T>): Promise<T> {
		cache = new MemoryCache();
		const global = globalThis as { caches?: unknown };
		global.caches = { default: cache };
		return run().finally(() => {
			delete global.caches;
		});
	}

	it("answers a repeated (normalized) search from the cache", () =>
		withCache(async () => {
			const first = await search("?query=tree", { app: cached });
			expect(first.headers.get("x-vector-cache")).toBe("MISS");
			const firstBody = await first.json();
			expect(roblox.requests).toHaveLength(2);

			const second = await search("?q=%20TREE%20", { app: cached });
			expect(second.headers.get("x-vector-cache")).toBe("HIT");
			expect(await second.json()).toEqual(firstBody);
			expect(roblox.requests).toHaveLength(2);
		}));

	it("keys on limit, category and upstream mode", () =>
		withCache(async () => {
			await search("?query=tree", { app: cached });
			await search("?query=tree&limit=2", { app: cached });
			await search("?query=tree&tags=audio", { app: cached });
			await search("?query=tree", { app: cached, env: { ...env, ROBLOX_API_KEY: ROBLOX_KEY } });
			expect(cache.puts).toBe(4);
			expect([...cache.entries.keys()].every((key) => !key.includes(ROBLOX_KEY))).toBe(true);
		}));

	it("does not cache failures", () =>
		withCache(async () => {
			roblox.enqueue(replyRaw(400, "bad"));
			expect((await search("?query=tree", { app: cached })).status).toBe(502);
			expect(cache.puts).toBe(0);
		}));

	it("is off where the runtime has no Cache API", () => {
		expect(defaultSearchCache()).toBeUndefined();
	});
});
