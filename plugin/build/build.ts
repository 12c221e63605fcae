// Builds the Studio plugin file without Rojo: compiles the roblox-ts sources, reads the Rojo project into an
// instance tree, adds the lesson kit (its own roblox-ts game project, embedded as the LessonKit folder by
// lesson-kit.ts), checks it all (entry script, release contents, Luau compile, forbidden APIs) and writes .rbxmx.
//
//   npx tsx plugin/build/build.ts           release build → dist/Vector.rbxmx (from default.project.json)
//   npx tsx plugin/build/build.ts --dev     dev build     → dist/Vector.dev.rbxmx (plugin/dev.project.json: + specs, TestEZ, dev/)
//   --no-compile                            skip the rbxtsc step (use what is already in out/ and include/)

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { compileLuau, findForbiddenApis, formatProblem, type LuauProblem, type ScriptSource } from "./luau-check.js";
import { writeRbxXml } from "./rbxxml.js";
import { embedLessonKit, KitShapeError } from "./lesson-kit.js";
import { loadReflection } from "./reflection.js";
import { readRojoProject } from "./rojo.js";
import { countNodes, SCRIPT_CLASSES, walkTree, type TreeNode } from "./tree.js";

export interface BuildOptions {
	/** Repository root (holds node_modules, default.project.json, out/). */
	root: string;
	/** Dev build: specs, TestEZ and dev/ folders included, release checks off. */
	dev: boolean;
	/** Run `rbxtsc --type model` (and the lesson kit's `rbxtsc --type game`) first (default true). */
	compile?: boolean;
	/** Project file, relative to root (default: default.project.json, or plugin/dev.project.json for dev). */
	project?: string;
	/** Output file, relative to root (default: dist/Vector.rbxmx or dist/Vector.dev.rbxmx). */
	output?: string;
	/** Directory whose node_modules holds @rbxts/types, read for enums and property types (default: root). */
	typesRoot?: string;
	/** The compiled plugin entry that must become a Script with RunContext Plugin (relative to root). */
	entry?: string;
	/**
	 * The lesson kit's Rojo project, relative to root; its folder holds the kit's tsconfig.json. Embedded as the
	 * LessonKit folder when the file exists (default plugin/lesson-kit/lesson-kit.project.json); false leaves it out.
	 */
	lessonKit?: string | false;
	log?: (line: string) => void;
}

export interface BuildResult {
	output: string;
	instances: number;
	scripts: number;
	bytes: number;
	warnings: string[];
	/** The embedded lesson kit's version ("1.0.0+<content hash>"), when there is one. */
	lessonKit?: string;
}

/** A failed build; `problems` lists every offending file, one per line, for the CLI to print. */
export class BuildError extends Error {
	constructor(
		message: string,
		readonly problems: string[] = [],
	) {
		super(problems.length === 0 ? message : `${message}\n${problems.map((p) => `  ${p}`).join("\n")}`);
	}
}

const RUN_CONTEXT_PLUGIN = 3;

function runRobloxTs(root: string, log: (line: string) => void, args: readonly string[]): void {
	const cli = path.join(root, "node_modules", "roblox-ts", "out", "CLI", "cli.js");
	log(`rbxtsc ${args.join(" ")}`);
	const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
	const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
	if (result.error !== undefined) throw new BuildError(`could not start roblox-ts: ${result.error.message}`);
	if (result.status !== 0) throw new BuildError(`roblox-ts failed (exit ${result.status})`, output === "" ? [] : output.split("\n"));
	if (output !== "") log(output);
}

/** Collects every script with its source, labelled by the file it came from. */
function collectScripts(tree: TreeNode, origins: Map<TreeNode, string>): (ScriptSource & { node: TreeNode; path: string })[] {
	const scripts: (ScriptSource & { node: TreeNode; path: string })[] = [];
	walkTree([tree], (node, instancePath) => {
		if (!SCRIPT_CLASSES.has(node.className)) return;
		const source = node.properties.Source;
		const text = source !== undefined && (source.type === "ProtectedString" || source.type === "string") ? source.value : "";
		const origin = origins.get(node) ?? instancePath;
		// Scripts that come out of a model file share its path; name the instance too so problems are findable.
		const ownFile = /\.(luau?|json)$/.test(origin);
		scripts.push({ node, path: instancePath, label: ownFile ? origin : `${origin} (${instancePath})`, source: text });
	});
	return scripts;
}

/** What makes a release unfit for the Creator Store: specs, TestEZ, forbidden APIs. */
function releaseProblems(tree: TreeNode, origins: Map<TreeNode, string>, scripts: readonly ScriptSource[]): string[] {
	const problems: string[] = [];
	walkTree([tree], (node, instancePath) => {
		const origin = origins.get(node) ?? instancePath;
		if (/\.spec$/i.test(node.name)) problems.push(`${origin}: spec module ${instancePath} is in the release build`);
		else if (/^testez$/i.test(node.name) || /(^|\/)testez(\/|$)/i.test(origin)) {
			problems.push(`${origin}: TestEZ (${instancePath}) is in the release build`);
		}
	});
	for (const script of scripts) {
		if (/"@rbxts",\s*"testez"/.test(script.source)) problems.push(`${script.label}: imports TestEZ, which the release build does not ship`);
	}
	problems.push(...findForbiddenApis(scripts).map(formatProblem));
	return problems;
}

