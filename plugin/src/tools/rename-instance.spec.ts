/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, errorOf } from "./dev/call-tool";
import { makePart, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makePart("Part", root);
		makePart("Part", root);
	});
	afterEach(() => root.Destroy());

	it("proposes a rename by canonical path, renaming nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "rename_instance", { path: `${path}/Part[2]`, newName: "Door.Left" });
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(`Rename ${path}/Part[2] (Part) to "Door.Left"`);
		const operation = outcome.operations[0];
		if (operation.kind !== "rename_instance") throw "wrong operation";
		expect(operation.path).to.equal(`${path}/Part[2]`);
		expect(operation.newName).to.equal("Door.Left");
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("refuses services, game, the same name, an ambiguous path and a long name", () => {
		expect(errorOf(callTool(context, "rename_instance", { path: "Workspace", newName: "World" }))).to.equal(
			'path: "Workspace" cannot be renamed: it is the Workspace service',
		);
		expect(errorOf(callTool(context, "rename_instance", { path: "game", newName: "x" }))).to.equal(
			'path: "game" cannot be renamed: it is the DataModel (game)',
		);
		expect(errorOf(callTool(context, "rename_instance", { path: `${path}/Part[1]`, newName: "Part" }))).to.equal(
			`newName: "${path}/Part[1]" is already named "Part"`,
		);
		expect(errorOf(callTool(context, "rename_instance", { path: `${path}/Part`, newName: "Door" }))).to.equal(
			`path: "${path}" has 2 children named "Part": add an index, e.g. "Part[1]" … "Part[2]"`,
		);
		expect(
			errorOf(callTool(context, "rename_instance", { path: `${path}/Part[1]`, newName: string.rep("x", 101) })),
		).to.equal(
			"Invalid arguments for rename_instance: newName: expected a string of 1–100 characters, got 101 characters",
		);
	});
};
