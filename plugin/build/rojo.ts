// Reads a Rojo project (`*.project.json`) and the folders it points at into instance-tree IR, following Rojo 7.6's
// rules (src/snapshot_middleware in rojo-rbx/rojo) so that `rojo build` of the same project gives the same tree:
// project nodes ($path, $className, $properties, $attributes, nested projects, service class inference,
// globIgnorePaths, emitLegacyScripts) and file conventions (folders, init files, .server/.client/.plugin scripts,
// .meta.json, .json, .txt, .model.json, .rbxmx). File types Rojo knows but this reader does not (.csv, .toml,
// .yaml, binary .rbxm) fail loudly rather than silently dropping instances Rojo would build.

import * as fs from "node:fs";
import * as path from "node:path";
import { compileGlob } from "./glob.js";
import { isJsonObject, parseJsonc, type Json } from "./json-file.js";
import { jsonToLuau } from "./json-to-luau.js";
import { readRbxXml } from "./rbxxml.js";
import type { Reflection } from "./reflection.js";
import { resolveAttributes, resolveProperty } from "./rojo-values.js";
import { compareUtf8, walkTree, type PropValue, type TreeNode } from "./tree.js";

export interface RojoReadOptions {
	reflection: Reflection;
	/** Directory that file names in messages and `origins` are relative to (default: the project's folder). */
	root?: string;
}

export interface RojoReadResult {
	/** The project's root instance. */
	tree: TreeNode;
	/** The file each node came from, relative to `root` with `/` separators (scripts map to their source file). */
	origins: Map<TreeNode, string>;
	warnings: string[];
}

type ScriptKind = "server" | "client" | "module" | "plugin";

interface IgnoreRule {
	base: string;
	matches: (relativePath: string) => boolean;
}

interface Context {
	ignoreRules: readonly IgnoreRule[];
	emitLegacyScripts: boolean;
}

/** Rojo's order of precedence for the file that turns a directory into something other than a Folder. */
const INIT_FILES: readonly [string, "project" | "csv" | ScriptKind][] = [
	["default.project.json", "project"],
	["init.luau", "module"],
	["init.lua", "module"],
	["init.server.luau", "server"],
	["init.server.lua", "server"],
	["init.client.luau", "client"],
	["init.client.lua", "client"],
	["init.csv", "csv"],
];

const INIT_FILE_NAMES = new Set(INIT_FILES.filter(([, kind]) => kind !== "project").map(([name]) => name));

function stripSuffix(fileName: string, suffix: string): string | undefined {
	return fileName.length > suffix.length && fileName.endsWith(suffix) ? fileName.slice(0, -suffix.length) : undefined;
}

/** Rust's `Path::file_stem`: the name without its last extension (a leading dot does not start one). */
function fileStem(fileName: string): string {
	const dot = fileName.lastIndexOf(".");
	return dot <= 0 ? fileName : fileName.slice(0, dot);
}

function toPosix(p: string): string {
	return p.split(path.sep).join("/");
}

class RojoReader {
	readonly origins = new Map<TreeNode, string>();
	readonly warnings: string[] = [];
	private modelFiles = 0;

	constructor(
		private readonly reflection: Reflection,
		private readonly root: string,
	) {}

	rel(p: string): string {
		const relative = path.relative(this.root, p);
		return relative === "" ? "." : toPosix(relative);
	}

	private fail(file: string, message: string): never {
		throw new Error(`${this.rel(file)}: ${message}`);
	}

	private warn(file: string, message: string): void {
		this.warnings.push(`${this.rel(file)}: ${message}`);
	}

	/** Reads a JSON(C) file; syntax errors name it relative to the root, like every other message. */
	private readJson(file: string): Json {
		return parseJsonc(fs.readFileSync(file, "utf8"), this.rel(file));
	}

	private enumValue(enumName: string, item: string): PropValue {
		const value = this.reflection.enums.get(enumName)?.get(item);
		if (value === undefined) throw new Error(`@rbxts/types has no Enum.${enumName}.${item}`);
		return { type: "token", value, enum: enumName };
	}

