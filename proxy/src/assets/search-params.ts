/**
 * Validates and normalizes `/v1/assets/search` query parameters.
 *
 * Normalization (trimmed, lower-case, single-spaced query; one category; a limit) is what makes two
 * searches that mean the same thing share one cache entry, and it is also exactly what is sent upstream.
 */
import { z } from "zod";
import type { AssetCategory } from "../../../shared/src/proxy-api";
import { ProxyError } from "../errors";
import { parseOrThrow } from "../validation";
import { DEFAULT_CATEGORY, isAssetSearchTag, TAG_CATEGORIES } from "./categories";

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;
const MAX_QUERY_LENGTH = 200;

export interface SearchParams {
	query: string;
	category: AssetCategory;
	limit: number;
}

const paramsSchema = z.object({
	query: z
		.string({ error: "query (or q) is required" })
		.transform((q) => q.trim().replace(/\s+/g, " ").toLowerCase())
		.pipe(z.string().min(1, "query (or q) must not be empty").max(MAX_QUERY_LENGTH)),
	tags: z.string().optional(),
	limit: z
		.string()
		.regex(/^\d+$/, `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`)
		.transform(Number)
		.pipe(z.number().int().min(1).max(MAX_SEARCH_LIMIT))
		.optional(),
});

/** Parses the raw query parameters (`query` wins over its alias `q`). */
export function parseSearchParams(raw: Record<string, string | undefined>): SearchParams {
	const parsed = parseOrThrow(paramsSchema, {
		query: raw.query ?? raw.q,
		tags: raw.tags,
		limit: raw.limit,
	});
	return {
		query: parsed.query,
		category: categoryFromTags(parsed.tags),
		limit: parsed.limit ?? DEFAULT_SEARCH_LIMIT,
	};
}

/** Maps comma-separated tags to one category (default Model). */
export function categoryFromTags(tags: string | undefined): AssetCategory {
	const names = (tags ?? "")
		.split(",")
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t !== "");
	const unknown = names.filter((t) => !isAssetSearchTag(t));
	if (unknown.length > 0) {
		throw new ProxyError(400, "invalid_request", `Unknown tag "${unknown[0]}". Known tags: ${Object.keys(TAG_CATEGORIES).join(", ")}.`);
	}
	const categories = [...new Set(names.map((t) => TAG_CATEGORIES[t as keyof typeof TAG_CATEGORIES]))];
	if (categories.length > 1) {
		throw new ProxyError(400, "invalid_request", `Tags name more than one category (${categories.join(", ")}); search one category at a time.`);
	}
	return categories[0] ?? DEFAULT_CATEGORY;
}
