/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, errorOf } from "./dev/call-tool";
import { makeFolder, makePart, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		const props = makeFolder("Props", root);
		makePart("Crate", props);
		makeFolder("Inner", props);
		makeFolder("Storage", root);
	});
	afterEach(() => root.Destroy());

	it("proposes a move, moving nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "move_instance", {
			path: `${path}/Props/Crate`,
			newParentPath: `${path}/Storage`,
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(`Move ${path}/Props/Crate (Part) into ${path}/Storage (Folder)`);
		const operation = outcome.operations[0];
		if (operation.kind !== "move_instance") throw "wrong operation";
		expect(operation.path).to.equal(`${path}/Props/Crate`);
		expect(operation.newParentPath).to.equal(`${path}/Storage`);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("refuses moves into itself or its descendants, to where it is, to game, and of services", () => {
		expect(
			errorOf(callTool(context, "move_instance", { path: `${path}/Props`, newParentPath: `${path}/Props/Inner` })),
		).to.equal(
			`newParentPath: "${path}/Props/Inner" is inside "${path}/Props" itself; an instance cannot be moved into itself`,
		);
		expect(
			errorOf(callTool(context, "move_instance", { path: `${path}/Props`, newParentPath: `${path}/Props` })),
		).to.equal(
			`newParentPath: "${path}/Props" is inside "${path}/Props" itself; an instance cannot be moved into itself`,
		);
		expect(
			errorOf(callTool(context, "move_instance", { path: `${path}/Props/Crate`, newParentPath: `${path}/Props` })),
		).to.equal(`newParentPath: "${path}/Props/Crate" is already a child of "${path}/Props"`);
		expect(errorOf(callTool(context, "move_instance", { path: `${path}/Props`, newParentPath: "game" }))).to.equal(
			"newParentPath: only services live directly under game; choose a service or a folder",
		);
		expect(errorOf(callTool(context, "move_instance", { path: "Workspace/Terrain", newParentPath: path }))).to.equal(
			`path: "Workspace/Terrain" cannot be moved: it is the place's Terrain`,
		);
		expect(errorOf(callTool(context, "move_instance", { path: "ReplicatedStorage", newParentPath: path }))).to.equal(
			'path: "ReplicatedStorage" cannot be moved: it is the ReplicatedStorage service',
		);
	});
};
