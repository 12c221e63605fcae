/**
 * Reverts an applied proposal later, from the before-state applying recorded (applied-change.ts),
 * as one ChangeHistoryService recording: the changes are undone in reverse order, so each one
 * finds the place the way the next-later change left it.
 *
 * A revert must not silently destroy work done since. Each step first checks whether the place
 * still holds what the proposal left there; where it does not, reverting that step would clobber
 * a later change, and the revert stops with `needs_confirmation` and the list (the recording is
 * cancelled, nothing changes) unless called with `force`. Script texts are gentler than that: the
 * proposal's edit is taken back out of the current text with the same three-way rebase that
 * applied it, so later edits elsewhere in the script survive and only an overlapping edit counts
 * as clobbered (with `force`, the script gets its old text back whole).
 *
 * Instances are found through the handles kept in memory for the session (they follow renames and
 * moves); after a plugin reload, by the recorded paths. A deleted instance can only come back
 * from memory: after a reload such a revert fails with `cannot_revert`, as it does when a step's
 * instance or destination is gone; `force` does not override those. Terrain is the same: the voxels
 * a terrain write replaced are kept in memory only, and are written back over the write's whole
 * grid box (WriteVoxels); terrain that differs from what the proposal left there counts as
 * clobbered, terrain already back as it was (the user undid it) is left alone.
 */
import { AppliedChange, KeptState } from "./applied-change";
import { RECORDING_BUSY } from "./apply-proposal";
import { JsonValue } from "./operation";
import { Proposal } from "./proposal";
import { canTransition, transition } from "./state-machine";
import { formatPoint, GridBox } from "./terrain-geometry";
import { rebase } from "../diff/rebase";
import { formatPath, resolvePath } from "../studio/instance-path";
import { decodeAs, encodeValue, readProperty, writeProperty } from "../studio/property-codec";
import { StudioApi } from "../studio/studio-api";
import { differingVoxels, readVoxels, sameVoxels, writeVoxels } from "../studio/terrain-voxels";

/** A later change a revert would overwrite. */
export interface Clobber {
	readonly path: string;
	readonly detail: string;
}

export type RevertErrorCode =
	/** The proposal is not applied (never was, or already reverted). */
	| "not_applied"
	/** Something the revert needs is gone (see the message); force does not help. */
	| "cannot_revert"
	/** Another recording of this plugin is open. */
	| "recording_busy"
	/** Studio refused to commit the revert. */
	| "revert_failed";

export type RevertOutcome =
	| { readonly kind: "reverted"; readonly proposal: Proposal }
	/** Nothing was changed: reverting would overwrite these later changes; call again with force to do it anyway. */
	| { readonly kind: "needs_confirmation"; readonly clobbered: ReadonlyArray<Clobber> }
	/** Nothing was changed. */
	| { readonly kind: "failed"; readonly code: RevertErrorCode; readonly message: string };

export interface RevertOptions {
	/** Revert even where later changes would be overwritten. */
	readonly force?: boolean;
}

type StepResult =
	| { readonly kind: "done"; readonly clobbers: ReadonlyArray<Clobber> }
	| { readonly kind: "blocked"; readonly message: string };

const CLEAN: StepResult = { kind: "done", clobbers: [] };

function blocked(message: string): StepResult {
	return { kind: "blocked", message };
}

function done(clobbers: ReadonlyArray<Clobber>): StepResult {
	return { kind: "done", clobbers };
}

/** The undo waypoint name of a revert. */
export function revertWaypointName(proposal: Proposal): string {
	const name = `Vector: revert ${proposal.summary}`;
	return name.size() > 100 ? name.sub(1, 99) + "…" : name;
}

function jsonEquals(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (!typeIs(a, "table") || !typeIs(b, "table")) return false;
	const left = a as { [key: string]: unknown };
	const right = b as { [key: string]: unknown };
	for (const [key, value] of pairs(left)) {
		if (!jsonEquals(value, right[key as string])) return false;
	}
	for (const [key] of pairs(right)) {
		if (left[key as string] === undefined) return false;
	}
	return true;
}

function render(value: JsonValue): string {
	if (typeIs(value, "string")) return `"${value}"`;
	if (typeIs(value, "table")) {
		const list = value as ReadonlyArray<JsonValue>;
		if (list.size() > 0) return `[${list.map(render).join(", ")}]`;
		const parts = new Array<string>();
		for (const [key, item] of pairs(value as { [key: string]: JsonValue })) parts.push(`${key}: ${render(item)}`);
		parts.sort();
		return `{${parts.join(", ")}}`;
	}
	return tostring(value);
}

function inPlace(studio: StudioApi, instance: Instance): boolean {
	return instance.IsDescendantOf(studio.game);
}

/** The instance a change touched: the kept handle while it is in the place, else by path. */
function locate(studio: StudioApi, kept: KeptState, index: number, path: string): Instance | undefined {
	const handle = kept.instances.get(index);
	if (handle && inPlace(studio, handle)) return handle;
	const resolved = resolvePath(studio.game, path);
	return resolved.ok ? resolved.instance : undefined;
}