	// -- projects ---------------------------------------------------------------------------------------------

	/** The instance name Rojo gives a project with no `name`: the folder for default.project.json, else the file. */
	static fallbackProjectName(file: string): string {
		const base = path.basename(file);
		return base === "default.project.json" ? path.basename(path.dirname(file)) : (stripSuffix(base, ".project.json") ?? base);
	}

	snapshotProject(parent: Context, file: string, fallbackName: string): TreeNode | undefined {
		const project = this.readJson(file);
		if (!isJsonObject(project)) this.fail(file, "a project file must hold a JSON object");
		if (project.name !== undefined && typeof project.name !== "string") this.fail(file, '"name" must be a string');
		const name = (project.name as string | undefined) ?? fallbackName;
		if (!isJsonObject(project.tree)) this.fail(file, 'a project needs a "tree" object');
		if (Array.isArray(project.syncRules) && project.syncRules.length > 0) {
			this.fail(file, '"syncRules" are not supported by this build; rename the files to Rojo\'s default conventions');
		}
		const globs = project.globIgnorePaths ?? [];
		if (!Array.isArray(globs) || globs.some((g) => typeof g !== "string")) this.fail(file, '"globIgnorePaths" must be an array of strings');
		if (project.emitLegacyScripts !== undefined && typeof project.emitLegacyScripts !== "boolean") {
			this.fail(file, '"emitLegacyScripts" must be a boolean');
		}
		const base = path.dirname(file);
		const context: Context = {
			// Ignore rules accumulate into nested projects; each is relative to the folder of the project declaring it.
			ignoreRules: [
				...parent.ignoreRules,
				...(globs as string[]).map((glob): IgnoreRule => {
					try {
						return { base, matches: compileGlob(glob) };
					} catch (error) {
						return this.fail(file, (error as Error).message);
					}
				}),
			],
			// Not inherited: Rojo resets it to the default (legacy scripts) for every project file.
			emitLegacyScripts: (project.emitLegacyScripts as boolean | undefined) ?? true,
		};
		return this.snapshotProjectNode(context, file, name, project.tree, undefined);
	}

	private inferClassName(name: string, parentClass: string | undefined): string | undefined {
		if (parentClass === "DataModel") {
			return this.reflection.classes.get("Services")?.properties.has(name) === true ? name : undefined;
		}
		if (parentClass === "StarterPlayer" && (name === "StarterPlayerScripts" || name === "StarterCharacterScripts")) return name;
		if (parentClass === "Workspace" && name === "Terrain") return name;
		return undefined;
	}

