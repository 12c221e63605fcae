import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { build, BuildError, type BuildOptions } from "./build.js";
import { compileLuau, findForbiddenApis } from "./luau-check.js";
import { readRbxXml } from "./rbxxml.js";
import { REPO_ROOT, writeTempTree } from "./test-support.js";
import { walkTree, type TreeNode } from "./tree.js";

/**
 * A throwaway copy of the repository's layout after `rbxtsc` ran: the real project files, a compiled entry with its
 * meta file, a module, a spec, a dev/ folder, and packages including a TestEZ that uses getfenv like the real one.
 * Generated per test because out/, include/ and node_modules/ are git-ignored.
 */
function pluginRepo(extra: Record<string, string> = {}): string {
	return writeTempTree({
		"default.project.json": fs.readFileSync(path.join(REPO_ROOT, "default.project.json"), "utf8"),
		"plugin/dev.project.json": fs.readFileSync(path.join(REPO_ROOT, "plugin", "dev.project.json"), "utf8"),
		"include/RuntimeLib.lua": "local TS = {}\nreturn TS\n",
		"include/Promise.lua": "return {}\n",
		"node_modules/@rbxts/t/lib/ts.lua": "return { t = {} }\n",
		"node_modules/@rbxts/t/package.json": '{ "name": "@rbxts/t" }',
		"node_modules/@rbxts/types/package.json": '{ "name": "@rbxts/types" }',
		"node_modules/@rbxts/testez/package.json": '{ "name": "@rbxts/testez" }',
		"node_modules/@rbxts/testez/src/init.lua": "return { TestBootstrap = require(script.TestBootstrap) }\n",
		"node_modules/@rbxts/testez/src/TestBootstrap.lua": "return {}\n",
		"node_modules/@rbxts/testez/src/TestPlan.lua": "local env = getfenv(1)\nsetfenv(1, env)\nreturn {}\n",
		"out/plugin/src/Vector.server.luau": "local TS = require(script.Parent.Parent.include.RuntimeLib)\nprint(TS)\n",
		"out/plugin/src/Vector.meta.json": '{ "properties": { "RunContext": "Plugin" } }',
		"out/plugin/src/hello.luau": "return { greet = function(name: string) return `hi {name}` end }\n",
		"out/plugin/src/hello.spec.luau": 'return function()\n\tdescribe("greet", function() end)\nend\n',
		"out/plugin/src/dev/runner.luau": "return {}\n",
		"out/shared/src/protocol.luau": "return {}\n",
		...extra,
	});
}

async function buildIn(root: string, options: Partial<BuildOptions> = {}) {
	return build({ root, dev: false, compile: false, typesRoot: REPO_ROOT, ...options });
}

async function buildError(root: string, options: Partial<BuildOptions> = {}): Promise<BuildError> {
	try {
		await buildIn(root, options);
	} catch (error) {
		if (error instanceof BuildError) return error;
		throw error;
	}
	throw new Error("the build was expected to fail");
}

function paths(file: string): Map<string, TreeNode> {
	const nodes = new Map<string, TreeNode>();
	walkTree(readRbxXml(fs.readFileSync(file, "utf8")).nodes, (node, p) => nodes.set(p, node));
	return nodes;
}

