/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { resolvePath } from "../studio/instance-path";
import { callTool, contains, errorOf, resultOf } from "./dev/call-tool";
import { makeFolder, makePart, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	const path = "Workspace/VectorToolsSpec";

	function buildMap() {
		const map = new Instance("Model");
		map.Name = "Map";
		map.Parent = root;
		const door = new Instance("Model");
		door.Name = "Door";
		door.Parent = map;
		makePart("Panel", door);
		makePart("Hinge", door);
		makePart("Wall", map);
		makePart("Wall", map);
		makeFolder("a/b.c", root);
	}

	it("lists one level by default with classes and child counts", () => {
		buildMap();
		expect(resultOf(callTool(context, "list_children", { path }))).to.equal(
			`${path} (Folder) — 2 children\n  Map (Model) — 3 children\n  a\\/b.c (Folder)`,
		);
	});

	it("lists deeper levels with segments that join into resolvable paths", () => {
		buildMap();
		const text = resultOf(callTool(context, "list_children", { path, depth: 3 }));
		expect(text).to.equal(
			`${path} (Folder) — 2 children\n` +
				"  Map (Model) — 3 children\n" +
				"    Door (Model) — 2 children\n" +
				"      Panel (Part)\n" +
				"      Hinge (Part)\n" +
				"    Wall[1] (Part)\n" +
				"    Wall[2] (Part)\n" +
				"  a\\/b.c (Folder)",
		);
		const wall = resolvePath(game, `${path}/Map/Wall[2]`);
		expect(wall.ok).to.equal(true);
		expect(resolvePath(game, `${path}/a\\/b.c`).ok).to.equal(true);
	});

	it("lists the services under game", () => {
		const text = resultOf(callTool(context, "list_children", { path: "game" }));
		expect(contains(text, "\n  Workspace (Workspace)")).to.equal(true);
	});

	it("fills the node cap breadth-first and says what it left out", () => {
		const left = makeFolder("Left", root);
		const right = makeFolder("Right", root);
		for (let i = 1; i <= 150; i++) makeFolder(`L${i}`, left);
		for (let i = 1; i <= 150; i++) makeFolder(`R${i}`, right);
		const text = resultOf(callTool(context, "list_children", { path, depth: 2 }));
		expect(contains(text, "  Left (Folder) — 150 children\n    L1 (Folder)\n")).to.equal(true);
		expect(contains(text, "  Right (Folder) — 150 children, 48 listed\n")).to.equal(true);
		expect(contains(text, "R48 (Folder)")).to.equal(true);
		expect(contains(text, "R49 (Folder)")).to.equal(false);
		expect(
			contains(
				text,
				"[cut: the 200-instance cap left 102 children unlisted; narrow the request with list_children on a deeper path or a smaller depth]",
			),
		).to.equal(true);
	});

	it("refuses a missing path, an ambiguous one and a depth outside 1–5", () => {
		makePart("Wall", root);
		makePart("Wall", root);
		expect(errorOf(callTool(context, "list_children", { path: `${path}/Nope` }))).to.equal(
			`path: no child named "Nope" under "${path}"; its children: Wall, Wall`,
		);
		expect(errorOf(callTool(context, "list_children", { path: `${path}/Wall` }))).to.equal(
			`path: "${path}" has 2 children named "Wall": add an index, e.g. "Wall[1]" … "Wall[2]"`,
		);
		expect(errorOf(callTool(context, "list_children", { path, depth: 6 }))).to.equal(
			"Invalid arguments for list_children: depth: expected an integer from 1 to 5, got 6",
		);
	});
};