	private snapshotProjectNode(
		context: Context,
		projectFile: string,
		name: string,
		raw: Json,
		parentClass: string | undefined,
	): TreeNode | undefined {
		const where = `node "${name}"`;
		if (!isJsonObject(raw)) this.fail(projectFile, `${where} must be an object`);
		let pathSpec: { path: string; optional: boolean } | undefined;
		const rawPath = raw.$path;
		if (typeof rawPath === "string") pathSpec = { path: rawPath, optional: false };
		else if (isJsonObject(rawPath) && typeof rawPath.optional === "string") pathSpec = { path: rawPath.optional, optional: true };
		else if (rawPath !== undefined) this.fail(projectFile, `${where}: $path must be a string or {"optional": "path"}`);
		const classFromProject = raw.$className;
		if (classFromProject !== undefined && typeof classFromProject !== "string") this.fail(projectFile, `${where}: $className must be a string`);
		for (const key of Object.keys(raw)) {
			if (key.startsWith("$") && !["$path", "$className", "$properties", "$attributes", "$ignoreUnknownInstances", "$id", "$schema"].includes(key)) {
				this.warn(projectFile, `${where}: unknown key ${key} ignored`);
			}
		}
		if (raw.$ignoreUnknownInstances !== undefined && typeof raw.$ignoreUnknownInstances !== "boolean") {
			this.fail(projectFile, `${where}: $ignoreUnknownInstances must be a boolean`);
		}

		let fromPath: TreeNode | undefined;
		if (pathSpec !== undefined) {
			const full = path.resolve(path.dirname(projectFile), pathSpec.path);
			fromPath = this.snapshotPath(context, full);
		}
		const inferred = this.inferClassName(name, parentClass);
		const fromPathClass = fromPath?.className;
		let className: string;
		if (classFromProject !== undefined && fromPathClass === undefined) className = classFromProject;
		else if (classFromProject === undefined && fromPathClass !== undefined) {
			className = inferred !== undefined && fromPathClass === "Folder" ? inferred : fromPathClass;
		} else if (classFromProject === undefined && fromPathClass === undefined && inferred !== undefined) className = inferred;
		else if (classFromProject !== undefined && fromPathClass !== undefined) {
			if (fromPathClass !== "Folder") {
				this.fail(
					projectFile,
					`ClassName for instance "${name}" was specified in both the project file (as "${classFromProject}") and ` +
						`from the filesystem (as "${fromPathClass}"); if $className and $path are both set, $path must refer to a Folder`,
				);
			}
			className = classFromProject;
		} else if (pathSpec?.optional === true) return undefined;
		else if (pathSpec !== undefined) {
			this.fail(projectFile, `$path "${pathSpec.path}" of ${where} could not be turned into an instance: check that it exists and is a file type Rojo knows`);
		} else {
			this.fail(projectFile, `${where} needs $className, a $path, or the name of a known service`);
		}

		const node: TreeNode = {
			name,
			className,
			properties: { ...(fromPath?.properties ?? {}) },
			children: [...(fromPath?.children ?? [])],
		};
		if (fromPath?.attributes !== undefined) node.attributes = fromPath.attributes;
		if (fromPath?.tags !== undefined) node.tags = fromPath.tags;
		this.origins.set(node, (fromPath === undefined ? undefined : this.origins.get(fromPath)) ?? this.rel(projectFile));

		// Project children come after the $path's, in key order (Rojo keeps them in a BTreeMap).
		for (const key of Object.keys(raw).filter((k) => !k.startsWith("$")).sort(compareUtf8)) {
			const childNode = this.snapshotProjectNode(context, projectFile, key, raw[key], className);
			if (childNode !== undefined) node.children.push(childNode);
		}

		if (raw.$properties !== undefined) {
			if (!isJsonObject(raw.$properties)) this.fail(projectFile, `${where}: $properties must be an object`);
			for (const [key, value] of Object.entries(raw.$properties)) {
				if (key === "Name" || key === "Parent") {
					this.warn(projectFile, `${where}: property ${key} cannot be set manually, ignored`);
					continue;
				}
				this.applyProperty(node, key, value, projectFile, `${where} property ${key}`);
			}
		}
		if (raw.$attributes !== undefined) {
			if (!isJsonObject(raw.$attributes)) this.fail(projectFile, `${where}: $attributes must be an object`);
			this.setAttributes(node, this.attempt(projectFile, () => resolveAttributes(raw.$attributes as Record<string, Json>, this.reflection, where)));
		}
		return node;
	}

	private attempt<T>(file: string, action: () => T): T {
		try {
			return action();
		} catch (error) {
			return this.fail(file, (error as Error).message);
		}
	}

	private setAttributes(node: TreeNode, attributes: Record<string, PropValue>): void {
		if (Object.keys(attributes).length > 0) node.attributes = attributes;
		else delete node.attributes;
	}

	private applyProperty(node: TreeNode, key: string, raw: Json, file: string, where: string): void {
		const resolved = this.attempt(file, () => resolveProperty(raw, node.className, key, this.reflection, where));
		if (resolved.kind === "tags") {
			if (resolved.tags.length > 0) node.tags = resolved.tags;
			else delete node.tags;
		} else if (resolved.kind === "attributes") this.setAttributes(node, resolved.attributes);
		else node.properties[key] = resolved.value;
	}

	// -- meta files -------------------------------------------------------------------------------------------

