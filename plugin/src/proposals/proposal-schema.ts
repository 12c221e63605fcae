/**
 * Validators for proposals read back from plugin settings (after a reload, or written by another
 * version of the plugin): the stored data must be a well-formed proposal — every operation, every
 * applied change — before the store trusts it. One place declares the shape, next to the types in
 * proposal.ts, operation.ts and applied-change.ts.
 */
import { t } from "@rbxts/t";
import { AppliedChange } from "./applied-change";
import { JsonValue, Operation, ScanFinding } from "./operation";
import { Proposal, ProposalState } from "./proposal";
import { SCAN_RULES } from "../studio/asset-scan";

const MAX_JSON_DEPTH = 20;

function jsonValueAt(value: unknown, depth: number): boolean {
	if (typeIs(value, "string") || typeIs(value, "boolean")) return true;
	if (typeIs(value, "number")) return value === value && value !== math.huge && value !== -math.huge;
	if (!typeIs(value, "table") || depth >= MAX_JSON_DEPTH) return false;
	for (const [key, item] of pairs(value as object)) {
		if (!typeIs(key, "string") && !typeIs(key, "number")) return false;
		if (!jsonValueAt(item, depth + 1)) return false;
	}
	return true;
}

/** A JSON value as property values are written (no NaN or infinities, bounded depth). */
export const isJsonValue = (value: unknown): value is JsonValue => jsonValueAt(value, 0);

const isJsonMap = (value: unknown): value is { readonly [key: string]: JsonValue } => {
	if (!typeIs(value, "table")) return false;
	for (const [key, item] of pairs(value as object)) {
		if (!typeIs(key, "string") || !jsonValueAt(item, 1)) return false;
	}
	return true;
};

const isTagList = t.array(t.string);
const MAX_SPEC_DEPTH = 16;

/** An InstanceSpec (operation.ts) and its children, to a bounded depth. */
function instanceSpecAt(value: unknown, depth: number): boolean {
	if (depth > MAX_SPEC_DEPTH || !typeIs(value, "table")) return false;
	const spec = value as { [key: string]: unknown };
	if (!typeIs(spec.className, "string") || !typeIs(spec.name, "string") || !isJsonMap(spec.properties)) return false;
	if (spec.attributes !== undefined && !isJsonMap(spec.attributes)) return false;
	if (spec.tags !== undefined && !isTagList(spec.tags)) return false;
	if (spec.children === undefined) return true;
	if (!t.array(t.any)(spec.children)) return false;
	return (spec.children as Array<defined>).every((child) => instanceSpecAt(child, depth + 1));
}

/** An array of exactly `count` finite numbers (a point, a size, a CFrame's components). */
function numbers(count: number): t.check<ReadonlyArray<number>> {
	return (value: unknown): value is ReadonlyArray<number> => {
		if (!t.array(t.number)(value)) return false;
		const list = value as ReadonlyArray<number>;
		return list.size() === count && list.every((n) => n !== math.huge && n !== -math.huge);
	};
}

const isFinding: t.check<ScanFinding> = t.interface({
	script: t.string,
	line: t.number,
	rule: t.literalList(SCAN_RULES as Array<ScanFinding["rule"]>),
	severity: t.literal("warning", "danger"),
	excerpt: t.string,
});

/** One operation of a proposal. */
export const isOperation: t.check<Operation> = t.union(
	t.interface({ kind: t.literal("edit_script"), path: t.string, base: t.string, after: t.string }),
	t.interface({
		kind: t.literal("create_script"),
		parentPath: t.string,
		name: t.string,
		className: t.literal("Script", "LocalScript", "ModuleScript"),
		source: t.string,
		runContext: t.optional(t.literal("Legacy", "Server", "Client")),
	}),
	(value: unknown): value is Extract<Operation, { kind: "create_instance" }> =>
		t.interface({ kind: t.literal("create_instance"), parentPath: t.string })(value) && instanceSpecAt(value, 0),
	t.interface({ kind: t.literal("set_properties"), path: t.string, properties: isJsonMap }),
	t.interface({ kind: t.literal("rename_instance"), path: t.string, newName: t.string }),
	t.interface({ kind: t.literal("move_instance"), path: t.string, newParentPath: t.string }),
	t.interface({ kind: t.literal("delete_instance"), path: t.string }),
	t.interface({
		kind: t.literal("install_kit"),
		kitVersion: t.string,
		roots: t.array(t.interface({ containers: t.array(t.string), parentPath: t.string, scripts: t.number })),
	}),
	t.interface({
		kind: t.literal("insert_asset"),
		assetId: t.number,
		parentPath: t.string,
		findings: t.array(isFinding),
	}),
	t.interface({
		kind: t.literal("fill_terrain"),
		shape: t.literal("block", "ball", "cylinder", "wedge"),
		material: t.string,
		cframe: numbers(12),
		size: numbers(3),
	}),
	t.interface({ kind: t.literal("clear_terrain"), min: numbers(3), max: numbers(3) }),
) as t.check<Operation>;

/** One recorded change of an applied proposal. */
export const isAppliedChange: t.check<AppliedChange> = t.union(
	t.interface({ kind: t.literal("script_text"), path: t.string, before: t.string, after: t.string }),
	t.interface({ kind: t.literal("created"), path: t.string, className: t.string, source: t.optional(t.string) }),
	t.interface({ kind: t.literal("properties"), path: t.string, before: isJsonMap, after: isJsonMap }),
	t.interface({ kind: t.literal("renamed"), path: t.string, before: t.string, after: t.string }),
	t.interface({ kind: t.literal("moved"), path: t.string, fromParentPath: t.string, toParentPath: t.string }),
	t.interface({
		kind: t.literal("deleted"),
		path: t.string,
		parentPath: t.string,
		name: t.string,
		className: t.string,
	}),
	t.interface({ kind: t.literal("terrain"), min: numbers(3), max: numbers(3) }),
) as t.check<AppliedChange>;

const STATES: Array<ProposalState> = [
	"pending",
	"approved",
	"applying",
	"applied",
	"failed",
	"rejected",
	"stale",
	"reverted",
];

/** A whole proposal as the store saves it. */
export const isProposal: t.check<Proposal> = t.interface({
	id: t.string,
	toolCallId: t.string,
	summary: t.string,
	operations: t.array(isOperation),
	stage: t.optional(t.string),
	state: t.literalList(STATES),
	reason: t.optional(t.string),
	conflicts: t.optional(t.array(t.interface({ path: t.string, detail: t.string }))),
	waypoint: t.optional(t.string),
	applied: t.optional(t.array(isAppliedChange)),
	createdAt: t.number,
	updatedAt: t.number,
}) as t.check<Proposal>;
