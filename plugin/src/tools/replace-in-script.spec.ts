/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec/Shop";
	const text = [
		"local Shop = {}",
		"",
		"function Shop.buy(player, item)",
		"\tif player.Coins < item.Price then",
		"\t\treturn false",
		"\tend",
		"\tplayer.Coins -= item.Price",
		"\treturn true",
		"end",
		"",
		"return Shop",
		"",
	].join("\n");
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makeScript(studio, "ModuleScript", "Shop", root, text);
	});
	afterEach(() => root.Destroy());

	it("proposes the replaced text, matching quotes exactly or ignoring indentation", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "replace_in_script", {
			path,
			blocks: [
				{ search: "\t\treturn false", replace: '\t\twarn("too poor")\n\t\treturn false' },
				// quoted with spaces instead of the file's tabs
				{
					search: "    player.Coins -= item.Price\n    return true",
					replace: "    player.Coins -= item.Price\n    item.Sold += 1\n    return true",
				},
			],
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		const operation = outcome.operations[0];
		if (operation.kind !== "edit_script") throw "not an edit";
		expect(operation.path).to.equal(path);
		expect(operation.base).to.equal(text);
		expect(contains(operation.after, '\t\twarn("too poor")\n\t\treturn false\n')).to.equal(true);
		expect(contains(operation.after, "\tplayer.Coins -= item.Price\n\titem.Sold += 1\n\treturn true\nend")).to.equal(
			true,
		);
		expect(outcome.summary).to.equal(`Edit ${path} (+2 lines, −0 lines)`);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("shows the nearest candidates when the quote matches nowhere", () => {
		const message = errorOf(
			callTool(context, "replace_in_script", {
				path,
				blocks: [{ search: "if player.Gems < item.Price then", replace: "x" }],
			}),
		);
		expect(contains(message, "blocks[0]: the search text was not found")).to.equal(true);
		expect(contains(message, "Nearest candidates (zero-based lines): line 3")).to.equal(true);
		expect(contains(message, '"if player.Coins < item.Price then"')).to.equal(true);
	});

	it("refuses an ambiguous quote, naming where it occurs", () => {
		const message = errorOf(
			callTool(context, "replace_in_script", { path, blocks: [{ search: "end", replace: "finish" }] }),
		);
		expect(contains(message, "blocks[0]: the search text occurs")).to.equal(true);
		expect(contains(message, "quote more surrounding lines")).to.equal(true);
	});

	it("refuses overlapping blocks, a no-op and an empty search, changing nothing", () => {
		const before = snapshot(root, studio);
		expect(
			contains(
				errorOf(
					callTool(context, "replace_in_script", {
						path,
						blocks: [
							{ search: "\treturn true\nend", replace: "" },
							{ search: "end\n\nreturn Shop", replace: "" },
						],
					}),
				),
				"overlap",
			),
		).to.equal(true);
		expect(
			errorOf(
				callTool(context, "replace_in_script", { path, blocks: [{ search: "return Shop", replace: "return Shop" }] }),
			),
		).to.equal("the edit changes nothing: the result equals the script's current text");
		expect(errorOf(callTool(context, "replace_in_script", { path, blocks: [{ search: "", replace: "x" }] }))).to.equal(
			"Invalid arguments for replace_in_script: blocks[0].search: expected a non-empty string, got an empty string",
		);
		expect(snapshot(root, studio)).to.equal(before);
	});
};
