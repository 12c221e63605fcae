/**
 * Applies an approved proposal to the place as one ChangeHistoryService recording, so it is one
 * undo step and a failure half-way leaves no trace: TryBeginRecording → every operation in order
 * → FinishRecording(Commit). Any error → FinishRecording(Cancel), which reverts everything the
 * recording saw, and the proposal fails with the operation's index and what went wrong.
 *
 * Readings of the engine facts (roblox-api.md):
 * - Paths are resolved when each operation runs, so an operation sees what the earlier ones did.
 * - edit_script writes with UpdateSourceAsync only. The callback rebases the proposal (base →
 *   after) onto the text it is handed — Studio calls it again with fresh text if the user typed
 *   meanwhile — and returns nil on a conflict, which cancels the write; the proposal then goes
 *   stale with the conflicting hunks and the recording is cancelled.
 * - Script texts are written last. At its place in the order an edit_script resolves its script
 *   and checks the rebase against the editor's text (a conflict goes stale right there); the
 *   writes themselves happen after every other operation succeeded. No operation depends on a
 *   script's text, so the outcome is the same, but a failing operation can no longer come after
 *   a script write: Cancel restores Source, and the editor's unsaved text (a draft the rebase
 *   kept) is not guaranteed to come back with it, so a draft is never put at risk by a failure
 *   elsewhere in the proposal.
 * - create_script sets Source on the new script *before* parenting it: a script that is not in
 *   the place has no editor document and no user text that UpdateSourceAsync would protect, and
 *   parenting it is the one change the recording captures (Cancel un-parents it, Undo too).
 * - delete_instance parents to nil instead of Destroy: the recording can undo both, but only an
 *   instance whose Parent is not locked can be brought back by a later revert.
 * - insert_asset loads the asset (game:GetObjects, which yields on the network) *before* the
 *   recording opens, so no yield on the network happens while our recording is open; the asset is
 *   scanned again and the apply refuses if the scan finds anything the user was not shown.
 * - fill_terrain and clear_terrain write Workspace.Terrain inside the same recording, so Cancel
 *   and Undo take them back with everything else. Before writing, the grid box the write can
 *   touch (terrain-geometry.ts) is read with ReadVoxels, and read again after: both copies are kept
 *   in memory so a revert can write the old voxels back (WriteVoxels) and tell whether the terrain
 *   was changed since. A clear must be aligned to the voxel grid (FillRegion's rule) and a fill's
 *   material must be a terrain material (Air is clear_terrain's): both are checked here again, as
 *   the tools did, with a message rather than left to whatever Roblox does with them.
 * - Services, the Terrain and the workspace camera are never renamed, moved or deleted
 *   (protected-instance.ts); Roblox's own rules (no cycles, locked parents) apply on top.
 */
import { CollectionService } from "@rbxts/services";
import { AppliedChange, KeptState, KeptVoxels } from "./applied-change";
import { describeOperation } from "./describe-operation";
import { InstanceSpec, Operation, ScanFinding } from "./operation";
import { protectionOf } from "./protected-instance";
import { Proposal, ProposalConflict } from "./proposal";
import { transition, TransitionError } from "./state-machine";
import { onGrid, regionOf, TERRAIN_FILL_MATERIALS, terrainBox, VOXEL_SIZE } from "./terrain-geometry";
import { rebase, RebaseConflict } from "../diff/rebase";
import { KIT_ROOT } from "../lesson/kit-names";
import { copyKitRoot, pluginKitVersion } from "../lesson/kit-installer";
import { scanAsset } from "../studio/asset-scan";
import { formatPath, resolvePath } from "../studio/instance-path";
import { checkWritable, decodeAs, encodeValue, writeProperty } from "../studio/property-codec";
import { StudioApi } from "../studio/studio-api";
import { readVoxels } from "../studio/terrain-voxels";

