/**
 * The words a proposal card uses for its operations: a short label per kind for the card's title,
 * the paths a proposal touches, one sentence per operation, property values as text, and the old
 * property values an applied proposal recorded. Plain data in, strings out.
 */
import { encodeJson } from "../../net/json";
import { AppliedChange } from "../../proposals/applied-change";
import { countDescendants, InstancePath, InstanceSpec, JsonValue, Operation, OperationKind } from "../../proposals/operation";
import {
	describeFill,
	formatPoint,
	formatSize,
	terrainBox,
	voxelCount,
} from "../../proposals/terrain-geometry";

const KIND_LABELS: { readonly [kind in OperationKind]: string } = {
	edit_script: "Script edit",
	create_script: "New script",
	create_instance: "New instance",
	set_properties: "Property change",
	rename_instance: "Rename",
	move_instance: "Move",
	delete_instance: "Delete",
	insert_asset: "Asset insert",
	install_kit: "Lesson kit",
	fill_terrain: "Terrain fill",
	clear_terrain: "Terrain clear",
};

/** Where terrain operations write (formatPath of Workspace.Terrain). */
const TERRAIN_PATH = "Workspace/Terrain";

/** Longest property value shown before it is cut with "…". */
const MAX_VALUE_LENGTH = 200;

/** A short label for an operation kind ("Script edit"). */
export function kindLabel(kind: OperationKind): string {
	return KIND_LABELS[kind];
}

/** The kinds a proposal's operations have, labelled, in order of first appearance ("Script edit, Rename"). */
export function proposalKinds(operations: ReadonlyArray<Operation>): string {
	const seen = new Set<OperationKind>();
	const labels = new Array<string>();
	for (const operation of operations) {
		if (seen.has(operation.kind)) continue;
		seen.add(operation.kind);
		labels.push(KIND_LABELS[operation.kind]);
	}
	return labels.size() > 0 ? labels.join(", ") : "No changes";
}

/** The instances an operation works on, or for a creation or insert the parents it puts things in. */
export function targetsOf(operation: Operation): ReadonlyArray<InstancePath> {
	switch (operation.kind) {
		case "create_script":
		case "create_instance":
		case "insert_asset":
			return [operation.parentPath];
		case "install_kit":
			return operation.roots.map((root) => root.parentPath);
		case "fill_terrain":
		case "clear_terrain":
			return [TERRAIN_PATH];
		default:
			return [operation.path];
	}
}

/** The distinct target paths of a proposal, in order of first appearance. */
export function targetPaths(operations: ReadonlyArray<Operation>): Array<InstancePath> {
	const seen = new Set<InstancePath>();
	const paths = new Array<InstancePath>();
	for (const operation of operations) {
		for (const path of targetsOf(operation)) {
			if (seen.has(path)) continue;
			seen.add(path);
			paths.push(path);
		}
	}
	return paths;
}

/** One sentence saying what an operation does ("Rename Workspace/Door to "Gate""). */
export function operationSentence(operation: Operation): string {
	switch (operation.kind) {
		case "edit_script":
			return `Edit ${operation.path}`;
		case "create_script": {
			const context =
				operation.runContext !== undefined && operation.className !== "ModuleScript"
					? ` (RunContext ${operation.runContext})`
					: "";
			return `New ${operation.className} "${operation.name}" in ${operation.parentPath}${context}`;
		}
		case "create_instance":
			return `New ${operation.className} "${operation.name}" in ${operation.parentPath}${instanceExtras(operation)}`;
		case "set_properties":
			return `Set properties of ${operation.path}`;
		case "rename_instance":
			return `Rename ${operation.path} to "${operation.newName}"`;
		case "move_instance":
			return `Move ${operation.path} into ${operation.newParentPath}`;
		case "delete_instance":
			return `Delete ${operation.path}`;
		case "insert_asset":
			return `Insert asset ${string.format("%d", operation.assetId)} into ${operation.parentPath}`;
		case "install_kit": {
			let scripts = 0;
			for (const root of operation.roots) scripts += root.scripts;
			const places = operation.roots.map((root) => root.parentPath).join(", ");
			return `Install Vector's lesson kit ${operation.kitVersion}: ${scripts} scripts into ${places}`;
		}
		case "fill_terrain":
			return `Fill terrain with ${describeFill(operation)} (changes at most ${voxelCount(terrainBox(operation))} voxels)`;
		case "clear_terrain": {
			const { min, max } = operation;
			const size = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
			return `Clear terrain from ${formatPoint(min)} to ${formatPoint(max)} (${formatSize(size)} studs, ${voxelCount(terrainBox(operation))} voxels)`;
		}
	}
}

const MAX_CHILD_NAMES = 6;

/** " (tagged …; attributes …) with N instances inside: A, B, C…" for a created instance, "" when plain. */
function instanceExtras(spec: InstanceSpec): string {
	const notes = new Array<string>();
	if (spec.tags !== undefined && spec.tags.size() > 0) notes.push(`tagged ${spec.tags.join(", ")}`);
	if (spec.attributes !== undefined) {
		const names = new Array<string>();
		for (const [name, value] of pairs(spec.attributes)) names.push(`${name} = ${formatValue(value)}`);
		names.sort();
		if (names.size() > 0) notes.push(`attributes ${names.join(", ")}`);
	}
	let text = notes.size() > 0 ? ` (${notes.join("; ")})` : "";
	const children = spec.children ?? [];
	if (children.size() > 0) {
		const total = countDescendants(spec);
		const names = children.filter((_, index) => index < MAX_CHILD_NAMES).map((child) => `${child.name} (${child.className})`);
		const more = children.size() > MAX_CHILD_NAMES ? ", …" : "";
		text += ` with ${total} instance${total === 1 ? "" : "s"} inside: ${names.join(", ")}${more}`;
	}
	return text;
}

/** A property value as compact JSON (strings quoted), cut to a readable length. */
export function formatValue(value: JsonValue): string {
	const encoded = encodeJson(value);
	const text = encoded.ok ? encoded.text : tostring(value);
	const [length] = utf8.len(text);
	if (!typeIs(length, "number") || length <= MAX_VALUE_LENGTH) return text;
	return text.sub(1, utf8.offset(text, MAX_VALUE_LENGTH + 1)! - 1) + "…";
}

/**
 * The values the properties had before an applied proposal changed them, for the operation at
 * `operationIndex` (a set_properties): applying records one `properties` change per set_properties
 * operation, in order, so the n-th such operation owns the n-th such record.
 */
export function oldPropertyValues(
	operations: ReadonlyArray<Operation>,
	applied: ReadonlyArray<AppliedChange> | undefined,
	operationIndex: number,
): { readonly [property: string]: JsonValue } | undefined {
	if (applied === undefined || operations[operationIndex]?.kind !== "set_properties") return undefined;
	let nth = 0;
	for (let i = 0; i < operationIndex; i++) if (operations[i].kind === "set_properties") nth += 1;
	for (const change of applied) {
		if (change.kind !== "properties") continue;
		if (nth === 0) return change.before;
		nth -= 1;
	}
	return undefined;
}
