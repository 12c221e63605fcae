/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, resultOf } from "./dev/call-tool";
import { makeScript, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	it("lists open tabs with class, line count, drafts and the active one", () => {
		const main = makeScript(studio, "Script", "Main", root, "a\nb");
		const util = makeScript(studio, "ModuleScript", "Util", root, "return {}");
		studio.documents = [
			{ script: main, lineCount: 2, hasDraft: false },
			{ script: util, lineCount: 1, hasDraft: true },
		];
		studio.active = util;
		expect(resultOf(callTool(context, "list_open_documents", {}))).to.equal(
			"2 open script tabs:\nWorkspace/VectorToolsSpec/Main (Script), 2 lines\n" +
				"Workspace/VectorToolsSpec/Util (ModuleScript), 1 line, unsaved changes, active",
		);
	});

	it("says when no tab is open", () => {
		expect(resultOf(callTool(context, "list_open_documents", {}))).to.equal("No script tabs are open in Studio.");
	});
};
