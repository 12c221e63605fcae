/**
 * The loop's only view of the proposal store (proposals/, built separately): the loop hands it the
 * proposals write tools make and learns their outcome from it, whoever decided them (the user's
 * Approve/Reject in the UI, or the loop itself under auto-approve). Kept this small so wiring the
 * real store is an adapter of a few lines, and specs pass an in-memory one.
 */
import { Operation } from "../proposals/operation";
import { Proposal, ProposalState } from "../proposals/proposal";

export interface ProposalSink {
	/**
	 * Records a new pending proposal made by tool call `toolCallId` (building lesson stage `stage`, if
	 * any) and returns it (with its id).
	 */
	create(summary: string, operations: ReadonlyArray<Operation>, toolCallId: string, stage?: string): Proposal;
	/**
	 * Approves and applies a pending proposal (used by auto-approve). May yield while applying. The
	 * outcome (applied, failed or stale) is reported through `onDecision` like any other.
	 */
	approve(id: string): void;
	/** Rejects a pending proposal with the user's reason (also used to withdraw one when the task stops). */
	reject(id: string, reason: string): void;
	/** The proposal with this id as it is now, or undefined when the store does not know it. */
	get(id: string): Proposal | undefined;
	/**
	 * Calls `listener` whenever a proposal reaches a decided state (applied, failed, stale, rejected,
	 * reverted). Returns the function that unsubscribes.
	 */
	onDecision(listener: (proposal: Proposal) => void): () => void;
}

/** States after which the loop has an answer for the model. */
export function isDecided(state: ProposalState): boolean {
	return state === "applied" || state === "failed" || state === "stale" || state === "rejected" || state === "reverted";
}
