/**
 * A proposal and its life: pending → approved → applying → applied | failed | rejected | stale, and
 * applied → reverted. Proposals are plain data (they are saved in plugin settings and survive a
 * reload); proposals/state-machine.ts owns the legal transitions.
 */
import { AppliedChange } from "./applied-change";
import { Operation } from "./operation";

export type ProposalState = "pending" | "approved" | "applying" | "applied" | "failed" | "rejected" | "stale" | "reverted";

/** A conflicting region of a stale script edit, for the UI (from diff/rebase.ts). */
export interface ProposalConflict {
	readonly path: string;
	/** Human-readable description of the overlapping hunks. */
	readonly detail: string;
}

export interface Proposal {
	readonly id: string;
	/** The tool call that produced it (to answer the model with the outcome). */
	readonly toolCallId: string;
	/** The model's one-line note on what and why. */
	readonly summary: string;
	readonly operations: ReadonlyArray<Operation>;
	/** The lesson stage it builds (lesson/lesson-progress.ts), when the model named one. */
	readonly stage?: string;
	readonly state: ProposalState;
	/** Why it failed, went stale or was rejected (with the user's reason when they gave one). */
	readonly reason?: string;
	readonly conflicts?: ReadonlyArray<ProposalConflict>;
	/** Name of the undo waypoint it was applied as. */
	readonly waypoint?: string;
	/** What applying did, with the before-state a revert restores (proposals/applied-change.ts). */
	readonly applied?: ReadonlyArray<AppliedChange>;
	/** Virtual/real seconds (os.time()) of creation and of the last transition. */
	readonly createdAt: number;
	readonly updatedAt: number;
}
