/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makePart, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec/Door";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makePart("Door", root);
	});
	afterEach(() => root.Destroy());

	it("proposes set_properties with values checked against the live instance, changing nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "set_properties", {
			path,
			properties: { Size: [4, 7, 1], Color: [120, 80, 40], Material: "Wood", Transparency: 0.1 },
			reason: "Make it look like a door.",
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(
			`Set Color, Material, Size, Transparency of ${path} (Part): Make it look like a door.`,
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "set_properties") throw "wrong operation";
		expect(operation.path).to.equal(path);
		expect(operation.properties.Material).to.equal("Wood");
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("refuses values that do not decode, naming the expected type", () => {
		const message = errorOf(
			callTool(context, "set_properties", { path, properties: { Material: "Woodd", Anchored: "yes" } }),
		);
		expect(contains(message, "properties.Anchored:")).to.equal(true);
		expect(contains(message, "properties.Material:")).to.equal(true);
	});

	it("refuses unknown, read-only and operation-owned properties, and an empty list", () => {
		const before = snapshot(root, studio);
		expect(
			contains(
				errorOf(callTool(context, "set_properties", { path, properties: { Colour: [1, 1, 1] } })),
				'has no property "Colour"',
			),
		).to.equal(true);
		expect(
			contains(errorOf(callTool(context, "set_properties", { path, properties: { Mass: 3 } })), "read-only"),
		).to.equal(true);
		expect(
			contains(
				errorOf(callTool(context, "set_properties", { path, properties: { Parent: "Workspace" } })),
				"move_instance",
			),
		).to.equal(true);
		expect(errorOf(callTool(context, "set_properties", { path, properties: {} }))).to.equal(
			"Invalid arguments for set_properties: properties: expected an object of 1–50 entries, got 0 entries",
		);
		expect(
			contains(
				errorOf(callTool(context, "set_properties", { path: `${path}s`, properties: { Anchored: true } })),
				'no child named "Doors"',
			),
		).to.equal(true);
		expect(snapshot(root, studio)).to.equal(before);
	});
};
