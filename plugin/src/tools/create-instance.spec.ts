/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makePart, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	it("proposes a create_instance operation with decodable properties, creating nothing yet", () => {
		makePart("Lamp", root);
		const before = snapshot(root, studio);
		const outcome = callTool(context, "create_instance", {
			parentPath: `${path}/Lamp`,
			className: "PointLight",
			name: "Glow",
			properties: { Brightness: 2, Color: "#ffcc00", Range: 12, Shadows: true },
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(
			`Create PointLight "Glow" in ${path}/Lamp (Part) with Brightness, Color, Range, Shadows`,
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "create_instance") throw "wrong operation";
		expect(operation.parentPath).to.equal(`${path}/Lamp`);
		expect(operation.className).to.equal("PointLight");
		expect(operation.name).to.equal("Glow");
		expect(operation.properties.Color).to.equal("#ffcc00");
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("names the instance after its class by default and accepts no properties", () => {
		const outcome = callTool(context, "create_instance", { parentPath: path, className: "Folder" });
		if (outcome.kind !== "proposal") throw "expected a proposal";
		const operation = outcome.operations[0];
		if (operation.kind !== "create_instance") throw "wrong operation";
		expect(operation.name).to.equal("Folder");
		expect(outcome.summary).to.equal(`Create Folder "Folder" in ${path} (Folder)`);
	});

	it("refuses unknown and non-creatable classes, scripts, bad values and unknown properties, changing nothing", () => {
		const before = snapshot(root, studio);
		expect(errorOf(callTool(context, "create_instance", { parentPath: path, className: "Prat" }))).to.equal(
			'className: "Prat" is not a Roblox class that can be created with Instance.new (check the spelling and capitalisation)',
		);
		expect(
			contains(
				errorOf(callTool(context, "create_instance", { parentPath: path, className: "Workspace" })),
				"is not a Roblox class that can be created with Instance.new",
			),
		).to.equal(true);
		expect(errorOf(callTool(context, "create_instance", { parentPath: path, className: "Script" }))).to.equal(
			"className: use create_script to create a Script",
		);
		const bad = errorOf(
			callTool(context, "create_instance", {
				parentPath: path,
				className: "Part",
				properties: { Size: [1, 2], Colour: [1, 2, 3] },
			}),
		);
		expect(contains(bad, "properties.Colour:")).to.equal(true);
		expect(contains(bad, 'has no property "Colour"')).to.equal(true);
		expect(contains(bad, "properties.Size: Size is a Vector3")).to.equal(true);
		expect(
			errorOf(callTool(context, "create_instance", { parentPath: path, className: "Part", properties: { Name: "X" } })),
		).to.equal("properties.Name: give the name in the name argument instead");
		expect(
			contains(
				errorOf(callTool(context, "create_instance", { parentPath: "game", className: "Part" })),
				"nothing can be created directly under game",
			),
		).to.equal(true);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("proposes a whole tree with attributes and tags in one operation, checking every level now", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "create_instance", {
			parentPath: path,
			className: "Model",
			name: "Classroom",
			tags: ["Lesson"],
			attributes: { Grade: 5 },
			children: [
				{ className: "Part", name: "Floor", properties: { Anchored: true, Size: [40, 1, 40] } },
				{
					className: "Part",
					name: "Station",
					attributes: { StationId: "halves" },
					tags: ["VectorQuizStation"],
					children: [{ className: "PointLight" }],
				},
			],
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(`Create Model "Classroom" in ${path} (Folder) (tagged Lesson) and 3 instances inside`);
		const operation = outcome.operations[0];
		if (operation.kind !== "create_instance") throw "wrong operation";
		expect(operation.children!.size()).to.equal(2);
		expect(operation.children![1].attributes!.StationId).to.equal("halves");
		expect(operation.children![1].children![0].name).to.equal("PointLight");
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("names the child at fault in a tree: bad class, bad value, script, bad attribute, wrong shape", () => {
		const call = (children: unknown) => errorOf(callTool(context, "create_instance", { parentPath: path, className: "Model", children }));
		expect(contains(call([{ className: "Part" }, { className: "Prat" }]), 'children[1].className: "Prat" is not a Roblox class')).to.equal(true);
		expect(contains(call([{ className: "Part", children: [{ className: "PointLight", properties: { Range: "far" } }] }]), "children[0].children[0].properties.Range:")).to.equal(true);
		expect(contains(call([{ className: "Script" }]), "children[0].className: a Script cannot be a child here; use create_script")).to.equal(true);
		expect(contains(call([{ className: "Part", attributes: { "RBXId": 1 } }]), 'children[0].attributes.RBXId: attribute names starting with "RBX" are reserved')).to.equal(true);
		expect(contains(call([{ className: "Part", attributes: { "Has space": 1 } }]), "children[0].attributes.Has space: attribute names use only letters, digits and underscores")).to.equal(true);
		expect(contains(call([{ className: "Part", attributes: { Pos: [1, 2] } }]), "children[0].attributes.Pos: expected a string, number or boolean")).to.equal(true);
		expect(contains(call(["Part"]), "children[0]:")).to.equal(true);
	});

	it("refuses trees that are too big or too deep", () => {
		const many = new Array<object>();
		for (let i = 0; i < 201; i++) many.push({ className: "Folder" });
		expect(contains(errorOf(callTool(context, "create_instance", { parentPath: path, className: "Model", children: many })), "children")).to.equal(true);
		let deep: Record<string, unknown> = { className: "Folder" };
		for (let i = 0; i < 9; i++) deep = { className: "Folder", children: [deep] };
		expect(
			contains(errorOf(callTool(context, "create_instance", { parentPath: path, className: "Model", children: [deep] })), "nested more than 8 levels deep"),
		).to.equal(true);
	});
};
