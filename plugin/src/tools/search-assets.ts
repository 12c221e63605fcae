/**
 * search_assets: Creator Store search through the Vector proxy (Studio cannot call roblox.com
 * itself), so the model can find a model, sound or decal to insert with insert_asset.
 */
import * as s from "./schema";
import { ToolDefinition } from "./tool";
import { thrownReason } from "./thrown-reason";

const args = s.object(
	{
		query: s.text({ description: 'Search words, e.g. "low poly pine tree".', minLength: 1, maxLength: 100 }),
		category: s.optional(
			s.literals(["model", "audio", "decal", "mesh", "plugin", "video", "font"], {
				description: "Creator Store category (default: model).",
			}),
		),
		limit: s.optional(s.integer({ description: "Most results, 1–30 (default 10).", min: 1, max: 30 })),
	},
	{ description: "What to search the Creator Store for." },
);

export const searchAssets: ToolDefinition<s.Infer<typeof args>> = {
	name: "search_assets",
	description:
		"Searches the Roblox Creator Store. Returns one line per asset: id, name, creator and type. Insert a " +
		"model with insert_asset using its id; free models can carry scripts, which insert_asset scans.",
	kind: "read",
	args,
	execute(a, context) {
		const category = a.category ?? "model";
		const [ok, found] = pcall(() => context.searchAssets(a.query, { tags: category, limit: a.limit ?? 10 }));
		if (!ok) {
			const reason = thrownReason(found);
			return { kind: "error", message: `Creator Store search failed: ${reason}` };
		}
		const results = found as ReadonlyArray<{ id: number; name: string; creator: string; type: string }>;
		if (results.size() === 0)
			return { kind: "result", text: `No Creator Store ${category} assets match "${a.query}".` };
		const lines = results.map((r) => `${string.format("%d", r.id)}: "${r.name}" by ${r.creator} (${r.type})`);
		return {
			kind: "result",
			text: `${results.size()} Creator Store result${results.size() === 1 ? "" : "s"} for "${a.query}" (${category}):\n${lines.join("\n")}`,
		};
	},
};
