/// <reference types="@rbxts/testez/globals" />
import { AssetSearchResult } from "../../../shared/src/proxy-api";
import { callTool, errorOf, resultOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";

export = () => {
	const tree: AssetSearchResult = {
		id: 123456789,
		name: "Low Poly Pine",
		creator: "Roblox",
		type: "Model",
		thumbnailUrl: "rbxthumb://type=Asset&id=123456789&w=150&h=150",
	};

	it("searches through the context with category and limit, and lists id, name, creator and type", () => {
		const seen = new Array<string>();
		const context = createSpecContext(createSpecStudio(), (query, options) => {
			seen.push(`${query}|${options.tags}|${options.limit}`);
			return [tree, { ...tree, id: 42, name: "Oak", creator: "Builder" }];
		});
		expect(resultOf(callTool(context, "search_assets", { query: "pine tree", limit: 5 }))).to.equal(
			'2 Creator Store results for "pine tree" (model):\n123456789: "Low Poly Pine" by Roblox (Model)\n42: "Oak" by Builder (Model)',
		);
		callTool(context, "search_assets", { query: "door creak", category: "audio" });
		expect(seen.join(";")).to.equal("pine tree|model|5;door creak|audio|10");
	});

	it("says when nothing matches", () => {
		const context = createSpecContext(createSpecStudio(), () => []);
		expect(resultOf(callTool(context, "search_assets", { query: "zzz" }))).to.equal(
			'No Creator Store model assets match "zzz".',
		);
	});

	it("turns a failed search into an error naming the cause", () => {
		const context = createSpecContext(createSpecStudio(), () =>
			error("the proxy is not reachable at http://127.0.0.1:8787", 0),
		);
		expect(errorOf(callTool(context, "search_assets", { query: "tree" }))).to.equal(
			"Creator Store search failed: the proxy is not reachable at http://127.0.0.1:8787",
		);
	});

	it("validates category and limit", () => {
		const context = createSpecContext(createSpecStudio(), () => []);
		expect(errorOf(callTool(context, "search_assets", { query: "tree", category: "car", limit: 100 }))).to.equal(
			'Invalid arguments for search_assets: category: expected one of "model", "audio", "decal", "mesh", "plugin", "video", "font", got "car"; limit: expected an integer from 1 to 30, got 100',
		);
	});
};
