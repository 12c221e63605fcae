/**
 * The legal life of a proposal, as pure functions: each transition takes a proposal and an event
 * and returns the next proposal (stamped with the time of the transition) or an error saying why
 * the event does not apply in that state. Nothing else changes a proposal's state, so the UI, the
 * agent and the store cannot disagree about what may happen next.
 *
 *   pending  --approve-->  approved  --begin_apply-->  applying  --applied-->  applied  --reverted-->  reverted
 *   pending  --reject--->  rejected                    applying  --failed--->  failed   --retry---->  approved
 *                                                      applying  --stale---->  stale
 *
 * Decisions:
 * - failed → approved (retry): a failed apply changed nothing (its recording was cancelled) and its
 *   paths are resolved again on the next apply, so the same operations may simply be tried again;
 *   the user's approval is what retry expresses, so it goes straight back to approved.
 * - stale is final: its script edit was made against a text the user has since changed in the same
 *   place, so retrying it would conflict again; the model has to read the script and propose anew.
 * - rejected and reverted are final. An approved proposal is applied at once, so it cannot be
 *   rejected any more.
 */
import { AppliedChange } from "./applied-change";
import { Operation } from "./operation";
import { Proposal, ProposalConflict, ProposalState } from "./proposal";

export type ProposalEvent =
	| { readonly type: "approve" }
	| { readonly type: "reject"; readonly reason?: string }
	| { readonly type: "begin_apply" }
	| { readonly type: "applied"; readonly waypoint: string; readonly applied: ReadonlyArray<AppliedChange> }
	| { readonly type: "failed"; readonly reason: string }
	| { readonly type: "stale"; readonly reason: string; readonly conflicts: ReadonlyArray<ProposalConflict> }
	| { readonly type: "reverted" }
	| { readonly type: "retry" };

export type ProposalEventType = ProposalEvent["type"];

export interface TransitionError {
	readonly code: "illegal_transition";
	readonly message: string;
}

export type TransitionResult =
	{ readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly error: TransitionError };

/** Which events each state accepts, and the state each leads to. */
const TRANSITIONS: { readonly [state in ProposalState]: { readonly [event in ProposalEventType]?: ProposalState } } = {
	pending: { approve: "approved", reject: "rejected" },
	approved: { begin_apply: "applying" },
	applying: { applied: "applied", failed: "failed", stale: "stale" },
	applied: { reverted: "reverted" },
	failed: { retry: "approved" },
	rejected: {},
	stale: {},
	reverted: {},
};

/** The states nothing leads out of. */
export function isFinal(state: ProposalState): boolean {
	for (const [_] of pairs(TRANSITIONS[state])) return false;
	return true;
}

/** Whether `event` may happen to a proposal in `state`. */
export function canTransition(state: ProposalState, event: ProposalEventType): boolean {
	return TRANSITIONS[state][event] !== undefined;
}

/** A new proposal, pending the user's decision. */
export function createProposal(
	fields: {
		readonly id: string;
		readonly toolCallId: string;
		readonly summary: string;
		readonly operations: ReadonlyArray<Operation>;
		readonly stage?: string;
	},
	now: number,
): Proposal {
	return {
		id: fields.id,
		toolCallId: fields.toolCallId,
		summary: fields.summary,
		operations: fields.operations,
		...(fields.stage !== undefined ? { stage: fields.stage } : {}),
		state: "pending",
		createdAt: now,
		updatedAt: now,
	};
}

function accepted(state: ProposalState): string {
	const events = new Array<string>();
	for (const [event] of pairs(TRANSITIONS[state])) events.push(event);
	events.sort();
	return events.size() === 0 ? "it is final" : `it accepts ${events.join(", ")}`;
}

/**
 * Applies `event` to `proposal` at time `now`. Returns the next proposal, or an
 * `illegal_transition` error naming the state and what it accepts.
 */
export function transition(proposal: Proposal, event: ProposalEvent, now: number): TransitionResult {
	const target = TRANSITIONS[proposal.state][event.type];
	if (target === undefined) {
		return {
			ok: false,
			error: {
				code: "illegal_transition",
				message: `proposal ${proposal.id} is ${proposal.state}: "${event.type}" does not apply (${accepted(proposal.state)})`,
			},
		};
	}
	const base = { ...proposal, state: target, updatedAt: now };
	switch (event.type) {
		case "reject":
			return { ok: true, proposal: { ...base, reason: event.reason } };
		case "applied":
			return {
				ok: true,
				proposal: {
					...base,
					reason: undefined,
					conflicts: undefined,
					waypoint: event.waypoint,
					applied: event.applied,
				},
			};
		case "failed":
			return { ok: true, proposal: { ...base, reason: event.reason } };
		case "stale":
			return { ok: true, proposal: { ...base, reason: event.reason, conflicts: event.conflicts } };
		case "retry":
			return { ok: true, proposal: { ...base, reason: undefined, conflicts: undefined } };
		default:
			return { ok: true, proposal: base };
	}
}
