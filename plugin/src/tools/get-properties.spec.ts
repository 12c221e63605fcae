/// <reference types="@rbxts/testez/globals" />
import { HttpService, Workspace } from "@rbxts/services";
import { callTool, contains, errorOf, resultOf } from "./dev/call-tool";
import { makePart, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	let door: Part;
	const path = "Workspace/VectorToolsSpec/Door";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		door = makePart("Door", root, new Vector3(4, 7, 1));
		door.Color = Color3.fromRGB(255, 0, 0);
		door.Material = Enum.Material.Wood;
		door.Transparency = 0.25;
		door.SetAttribute("Locked", true);
		door.SetAttribute("Code", "1234");
		door.AddTag("Interactive");
	});
	afterEach(() => root.Destroy());

	/** The JSON after "Name: " on its line. */
	function valueOf(text: string, name: string): unknown {
		for (const line of text.split("\n")) {
			const [json] = line.match(`^${name}: (.*)$`);
			if (json !== undefined) return HttpService.JSONDecode(json as string);
		}
		throw `${name} not in:\n${text}`;
	}

	it("shows the common properties the instance has as JSON, with attributes and tags", () => {
		const text = resultOf(callTool(context, "get_properties", { path }));
		expect(text.split("\n")[0]).to.equal(`${path} (Part):`);
		expect(valueOf(text, "Anchored")).to.equal(true);
		const size = valueOf(text, "Size") as Array<number>;
		expect(`${size[0]},${size[1]},${size[2]}`).to.equal("4,7,1");
		const color = valueOf(text, "Color") as Array<number>;
		expect(`${color[0]},${color[1]},${color[2]}`).to.equal("255,0,0");
		expect(valueOf(text, "Material")).to.equal("Enum.Material.Wood");
		expect(valueOf(text, "Transparency")).to.equal(0.25);
		expect(contains(text, '\nAttribute Code: "1234"\nAttribute Locked: true\nTags: Interactive\n')).to.equal(true);
		expect(contains(text, "\nText:")).to.equal(false); // a Part has no Text
	});

	it("reads named properties, and instance references as paths", () => {
		const weld = new Instance("WeldConstraint");
		weld.Part0 = door;
		weld.Parent = door;
		const text = resultOf(
			callTool(context, "get_properties", { path: `${path}/WeldConstraint`, names: ["Part0", "Part1", "Enabled"] }),
		);
		expect(text).to.equal(`${path}/WeldConstraint (WeldConstraint):\nPart0: "${path}"\nPart1: "nil"\nEnabled: true`);
	});

	it("keeps the good names and notes the unknown ones; all unknown is an error", () => {
		const text = resultOf(callTool(context, "get_properties", { path, names: ["Anchored", "Colour"] }));
		expect(contains(text, "\nAnchored: true\n(")).to.equal(true);
		expect(contains(text, 'has no property "Colour"')).to.equal(true);
		expect(
			contains(errorOf(callTool(context, "get_properties", { path, names: ["Colour"] })), 'has no property "Colour"'),
		).to.equal(true);
	});

	it("refuses a missing path and a bad names list", () => {
		expect(
			contains(
				errorOf(callTool(context, "get_properties", { path: "Workspace/VectorToolsSpec/Window" })),
				'no child named "Window"',
			),
		).to.equal(true);
		expect(errorOf(callTool(context, "get_properties", { path, names: "Size" }))).to.equal(
			'Invalid arguments for get_properties: names: expected an array of 1–50 items, got "Size"',
		);
	});
};