// Explicit timeouts: these tests compile Luau and may also run under a root vitest without this folder's config.
describe("plugin build", { timeout: 60_000 }, () => {
	it("writes a release plugin with the entry as a Plugin-context Script and no specs, TestEZ or dev code", async () => {
		const root = pluginRepo();
		const result = await buildIn(root);
		expect(result.output).toBe(path.join(root, "dist", "Vector.rbxmx"));
		const nodes = paths(result.output);
		expect([...nodes.keys()]).toEqual([
			"Vector",
			"Vector/include",
			"Vector/include/Promise",
			"Vector/include/RuntimeLib",
			"Vector/include/node_modules",
			"Vector/include/node_modules/@rbxts",
			"Vector/include/node_modules/@rbxts/t",
			"Vector/include/node_modules/@rbxts/t/lib",
			"Vector/include/node_modules/@rbxts/t/lib/ts",
			"Vector/plugin",
			"Vector/plugin/Vector",
			"Vector/plugin/hello",
			"Vector/shared",
			"Vector/shared/protocol",
		]);
		const entry = nodes.get("Vector/plugin/Vector");
		expect(entry?.className).toBe("Script");
		expect(entry?.properties.RunContext).toEqual({ type: "token", value: 3 });
		expect(result).toMatchObject({ instances: 14, scripts: 6, bytes: fs.statSync(result.output).size });
	});

	it("writes a dev plugin that adds the specs, TestEZ and dev/ folders", async () => {
		const root = pluginRepo();
		const result = await buildIn(root, { dev: true });
		expect(result.output).toBe(path.join(root, "dist", "Vector.dev.rbxmx"));
		const nodes = paths(result.output);
		for (const wanted of [
			"Vector/plugin/hello.spec",
			"Vector/plugin/dev/runner",
			"Vector/include/node_modules/@rbxts/testez/src",
			"Vector/include/node_modules/@rbxts/testez/src/TestPlan",
		]) {
			expect(nodes.has(wanted), wanted).toBe(true);
		}
		expect(nodes.get("Vector/plugin/Vector")?.properties.RunContext).toEqual({ type: "token", value: 3 });
	});

	it("fails when a Luau file does not compile, naming the file and line (both builds)", async () => {
		const root = pluginRepo({ "out/plugin/src/broken.luau": "local ok = 1\nlocal x = \nreturn x +\n" });
		for (const dev of [false, true]) {
			const error = await buildError(root, { dev });
			expect(error.message).toMatch(/^1 Luau file\(s\) do not compile/);
			expect(error.problems).toEqual([expect.stringMatching(/^out\/plugin\/src\/broken\.luau:3: Expected identifier when parsing expression, got 'return'/)]);
			expect(fs.existsSync(path.join(root, "dist", dev ? "Vector.dev.rbxmx" : "Vector.rbxmx"))).toBe(false);
		}
	});

	it("fails a release that uses getfenv, setfenv, loadstring or require(id), listing each use", async () => {
		const root = pluginRepo({
			"out/plugin/src/evil.luau": "local f = loadstring('return 1')\nlocal env = getfenv(f)\nreturn require(123456)\n",
		});
		const error = await buildError(root);
		expect(error.problems).toEqual([
			"out/plugin/src/evil.luau:1: uses loadstring",
			"out/plugin/src/evil.luau:2: uses getfenv",
			"out/plugin/src/evil.luau:3: requires a module by asset id",
		]);
		// The dev build may carry them (TestEZ itself needs getfenv/setfenv).
		await expect(buildIn(root, { dev: true })).resolves.toBeDefined();
	});

	it("fails a release whose project would ship specs or TestEZ", async () => {
		const root = pluginRepo({
			"default.project.json": JSON.stringify({
				name: "Vector",
				tree: {
					$className: "Folder",
					include: { $path: "include", node_modules: { $className: "Folder", "@rbxts": { $path: "node_modules/@rbxts" } } },
					plugin: { $path: "out/plugin/src" },
				},
			}),
			"out/plugin/src/uses.luau": 'local TestEZ = TS.import(script, script.Parent.Parent, "include", "node_modules", "@rbxts", "testez", "src")\n',
		});
		const error = await buildError(root);
		expect(error.problems).toEqual(
			expect.arrayContaining([
				"out/plugin/src/hello.spec.luau: spec module Vector/plugin/hello.spec is in the release build",
				"node_modules/@rbxts/testez: TestEZ (Vector/include/node_modules/@rbxts/testez) is in the release build",
				"out/plugin/src/uses.luau: imports TestEZ, which the release build does not ship",
				"node_modules/@rbxts/testez/src/TestPlan.lua:1: uses getfenv",
				"node_modules/@rbxts/testez/src/TestPlan.lua:2: uses setfenv",
			]),
		);
	});

	it("fails when the entry would not run as a plugin", async () => {
		const noMeta = pluginRepo({ "out/plugin/src/Vector.meta.json": "{}" });
		expect((await buildError(noMeta)).message).toMatch(
			/the plugin entry out\/plugin\/src\/Vector\.server\.luau must be a Script with RunContext Plugin .* but it is a Script with RunContext 0/,
		);
		const root = pluginRepo();
		fs.rmSync(path.join(root, "out/plugin/src/Vector.server.luau"));
		expect((await buildError(root)).message).toMatch(/the plugin entry out\/plugin\/src\/Vector\.server\.luau is not in the tree/);
	});

	it("is byte-for-byte deterministic, across runs and checkouts", async () => {
		const first = pluginRepo();
		const second = pluginRepo();
		const a = fs.readFileSync((await buildIn(first)).output);
		const b = fs.readFileSync((await buildIn(first)).output);
		const c = fs.readFileSync((await buildIn(second)).output);
		expect(b.equals(a)).toBe(true);
		expect(c.equals(a)).toBe(true);
	});

	it("reports a project it cannot read", async () => {
		const root = pluginRepo({ "default.project.json": '{ "tree": ' });
		expect((await buildError(root)).message).toMatch(/^could not read default\.project\.json: default\.project\.json:1:\d+: invalid JSON/);
	});
});