	/** Applies `x.meta.json` (adjacent) or `init.meta.json` (directory) metadata to a node, if the file exists. */
	private applyMeta(node: TreeNode, metaFile: string, directory: boolean): void {
		if (!fs.existsSync(metaFile)) return;
		const meta = this.readJson(metaFile);
		if (!isJsonObject(meta)) this.fail(metaFile, "a meta file must hold a JSON object");
		for (const key of Object.keys(meta)) {
			if (key === "className" && !directory) {
				this.warn(metaFile, "className is ignored in adjacent meta files (Rojo reads it only from init.meta.json)");
			} else if (!["properties", "attributes", "ignoreUnknownInstances", "id", "$schema", ...(directory ? ["className"] : [])].includes(key)) {
				this.warn(metaFile, `unknown key ${key} ignored`);
			}
		}
		if (meta.ignoreUnknownInstances !== undefined && typeof meta.ignoreUnknownInstances !== "boolean") {
			this.fail(metaFile, "ignoreUnknownInstances must be a boolean");
		}
		if (directory && meta.className !== undefined) {
			if (typeof meta.className !== "string") this.fail(metaFile, "className must be a string");
			if (node.className !== "Folder") {
				this.fail(metaFile, "className in init.meta.json can only be specified if the affected directory would turn into a Folder instance");
			}
			node.className = meta.className;
		}
		if (meta.properties !== undefined) {
			if (!isJsonObject(meta.properties)) this.fail(metaFile, "properties must be an object");
			for (const [key, value] of Object.entries(meta.properties)) this.applyProperty(node, key, value, metaFile, `property ${key}`);
		}
		if (meta.attributes !== undefined) {
			if (!isJsonObject(meta.attributes)) this.fail(metaFile, "attributes must be an object");
			this.setAttributes(node, this.attempt(metaFile, () => resolveAttributes(meta.attributes as Record<string, Json>, this.reflection, "meta")));
		}
	}

	// -- files and folders ------------------------------------------------------------------------------------

