/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, resultOf } from "./dev/call-tool";
import { makeScript, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	it("returns the active script's path, class, line count and numbered editor text", () => {
		const main = makeScript(studio, "Script", "Main", root, "local x = 1\nprint(x)\n");
		studio.active = main;
		expect(resultOf(callTool(context, "get_active_script", {}))).to.equal(
			"Workspace/VectorToolsSpec/Main (Script), all 3 lines:\n1: local x = 1\n2: print(x)\n3: ",
		);
	});

	it("reads the editor's text (the unsaved draft), not a stale Source", () => {
		const main = makeScript(studio, "ModuleScript", "Util", root, "return {}");
		studio.texts.set(main, "return { draft = true }");
		studio.active = main;
		expect(contains(resultOf(callTool(context, "get_active_script", {})), "1: return { draft = true }")).to.equal(true);
	});

	it("says when no script is active", () => {
		expect(resultOf(callTool(context, "get_active_script", {}))).to.equal(
			"No script is active in Studio's editor. Use list_open_documents or search_scripts to find a script.",
		);
	});

	it("cuts a long script at the line cap and says where to continue", () => {
		const lines = new Array<string>();
		for (let i = 1; i <= 1000; i++) lines.push(`print(${i})`);
		studio.active = makeScript(studio, "Script", "Long", root, lines.join("\n"));
		const text = resultOf(callTool(context, "get_active_script", {}));
		expect(contains(text, "Workspace/VectorToolsSpec/Long (Script), lines 1–400 of 1000:\n1: print(1)\n")).to.equal(
			true,
		);
		expect(
			contains(text, "\n400: print(400)\n[cut: lines 401–1000 not shown; read them with read_script startLine 401]"),
		).to.equal(true);
		expect(contains(text, "401: print(401)")).to.equal(false);
	});

	it("cuts by characters when lines are long", () => {
		const lines = new Array<string>();
		for (let i = 1; i <= 100; i++) lines.push(string.rep("x", 500));
		studio.active = makeScript(studio, "Script", "Wide", root, lines.join("\n"));
		const text = resultOf(callTool(context, "get_active_script", {}));
		expect(contains(text, "lines 1–19 of 100:")).to.equal(true);
		expect(contains(text, "[cut: lines 20–100 not shown; read them with read_script startLine 20]")).to.equal(true);
	});

	it("rejects arguments it does not take", () => {
		expect(callTool(context, "get_active_script", { path: "x" }).kind).to.equal("error");
	});
};
