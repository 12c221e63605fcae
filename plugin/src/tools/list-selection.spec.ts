/// <reference types="@rbxts/testez/globals" />
import { callTool, resultOf } from "./dev/call-tool";
import { makePart, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	it("lists selected instances with their paths and classes", () => {
		const a = makePart("Door", root);
		const b = makePart("Door", root);
		const model = new Instance("Model");
		model.Name = "Car.v2";
		model.Parent = root;
		studio.selection = [b, model, a];
		expect(resultOf(callTool(context, "list_selection", {}))).to.equal(
			"3 selected:\nWorkspace/VectorToolsSpec/Door[2] (Part)\nWorkspace/VectorToolsSpec/Car.v2 (Model)\nWorkspace/VectorToolsSpec/Door[1] (Part)",
		);
	});

	it("says when nothing is selected", () => {
		expect(resultOf(callTool(context, "list_selection", {}))).to.equal("Nothing is selected in Studio.");
	});

	it("lists at most 100 and counts the rest", () => {
		const parts = new Array<Instance>();
		for (let i = 1; i <= 130; i++) parts.push(makePart(`P${i}`, root));
		studio.selection = parts;
		const text = resultOf(callTool(context, "list_selection", {}));
		expect(text.split("\n").size()).to.equal(102);
		expect(text.find("\n%[cut: 30 more selected instances not listed%]$")[0]).to.be.ok();
	});
};