/** What applying produced: the proposal in its new state (applied, failed or stale) and what was kept in memory. */
export type ApplyOutcome =
	| { readonly ok: true; readonly proposal: Proposal; readonly kept: KeptState }
	| { readonly ok: false; readonly error: TransitionError };

/** The message a proposal fails with when another recording of this plugin is open. */
export const RECORDING_BUSY = "another change is being recorded, try again";

/** The undo waypoint name of a proposal (Studio's Undo menu shows it). */
export function waypointName(proposal: Proposal): string {
	const name = `Vector: ${proposal.summary}`;
	return name.size() > 100 ? name.sub(1, 99) + "…" : name;
}

type StepResult =
	| { readonly kind: "done" }
	| { readonly kind: "failed"; readonly message: string }
	| { readonly kind: "stale"; readonly conflicts: ReadonlyArray<RebaseConflict>; readonly path: string };

const DONE: StepResult = { kind: "done" };

function failed(message: string): StepResult {
	return { kind: "failed", message };
}

/** Collects the applied changes and the instances and exact values kept for a revert. */
class Recorder {
	readonly changes = new Array<AppliedChange>();
	readonly instances = new Map<number, Instance>();
	readonly values = new Map<number, ReadonlyMap<string, unknown>>();
	readonly voxels = new Map<number, KeptVoxels>();

	add(change: AppliedChange, instance: Instance, values?: ReadonlyMap<string, unknown>, voxels?: KeptVoxels): void {
		const index = this.changes.size();
		this.changes.push(change);
		this.instances.set(index, instance);
		if (values) this.values.set(index, values);
		if (voxels) this.voxels.set(index, voxels);
	}
}

/** The first line of a conflicting hunk side, trimmed and short, for the UI. */
function firstLine(text: string): string {
	const [line] = text.match("^[^\r\n]*");
	const trimmed = ((line as string | undefined) ?? "").gsub("^%s+", "")[0].gsub("%s+$", "")[0];
	if (trimmed === "") return "(blank)";
	return trimmed.size() > 60 ? trimmed.sub(1, 57) + "..." : trimmed;
}

function lineSpan(start: number, count: number): string {
	if (count <= 1) return `line ${start + 1}`;
	return `lines ${start + 1}–${start + count}`;
}

/** A conflict of the rebase as the proposal records it: where, and what each side has there. */
export function describeConflict(path: string, conflict: RebaseConflict): ProposalConflict {
	const theirs = conflict.theirs.count === 0 ? "deleted those lines" : `now has "${firstLine(conflict.theirs.text)}"`;
	return {
		path,
		detail: `${lineSpan(conflict.theirs.start, math.max(conflict.theirs.count, 1))}: the editor ${theirs} where the proposal changes "${firstLine(conflict.base.text)}" to "${firstLine(conflict.ours.text)}"`,
	};
}

function resolveOrFail(place: DataModel, path: string): Instance | string {
	const resolved = resolvePath(place, path);
	return resolved.ok ? resolved.instance : resolved.message;
}

function assign(action: () => void): string | undefined {
	const [ok, message] = pcall(action);
	return ok ? undefined : tostring(message);
}

/** Sorted property names, so properties are written in the same order every time. */
function sortedNames(properties: { readonly [property: string]: unknown }): Array<string> {
	const names = new Array<string>();
	for (const [name] of pairs(properties)) names.push(name as string);
	names.sort();
	return names;
}

/** Decodes and writes each property of `properties` onto `target`; the first failure is returned. */
function writeProperties(
	place: DataModel,
	target: Instance,
	properties: { readonly [property: string]: unknown },
	before?: { [property: string]: unknown },
	exact?: Map<string, unknown>,
	after?: { [property: string]: unknown },
): string | undefined {
	for (const property of sortedNames(properties)) {
		const current = checkWritable(target, property);
		if (!current.ok) return current.error.message;
		const decoded = decodeAs(property, current.value, properties[property], place);
		if (!decoded.ok) return decoded.error.message;
		const written = writeProperty(target, property, decoded.value);
		if (!written.ok) return written.error.message;
		if (before && exact && after) {
			if (!exact.has(property)) {
				exact.set(property, current.value);
				before[property] = encodeValue(current.value);
			}
			after[property] = encodeValue((target as unknown as { [key: string]: unknown })[property]);
		}
	}
	return undefined;
}