/** Runs the whole pipeline and writes the plugin file. Throws BuildError listing every problem found. */
export async function build(options: BuildOptions): Promise<BuildResult> {
	const log = options.log ?? (() => undefined);
	const root = path.resolve(options.root);
	const kitProject =
		options.lessonKit === false ? undefined : path.resolve(root, options.lessonKit ?? "plugin/lesson-kit/lesson-kit.project.json");
	const withKit = kitProject !== undefined && fs.existsSync(kitProject);
	if (options.compile ?? true) {
		runRobloxTs(root, log, ["--type", "model"]);
		if (withKit) runRobloxTs(root, log, ["-p", path.relative(root, path.dirname(kitProject)) || ".", "--type", "game"]);
	}

	const projectFile = path.resolve(root, options.project ?? (options.dev ? "plugin/dev.project.json" : "default.project.json"));
	const output = path.resolve(root, options.output ?? (options.dev ? "dist/Vector.dev.rbxmx" : "dist/Vector.rbxmx"));
	const reflection = loadReflection(path.resolve(options.typesRoot ?? root));
	let read: ReturnType<typeof readRojoProject>;
	try {
		read = readRojoProject(projectFile, { reflection, root });
	} catch (error) {
		throw new BuildError(`could not read ${path.relative(root, projectFile)}: ${(error as Error).message}`);
	}
	const { tree, origins, warnings } = read;
	let lessonKit: string | undefined;
	if (withKit) {
		try {
			const kit = readRojoProject(kitProject, { reflection, root });
			warnings.push(...kit.warnings);
			const embedded = embedLessonKit(kit.tree, kit.origins, origins);
			tree.children.push(embedded.folder);
			origins.set(embedded.folder, path.relative(root, kitProject).split(path.sep).join("/"));
			lessonKit = embedded.version;
			log(`lesson kit ${embedded.version}${embedded.dropped.length > 0 ? ` (${embedded.dropped.length} spec/dev item(s) left out)` : ""}`);
		} catch (error) {
			const prefix = error instanceof KitShapeError ? `${path.relative(root, kitProject)}: ` : "";
			throw new BuildError(`could not embed the lesson kit: ${prefix}${(error as Error).message}`);
		}
	}
	const scripts = collectScripts(tree, origins);

	// The plugin entry must run as a plugin: a Script whose RunContext is Plugin (set by its .meta.json).
	const entry = options.entry ?? "out/plugin/src/Vector.server.luau";
	const entryScript = scripts.find((s) => origins.get(s.node) === entry);
	if (entryScript === undefined) {
		throw new BuildError(`the plugin entry ${entry} is not in the tree (is plugin/src/Vector.server.ts missing?)`);
	}
	const runContext = entryScript.node.properties.RunContext;
	if (entryScript.node.className !== "Script" || runContext?.type !== "token" || runContext.value !== RUN_CONTEXT_PLUGIN) {
		throw new BuildError(
			`the plugin entry ${entry} must be a Script with RunContext Plugin (a Vector.meta.json beside it with ` +
				`{"properties": {"RunContext": "Plugin"}}), but it is a ${entryScript.node.className} with RunContext ${JSON.stringify(runContext?.value)}`,
		);
	}

	if (!options.dev) {
		const problems = releaseProblems(tree, origins, scripts);
		if (problems.length > 0) throw new BuildError("the release build contains code the Creator Store forbids", problems);
	}

	const compileProblems: LuauProblem[] = await compileLuau(scripts);
	if (compileProblems.length > 0) {
		throw new BuildError(`${compileProblems.length} Luau file(s) do not compile`, compileProblems.map(formatProblem));
	}

	const xml = writeRbxXml([tree], { kind: "model" });
	fs.mkdirSync(path.dirname(output), { recursive: true });
	fs.writeFileSync(output, xml);
	return {
		output,
		instances: countNodes([tree]),
		scripts: scripts.length,
		bytes: Buffer.byteLength(xml),
		warnings,
		lessonKit,
	};
}

async function main(argv: readonly string[]): Promise<number> {
	const known = new Set(["--dev", "--no-compile"]);
	const unknown = argv.filter((a) => !known.has(a));
	if (unknown.length > 0) {
		console.error(`unknown option(s): ${unknown.join(" ")}\nusage: tsx plugin/build/build.ts [--dev] [--no-compile]`);
		return 2;
	}
	const dev = argv.includes("--dev");
	const root = path.resolve(path.dirname(ownPath()), "..", "..");
	const started = Date.now();
	try {
		const result = await build({ root, dev, compile: !argv.includes("--no-compile"), log: (line) => console.log(line) });
		for (const warning of result.warnings) console.warn(`warning: ${warning}`);
		console.log(
			`${dev ? "dev" : "release"} build: ${path.relative(root, result.output)} — ${result.instances} instances, ` +
				`${result.scripts} scripts, ${result.bytes} bytes${result.lessonKit ? `, lesson kit ${result.lessonKit}` : ""} (${Date.now() - started} ms)`,
		);
		return 0;
	} catch (error) {
		console.error(`build failed: ${(error as Error).message}`);
		return 1;
	}
}

/** This file's own path, whether tsx loads it as an ES module (package "type": "module") or as CommonJS. */
function ownPath(): string {
	return typeof __filename !== "undefined" ? __filename : fileURLToPath(import.meta.url);
}

// Run only as a CLI; tests import build() instead.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === ownPath()) {
	void main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}
