// Turns the lesson kit's Rojo project (plugin/lesson-kit/lesson-kit.project.json, a game: its root is a DataModel)
// into the `LessonKit` Folder the plugin carries, from which the plugin's kit installer copies the kit into a place.
//
// The shape is the installer's contract (plugin/src/lesson/kit-installer.ts):
//   LessonKit/<Service>[/<container>…]/VectorLessonKit/…
// Services and containers on the way to a kit root (StarterPlayer/StarterPlayerScripts) become Folders named like them,
// since a model cannot hold services; each kit root and everything in it keeps its class. Nothing may sit outside a
// kit root, so the installer never has to guess where something goes. On the way in:
// - specs (`*.spec` modules) and `dev` folders are dropped, as the plugin's release drops them: a place gets no test code;
// - Scripts and LocalScripts are Disabled: Studio runs every enabled Script of an installed plugin, and the kit's
//   server bootstrap must only run in a game (the installer creates the place's scripts enabled);
// - the kit's version (the KitVersion StringValue's "major.minor.patch") gets "+<hash of the kit's contents>", so
//   two builds with the same version but different code are told apart and an installed kit can be compared exactly.

import { createHash } from "node:crypto";
import { compareUtf8, SCRIPT_CLASSES, walkTree, type TreeNode } from "./tree.js";

/** The kit root's name in every service, and the name of the folder the plugin carries. */
export const KIT_ROOT = "VectorLessonKit";
export const KIT_FOLDER = "LessonKit";
/** Where the version lives, below LessonKit. */
export const KIT_VERSION_PATH = ["ReplicatedStorage", KIT_ROOT, "KitVersion"];

const SEMVER = /^\d+\.\d+\.\d+$/;

export interface EmbeddedKit {
	folder: TreeNode;
	/** "1.2.3+0123456789ab". */
	version: string;
	/** Spec modules and dev folders left out, by instance path (for the build log). */
	dropped: string[];
}

/** A kit that cannot be embedded; the message names the offending instance. */
export class KitShapeError extends Error {}

function isDevOnly(node: TreeNode): boolean {
	return (SCRIPT_CLASSES.has(node.className) && /\.spec$/i.test(node.name)) || (node.className === "Folder" && node.name === "dev");
}

/** Copies a kit root's subtree without specs and dev folders, with its scripts disabled. */
function copyKitContent(node: TreeNode, path: string, dropped: string[], origins: Map<TreeNode, string>, source: Map<TreeNode, string>): TreeNode {
	const properties = { ...node.properties };
	if (node.className === "Script" || node.className === "LocalScript") properties.Disabled = { type: "bool", value: true };
	const copy: TreeNode = { ...node, properties, children: [] };
	const origin = source.get(node);
	if (origin !== undefined) origins.set(copy, origin);
	for (const child of node.children) {
		const childPath = `${path}/${child.name}`;
		if (isDevOnly(child)) dropped.push(childPath);
		else copy.children.push(copyKitContent(child, childPath, dropped, origins, source));
	}
	return copy;
}

/** sha256 over every node's path, class and properties (sorted), as 12 hex digits. */
function contentHash(roots: readonly TreeNode[]): string {
	const hash = createHash("sha256");
	walkTree(roots, (node, path) => {
		hash.update(`${path}\0${node.className}\0`);
		for (const key of Object.keys(node.properties).sort(compareUtf8)) {
			if (key === "Disabled") continue;
			hash.update(`${key}\0${JSON.stringify(node.properties[key])}\0`);
		}
		hash.update(JSON.stringify(node.attributes ?? {}));
		hash.update(JSON.stringify(node.tags ?? []));
	});
	return hash.digest("hex").slice(0, 12);
}

/**
 * Builds the LessonKit folder from the kit project's tree. `origins` (node → file) of the project are carried over to
 * the copies in `originsOut`, so build problems in kit scripts name their compiled file.
 */
export function embedLessonKit(project: TreeNode, origins: Map<TreeNode, string>, originsOut: Map<TreeNode, string>): EmbeddedKit {
	if (project.className !== "DataModel") {
		throw new KitShapeError(`the lesson kit project's root must be a DataModel (a game), not a ${project.className}`);
	}
	const dropped: string[] = [];
	const kitRoots: TreeNode[] = [];

	const container = (node: TreeNode, path: string): TreeNode => {
		if (node.name === KIT_ROOT) {
			const copy = copyKitContent(node, path, dropped, originsOut, origins);
			kitRoots.push(copy);
			return copy;
		}
		if (node.children.length === 0) {
			throw new KitShapeError(`${path} (a ${node.className}) is outside every ${KIT_ROOT} root; the kit installer would not know where it goes`);
		}
		const folder: TreeNode = { name: node.name, className: "Folder", properties: {}, children: [] };
		for (const child of node.children) folder.children.push(container(child, `${path}/${child.name}`));
		return folder;
	};

	const folder: TreeNode = { name: KIT_FOLDER, className: "Folder", properties: {}, children: [] };
	for (const service of project.children) folder.children.push(container(service, `${KIT_FOLDER}/${service.name}`));

	let versionNode: TreeNode | undefined = folder;
	for (const name of KIT_VERSION_PATH) versionNode = versionNode?.children.find((child) => child.name === name);
	const base = versionNode?.properties.Value;
	if (versionNode === undefined || versionNode.className !== "StringValue" || base?.type !== "string" || !SEMVER.test(base.value)) {
		throw new KitShapeError(
			`the lesson kit needs ${KIT_FOLDER}/${KIT_VERSION_PATH.join("/")}: a StringValue whose Value is "major.minor.patch"`,
		);
	}
	const version = `${base.value}+${contentHash(kitRoots)}`;
	versionNode.properties = { ...versionNode.properties, Value: { type: "string", value: version } };
	return { folder, version, dropped };
}
