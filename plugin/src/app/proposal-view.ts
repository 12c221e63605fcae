/**
 * A proposal as its card shows it: what it changes (a title and the target paths), the diffs of its
 * script changes (rendered once per proposal: a proposal's operations never change, so the diff is
 * cached by id), which actions its state allows, and what the user's last action on it left (an
 * action in flight, a revert waiting for confirmation, an error).
 *
 * Diffs are capped by diff/'s renderer (500 rendered lines, 64 KiB per script), so a model that
 * rewrites a huge script cannot make a card that freezes Studio; the card says how much was cut.
 */
import { renderUnifiedDiff, UnifiedDiff } from "../diff/unified-diff";
import { Operation } from "../proposals/operation";
import { Proposal } from "../proposals/proposal";
import { Clobber } from "../proposals/revert-proposal";

/** The diff of one script a proposal edits or creates. */
export interface ScriptDiff {
	readonly path: string;
	/** True for a new script (the diff adds every line). */
	readonly created: boolean;
	readonly diff: UnifiedDiff;
	/** The first changed line of the new text, for Open script. */
	readonly firstChangedLine: number;
}

/** What the user's last action on a proposal left for the card to show. */
export interface ProposalActivity {
	/** An action is in flight (approve/retry/revert apply inside one recording and yield). */
	readonly busy?: "approving" | "rejecting" | "reverting" | "retrying";
	/** A revert would overwrite these later changes: the card asks before reverting anyway. */
	readonly revertConflicts?: ReadonlyArray<Clobber>;
	/** Why the last action did not happen. */
	readonly error?: string;
}

export interface ProposalView {
	readonly proposal: Proposal;
	/** "Edit script", "Create instance", "3 changes"… */
	readonly title: string;
	/** Every path the proposal touches, in operation order, without repeats. */
	readonly targets: ReadonlyArray<string>;
	readonly diffs: ReadonlyArray<ScriptDiff>;
	/** Which buttons the card offers now. */
	readonly canApprove: boolean;
	readonly canReject: boolean;
	readonly canRevert: boolean;
	readonly canRetry: boolean;
	readonly canOpenScript: boolean;
	readonly activity: ProposalActivity;
	/** Made from the asset picker, not by the model. */
	readonly fromUser: boolean;
}

/** The tool call id the asset picker gives the proposals it makes (no model tool call made them). */
export const USER_CALL_PREFIX = "user:";

const TITLES: Record<Operation["kind"], string> = {
	edit_script: "Edit script",
	create_script: "Create script",
	create_instance: "Create instance",
	set_properties: "Set properties",
	rename_instance: "Rename",
	move_instance: "Move",
	delete_instance: "Delete",
	insert_asset: "Insert asset",
	install_kit: "Install lesson kit",
	fill_terrain: "Fill terrain",
	clear_terrain: "Clear terrain",
};

/** The paths an operation touches. */
function pathsOf(operation: Operation): Array<string> {
	switch (operation.kind) {
		case "edit_script":
		case "set_properties":
		case "rename_instance":
		case "delete_instance":
			return [operation.path];
		case "move_instance":
			return [operation.path, operation.newParentPath];
		case "create_script":
		case "create_instance":
			return [`${operation.parentPath}/${operation.name}`];
		case "insert_asset":
			return [operation.parentPath];
		case "install_kit":
			return operation.roots.map((root) => `${root.parentPath}/VectorLessonKit`);
		case "fill_terrain":
		case "clear_terrain":
			return ["Workspace/Terrain"];
	}
}

/** The line of the new text where the first change is (an added line, or where lines were removed). */
function firstChangedLine(diff: UnifiedDiff): number {
	for (const hunk of diff.hunks) {
		let nextNew = math.max(1, hunk.newStart);
		for (const line of hunk.lines) {
			if (line.kind === "added" && line.newLine !== undefined) return line.newLine;
			if (line.kind === "removed") return nextNew;
			if (line.newLine !== undefined) nextNew = line.newLine + 1;
		}
	}
	return 1;
}

function diffsOf(operations: ReadonlyArray<Operation>): Array<ScriptDiff> {
	const diffs = new Array<ScriptDiff>();
	for (const operation of operations) {
		if (operation.kind === "edit_script") {
			const diff = renderUnifiedDiff(operation.base, operation.after);
			diffs.push({ path: operation.path, created: false, diff, firstChangedLine: firstChangedLine(diff) });
		} else if (operation.kind === "create_script") {
			const diff = renderUnifiedDiff("", operation.source);
			diffs.push({ path: `${operation.parentPath}/${operation.name}`, created: true, diff, firstChangedLine: 1 });
		}
	}
	return diffs;
}

function titleOf(operations: ReadonlyArray<Operation>): string {
	if (operations.size() === 1) return TITLES[operations[0].kind];
	return `${operations.size()} changes`;
}

/** Builds proposal views, rendering each proposal's diffs once. */
export class ProposalViews {
	private readonly diffs = new Map<string, Array<ScriptDiff>>();

	/** The view of `proposal` with the user's last `activity` on it. */
	view(proposal: Proposal, activity: ProposalActivity = {}): ProposalView {
		let diffs = this.diffs.get(proposal.id);
		if (diffs === undefined) {
			diffs = diffsOf(proposal.operations);
			this.diffs.set(proposal.id, diffs);
		}
		const targets = new Array<string>();
		for (const operation of proposal.operations) {
			for (const path of pathsOf(operation)) if (!targets.includes(path)) targets.push(path);
		}
		const idle = activity.busy === undefined;
		const state = proposal.state;
		return {
			proposal,
			title: titleOf(proposal.operations),
			targets,
			diffs,
			canApprove: idle && state === "pending",
			canReject: idle && state === "pending",
			canRevert: idle && state === "applied",
			canRetry: idle && state === "failed",
			canOpenScript: proposal.operations.some((operation) => operation.kind === "edit_script"),
			activity,
			fromUser: proposal.toolCallId.sub(1, USER_CALL_PREFIX.size()) === USER_CALL_PREFIX,
		};
	}

	/** Forgets the diffs of proposals no longer shown. */
	retain(ids: ReadonlySet<string>): void {
		for (const [id] of this.diffs) if (!ids.has(id)) this.diffs.delete(id);
	}
}
