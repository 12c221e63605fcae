/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, errorOf, textOf } from "./dev/call-tool";
import { makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec/Main";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makeScript(studio, "Script", "Main", root, "local a = 1\nlocal b = 2\nlocal c = 3\n");
	});
	afterEach(() => root.Destroy());

	const edits = [{ start: { line: 1, character: 10 }, end: { line: 1, character: 11 }, newText: "20" }];

	it("returns the unified diff of the edits and changes nothing, in Act and Plan mode", () => {
		const before = snapshot(root, studio);
		for (const mode of ["act", "plan"] as const) {
			const outcome = callTool(context, "show_diff", { path, edits }, mode);
			expect(outcome.kind).to.equal("preview");
			expect(textOf(outcome)).to.equal(
				`Preview only, nothing changed: ${path} +1 line, −1 line. Line numbers in the hunks are 1-based.\n` +
					`--- a/${path}\n+++ b/${path}\n@@ -1,3 +1,3 @@\n local a = 1\n-local b = 2\n+local b = 20\n local c = 3\n`,
			);
		}
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("reports the same errors as apply_edit", () => {
		expect(
			errorOf(
				callTool(context, "show_diff", {
					path,
					edits: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 5 }, newText: "local" }],
				}),
			),
		).to.equal("the edit changes nothing: the result equals the script's current text");
		expect(
			errorOf(
				callTool(context, "show_diff", {
					path,
					edits: [
						{ start: { line: 0, character: 0 }, end: { line: 1, character: 3 }, newText: "" },
						{ start: { line: 1, character: 0 }, end: { line: 1, character: 1 }, newText: "" },
					],
				}),
			),
		).to.equal("edits[0] (0:0–1:3) and edits[1] (1:0–1:1) overlap; edits must not cover the same text");
	});
};
