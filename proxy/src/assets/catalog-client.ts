/**
 * The only module that searches the Creator Store, and the normalizer of its answers.
 *
 * With ROBLOX_API_KEY it uses the official Open Cloud search (`toolbox-service/v2/assets:search`, key in
 * `x-api-key`); without, the public pair the Studio toolbox itself uses (`toolbox-service/v1/marketplace`
 * for ids, then `items/details` for names and creators). Both end as the same `AssetSearchResult[]`, with
 * an `rbxthumb://` thumbnail Studio can display without an HTTP request.
 */
import type { AssetCategory, AssetSearchResult } from "../../../shared/src/proxy-api";
import type { RetryPolicy } from "../retry";
import { fetchCatalogJson } from "./catalog-fetch";
import { assetTypeName, CATEGORY_ASSET_TYPE_IDS } from "./categories";
import { itemDetailsSchema, marketplaceSearchSchema, openCloudSearchSchema } from "./roblox-schemas";
import type { SearchParams } from "./search-params";

export interface CatalogSettings {
	baseUrl: string;
	apiKey: string | undefined;
	timeoutMs: number;
	retry: RetryPolicy;
	signal?: AbortSignal;
}

/** Which upstream a search uses; part of the cache key. */
export function catalogMode(settings: Pick<CatalogSettings, "apiKey">): "open-cloud" | "public" {
	return settings.apiKey === undefined ? "public" : "open-cloud";
}

/** Searches the Creator Store and returns normalized results (at most `params.limit`). */
export async function searchCatalog(params: SearchParams, settings: CatalogSettings): Promise<AssetSearchResult[]> {
	return settings.apiKey === undefined ? searchPublic(params, settings) : searchOpenCloud(params, settings, settings.apiKey);
}

/** `rbxthumb://` URL of an asset's 150×150 thumbnail. */
export function thumbnailUrl(id: number): string {
	return `rbxthumb://type=Asset&id=${id}&w=150&h=150`;
}

async function searchOpenCloud(params: SearchParams, settings: CatalogSettings, apiKey: string): Promise<AssetSearchResult[]> {
	const url = new URL(`${settings.baseUrl}/toolbox-service/v2/assets:search`);
	url.searchParams.set("searchCategoryType", params.category);
	url.searchParams.set("query", params.query);
	url.searchParams.set("maxPageSize", String(params.limit));
	url.searchParams.set("searchView", "Full");
	const body = await fetchCatalogJson(url.toString(), openCloudSearchSchema, { ...fetchOptions(settings), headers: { "x-api-key": apiKey } });
	const results: AssetSearchResult[] = [];
	for (const entry of body.creatorStoreAssets ?? []) {
		if (entry.asset === null || entry.asset === undefined) continue;
		results.push(toResult(entry.asset.id, entry.asset.name, entry.creator?.name, entry.asset.assetTypeId, params.category));
	}
	return results.slice(0, params.limit);
}

async function searchPublic(params: SearchParams, settings: CatalogSettings): Promise<AssetSearchResult[]> {
	const categoryId = CATEGORY_ASSET_TYPE_IDS[params.category];
	const searchUrl = new URL(`${settings.baseUrl}/toolbox-service/v1/marketplace/${categoryId}`);
	searchUrl.searchParams.set("keyword", params.query);
	searchUrl.searchParams.set("limit", String(params.limit));
	const search = await fetchCatalogJson(searchUrl.toString(), marketplaceSearchSchema, fetchOptions(settings));
	const ids = [...new Set((search.data ?? []).map((item) => item.id))].slice(0, params.limit);
	if (ids.length === 0) return [];

	const detailsUrl = new URL(`${settings.baseUrl}/toolbox-service/v1/items/details`);
	detailsUrl.searchParams.set("assetIds", ids.join(","));
	const details = await fetchCatalogJson(detailsUrl.toString(), itemDetailsSchema, fetchOptions(settings));
	const byId = new Map((details.data ?? []).map((item) => [item.asset.id, item]));
	return ids.map((id) => {
		const item = byId.get(id);
		const creator = Array.isArray(item?.creator) ? item.creator[0] : item?.creator;
		return toResult(id, item?.asset.name, creator?.name, item?.asset.typeId, params.category);
	});
}

function toResult(
	id: number,
	name: string | null | undefined,
	creator: string | null | undefined,
	typeId: number | null | undefined,
	category: AssetCategory,
): AssetSearchResult {
	return {
		id,
		name: name ?? `Asset ${id}`,
		creator: creator ?? "",
		type: assetTypeName(typeId, category),
		thumbnailUrl: thumbnailUrl(id),
	};
}

function fetchOptions(settings: CatalogSettings) {
	return { timeoutMs: settings.timeoutMs, retry: settings.retry, signal: settings.signal };
}
