/**
 * A fake of the Roblox web APIs the proxy searches, speaking their real response shapes.
 *
 * Routes: Open Cloud `GET /toolbox-service/v2/assets:search` (demands the expected `x-api-key`, else 401
 * like Open Cloud), and the public pair `GET /toolbox-service/v1/marketplace/{categoryId}` (ids) +
 * `GET /toolbox-service/v1/items/details?assetIds=` (details, the creator as an object). A queued behaviour
 * (429, 500, malformed JSON, slow) takes precedence over the routes, one request at a time.
 */
import type http from "node:http";
import { type HttpFake, type RecordedRequest, startHttpFake } from "./http-fake";

export interface FakeAsset {
	id: number;
	name: string;
	creator: string;
	typeId: number;
}

/** Assets by asset type id. Ids beyond 2^31 on purpose: real ones are. */
export const FAKE_ASSETS: readonly FakeAsset[] = [
	{ id: 94215407204609, name: "Low Poly Tree", creator: "Roblox", typeId: 10 },
	{ id: 94215407204610, name: "Pine Tree Pack", creator: "ForestCo", typeId: 10 },
	{ id: 94215407204611, name: "Tree House", creator: "Builderman", typeId: 10 },
	{ id: 1837849285, name: "Forest Ambience", creator: "SoundStudio", typeId: 3 },
	{ id: 6372755229, name: "Bark Texture", creator: "Decalist", typeId: 13 },
];

export interface FakeRoblox extends HttpFake {
	/** The key Open Cloud accepts. */
	readonly apiKey: string;
}

/**
 * Starts the fake Roblox APIs; `apiKey` is the Open Cloud key it accepts, `catalog` what it searches
 * (asked per request, so a test may change it; default FAKE_ASSETS).
 */
export async function startFakeRoblox(
	apiKey = "rbx-oc-key-fake-123456",
	catalog: () => readonly FakeAsset[] = () => FAKE_ASSETS,
): Promise<FakeRoblox> {
	const fake = await startHttpFake((req, res) => route(req, res, apiKey, catalog()));
	return Object.assign(fake, { apiKey });
}

function route(req: RecordedRequest, res: http.ServerResponse, apiKey: string, assets: readonly FakeAsset[]): boolean {
	const { url } = req;
	if (req.method !== "GET") return false;
	if (url.pathname === "/toolbox-service/v2/assets:search") {
		if (req.headers["x-api-key"] !== apiKey) {
			json(res, 401, { code: "UNAUTHENTICATED", message: "Invalid API Key" });
			return true;
		}
		const typeId = CATEGORY_TYPE_IDS[url.searchParams.get("searchCategoryType") ?? ""];
		if (typeId === undefined) {
			json(res, 400, { errors: [{ code: 0, message: "Invalid searchCategoryType" }] });
			return true;
		}
		const found = search(assets, url.searchParams.get("query") ?? "", typeId).slice(0, Number(url.searchParams.get("maxPageSize") ?? 25));
		json(res, 200, {
			nextPageToken: null,
			queryFacets: { appliedFacets: [], availableFacets: [] },
			creatorStoreAssets: found.map((a) => ({
				voting: { showVotes: true, upVotes: 10, downVotes: 1, canVote: false, userVote: null, hasVoted: false, voteCount: 11, upVotePercent: 91 },
				creator: { creator: `user/${a.id % 1000}`, userId: a.id % 1000, groupId: null, name: a.creator, verified: true },
				creatorStoreProduct: { purchasePrice: { currencyCode: "USD", quantity: { significand: 0, exponent: 0 } }, purchasable: true },
				asset: { id: a.id, name: a.name, description: "", assetTypeId: a.typeId, socialLinks: [], previewAssets: null, createTime: "2024-01-01T00:00:00Z", updateTime: "2024-01-02T00:00:00Z", categoryPath: null },
			})),
			totalResults: found.length,
			filteredKeyword: url.searchParams.get("query"),
		});
		return true;
	}
	const marketplace = /^\/toolbox-service\/v1\/marketplace\/(\d+)$/.exec(url.pathname);
	if (marketplace !== null) {
		const found = search(assets, url.searchParams.get("keyword") ?? "", Number(marketplace[1])).slice(0, Number(url.searchParams.get("limit") ?? 30));
		json(res, 200, {
			totalResults: found.length,
			filteredKeyword: url.searchParams.get("keyword"),
			searchDebugInfo: null,
			spellCheckerResult: { correctionState: 0, correctedQuery: null, userQuery: url.searchParams.get("keyword") },
			queryFacets: { appliedFacets: [], availableFacets: [] },
			imageSearchStatus: null,
			previousPageCursor: null,
			nextPageCursor: null,
			data: found.map((a) => ({ id: a.id, name: null, searchResultSource: "Search" })),
		});
		return true;
	}
	if (url.pathname === "/toolbox-service/v1/items/details") {
		const ids = (url.searchParams.get("assetIds") ?? "").split(",").map(Number);
		json(res, 200, {
			data: ids
				.map((id) => assets.find((a) => a.id === id))
				.filter((a): a is FakeAsset => a !== undefined)
				.map((a) => ({
					asset: { audioDetails: null, id: a.id, name: a.name, typeId: a.typeId, assetSubTypes: [], assetGenres: ["All"], isEndorsed: false, description: "", duration: 0, hasScripts: false, createdUtc: "2024-01-01T00:00:00Z", updatedUtc: "2024-01-02T00:00:00Z", visibilityStatus: 0 },
					creator: { id: a.id % 1000, name: a.creator, type: 1, isVerifiedCreator: true, latestGroupUpdaterUserId: null, latestGroupUpdaterUserName: null },
					voting: { showVotes: true, upVotes: 10, downVotes: 1, canVote: false, userVote: null, hasVoted: false, voteCount: 11, upVotePercent: 91 },
					product: null,
					fiatProduct: null,
				})),
		});
		return true;
	}
	return false;
}

/** Open Cloud search categories and the asset type ids they hold. */
export const CATEGORY_TYPE_IDS: Record<string, number> = { Audio: 3, Model: 10, Decal: 13, Plugin: 38, MeshPart: 40, Video: 62, FontFamily: 73 };

function search(assets: readonly FakeAsset[], keyword: string, typeId: number): FakeAsset[] {
	const words = keyword.toLowerCase().split(/\s+/).filter((w) => w !== "");
	return assets.filter((a) => a.typeId === typeId && words.every((w) => a.name.toLowerCase().includes(w)));
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
