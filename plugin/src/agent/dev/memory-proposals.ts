/**
 * Spec support (dev build only): an in-memory ProposalSink standing in for the proposal store.
 * `approve` applies at once (or fails / goes stale, as set by `approveOutcome`), `decide` plays the
 * user's or the applier's part, and listeners are told synchronously, as a store would.
 */
import { Operation } from "../../proposals/operation";
import { Proposal, ProposalState } from "../../proposals/proposal";
import { ProposalSink } from "../proposal-sink";

export class MemoryProposals implements ProposalSink {
	readonly proposals = new Map<string, Proposal>();
	/** What happened, in order: "create p1", "approve p1", "reject p1: reason". */
	readonly log = new Array<string>();
	/** The state `approve` leads to. */
	approveOutcome: "applied" | "failed" | "stale" = "applied";
	private readonly listeners = new Array<(proposal: Proposal) => void>();
	private counter = 0;

	create(summary: string, operations: ReadonlyArray<Operation>, toolCallId: string): Proposal {
		this.counter += 1;
		const proposal: Proposal = {
			id: `p${this.counter}`,
			toolCallId,
			summary,
			operations,
			state: "pending",
			createdAt: os.time(),
			updatedAt: os.time(),
		};
		this.proposals.set(proposal.id, proposal);
		this.log.push(`create ${proposal.id}`);
		return proposal;
	}

	approve(id: string): void {
		this.log.push(`approve ${id}`);
		const proposal = this.proposals.get(id);
		if (proposal === undefined || proposal.state !== "pending") return;
		if (this.approveOutcome === "applied") this.decide(id, "applied", { waypoint: `Vector: ${proposal.summary}` });
		else this.decide(id, this.approveOutcome, { reason: `it went ${this.approveOutcome}` });
	}

	reject(id: string, reason: string): void {
		this.log.push(`reject ${id}: ${reason}`);
		const proposal = this.proposals.get(id);
		if (proposal === undefined || proposal.state !== "pending") return;
		this.decide(id, "rejected", { reason });
	}

	get(id: string): Proposal | undefined {
		return this.proposals.get(id);
	}

	onDecision(listener: (proposal: Proposal) => void): () => void {
		this.listeners.push(listener);
		return () => {
			const index = this.listeners.indexOf(listener);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** Moves a proposal to `state` and tells the listeners (for pending/approved/applying too). */
	decide(
		id: string,
		state: ProposalState,
		extra: Partial<Pick<Proposal, "reason" | "waypoint" | "conflicts">> = {},
	): void {
		const proposal = this.proposals.get(id);
		if (proposal === undefined) error(`no proposal ${id}`);
		const updated: Proposal = { ...proposal, ...extra, state, updatedAt: os.time() };
		this.proposals.set(id, updated);
		for (const listener of [...this.listeners]) listener(updated);
	}

	/** Forgets a proposal (as a store that lost it). */
	forget(id: string): void {
		this.proposals.delete(id);
	}

	/** How many listeners are subscribed. */
	listenerCount(): number {
		return this.listeners.size();
	}
}
