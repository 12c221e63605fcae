import { describe, expect, it } from "vitest";
import { categoryFromTags, parseSearchParams } from "./search-params";

describe("parseSearchParams", () => {
	it("normalizes the query and applies defaults", () => {
		expect(parseSearchParams({ query: "  Low   POLY tree " })).toEqual({ query: "low poly tree", category: "Model", limit: 20 });
	});

	it("prefers query over its alias q", () => {
		expect(parseSearchParams({ query: "a", q: "b" }).query).toBe("a");
		expect(parseSearchParams({ q: "b" }).query).toBe("b");
	});

	it("reads limit and tags", () => {
		expect(parseSearchParams({ q: "x", limit: "50", tags: "Audio" })).toEqual({ query: "x", category: "Audio", limit: 50 });
	});
});

describe("categoryFromTags", () => {
	it.each([
		[undefined, "Model"],
		["", "Model"],
		["mesh", "MeshPart"],
		["sound, music ,audio", "Audio"],
		["image,decal", "Decal"],
		["font", "FontFamily"],
		["plugins", "Plugin"],
		["video", "Video"],
	])("%j → %s", (tags, category) => {
		expect(categoryFromTags(tags)).toBe(category);
	});

	it("refuses unknown tags and mixed categories", () => {
		expect(() => categoryFromTags("car")).toThrow(/Unknown tag "car"/);
		expect(() => categoryFromTags("toString")).toThrow(/Unknown tag/);
		expect(() => categoryFromTags("audio,model")).toThrow(/more than one category/);
	});
});