/**
 * Parents an instance built unparented (the one change the recording needs to see) and records it as
 * created, with the script text a revert compares against when it is a script.
 */
function putInPlace(
	parent: Instance,
	parentPath: string,
	created: Instance,
	what: string,
	recorder: Recorder,
	source?: string,
): StepResult {
	const refused = assign(() => (created.Parent = parent));
	if (refused !== undefined) return failed(`could not put ${what} in ${parentPath}: ${refused}`);
	const change: AppliedChange = { kind: "created", path: formatPath(created), className: created.ClassName, source };
	recorder.add(change, created);
	return DONE;
}

/** A script edit checked at its place in the order, written after every other operation. */
interface PendingWrite {
	readonly index: number;
	readonly operation: Extract<Operation, { kind: "edit_script" }>;
	readonly target: LuaSourceContainer;
}

function checkEditScript(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "edit_script" }>,
	index: number,
	pending: Array<PendingWrite>,
): StepResult {
	const target = resolveOrFail(studio.game, operation.path);
	if (typeIs(target, "string")) return failed(target);
	if (!target.IsA("LuaSourceContainer")) return failed(`${operation.path} is a ${target.ClassName}, not a script`);
	const check = rebase(operation.base, operation.after, studio.getEditorSource(target));
	if (check.status === "stale") return { kind: "stale", conflicts: check.conflicts, path: operation.path };
	pending.push({ index, operation, target });
	return DONE;
}

function writeScript(studio: StudioApi, write: PendingWrite, recorder: Recorder): StepResult {
	const { operation, target } = write;
	let before = "";
	let conflicts: ReadonlyArray<RebaseConflict> = [];
	const outcome = studio.updateSource(target, (current) => {
		before = current;
		const result = rebase(operation.base, operation.after, current);
		if (result.status === "merged") {
			conflicts = [];
			return result.text;
		}
		conflicts = result.conflicts;
		return undefined;
	});
	if (outcome.kind === "cancelled") return { kind: "stale", conflicts, path: operation.path };
	recorder.add({ kind: "script_text", path: formatPath(target), before, after: outcome.text }, target);
	return DONE;
}

function runCreateScript(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "create_script" }>,
	recorder: Recorder,
): StepResult {
	const parent = resolveOrFail(studio.game, operation.parentPath);
	if (typeIs(parent, "string")) return failed(parent);
	const created = new Instance(operation.className);
	created.Name = operation.name;
	(created as ModuleScript).Source = operation.source;
	if (operation.runContext !== undefined && operation.className !== "ModuleScript") {
		const written = writeProperty(created, "RunContext", Enum.RunContext[operation.runContext]);
		if (!written.ok) return failed(written.error.message);
	}
	return putInPlace(parent, operation.parentPath, created, `the ${operation.className}`, recorder, operation.source);
}

/**
 * Builds `spec` and its children, unparented (the caller parents the root, the one change the
 * recording needs to see). Returns the instance, or what failed and where in the tree.
 */