function attempt(action: () => void): string | undefined {
	const [ok, message] = pcall(action);
	return ok ? undefined : tostring(message);
}

function revertScript(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "script_text" }>,
	force: boolean,
): StepResult {
	const target = locate(studio, kept, index, change.path);
	if (!target || !target.IsA("LuaSourceContainer"))
		return blocked(`the script ${change.path} is no longer in the place`);
	let conflicting = 0;
	studio.updateSource(target, (current) => {
		const result = rebase(change.after, change.before, current);
		if (result.status === "merged") {
			conflicting = 0;
			return result.text;
		}
		conflicting = result.conflicts.size();
		return force ? change.before : undefined;
	});
	if (conflicting === 0) return CLEAN;
	const where = formatPath(target);
	const detail = `the script was edited since, where the proposal changed it (${conflicting} place(s)); reverting restores its whole text from before the proposal`;
	// With force the old text was written whole; without, nothing was written. Either way, report it.
	return done([{ path: where, detail }]);
}

function revertCreated(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "created" }>,
): StepResult {
	const handle = kept.instances.get(index);
	let target: Instance | undefined;
	if (handle) {
		if (!inPlace(studio, handle)) return CLEAN; // removed since: nothing to take back
		target = handle;
	} else {
		const resolved = resolvePath(studio.game, change.path);
		if (!resolved.ok) return CLEAN;
		target = resolved.instance;
		if (target.ClassName !== change.className) {
			return blocked(`${change.path} is now a ${target.ClassName}, not the ${change.className} the proposal created`);
		}
	}
	const clobbers = new Array<Clobber>();
	const now = formatPath(target);
	if (now !== change.path)
		clobbers.push({
			path: now,
			detail: `it was moved or renamed since (created as ${change.path}); reverting deletes it`,
		});
	if (
		change.source !== undefined &&
		target.IsA("LuaSourceContainer") &&
		studio.getEditorSource(target) !== change.source
	) {
		clobbers.push({ path: now, detail: "its script text was edited since it was created; reverting deletes it" });
	}
	const refused = attempt(() => (target!.Parent = undefined));
	if (refused !== undefined) return blocked(`could not remove ${now}: ${refused}`);
	return done(clobbers);
}

function revertProperties(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "properties" }>,
): StepResult {
	const target = locate(studio, kept, index, change.path);
	if (!target) return blocked(`${change.path} is no longer in the place`);
	const exact = kept.values.get(index);
	const clobbers = new Array<Clobber>();
	const names = new Array<string>();
	for (const [name] of pairs(change.before)) names.push(name as string);
	names.sort();
	for (const property of names) {
		const current = readProperty(target, property);
		if (!current.ok) return blocked(current.error.message);
		const now = encodeValue(current.value);
		// Already back at its old value (e.g. the user undid the proposal) is not a later change.
		if (!jsonEquals(now, change.after[property]) && !jsonEquals(now, change.before[property])) {
			clobbers.push({
				path: formatPath(target),
				detail: `${property} was changed since to ${render(now)}; reverting sets it back to ${render(change.before[property])}`,
			});
		}
		let value: unknown;
		if (exact && exact.has(property)) {
			value = exact.get(property);
		} else {
			const decoded = decodeAs(property, current.value, change.before[property], studio.game);
			if (!decoded.ok) return blocked(decoded.error.message);
			value = decoded.value;
		}
		const written = writeProperty(target, property, value);
		if (!written.ok) return blocked(written.error.message);
	}
	return done(clobbers);
}

function revertRenamed(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "renamed" }>,
): StepResult {
	const target = locate(studio, kept, index, change.path);
	if (!target) return blocked(`${change.path} is no longer in the place`);
	const clobbers = new Array<Clobber>();
	if (target.Name !== change.after && target.Name !== change.before) {
		clobbers.push({
			path: formatPath(target),
			detail: `it was renamed again since, to "${target.Name}"; reverting names it "${change.before}"`,
		});
	}
	const refused = attempt(() => (target.Name = change.before));
	if (refused !== undefined) return blocked(`could not rename ${change.path} back: ${refused}`);
	return done(clobbers);
}

function revertMoved(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "moved" }>,
): StepResult {
	const target = locate(studio, kept, index, change.path);
	if (!target) return blocked(`${change.path} is no longer in the place`);
	const origin = resolvePath(studio.game, change.fromParentPath);
	if (!origin.ok) return blocked(`it cannot go back to ${change.fromParentPath}: ${origin.message}`);
	const clobbers = new Array<Clobber>();
	const parentPath = target.Parent ? formatPath(target.Parent) : "nowhere";
	if (parentPath !== change.toParentPath && parentPath !== change.fromParentPath) {
		clobbers.push({
			path: formatPath(target),
			detail: `it was moved again since, into ${parentPath}; reverting moves it back to ${change.fromParentPath}`,
		});
	}
	const refused = attempt(() => (target.Parent = origin.instance));
	if (refused !== undefined) return blocked(`could not move ${change.path} back: ${refused}`);
	return done(clobbers);
}

