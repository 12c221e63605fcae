import { describe, expect, it } from "vitest";
import { embedLessonKit, KitShapeError } from "./lesson-kit.js";
import type { TreeNode } from "./tree.js";

const node = (name: string, className: string, children: TreeNode[] = [], properties: TreeNode["properties"] = {}): TreeNode => ({
	name,
	className,
	properties,
	children,
});

function game(version: TreeNode["properties"] = { Value: { type: "string", value: "2.3.4" } }, extra: TreeNode[] = []): TreeNode {
	return node("Kit", "DataModel", [
		node("ReplicatedStorage", "ReplicatedStorage", [
			node("VectorLessonKit", "Folder", [
				node("KitVersion", "StringValue", [], version),
				node("shared", "Folder", [node("names", "ModuleScript"), node("names.spec", "ModuleScript")]),
			]),
		]),
		node("ServerScriptService", "ServerScriptService", [
			node("VectorLessonKit", "Script", [], { Source: { type: "ProtectedString", value: "print(1)" } }),
		]),
		...extra,
	]);
}

describe("embedLessonKit", () => {
	it("reports what it left out and keeps origins for the copies", () => {
		const project = game();
		const names = project.children[0].children[0].children[1].children[0];
		const origins = new Map<TreeNode, string>([[names, "out/shared/names.luau"]]);
		const out = new Map<TreeNode, string>();
		const kit = embedLessonKit(project, origins, out);
		expect(kit.dropped).toEqual(["LessonKit/ReplicatedStorage/VectorLessonKit/shared/names.spec"]);
		expect(kit.version).toMatch(/^2\.3\.4\+[0-9a-f]{12}$/);
		expect([...out.values()]).toEqual(["out/shared/names.luau"]);
		// The project's own tree is left as it was.
		expect(project.children[1].children[0].properties.Disabled).toBeUndefined();
	});

	it("needs a DataModel root", () => {
		expect(() => embedLessonKit(node("Kit", "Folder"), new Map(), new Map())).toThrow(
			new KitShapeError("the lesson kit project's root must be a DataModel (a game), not a Folder"),
		);
	});

	it("needs a KitVersion StringValue holding major.minor.patch", () => {
		const message =
			'the lesson kit needs LessonKit/ReplicatedStorage/VectorLessonKit/KitVersion: a StringValue whose Value is "major.minor.patch"';
		expect(() => embedLessonKit(game({ Value: { type: "string", value: "v1" } }), new Map(), new Map())).toThrow(message);
		expect(() => embedLessonKit(game({}), new Map(), new Map())).toThrow(message);
	});

	it("refuses an empty container: nothing may sit outside a kit root", () => {
		expect(() => embedLessonKit(game(undefined, [node("Workspace", "Workspace")]), new Map(), new Map())).toThrow(
			"LessonKit/Workspace (a Workspace) is outside every VectorLessonKit root",
		);
	});
});