function buildInstance(place: DataModel, spec: InstanceSpec, where: string): Instance | string {
	const [made, created] = pcall(() => new Instance(spec.className as keyof CreatableInstances));
	if (!made) return `${where}"${spec.className}" is not a class Instance.new can create (${created})`;
	const instance = created as Instance;
	instance.Name = spec.name;
	const problem = writeProperties(place, instance, spec.properties);
	if (problem !== undefined) return `${where}${problem}`;
	for (const name of sortedNames(spec.attributes ?? {})) {
		const refused = assign(() => instance.SetAttribute(name, spec.attributes![name] as AttributeValue));
		if (refused !== undefined) return `${where}attribute ${name}: ${refused}`;
	}
	for (const tag of spec.tags ?? []) {
		const refused = assign(() => CollectionService.AddTag(instance, tag));
		if (refused !== undefined) return `${where}tag ${tag}: ${refused}`;
	}
	const children = spec.children ?? [];
	for (let i = 0; i < children.size(); i++) {
		const child = buildInstance(place, children[i], `${where}children[${i}] ${children[i].className} "${children[i].name}": `);
		if (typeIs(child, "string")) return child;
		const refused = assign(() => (child.Parent = instance));
		if (refused !== undefined) return `${where}could not put ${children[i].name} inside: ${refused}`;
	}
	return instance;
}

function runCreateInstance(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "create_instance" }>,
	recorder: Recorder,
): StepResult {
	const parent = resolveOrFail(studio.game, operation.parentPath);
	if (typeIs(parent, "string")) return failed(parent);
	const built = buildInstance(studio.game, operation, "");
	if (typeIs(built, "string")) return failed(built);
	return putInPlace(parent, operation.parentPath, built, `the ${operation.className}`, recorder);
}

/**
 * Copies the plugin's lesson kit into the place, root by root. The kit must be the one the proposal
 * was made with (same version and content hash): a plugin updated between proposal and approval fails
 * the proposal rather than install something the teacher did not approve.
 */
function runInstallKit(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "install_kit" }>,
	recorder: Recorder,
): StepResult {
	const kit = studio.lessonKit;
	if (kit === undefined) return failed("this build of Vector carries no lesson kit");
	const version = pluginKitVersion(kit);
	if (version !== operation.kitVersion) {
		return failed(
			`Vector's lesson kit is now ${version ?? "unreadable"}, not the ${operation.kitVersion} this proposal was made with; ask Vector to propose the install again`,
		);
	}
	for (const root of operation.roots) {
		const parent = resolveOrFail(studio.game, root.parentPath);
		if (typeIs(parent, "string")) return failed(parent);
		if (parent.FindFirstChild(KIT_ROOT) !== undefined) {
			return failed(`${root.parentPath} already has a ${KIT_ROOT}; remove it or ask Vector to propose the install again`);
		}
		const copy = copyKitRoot(kit, root.containers);
		if (typeIs(copy, "string")) return failed(copy);
		const put = putInPlace(parent, root.parentPath, copy, "the lesson kit", recorder);
		if (put.kind !== "done") return put;
	}
	return DONE;
}

function runSetProperties(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "set_properties" }>,
	recorder: Recorder,
): StepResult {
	const target = resolveOrFail(studio.game, operation.path);
	if (typeIs(target, "string")) return failed(target);
	const before: { [property: string]: unknown } = {};
	const after: { [property: string]: unknown } = {};
	const exact = new Map<string, unknown>();
	const problem = writeProperties(studio.game, target, operation.properties, before, exact, after);
	if (problem !== undefined) return failed(problem);
	recorder.add(
		{ kind: "properties", path: formatPath(target), before: before as never, after: after as never },
		target,
		exact,
	);
	return DONE;
}

function runRename(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "rename_instance" }>,
	recorder: Recorder,
): StepResult {
	const target = resolveOrFail(studio.game, operation.path);
	if (typeIs(target, "string")) return failed(target);
	const protection = protectionOf(target);
	if (protection !== undefined) return failed(`${operation.path} cannot be renamed: ${protection}`);
	const before = target.Name;
	const refused = assign(() => (target.Name = operation.newName));
	if (refused !== undefined) return failed(`could not rename ${operation.path}: ${refused}`);
	recorder.add({ kind: "renamed", path: formatPath(target), before, after: operation.newName }, target);
	return DONE;
}