/** The files of a compiled lesson kit, beside the real kit project file. */
function kitFiles(extra: Record<string, string> = {}): Record<string, string> {
	return {
		"plugin/lesson-kit/lesson-kit.project.json": fs.readFileSync(path.join(REPO_ROOT, "plugin/lesson-kit/lesson-kit.project.json"), "utf8"),
		"plugin/lesson-kit/include/RuntimeLib.lua": "local TS = {}\nreturn TS\n",
		"plugin/lesson-kit/include/Promise.lua": "return {}\n",
		"plugin/lesson-kit/out/server/quiz.luau": "return { check = function(a: number) return a == 1 end }\n",
		"plugin/lesson-kit/out/server/quiz.spec.luau": "return function() end\n",
		"plugin/lesson-kit/out/server/dev/sample.luau": "return {}\n",
		"plugin/lesson-kit/out/shared/names.luau": 'return { tag = "VectorQuizStation" }\n',
		"plugin/lesson-kit/out/client/panel.luau": "return {}\n",
		"plugin/lesson-kit/out/boot/server.server.luau": 'print("server")\n',
		"plugin/lesson-kit/out/boot/client.client.luau": 'print("client")\n',
		...extra,
	};
}

describe("the lesson kit in the plugin", { timeout: 60_000 }, () => {
	it("is embedded as LessonKit: services as Folders, kit roots as built, no specs or dev code, scripts disabled", async () => {
		const root = pluginRepo(kitFiles());
		const result = await buildIn(root);
		const nodes = paths(result.output);
		const kit = [...nodes.entries()].filter(([p]) => p.startsWith("Vector/LessonKit")).map(([p, n]) => `${p} ${n.className}`);
		expect(kit).toEqual([
			"Vector/LessonKit Folder",
			"Vector/LessonKit/ReplicatedStorage Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/KitVersion StringValue",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/client Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/client/panel ModuleScript",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/Promise ModuleScript",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/RuntimeLib ModuleScript",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/node_modules Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/node_modules/@rbxts Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/node_modules/@rbxts/t Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/node_modules/@rbxts/t/lib Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/include/node_modules/@rbxts/t/lib/ts ModuleScript",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/shared Folder",
			"Vector/LessonKit/ReplicatedStorage/VectorLessonKit/shared/names ModuleScript",
			"Vector/LessonKit/ServerScriptService Folder",
			"Vector/LessonKit/ServerScriptService/VectorLessonKit Script",
			"Vector/LessonKit/ServerStorage Folder",
			"Vector/LessonKit/ServerStorage/VectorLessonKit Folder",
			"Vector/LessonKit/ServerStorage/VectorLessonKit/quiz ModuleScript",
			"Vector/LessonKit/StarterPlayer Folder",
			"Vector/LessonKit/StarterPlayer/StarterPlayerScripts Folder",
			"Vector/LessonKit/StarterPlayer/StarterPlayerScripts/VectorLessonKit LocalScript",
		]);
		for (const script of ["ServerScriptService/VectorLessonKit", "StarterPlayer/StarterPlayerScripts/VectorLessonKit"]) {
			expect(nodes.get(`Vector/LessonKit/${script}`)?.properties.Disabled).toEqual({ type: "bool", value: true });
		}
		expect(result.lessonKit).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
		expect(nodes.get("Vector/LessonKit/ReplicatedStorage/VectorLessonKit/KitVersion")?.properties.Value).toEqual({
			type: "string",
			value: result.lessonKit,
		});
	});

	it("stamps a version that follows the kit's contents, and only them", async () => {
		const a = (await buildIn(pluginRepo(kitFiles()))).lessonKit;
		const same = (await buildIn(pluginRepo({ ...kitFiles(), "out/plugin/src/other.luau": "return 2\n" }))).lessonKit;
		const changed = (await buildIn(pluginRepo(kitFiles({ "plugin/lesson-kit/out/server/quiz.luau": "return {}\n" })))).lessonKit;
		expect(same).toBe(a);
		expect(changed).not.toBe(a);
	});

	it("compile-checks the kit's Luau like the plugin's, naming the compiled file", async () => {
		const root = pluginRepo(kitFiles({ "plugin/lesson-kit/out/server/broken.luau": "local x = \n" }));
		const error = await buildError(root);
		expect(error.problems).toEqual([expect.stringMatching(/^plugin\/lesson-kit\/out\/server\/broken\.luau:2: /)]);
	});

	it("refuses a release whose kit uses a forbidden API", async () => {
		const root = pluginRepo(kitFiles({ "plugin/lesson-kit/out/server/evil.luau": "return loadstring('return 1')\n" }));
		expect((await buildError(root)).problems).toEqual(["plugin/lesson-kit/out/server/evil.luau:1: uses loadstring"]);
	});

	it("refuses a kit project with something outside a VectorLessonKit root", async () => {
		const project = JSON.parse(kitFiles()["plugin/lesson-kit/lesson-kit.project.json"]) as { tree: Record<string, unknown> };
		project.tree.Workspace = { Stray: { $className: "Part" } };
		const root = pluginRepo(kitFiles({ "plugin/lesson-kit/lesson-kit.project.json": JSON.stringify(project) }));
		expect((await buildError(root)).message).toBe(
			"could not embed the lesson kit: plugin/lesson-kit/lesson-kit.project.json: LessonKit/Workspace/Stray (a Part) is outside " +
				"every VectorLessonKit root; the kit installer would not know where it goes",
		);
	});

	it("is left out with lessonKit: false, and when the repository has no kit", async () => {
		const withKit = await buildIn(pluginRepo(kitFiles()), { lessonKit: false });
		expect([...paths(withKit.output).keys()].some((p) => p.startsWith("Vector/LessonKit"))).toBe(false);
		expect(withKit.lessonKit).toBeUndefined();
		expect((await buildIn(pluginRepo())).lessonKit).toBeUndefined();
	});
});

describe("roblox-ts runtime files", { timeout: 60_000 }, () => {
	// The release ships roblox-ts's RuntimeLib and Promise unmodified; pin that they stay store-safe and compile.
	const runtime = ["RuntimeLib.lua", "Promise.lua"].map((name) => ({
		label: `node_modules/roblox-ts/include/${name}`,
		source: fs.readFileSync(path.join(REPO_ROOT, "node_modules", "roblox-ts", "include", name), "utf8"),
	}));

	it("use none of getfenv, setfenv, loadstring or require(id)", () => {
		expect(findForbiddenApis(runtime)).toEqual([]);
	});

	it("compile with the Luau compiler", async () => {
		expect(await compileLuau(runtime)).toEqual([]);
	});
});
