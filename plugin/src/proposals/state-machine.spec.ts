/// <reference types="@rbxts/testez/globals" />
import { canTransition, createProposal, isFinal, ProposalEvent, transition } from "./state-machine";
import { Proposal, ProposalState } from "./proposal";

const STATES: ReadonlyArray<ProposalState> = ["pending", "approved", "applying", "applied", "failed", "rejected", "stale", "reverted"];

const EVENTS: ReadonlyArray<ProposalEvent> = [
	{ type: "approve" },
	{ type: "reject", reason: "not now" },
	{ type: "begin_apply" },
	{ type: "applied", waypoint: "Vector: rename", applied: [{ kind: "renamed", path: "Workspace/B", before: "A", after: "B" }] },
	{ type: "failed", reason: "operation 1 of 1 failed" },
	{ type: "stale", reason: "the script changed", conflicts: [{ path: "Workspace/S", detail: "line 2" }] },
	{ type: "reverted" },
	{ type: "retry" },
];

/** The whole legal table: state → event → next state. */
const LEGAL: { [state: string]: { [event: string]: ProposalState } } = {
	pending: { approve: "approved", reject: "rejected" },
	approved: { begin_apply: "applying" },
	applying: { applied: "applied", failed: "failed", stale: "stale" },
	applied: { reverted: "reverted" },
	failed: { retry: "approved" },
};

function inState(state: ProposalState): Proposal {
	return { ...createProposal({ id: "p1", toolCallId: "call_1", summary: "Rename A to B", operations: [] }, 100), state };
}

function step(proposal: Proposal, event: ProposalEvent, now: number): Proposal {
	const result = transition(proposal, event, now);
	if (!result.ok) error(result.error.message);
	return result.proposal;
}

export = () => {
	it("creates proposals pending, stamped with their creation time", () => {
		const proposal = createProposal({ id: "p1", toolCallId: "call_1", summary: "s", operations: [] }, 42);
		expect(proposal.state).to.equal("pending");
		expect(proposal.createdAt).to.equal(42);
		expect(proposal.updatedAt).to.equal(42);
	});

	it("allows exactly the legal transitions, from every state, for every event", () => {
		let checked = 0;
		for (const state of STATES) {
			for (const event of EVENTS) {
				const expected = LEGAL[state]?.[event.type];
				const result = transition(inState(state), event, 200);
				expect(canTransition(state, event.type)).to.equal(expected !== undefined);
				if (expected === undefined) {
					expect(result.ok).to.equal(false);
					if (!result.ok) {
						expect(result.error.code).to.equal("illegal_transition");
						expect(result.error.message.find(`is ${state}: "${event.type}" does not apply`, 1, true)[0] !== undefined).to.equal(true);
					}
				} else {
					expect(result.ok).to.equal(true);
					if (result.ok) {
						expect(result.proposal.state).to.equal(expected);
						expect(result.proposal.updatedAt).to.equal(200);
						expect(result.proposal.createdAt).to.equal(100);
					}
				}
				checked += 1;
			}
		}
		expect(checked).to.equal(64);
	});

	it("says what a state accepts when an event does not apply", () => {
		const result = transition(inState("pending"), { type: "revert" as never }, 1);
		expect(!result.ok && result.error.message).to.equal('proposal p1 is pending: "revert" does not apply (it accepts approve, reject)');
		const final = transition(inState("stale"), { type: "retry" }, 1);
		expect(!final.ok && final.error.message).to.equal('proposal p1 is stale: "retry" does not apply (it is final)');
	});

	it("treats rejected, stale and reverted as final", () => {
		for (const state of STATES) {
			expect(isFinal(state)).to.equal(state === "rejected" || state === "stale" || state === "reverted");
		}
	});

	it("walks the happy path, stamping every transition", () => {
		let proposal = inState("pending");
		proposal = step(proposal, { type: "approve" }, 110);
		expect(proposal.updatedAt).to.equal(110);
		proposal = step(proposal, { type: "begin_apply" }, 120);
		proposal = step(proposal, EVENTS[3], 130);
		expect(proposal.state).to.equal("applied");
		expect(proposal.waypoint).to.equal("Vector: rename");
		expect(proposal.applied!.size()).to.equal(1);
		proposal = step(proposal, { type: "reverted" }, 140);
		expect(proposal.state).to.equal("reverted");
		expect(proposal.updatedAt).to.equal(140);
		expect(proposal.waypoint).to.equal("Vector: rename");
	});

	it("keeps the reason of a rejection, a failure and a stale apply, with the conflicts", () => {
		expect(step(inState("pending"), EVENTS[1], 1).reason).to.equal("not now");
		expect(step(inState("applying"), EVENTS[4], 1).reason).to.equal("operation 1 of 1 failed");
		const stale = step(inState("applying"), EVENTS[5], 1);
		expect(stale.reason).to.equal("the script changed");
		expect(stale.conflicts![0].detail).to.equal("line 2");
	});

	it("clears the failure reason when a failed proposal is retried", () => {
		const failed = step(inState("applying"), EVENTS[4], 1);
		const retried = step(failed, { type: "retry" }, 2);
		expect(retried.state).to.equal("approved");
		expect(retried.reason).to.equal(undefined);
	});

	it("never changes the proposal it was given", () => {
		const proposal = inState("pending");
		step(proposal, { type: "approve" }, 999);
		expect(proposal.state).to.equal("pending");
		expect(proposal.updatedAt).to.equal(100);
	});
};