function revertDeleted(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "deleted" }>,
): StepResult {
	const target = kept.instances.get(index);
	if (!target) {
		return blocked(
			`${change.path} was deleted in an earlier session of the plugin; deleted instances are kept only for the session that deleted them`,
		);
	}
	if (target.Parent !== undefined) return CLEAN; // already back (the user undid the deletion)
	const parent = resolvePath(studio.game, change.parentPath);
	if (!parent.ok) return blocked(`${change.name} cannot go back to ${change.parentPath}: ${parent.message}`);
	const refused = attempt(() => (target.Parent = parent.instance));
	if (refused !== undefined) return blocked(`could not restore ${change.path}: ${refused}`);
	return CLEAN;
}

function revertTerrain(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: Extract<AppliedChange, { kind: "terrain" }>,
): StepResult {
	const where = `the terrain from ${formatPoint(change.min)} to ${formatPoint(change.max)}`;
	const voxels = kept.voxels?.get(index);
	if (!voxels) {
		return blocked(
			`${where} was changed in an earlier session of the plugin; the terrain a proposal replaced is kept only for the session that applied it`,
		);
	}
	const terrain = studio.game.GetService("Workspace").Terrain;
	const { min, max } = change;
	const box: GridBox = { min: [min[0], min[1], min[2]], max: [max[0], max[1], max[2]] };
	const now = readVoxels(terrain, box);
	if (sameVoxels(now, voxels.before)) return CLEAN; // already back (the user undid the change)
	const clobbers = new Array<Clobber>();
	if (!sameVoxels(now, voxels.after)) {
		clobbers.push({
			path: formatPath(terrain),
			detail: `${where} was changed since (${differingVoxels(now, voxels.after)} voxel(s) differ from what the proposal left); reverting puts back all of it as it was before the proposal`,
		});
	}
	const refused = attempt(() => writeVoxels(terrain, box, voxels.before));
	if (refused !== undefined) return blocked(`could not write ${where} back: ${refused}`);
	return done(clobbers);
}

function revertChange(
	studio: StudioApi,
	kept: KeptState,
	index: number,
	change: AppliedChange,
	force: boolean,
): StepResult {
	switch (change.kind) {
		case "script_text":
			return revertScript(studio, kept, index, change, force);
		case "created":
			return revertCreated(studio, kept, index, change);
		case "properties":
			return revertProperties(studio, kept, index, change);
		case "renamed":
			return revertRenamed(studio, kept, index, change);
		case "moved":
			return revertMoved(studio, kept, index, change);
		case "deleted":
			return revertDeleted(studio, kept, index, change);
		case "terrain":
			return revertTerrain(studio, kept, index, change);
	}
}

/**
 * Reverts an applied proposal in one recording. Returns the proposal reverted, or — with nothing
 * changed — `needs_confirmation` (later changes would be overwritten; pass `force` to revert
 * anyway) or a failure. Yields (script writes).
 */
export function revertProposal(
	proposal: Proposal,
	kept: KeptState,
	studio: StudioApi,
	now: () => number,
	options: RevertOptions = {},
): RevertOutcome {
	if (!canTransition(proposal.state, "reverted")) {
		return {
			kind: "failed",
			code: "not_applied",
			message: `proposal ${proposal.id} is ${proposal.state}; only an applied proposal can be reverted`,
		};
	}
	const force = options.force === true;
	const changes = proposal.applied ?? [];
	const waypoint = revertWaypointName(proposal);
	const [began, recording] = pcall(() => studio.beginRecording(waypoint, waypoint));
	if (!began || recording === undefined) {
		return {
			kind: "failed",
			code: "recording_busy",
			message: began ? RECORDING_BUSY : `Studio refused to start recording: ${recording}`,
		};
	}
	const cancel = () => pcall(() => studio.finishRecording(recording, "Cancel"));
	const clobbered = new Array<Clobber>();
	for (let index = changes.size() - 1; index >= 0; index--) {
		const [ran, result] = pcall(() => revertChange(studio, kept, index, changes[index], force));
		const step: StepResult = ran ? (result as StepResult) : blocked(tostring(result));
		if (step.kind === "blocked") {
			cancel();
			return {
				kind: "failed",
				code: "cannot_revert",
				message: `change ${index + 1} of ${changes.size()} cannot be reverted: ${step.message}`,
			};
		}
		for (const clobber of step.clobbers) clobbered.push(clobber);
	}
	if (clobbered.size() > 0 && !force) {
		cancel();
		return { kind: "needs_confirmation", clobbered };
	}
	const [committed, commitError] = pcall(() => studio.finishRecording(recording, "Commit"));
	if (!committed) {
		cancel();
		return { kind: "failed", code: "revert_failed", message: `Studio refused to commit the revert: ${commitError}` };
	}
	const result = transition(proposal, { type: "reverted" }, now());
	if (!result.ok) return { kind: "failed", code: "not_applied", message: result.error.message };
	return { kind: "reverted", proposal: result.proposal };
}