	snapshotPath(context: Context, full: string): TreeNode | undefined {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(full);
		} catch {
			return undefined;
		}
		if (stat.isDirectory()) {
			for (const [initName, kind] of INIT_FILES) {
				const initPath = path.join(full, initName);
				if (!fs.existsSync(initPath)) continue;
				if (kind === "project") return this.snapshotProject(context, initPath, path.basename(full));
				if (kind === "csv") this.fail(initPath, "LocalizationTable .csv files are not supported by this build");
				return this.snapshotLuaInit(context, initPath, kind);
			}
			return this.snapshotDir(context, full);
		}
		const fileName = path.basename(full);
		if (INIT_FILE_NAMES.has(fileName)) return undefined;
		return this.snapshotFile(context, full, fileName);
	}

	private snapshotFile(context: Context, file: string, fileName: string): TreeNode | undefined {
		for (const [suffix, kind] of [
			[".server.lua", "server"],
			[".server.luau", "server"],
			[".client.lua", "client"],
			[".client.luau", "client"],
			[".plugin.lua", "plugin"],
			[".plugin.luau", "plugin"],
		] as const) {
			const name = stripSuffix(fileName, suffix);
			if (name !== undefined) return this.snapshotLua(context, file, name, kind);
		}
		if (fileName.endsWith(".lua") || fileName.endsWith(".luau")) return this.snapshotLua(context, file, fileStem(fileName), "module");
		const projectName = stripSuffix(fileName, ".project.json");
		if (projectName !== undefined) return this.snapshotProject(context, file, projectName);
		const modelName = stripSuffix(fileName, ".model.json");
		if (modelName !== undefined) return this.snapshotJsonModel(file, modelName);
		if (fileName.endsWith(".meta.json")) return undefined;
		const jsonName = stripSuffix(fileName, ".json");
		if (jsonName !== undefined) return this.snapshotJson(file, jsonName);
		if (fileName.endsWith(".txt")) return this.snapshotText(file, fileStem(fileName));
		if (fileName.endsWith(".rbxmx")) return this.snapshotRbxmx(file, fileStem(fileName));
		for (const unsupported of [".toml", ".csv", ".rbxm", ".yml", ".yaml"]) {
			if (fileName.endsWith(unsupported)) {
				this.fail(file, `Rojo turns ${unsupported} files into instances, but this build does not support them yet`);
			}
		}
		return undefined; // Rojo ignores files no rule matches (.ts, .md, LICENSE…)
	}

	private snapshotDirNoMeta(context: Context, dir: string): TreeNode {
		const node: TreeNode = { name: path.basename(dir), className: "Folder", properties: {}, children: [] };
		this.origins.set(node, this.rel(dir));
		const entries = fs.readdirSync(dir).sort(compareUtf8);
		for (const entry of entries) {
			const full = path.join(dir, entry);
			const ignored = context.ignoreRules.some((rule) => {
				const relative = path.relative(rule.base, full);
				if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
				return rule.matches(toPosix(relative));
			});
			if (ignored) continue;
			const childNode = this.snapshotPath(context, full);
			if (childNode !== undefined) node.children.push(childNode);
		}
		return node;
	}

	private snapshotDir(context: Context, dir: string): TreeNode {
		const node = this.snapshotDirNoMeta(context, dir);
		this.applyMeta(node, path.join(dir, "init.meta.json"), true);
		return node;
	}

	private snapshotLuaInit(context: Context, initFile: string, kind: ScriptKind): TreeNode {
		const dir = path.dirname(initFile);
		const folder = this.snapshotDirNoMeta(context, dir);
		const node = this.snapshotLua(context, initFile, folder.name, kind);
		node.children = folder.children;
		this.applyMeta(node, path.join(dir, "init.meta.json"), true);
		return node;
	}

	private readUtf8(file: string): string {
		const bytes = fs.readFileSync(file);
		const text = bytes.toString("utf8");
		if (!Buffer.from(text, "utf8").equals(bytes)) this.fail(file, "file is not valid UTF-8");
		return text;
	}

	private snapshotLua(context: Context, file: string, name: string, kind: ScriptKind): TreeNode {
		// Rojo normalises line endings of scripts so Windows checkouts build the same sources.
		const source = this.readUtf8(file).replace(/\r\n/g, "\n");
		let className: string;
		let runContext: string | undefined;
		if (kind === "module") className = "ModuleScript";
		else if (kind === "plugin") [className, runContext] = ["Script", "Plugin"];
		else if (kind === "server") [className, runContext] = ["Script", context.emitLegacyScripts ? "Legacy" : "Server"];
		else if (context.emitLegacyScripts) className = "LocalScript";
		else [className, runContext] = ["Script", "Client"];
		const node: TreeNode = { name, className, properties: { Source: { type: "ProtectedString", value: source } }, children: [] };
		if (runContext !== undefined) node.properties.RunContext = this.enumValue("RunContext", runContext);
		this.origins.set(node, this.rel(file));
		this.applyMeta(node, path.join(path.dirname(file), `${name}.meta.json`), false);
		return node;
	}

	private snapshotJson(file: string, name: string): TreeNode {
		const value = this.readJson(file);
		const node: TreeNode = {
			name,
			className: "ModuleScript",
			properties: { Source: { type: "ProtectedString", value: jsonToLuau(value) } },
			children: [],
		};
		this.origins.set(node, this.rel(file));
		this.applyMeta(node, path.join(path.dirname(file), `${name}.meta.json`), false);
		return node;
	}

	private snapshotText(file: string, name: string): TreeNode {
		const node: TreeNode = { name, className: "StringValue", properties: { Value: { type: "string", value: this.readUtf8(file) } }, children: [] };
		this.origins.set(node, this.rel(file));
		this.applyMeta(node, path.join(path.dirname(file), `${name}.meta.json`), false);
		return node;
	}

	private snapshotJsonModel(file: string, name: string): TreeNode | undefined {
		const text = fs.readFileSync(file, "utf8");
		if (text.trim() === "") return undefined;
		const model = parseJsonc(text, this.rel(file));
		if (!isJsonObject(model)) this.fail(file, "a model file must hold a JSON object");
		if (model.name !== undefined || model.Name !== undefined) {
			this.warn(file, `the top-level name is ignored since Rojo 6; the instance is named after the file ("${name}")`);
		}
		const build = (raw: Json, fallbackName: string | undefined, where: string): TreeNode => {
			if (!isJsonObject(raw)) this.fail(file, `${where} must be an object`);
			const className = raw.className ?? raw.ClassName;
			if (typeof className !== "string") this.fail(file, `${where} needs a className`);
			const instanceName = fallbackName ?? raw.name ?? raw.Name ?? className;
			if (typeof instanceName !== "string") this.fail(file, `${where}: name must be a string`);
			const node: TreeNode = { name: instanceName, className, properties: {}, children: [] };
			this.origins.set(node, this.rel(file));
			const childList = raw.children ?? raw.Children ?? [];
			if (!Array.isArray(childList)) this.fail(file, `${where}: children must be an array`);
			childList.forEach((childRaw, i) => node.children.push(build(childRaw, undefined, `${where}.children[${i}]`)));
			const props = raw.properties ?? raw.Properties ?? {};
			if (!isJsonObject(props)) this.fail(file, `${where}: properties must be an object`);
			for (const [key, value] of Object.entries(props)) this.applyProperty(node, key, value, file, `${where} property ${key}`);
			if (raw.attributes !== undefined) {
				if (!isJsonObject(raw.attributes)) this.fail(file, `${where}: attributes must be an object`);
				this.setAttributes(node, this.attempt(file, () => resolveAttributes(raw.attributes as Record<string, Json>, this.reflection, where)));
			}
			return node;
		};
		return build(model, name, "the model");
	}

	private snapshotRbxmx(file: string, name: string): TreeNode {
		const result = this.attempt(file, () => readRbxXml(fs.readFileSync(file, "utf8"), { reflection: this.reflection }));
		for (const warning of result.warnings) this.warn(file, warning);
		if (result.nodes.length !== 1) {
			this.fail(file, `Rojo only supports model files with one top-level instance; this one has ${result.nodes.length}`);
		}
		const node = result.nodes[0];
		node.name = name;
		// Referents only need to be unique within the output file; prefix them per model file so two models
		// built into one plugin cannot collide.
		const prefix = `RBXM${this.modelFiles++}_`;
		walkTree([node], (n) => {
			this.origins.set(n, this.rel(file));
			if (n.referent !== undefined) n.referent = prefix + n.referent;
			for (const value of Object.values(n.properties)) {
				if (value.type === "Ref" && value.value !== null) value.value = prefix + value.value;
			}
		});
		return node;
	}
}

