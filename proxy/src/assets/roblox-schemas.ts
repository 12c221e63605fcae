/**
 * zod schemas for the Roblox web API responses the catalog client reads.
 *
 * Only the fields the proxy uses are checked, loosely (`null` where Roblox may send it, ids as numbers or
 * numeric strings, since Open Cloud encodes some int64 fields as strings). Anything else in the payload is
 * ignored. A response that does not match is a 502 `catalog_bad_response`, never a crash.
 */
import { z } from "zod";

/** An asset id: a JSON number or a numeric string, as a safe integer. */
const assetId = z
	.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
	.pipe(z.number().int().positive().refine(Number.isSafeInteger, "asset id out of range"));

/** `GET toolbox-service/v2/assets:search` (Open Cloud, beta). */
export const openCloudSearchSchema = z.looseObject({
	creatorStoreAssets: z
		.array(
			z.looseObject({
				asset: z
					.looseObject({
						id: assetId,
						name: z.string().nullish(),
						assetTypeId: z.number().int().nullish(),
					})
					.nullish(),
				creator: z.looseObject({ name: z.string().nullish() }).nullish(),
			}),
		)
		.nullish(),
});

/** `GET toolbox-service/v1/marketplace/{categoryId}` (public): ids only. */
export const marketplaceSearchSchema = z.looseObject({
	data: z.array(z.looseObject({ id: assetId })).nullish(),
});

const detailsCreator = z.looseObject({ name: z.string().nullish() });

/** `GET toolbox-service/v1/items/details?assetIds=` (public): names, types, creators. */
export const itemDetailsSchema = z.looseObject({
	data: z
		.array(
			z.looseObject({
				asset: z.looseObject({
					id: assetId,
					name: z.string().nullish(),
					typeId: z.number().int().nullish(),
				}),
				// Documented as an object; some published OpenAPI specs describe it as a one-element array.
				creator: z.union([detailsCreator, z.array(detailsCreator)]).nullish(),
			}),
		)
		.nullish(),
});
