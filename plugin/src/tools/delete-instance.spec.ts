/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { formatPath } from "../studio/instance-path";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makePart, makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		const model = new Instance("Model");
		model.Name = "OldMap";
		model.Parent = root;
		makePart("Floor", model);
		makeScript(studio, "Script", "Spawner", model, "print(1)");
	});
	afterEach(() => root.Destroy());

	it("proposes a delete that says what goes with it, deleting nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "delete_instance", {
			path: `${path}/OldMap`,
			reason: "Replaced by the new map.",
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(
			`Delete ${path}/OldMap (Model) and its 2 descendants (1 script): Replaced by the new map.`,
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "delete_instance") throw "wrong operation";
		expect(operation.path).to.equal(`${path}/OldMap`);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("refuses services, game, Terrain and the workspace camera", () => {
		const camera = Workspace.CurrentCamera;
		if (camera !== undefined) {
			const cameraPath = formatPath(camera);
			expect(errorOf(callTool(context, "delete_instance", { path: cameraPath }))).to.equal(
				`path: "${cameraPath}" cannot be deleted: it is the workspace's camera`,
			);
		}
		for (const [target, why] of [
			["ServerScriptService", "it is the ServerScriptService service"],
			["Workspace", "it is the Workspace service"],
			["game", "it is the DataModel (game)"],
			["Workspace/Terrain", "it is the place's Terrain"],
		]) {
			expect(errorOf(callTool(context, "delete_instance", { path: target }))).to.equal(
				`path: "${target}" cannot be deleted: ${why}`,
			);
		}
	});

	it("refuses a missing path and a malformed one", () => {
		expect(
			contains(errorOf(callTool(context, "delete_instance", { path: `${path}/NewMap` })), 'no child named "NewMap"'),
		).to.equal(true);
		expect(
			contains(errorOf(callTool(context, "delete_instance", { path: `${path}/OldMap]` })), 'unexpected "]"'),
		).to.equal(true);
	});
};