function runMove(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "move_instance" }>,
	recorder: Recorder,
): StepResult {
	const target = resolveOrFail(studio.game, operation.path);
	if (typeIs(target, "string")) return failed(target);
	const protection = protectionOf(target);
	if (protection !== undefined) return failed(`${operation.path} cannot be moved: ${protection}`);
	const destination = resolveOrFail(studio.game, operation.newParentPath);
	if (typeIs(destination, "string")) return failed(destination);
	if (destination === target || destination.IsDescendantOf(target)) {
		return failed(
			`${operation.path} cannot be moved into ${operation.newParentPath}: that is the instance itself or inside it`,
		);
	}
	const from = target.Parent!;
	const fromParentPath = formatPath(from);
	const refused = assign(() => (target.Parent = destination));
	if (refused !== undefined) return failed(`could not move ${operation.path}: ${refused}`);
	recorder.add(
		{ kind: "moved", path: formatPath(target), fromParentPath, toParentPath: formatPath(destination) },
		target,
	);
	return DONE;
}

function runDelete(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "delete_instance" }>,
	recorder: Recorder,
): StepResult {
	const target = resolveOrFail(studio.game, operation.path);
	if (typeIs(target, "string")) return failed(target);
	const protection = protectionOf(target);
	if (protection !== undefined) return failed(`${operation.path} cannot be deleted: ${protection}`);
	const parent = target.Parent!;
	const change: AppliedChange = {
		kind: "deleted",
		path: formatPath(target),
		parentPath: formatPath(parent),
		name: target.Name,
		className: target.ClassName,
	};
	const refused = assign(() => (target.Parent = undefined));
	if (refused !== undefined) return failed(`could not delete ${operation.path}: ${refused}`);
	recorder.add(change, target);
	return DONE;
}

function runInsertAsset(
	studio: StudioApi,
	operation: Extract<Operation, { kind: "insert_asset" }>,
	roots: ReadonlyArray<Instance>,
	recorder: Recorder,
): StepResult {
	const parent = resolveOrFail(studio.game, operation.parentPath);
	if (typeIs(parent, "string")) return failed(parent);
	for (const root of roots) {
		const put = putInPlace(parent, operation.parentPath, root, `"${root.Name}"`, recorder);
		if (put.kind !== "done") return put;
	}
	return DONE;
}

type TerrainOperation = Extract<Operation, { kind: "fill_terrain" | "clear_terrain" }>;

/** The Enum.Material item of a terrain fill material's name, or undefined when it is not one. */
function terrainMaterial(name: string): Enum.Material | undefined {
	if (!TERRAIN_FILL_MATERIALS.includes(name)) return undefined;
	return Enum.Material.GetEnumItems().find((item) => item.Name === name);
}

/** The Terrain's fill call for an operation (the material already checked). */
function writeTerrain(terrain: Terrain, operation: TerrainOperation): void {
	if (operation.kind === "clear_terrain") {
		terrain.FillRegion(regionOf(terrainBox(operation)), VOXEL_SIZE, Enum.Material.Air);
		return;
	}
	const material = terrainMaterial(operation.material)!;
	const [x, y, z, r00, r01, r02, r10, r11, r12, r20, r21, r22] = operation.cframe as Array<number>;
	const cframe = new CFrame(x, y, z, r00, r01, r02, r10, r11, r12, r20, r21, r22);
	const [sx, sy, sz] = operation.size as Array<number>;
	switch (operation.shape) {
		case "block":
			return terrain.FillBlock(cframe, new Vector3(sx, sy, sz), material);
		case "wedge":
			return terrain.FillWedge(cframe, new Vector3(sx, sy, sz), material);
		case "ball":
			return terrain.FillBall(cframe.Position, sx / 2, material);
		case "cylinder":
			return terrain.FillCylinder(cframe, sy, sx / 2, material);
	}
}

