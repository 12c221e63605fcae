import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadReflection } from "./reflection.js";
import { readRojoFolder, readRojoProject } from "./rojo.js";
import { FIXTURES, REPO_ROOT, writeTempTree } from "./test-support.js";
import { walkTree, type PropValue, type TreeNode } from "./tree.js";

const reflection = loadReflection(REPO_ROOT);
const CONVENTIONS = path.join(FIXTURES, "conventions");

function readConventions() {
	return readRojoProject(path.join(CONVENTIONS, "default.project.json"), { reflection });
}

function find(tree: TreeNode, wanted: string): TreeNode {
	let found: TreeNode | undefined;
	walkTree([tree], (node, p) => {
		if (p === wanted) found = node;
	});
	if (found === undefined) throw new Error(`no node at ${wanted}`);
	return found;
}

const source = (node: TreeNode): string => {
	const value = node.properties.Source;
	return value?.type === "ProtectedString" ? value.value : "(no source)";
};
const runContext = (value: number): PropValue => ({ type: "token", value, enum: "RunContext" });

/** Builds a throwaway project from files and reads it. */
function readTemp(files: Record<string, string>, project = "default.project.json") {
	const dir = writeTempTree(files);
	return readRojoProject(path.join(dir, project), { reflection });
}

describe("Rojo file conventions (fixture folder)", () => {
	it("produces the instances Rojo would, children sorted by file name", () => {
		const { tree } = readConventions();
		const listing: string[] = [];
		walkTree([tree], (node, p) => listing.push(`${p} ${node.className}`));
		expect(listing).toEqual([
			"Conventions Folder",
			"Conventions/Folder Folder",
			"Conventions/Folder/Deeper Folder",
			"Conventions/Folder/Deeper/leaf ModuleScript",
			"Conventions/Folder/nested ModuleScript",
			"Conventions/asset Model",
			"Conventions/asset/Base Part",
			"Conventions/config Configuration",
			"Conventions/config/value ModuleScript",
			"Conventions/crlf ModuleScript",
			"Conventions/data ModuleScript",
			"Conventions/initclient LocalScript",
			"Conventions/initmodule ModuleScript",
			"Conventions/initmodule/child ModuleScript",
			"Conventions/initserver Script",
			"Conventions/inner Model",
			"Conventions/inner/Handle Part",
			"Conventions/legacy Script",
			"Conventions/main Script",
			"Conventions/notes StringValue",
			"Conventions/Named StringValue",
			"Conventions/part Part",
			"Conventions/part/Light PointLight",
			"Conventions/part/Attachment Attachment",
			"Conventions/tool Script",
			"Conventions/ui LocalScript",
			"Conventions/util ModuleScript",
			"Conventions/util.spec ModuleScript",
			// Project children come after the $path's children.
			"Conventions/ProjectPart Part",
		]);
	});

	it("gives scripts their Source and the RunContext Rojo sets (Legacy for .server, Plugin for .plugin or meta)", () => {
		const { tree } = readConventions();
		expect(find(tree, "Conventions/main").properties).toEqual({
			Source: { type: "ProtectedString", value: 'print("main")\n' },
			RunContext: runContext(3),
		});
		expect(find(tree, "Conventions/legacy").properties.RunContext).toEqual(runContext(0));
		expect(find(tree, "Conventions/tool").properties.RunContext).toEqual(runContext(3));
		expect(find(tree, "Conventions/ui").properties.RunContext).toBeUndefined();
		expect(find(tree, "Conventions/util").properties.RunContext).toBeUndefined();
		expect(source(find(tree, "Conventions/util.spec"))).toBe("return function() end\n");
		expect(source(find(tree, "Conventions/crlf"))).toBe('return "crlf"\nlocal _ = 1\n');
	});

	it("turns init files into their folder's script and applies init.meta.json", () => {
		const { tree } = readConventions();
		expect(source(find(tree, "Conventions/initmodule"))).toBe("return { child = true }\n");
		expect(find(tree, "Conventions/initserver").properties).toEqual({
			Source: { type: "ProtectedString", value: 'print("server init")\n' },
			RunContext: runContext(0),
			Disabled: { type: "bool", value: true },
		});
		expect(source(find(tree, "Conventions/initclient"))).toBe('print("client init")\n');
		const config = find(tree, "Conventions/config");
		expect(config.attributes).toEqual({ Enabled: { type: "bool", value: true } });
	});

	it("turns .json into a Luau table module, .txt into a StringValue, .model.json and .rbxmx into instances", () => {
		const { tree, warnings } = readConventions();
		expect(source(find(tree, "Conventions/data"))).toBe(
			'return {\n\tlist = {1, 2.5, true, nil},\n\tname = "Vector",\n\tnested = {\n\t\t["end"] = "kw",\n\t\tok = "x",\n\t},\n}',
		);
		// notes.txt's Value is overridden by notes.meta.json; its className there is ignored, as Rojo does.
		expect(find(tree, "Conventions/notes").properties).toEqual({ Value: { type: "string", value: "overridden by meta?" } });
		expect(warnings).toEqual(["src/notes.meta.json: className is ignored in adjacent meta files (Rojo reads it only from init.meta.json)"]);
		const part = find(tree, "Conventions/part");
		expect(part.properties).toEqual({ Anchored: { type: "bool", value: true }, Size: { type: "Vector3", value: [2, 2, 2] } });
		expect(part.attributes).toEqual({ Health: { type: "double", value: 100 } });
		expect(find(tree, "Conventions/part/Light").properties).toEqual({ Brightness: { type: "float", value: 2 } });
		const asset = find(tree, "Conventions/asset");
		const base = find(tree, "Conventions/asset/Base");
		expect(asset.properties.PrimaryPart).toEqual({ type: "Ref", value: base.referent });
		expect(base.referent).toMatch(/^RBXM0_/);
	});

	it("loads nested projects by folder (default.project.json) and by file (x.project.json)", () => {
		const { tree } = readConventions();
		// A folder holding default.project.json is that project; its own files are not read.
		expect(find(tree, "Conventions/inner").children.map((c) => c.name)).toEqual(["Handle"]);
		expect(find(tree, "Conventions/Named").properties).toEqual({ Value: { type: "string", value: "from other" } });
	});

	it("resolves $properties and $attributes, implicit and explicit", () => {
		const { tree } = readConventions();
		const part = find(tree, "Conventions/ProjectPart");
		expect(part.properties).toEqual({
			Anchored: { type: "bool", value: true },
			Size: { type: "Vector3", value: [4, 1, 2] },
			Color: { type: "Color3", value: [1, 0.5, 0] },
			Material: { type: "token", value: 288, enum: "Material" },
			Transparency: { type: "float", value: 0.25 },
			CFrame: { type: "CFrame", value: [1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1] },
		});
		expect(part.tags).toEqual(["Spinning", "Lit"]);
		expect(part.attributes).toEqual({
			Speed: { type: "double", value: 12 },
			Label: { type: "string", value: "hi" },
			On: { type: "bool", value: true },
			Offset: { type: "Vector3", value: [0, 1, 0] },
		});
	});

	it("honours globIgnorePaths and ignores files no rule matches", () => {
		const { tree } = readConventions();
		const names = new Set<string>();
		walkTree([tree], (node) => names.add(node.name));
		for (const absent of ["thing.ignored", "thing", "skip", "gone", "readme", "main.meta", "unused"]) expect(names.has(absent)).toBe(false);
	});

	it("records the file each node came from", () => {
		const { tree, origins } = readConventions();
		expect(origins.get(find(tree, "Conventions/main"))).toBe("src/main.server.luau");
		expect(origins.get(find(tree, "Conventions/initserver"))).toBe("src/initserver/init.server.luau");
		expect(origins.get(find(tree, "Conventions/data"))).toBe("src/data.json");
		expect(origins.get(find(tree, "Conventions/asset/Base"))).toBe("src/asset.rbxmx");
		expect(origins.get(find(tree, "Conventions/ProjectPart"))).toBe("default.project.json");
	});

	it("is deterministic", () => {
		expect(readConventions().tree).toEqual(readConventions().tree);
	});

	it("reads a bare folder the same way", () => {
		const { tree } = readRojoFolder(path.join(CONVENTIONS, "src"), { reflection });
		expect(tree.name).toBe("src");
		expect(tree.children.map((c) => c.name)).toContain("main");
		// No project, so no globIgnorePaths: the ignored files are there.
		expect(tree.children.map((c) => c.name)).toContain("thing.ignored");
	});
});