/**
 * Reads a Rojo project file and everything it points at into one IR tree.
 * Throws with the offending file (relative to `root`) on anything Rojo would refuse or this reader cannot build.
 */
export function readRojoProject(projectFile: string, options: RojoReadOptions): RojoReadResult {
	const full = path.resolve(projectFile);
	const reader = new RojoReader(options.reflection, path.resolve(options.root ?? path.dirname(full)));
	const tree = reader.snapshotProject({ ignoreRules: [], emitLegacyScripts: true }, full, RojoReader.fallbackProjectName(full));
	if (tree === undefined) throw new Error(`${reader.rel(full)}: the project's tree produced no instance`);
	return { tree, origins: reader.origins, warnings: reader.warnings };
}

/** Reads a folder laid out by Rojo's conventions (as if it were a project's `$path`), e.g. for a spec runner. */
export function readRojoFolder(folder: string, options: RojoReadOptions): RojoReadResult {
	const full = path.resolve(folder);
	const reader = new RojoReader(options.reflection, path.resolve(options.root ?? full));
	const tree = reader.snapshotPath({ ignoreRules: [], emitLegacyScripts: true }, full);
	if (tree === undefined) throw new Error(`${reader.rel(full)}: not a folder or file Rojo can turn into an instance`);
	return { tree, origins: reader.origins, warnings: reader.warnings };
}
