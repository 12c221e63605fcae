/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, errorOf, resultOf } from "./dev/call-tool";
import { makePart, makeScript, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const text = [
		'local Players = game:GetService("Players")',
		"",
		"local function greet(player)",
		'\tprint("hi", player.Name)',
		"end",
		"",
		"Players.PlayerAdded:Connect(greet)",
	].join("\n");
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makeScript(studio, "Script", "Greeter", root, text);
	});
	afterEach(() => root.Destroy());

	const path = "Workspace/VectorToolsSpec/Greeter";

	it("reads the whole script with 1-based line numbers", () => {
		const result = resultOf(callTool(context, "read_script", { path }));
		expect(result).to.equal(
			`${path} (Script), all 7 lines:\n1: local Players = game:GetService("Players")\n2: \n3: local function greet(player)\n` +
				`4: \tprint("hi", player.Name)\n5: end\n6: \n7: Players.PlayerAdded:Connect(greet)`,
		);
	});

	it("reads a line range, and clamps an end past the last line", () => {
		expect(resultOf(callTool(context, "read_script", { path, startLine: 3, endLine: 5 }))).to.equal(
			`${path} (Script), lines 3–5 of 7:\n3: local function greet(player)\n4: \tprint("hi", player.Name)\n5: end`,
		);
		expect(resultOf(callTool(context, "read_script", { path, startLine: 7, endLine: 99 }))).to.equal(
			`${path} (Script), lines 7–7 of 7:\n7: Players.PlayerAdded:Connect(greet)`,
		);
	});

	it("refuses ranges outside the script or backwards", () => {
		expect(errorOf(callTool(context, "read_script", { path, startLine: 8 }))).to.equal(
			`startLine 8 is past the end: "${path}" has 7 lines`,
		);
		expect(errorOf(callTool(context, "read_script", { path, startLine: 5, endLine: 4 }))).to.equal(
			"endLine 4 comes before startLine 5",
		);
		expect(errorOf(callTool(context, "read_script", { path, startLine: 0 }))).to.equal(
			"Invalid arguments for read_script: startLine: expected an integer ≥ 1, got 0",
		);
	});

	it("refuses a missing path, an ambiguous path and a non-script", () => {
		expect(errorOf(callTool(context, "read_script", { path: "Workspace/VectorToolsSpec/Nope" }))).to.equal(
			'path: no child named "Nope" under "Workspace/VectorToolsSpec"; its children: Greeter',
		);
		makeScript(studio, "Script", "Greeter", root, "");
		expect(errorOf(callTool(context, "read_script", { path }))).to.equal(
			'path: "Workspace/VectorToolsSpec" has 2 children named "Greeter": add an index, e.g. "Greeter[1]" … "Greeter[2]"',
		);
		makePart("Floor", root);
		expect(errorOf(callTool(context, "read_script", { path: "Workspace/VectorToolsSpec/Floor" }))).to.equal(
			'path: "Workspace/VectorToolsSpec/Floor" is a Part, not a script (Script, LocalScript or ModuleScript)',
		);
	});

	it("reads the second of two same-named scripts by index", () => {
		makeScript(studio, "ModuleScript", "Greeter", root, "return 2");
		expect(resultOf(callTool(context, "read_script", { path: `${path}[2]` }))).to.equal(
			`${path}[2] (ModuleScript), all 1 line:\n1: return 2`,
		);
	});
};
