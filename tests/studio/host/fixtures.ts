/**
 * Turns files on disk into instance-tree IR for the headless Studio: Rojo-style folders (spec
 * suites, TestEZ) and projects, `.rbxmx`/`.rbxlx` models and places, through the same readers the plugin
 * build uses, so what the emulator loads is exactly what Rojo and Studio would build.
 */
import { existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { readRojoFolder, readRojoProject } from "../../../plugin/build/rojo.js";
import { readRbxXml, writeRbxXml } from "../../../plugin/build/rbxxml.js";
import { loadReflection } from "../../../plugin/build/reflection.js";
import type { TreeNode } from "../../../plugin/build/tree.js";
import { generatedRoot, repoRoot } from "./vm.js";

/** Reads a folder by Rojo's file conventions. */
export function loadFolder(folder: string): TreeNode {
	const result = readRojoFolder(folder, { reflection: loadReflection(repoRoot) });
	for (const w of result.warnings) console.warn(`${folder}: ${w}`);
	return result.tree;
}

/** Reads a Rojo project file (`*.project.json`) into its root node. */
export function loadProject(file: string): TreeNode {
	const result = readRojoProject(file, { reflection: loadReflection(repoRoot) });
	for (const w of result.warnings) console.warn(`${file}: ${w}`);
	return result.tree;
}

/** Reads a `.rbxmx` model or `.rbxlx` place. */
export function loadModelFile(xml: string): TreeNode[] {
	const result = readRbxXml(xml, { reflection: loadReflection(repoRoot) });
	for (const w of result.warnings) console.warn(`model: ${w}`);
	return result.nodes;
}

/** Writes IR nodes as a `.rbxlx` place (kind "place") or `.rbxmx` model. */
export function writeModelFile(nodes: TreeNode[], kind: "place" | "model"): string {
	return writeRbxXml(nodes, { kind });
}

/** Generates the class database when it is missing or older than the installed @rbxts/types. */
export function ensureClassDb(): void {
	const db = join(generatedRoot, "ClassDb.luau");
	const types = join(repoRoot, "node_modules/@rbxts/types/package.json");
	if (existsSync(db) && statSync(db).mtimeMs >= statSync(types).mtimeMs) return;
	const result = spawnSync("npx", ["tsx", "tests/studio/classdb/generate.ts"], { cwd: repoRoot, stdio: "inherit" });
	if (result.status !== 0) throw new Error("could not generate the class database");
}
