/**
 * The Creator Store's categories and the tags that select them.
 *
 * `tags` on `/v1/assets/search` name a category in words a model or a user would use ("audio", "mesh").
 * The Open Cloud search takes the category by name (`searchCategoryType`); the public toolbox endpoint
 * takes it as an asset type id in the path (`marketplace/10` = Model), so both mappings live here.
 */
import type { AssetCategory, AssetSearchTag } from "../../../shared/src/proxy-api";

export const DEFAULT_CATEGORY: AssetCategory = "Model";

export const TAG_CATEGORIES: Readonly<Record<AssetSearchTag, AssetCategory>> = {
	model: "Model",
	models: "Model",
	audio: "Audio",
	sound: "Audio",
	music: "Audio",
	decal: "Decal",
	decals: "Decal",
	image: "Decal",
	texture: "Decal",
	mesh: "MeshPart",
	meshes: "MeshPart",
	meshpart: "MeshPart",
	plugin: "Plugin",
	plugins: "Plugin",
	video: "Video",
	videos: "Video",
	font: "FontFamily",
	fonts: "FontFamily",
};

/** Roblox asset type ids (Enum.AssetType) of each category; the toolbox marketplace path uses them. */
export const CATEGORY_ASSET_TYPE_IDS: Readonly<Record<AssetCategory, number>> = {
	Audio: 3,
	Model: 10,
	Decal: 13,
	Plugin: 38,
	MeshPart: 40,
	Video: 62,
	FontFamily: 73,
};

/** Names of other asset types a search can return (Enum.AssetType). */
const OTHER_ASSET_TYPES: Readonly<Record<number, string>> = {
	1: "Image",
	4: "Mesh",
	5: "Lua",
	24: "Animation",
	39: "SolidModel",
	63: "TexturePack",
};

/** True when `tag` is one of the accepted tags. */
export function isAssetSearchTag(tag: string): tag is AssetSearchTag {
	return Object.hasOwn(TAG_CATEGORIES, tag);
}

/** The type name of an asset type id, falling back to the searched category. */
export function assetTypeName(typeId: number | null | undefined, fallback: AssetCategory): string {
	if (typeId === null || typeId === undefined) return fallback;
	for (const [category, id] of Object.entries(CATEGORY_ASSET_TYPE_IDS)) if (id === typeId) return category;
	return OTHER_ASSET_TYPES[typeId] ?? fallback;
}