describe("Rojo project rules", () => {
	it("infers service classes under a DataModel and lets $className win over inference", () => {
		const { tree } = readTemp({
			"default.project.json": JSON.stringify({
				name: "Place",
				tree: {
					$className: "DataModel",
					ReplicatedStorage: { Shared: { $className: "Folder" } },
					Workspace: { Terrain: {}, $properties: { Gravity: { Float32: 100 } } },
					StarterPlayer: { StarterPlayerScripts: {} },
					Lighting: { $className: "Lighting" },
				},
			}),
		});
		expect(tree.children.map((c) => `${c.name}:${c.className}`)).toEqual([
			"Lighting:Lighting",
			"ReplicatedStorage:ReplicatedStorage",
			"StarterPlayer:StarterPlayer",
			"Workspace:Workspace",
		]);
		expect(find(tree, "Place/Workspace/Terrain").className).toBe("Terrain");
		expect(find(tree, "Place/StarterPlayer/StarterPlayerScripts").className).toBe("StarterPlayerScripts");
	});

	it("names projects like Rojo 7.4+: name field, else folder for default.project.json, else file name", () => {
		expect(readTemp({ "default.project.json": '{ "tree": { "$className": "Folder" } }' }).tree.name).toMatch(/^vector-build-test-/);
		expect(readTemp({ "game.project.json": '{ "tree": { "$className": "Folder" } }' }, "game.project.json").tree.name).toBe("game");
	});

	it("uses RunContext scripts when emitLegacyScripts is false", () => {
		const { tree } = readTemp({
			"default.project.json": '{ "emitLegacyScripts": false, "tree": { "$path": "src" } }',
			"src/a.server.luau": "",
			"src/b.client.luau": "",
		});
		expect(tree.children.map((c) => [c.name, c.className, c.properties.RunContext])).toEqual([
			["a", "Script", runContext(1)],
			["b", "Script", runContext(2)],
		]);
	});

	it("skips a missing optional $path and fails on a missing required one", () => {
		const ok = readTemp({ "default.project.json": '{ "tree": { "$className": "Folder", "Gone": { "$path": { "optional": "nope" } } } }' });
		expect(ok.tree.children).toEqual([]);
		expect(() => readTemp({ "default.project.json": '{ "tree": { "$className": "Folder", "Gone": { "$path": "nope" } } }' })).toThrow(
			/default\.project\.json: \$path "nope" of node "Gone" could not be turned into an instance/,
		);
	});

	it("keeps $className with a $path only when the path is a Folder", () => {
		const files = { "src/x.luau": "return 1", "dir/y.luau": "return 2" };
		const folder = readTemp({ ...files, "default.project.json": '{ "tree": { "$className": "Model", "$path": "dir" } }' });
		expect(folder.tree.className).toBe("Model");
		expect(() => readTemp({ ...files, "default.project.json": '{ "tree": { "$className": "Model", "$path": "src/x.luau" } }' })).toThrow(
			/specified in both the project file \(as "Model"\) and from the filesystem \(as "ModuleScript"\)/,
		);
	});

	it("explains property values it cannot resolve", () => {
		const project = (props: string) => ({ "default.project.json": `{ "tree": { "$className": "Part", "$properties": ${props} } }` });
		expect(() => readTemp(project('{ "Transparency": 0.5 }'))).toThrow(
			/Part\.Transparency is a number, and @rbxts\/types does not say whether Roblox stores it as int, float or double; write it explicitly, e.g\. \{"Float32": 0\.5\}/,
		);
		expect(() => readTemp(project('{ "Material": "Plasticc" }'))).toThrow(/got "Plasticc" but expected a member of the Material enum such as/);
		expect(() => readTemp(project('{ "Sizee": [1, 2, 3] }'))).toThrow(/unknown property Part\.Sizee/);
		expect(() => readTemp(project('{ "Size": [1, 2] }'))).toThrow(/wrong type of value for property Part\.Size: expected Vector3/);
		expect(() => readTemp(project('{ "Anchored": "yes" }'))).toThrow(/expected boolean/);
		expect(() => readTemp({ "default.project.json": '{ "tree": { "$className": "Model", "$properties": { "PrimaryPart": "x" } } }' })).toThrow(
			/Model\.PrimaryPart refers to an instance/,
		);
		expect(() => readTemp(project('{ "CustomPhysicalProperties": { "PhysicalProperties": "Default" } }'))).toThrow(
			/PhysicalProperties values are not supported/,
		);
		expect(() => readTemp({ "default.project.json": '{ "tree": { "$className": "Folder", "$attributes": { "V": [1, 2, 3] } } }' })).toThrow(
			/cannot tell the type of attribute value \[1,2,3\]/,
		);
	});

	it("accepts every explicit value form", () => {
		const { tree } = readTemp({
			"default.project.json": JSON.stringify({
				tree: {
					$className: "Folder",
					$properties: {
						A: { String: "s" },
						B: { Bool: false },
						C: { Int32: 7 },
						D: { Int64: 8 },
						E: { Float64: 0.1 },
						F: { Enum: 2 },
						G: { Vector2: [1, 2] },
						H: { Color3uint8: [1, 2, 3] },
						I: { CFrame: { position: [1, 2, 3], orientation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] } },
						J: { UDim: [0.5, 4] },
						K: { UDim2: [[0.5, 4], [1, -2]] },
						L: { Rect: [[0, 1], [2, 3]] },
						M: { NumberRange: [1, 2] },
						N: { NumberSequence: { keypoints: [{ time: 0, value: 1, envelope: 0 }, { time: 1, value: 0, envelope: 0.5 }] } },
						O: { ColorSequence: { keypoints: [{ time: 0, color: [1, 0, 0] }, { time: 1, color: [0, 0, 1] }] } },
						P: { BrickColor: 194 },
						Q: { ContentId: "rbxassetid://1" },
						R: { Content: "None" },
						S: { BinaryString: "AAE=" },
						T: { Font: { family: "rbxasset://fonts/families/Arial.json", weight: "bold", style: "italic" } },
						Tags: { Tags: ["x"] },
					},
				},
			}),
		});
		expect(tree.tags).toEqual(["x"]);
		expect(tree.properties).toEqual({
			A: { type: "string", value: "s" },
			B: { type: "bool", value: false },
			C: { type: "int", value: 7 },
			D: { type: "int64", value: 8 },
			E: { type: "double", value: 0.1 },
			F: { type: "token", value: 2 },
			G: { type: "Vector2", value: [1, 2] },
			H: { type: "Color3uint8", value: [1, 2, 3] },
			I: { type: "CFrame", value: [1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1] },
			J: { type: "UDim", value: [0.5, 4] },
			K: { type: "UDim2", value: [0.5, 4, 1, -2] },
			L: { type: "Rect", value: [0, 1, 2, 3] },
			M: { type: "NumberRange", value: [1, 2] },
			N: { type: "NumberSequence", value: [[0, 1, 0], [1, 0, 0.5]] },
			O: { type: "ColorSequence", value: [[0, 1, 0, 0], [1, 0, 0, 1]] },
			P: { type: "BrickColor", value: 194 },
			Q: { type: "Content", value: "rbxassetid://1" },
			R: { type: "Content", value: "" },
			S: { type: "BinaryString", value: "AAE=" },
			T: { type: "Font", value: { family: "rbxasset://fonts/families/Arial.json", weight: 700, style: "Italic" } },
		});
	});

	it("fails on file types Rojo builds but this reader does not, and on malformed files, naming the file", () => {
		const withFile = (name: string, content: string) => readTemp({ "default.project.json": '{ "tree": { "$path": "src" } }', [`src/${name}`]: content });
		expect(() => withFile("strings.csv", "Key,en\n")).toThrow(/src\/strings\.csv: Rojo turns \.csv files into instances/);
		expect(() => withFile("model.rbxm", "")).toThrow(/src\/model\.rbxm: Rojo turns \.rbxm files/);
		expect(() => withFile("bad.json", "{ nope }")).toThrow(/^src\/bad\.json:1:3: invalid JSON/);
		expect(() => withFile("two.rbxmx", '<roblox version="4"><Item class="Folder"/><Item class="Folder"/></roblox>')).toThrow(
			/src\/two\.rbxmx: Rojo only supports model files with one top-level instance; this one has 2/,
		);
		expect(() => withFile("x.meta.json", "[]")).not.toThrow(); // a meta file with no script beside it is ignored
		expect(() =>
			readTemp({ "default.project.json": '{ "tree": { "$path": "src" } }', "src/x.luau": "", "src/x.meta.json": '{ "properties": { "Nope": true } }' }),
		).toThrow(/src\/x\.meta\.json: property Nope: unknown property ModuleScript\.Nope/);
		expect(() =>
			readTemp({ "default.project.json": '{ "tree": { "$path": "src" } }', "src/init.luau": "", "src/init.meta.json": '{ "className": "Model" }' }),
		).toThrow(/className in init\.meta\.json can only be specified if the affected directory would turn into a Folder/);
		expect(() => readTemp({ "default.project.json": '{ "syncRules": [{ "pattern": "*.foo", "use": "text" }], "tree": { "$className": "Folder" } }' })).toThrow(
			/syncRules/,
		);
	});

	it("applies the globIgnorePaths of nested projects relative to their own folder", () => {
		const { tree } = readTemp({
			"default.project.json": '{ "tree": { "$path": "src" } }',
			"src/lib/default.project.json": '{ "globIgnorePaths": ["*.spec.luau"], "tree": { "$path": "code" } }',
			"src/lib/code/a.luau": "",
			"src/lib/code/a.spec.luau": "",
			"src/b.spec.luau": "",
		});
		expect(tree.children.map((c) => c.name)).toEqual(["b.spec", "lib"]);
		expect(tree.children[1].children.map((c) => c.name)).toEqual(["a"]);
	});
});