function runTerrain(studio: StudioApi, operation: TerrainOperation, recorder: Recorder): StepResult {
	const box = terrainBox(operation);
	if (operation.kind === "clear_terrain" && ![...box.min, ...box.max].every(onGrid)) {
		return failed(
			`the region to clear must lie on the ${VOXEL_SIZE}-stud voxel grid (every coordinate a multiple of ${VOXEL_SIZE})`,
		);
	}
	if (operation.kind === "fill_terrain" && terrainMaterial(operation.material) === undefined) {
		return failed(`"${operation.material}" is not a terrain material (use one of ${TERRAIN_FILL_MATERIALS.join(", ")})`);
	}
	const terrain = studio.game.GetService("Workspace").Terrain;
	const before = readVoxels(terrain, box);
	const refused = assign(() => writeTerrain(terrain, operation));
	if (refused !== undefined) return failed(`Studio refused the terrain write: ${refused}`);
	const after = readVoxels(terrain, box);
	recorder.add({ kind: "terrain", min: box.min, max: box.max }, terrain, undefined, { before, after });
	return DONE;
}

function findingKey(finding: ScanFinding): string {
	return `${finding.script}|${finding.line}|${finding.rule}`;
}

/** Findings of a fresh scan that the proposal (as the user saw it) did not list. */
function unseenFindings(shown: ReadonlyArray<ScanFinding>, now: ReadonlyArray<ScanFinding>): Array<ScanFinding> {
	const known = new Set<string>();
	for (const finding of shown) known.add(findingKey(finding));
	return now.filter((finding) => !known.has(findingKey(finding)));
}

function label(index: number, total: number, operation: Operation): string {
	return `operation ${index + 1} of ${total} (${describeOperation(operation)})`;
}

/** Loads every asset of the proposal before the recording opens; a failure message, or the roots by operation index. */
function preloadAssets(studio: StudioApi, proposal: Proposal): Map<number, ReadonlyArray<Instance>> | string {
	const loaded = new Map<number, ReadonlyArray<Instance>>();
	const total = proposal.operations.size();
	for (let index = 0; index < total; index++) {
		const operation = proposal.operations[index];
		if (operation.kind !== "insert_asset") continue;
		const [ok, roots] = pcall(() => studio.loadAsset(operation.assetId));
		if (!ok) {
			discard(loaded);
			return `${label(index, total, operation)} failed: ${roots}`;
		}
		const assetRoots = roots as ReadonlyArray<Instance>;
		const unseen = unseenFindings(operation.findings, scanAsset(assetRoots));
		if (unseen.size() > 0) {
			loaded.set(index, assetRoots);
			discard(loaded);
			return (
				`${label(index, total, operation)} failed: the asset changed since it was scanned: ${unseen.size()} finding(s) ` +
				`the proposal did not show (first: ${unseen[0].rule} in ${unseen[0].script}); propose the insert again so they can be reviewed`
			);
		}
		loaded.set(index, assetRoots);
	}
	return loaded;
}

/** Destroys loaded asset roots that did not end up in the place. */
function discard(loaded: ReadonlyMap<number, ReadonlyArray<Instance>>): void {
	for (const [, roots] of loaded) {
		for (const root of roots) {
			if (root.Parent === undefined) pcall(() => root.Destroy());
		}
	}
}

function runOperation(
	studio: StudioApi,
	operation: Operation,
	index: number,
	assets: ReadonlyArray<Instance> | undefined,
	recorder: Recorder,
	pending: Array<PendingWrite>,
): StepResult {
	switch (operation.kind) {
		case "edit_script":
			return checkEditScript(studio, operation, index, pending);
		case "create_script":
			return runCreateScript(studio, operation, recorder);
		case "create_instance":
			return runCreateInstance(studio, operation, recorder);
		case "set_properties":
			return runSetProperties(studio, operation, recorder);
		case "rename_instance":
			return runRename(studio, operation, recorder);
		case "move_instance":
			return runMove(studio, operation, recorder);
		case "delete_instance":
			return runDelete(studio, operation, recorder);
		case "insert_asset":
			return runInsertAsset(studio, operation, assets ?? [], recorder);
		case "install_kit":
			return runInstallKit(studio, operation, recorder);
		case "fill_terrain":
		case "clear_terrain":
			return runTerrain(studio, operation, recorder);
	}
}

