/**
 * Spec support (dev build only): proposals in any state, built from operations the way the store
 * would hold them, for the card specs.
 */
import { AppliedChange } from "../../../proposals/applied-change";
import { Operation, ScanFinding } from "../../../proposals/operation";
import { Proposal, ProposalConflict, ProposalState } from "../../../proposals/proposal";

export interface ProposalExtras {
	readonly id?: string;
	readonly summary?: string;
	readonly reason?: string;
	readonly conflicts?: ReadonlyArray<ProposalConflict>;
	readonly waypoint?: string;
	readonly applied?: ReadonlyArray<AppliedChange>;
}

/** A proposal of `operations` in `state`. */
export function proposalOf(
	operations: ReadonlyArray<Operation>,
	state: ProposalState = "pending",
	extras: ProposalExtras = {},
): Proposal {
	return {
		id: extras.id ?? "p1",
		toolCallId: "call-1",
		summary: extras.summary ?? "Make the door open when touched",
		operations,
		state,
		reason: extras.reason,
		conflicts: extras.conflicts,
		waypoint: extras.waypoint,
		applied: extras.applied,
		createdAt: 100,
		updatedAt: 100,
	};
}

export const DOOR_SCRIPT_BEFORE = "local door = script.Parent\nlocal open = false\n\nreturn door\n";
export const DOOR_SCRIPT_AFTER =
	"local door = script.Parent\nlocal open = false\n\ndoor.Touched:Connect(function()\n\topen = true\nend)\n\nreturn door\n";

export const EDIT_DOOR: Operation = {
	kind: "edit_script",
	path: "Workspace/Door/DoorScript",
	base: DOOR_SCRIPT_BEFORE,
	after: DOOR_SCRIPT_AFTER,
};

export const SET_DOOR: Operation = {
	kind: "set_properties",
	path: "Workspace/Door",
	properties: { Anchored: true, Transparency: 0.5, BrickColor: "Bright red" },
};

export const WARNING: ScanFinding = {
	script: "Tree/Leaves/Sway",
	line: 12,
	rule: "http",
	severity: "warning",
	excerpt: 'game:GetService("HttpService"):GetAsync(url)',
};

export const DANGER: ScanFinding = {
	script: "Tree/Script",
	line: 3,
	rule: "require_id",
	severity: "danger",
	excerpt: "require(4815162342)",
};

/** An insert with the given findings. */
export function insertWith(findings: ReadonlyArray<ScanFinding>): Operation {
	return { kind: "insert_asset", assetId: 1818, parentPath: "Workspace", findings };
}