function settle(
	proposal: Proposal,
	outcome: Parameters<typeof transition>[1],
	now: number,
	kept: KeptState,
): ApplyOutcome {
	const result = transition(proposal, outcome, now);
	if (!result.ok) return result;
	return { ok: true, proposal: result.proposal, kept };
}

/**
 * Applies a proposal in the `applying` state (the caller moved it there and told the UI). Yields
 * (script writes, asset loads). Returns the proposal applied (with the waypoint and the applied
 * changes), failed (with the reason; the place is as before) or stale (a script edit conflicts
 * with the user's text; the place is as before), plus what was kept in memory for a revert.
 */
export function applyProposal(proposal: Proposal, studio: StudioApi, now: () => number): ApplyOutcome {
	if (proposal.state !== "applying") {
		return {
			ok: false,
			error: { code: "illegal_transition", message: `proposal ${proposal.id} is ${proposal.state}, not applying` },
		};
	}
	const nothingKept: KeptState = { instances: new Map(), values: new Map() };
	const assets = preloadAssets(studio, proposal);
	if (typeIs(assets, "string")) return settle(proposal, { type: "failed", reason: assets }, now(), nothingKept);

	const waypoint = waypointName(proposal);
	const [began, recording] = pcall(() => studio.beginRecording(waypoint, waypoint));
	if (!began || recording === undefined) {
		discard(assets);
		const reason = began ? RECORDING_BUSY : `Studio refused to start recording the change: ${recording}`;
		return settle(proposal, { type: "failed", reason }, now(), nothingKept);
	}

	const recorder = new Recorder();
	const total = proposal.operations.size();
	const cancel = (): string | undefined => {
		const [ok, message] = pcall(() => studio.finishRecording(recording, "Cancel"));
		discard(assets);
		return ok ? undefined : ` (cancelling the recording also failed: ${message})`;
	};
	const pending = new Array<PendingWrite>();
	const stop = (index: number, step: StepResult): ApplyOutcome | undefined => {
		const operation = proposal.operations[index];
		if (step.kind === "failed") {
			const extra = cancel() ?? "";
			return settle(
				proposal,
				{ type: "failed", reason: `${label(index, total, operation)} failed: ${step.message}${extra}` },
				now(),
				nothingKept,
			);
		}
		if (step.kind === "stale") {
			const extra = cancel() ?? "";
			return settle(
				proposal,
				{
					type: "stale",
					reason: `${label(index, total, operation)}: the script changed where the proposal edits it, so nothing was applied; read it again and propose anew${extra}`,
					conflicts: step.conflicts.map((conflict) => describeConflict(step.path, conflict)),
				},
				now(),
				nothingKept,
			);
		}
		return undefined;
	};
	for (let index = 0; index < total; index++) {
		const operation = proposal.operations[index];
		const [ran, result] = pcall(() => runOperation(studio, operation, index, assets.get(index), recorder, pending));
		const stopped = stop(index, ran ? (result as StepResult) : failed(tostring(result)));
		if (stopped) return stopped;
	}
	for (const write of pending) {
		const [ran, result] = pcall(() => writeScript(studio, write, recorder));
		const stopped = stop(write.index, ran ? (result as StepResult) : failed(tostring(result)));
		if (stopped) return stopped;
	}
	const [committed, commitError] = pcall(() => studio.finishRecording(recording, "Commit"));
	if (!committed) {
		const extra = cancel() ?? "";
		return settle(
			proposal,
			{ type: "failed", reason: `Studio refused to commit the change: ${commitError}${extra}` },
			now(),
			nothingKept,
		);
	}
	return settle(proposal, { type: "applied", waypoint, applied: recorder.changes }, now(), {
		instances: recorder.instances,
		values: recorder.values,
		voxels: recorder.voxels,
	});
}
