/**
 * The session's proposals: where write tools' proposals wait for the user, where Approve, Reject,
 * Retry and Revert land, and what the agent and the UI listen to. Every change of state goes
 * through the state machine, is saved (so the proposals, their states and what an applied one
 * changed survive a plugin reload), is written to the audit log, and is announced to listeners.
 *
 * Storage: one JSON string under one plain key in plugin settings (roblox-api.md), every proposal
 * validated with t on read (proposal-schema.ts); what does not validate is dropped with a warning.
 * A nil read is retried briefly, as Studio can return nil for a moment when several windows write
 * at once. A proposal that was approved or applying when the plugin went away (the user reloaded
 * it mid-apply) is marked failed on load with a reason saying so: whether its recording was
 * committed cannot be known, so the user is pointed at the place and the undo history. Memory of
 * instances for reverts (applied-change.ts KeptState) lives only for the session.
 *
 * The method names and shapes of `create`, `approve`, `reject`, `get` and `onDecision` are those
 * of the agent's ProposalSink, so the agent can use the store as it is.
 */
import { emptyKeptState, KeptState } from "./applied-change";
import { applyProposal } from "./apply-proposal";
import { Operation } from "./operation";
import { Proposal, ProposalState } from "./proposal";
import { isProposal } from "./proposal-schema";
import { revertProposal, RevertOptions, RevertOutcome } from "./revert-proposal";
import { createProposal, ProposalEvent, transition } from "./state-machine";
import { AuditLog } from "../audit/audit-log";
import { decodeJson, encodeJson } from "../net/json";
import { SettingsStore } from "../settings/settings-store";
import { StudioApi } from "../studio/studio-api";

/** The settings key of the saved proposals (plain: no dots, quotes, backslashes or newlines). */
export const PROPOSALS_KEY = "VectorProposals";
/** Proposals kept; beyond it the oldest decided ones are forgotten (they carry whole script texts). */
export const PROPOSAL_CAPACITY = 50;
const FORMAT_VERSION = 1;
const LIST_KEYS = new Set(["proposals", "operations", "applied", "conflicts", "findings"]);

export type StoreErrorCode = "unknown_proposal" | "illegal_transition";

export interface StoreError {
	readonly code: StoreErrorCode;
	readonly message: string;
}

export type StoreResult =
	{ readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly error: StoreError };

/** A revert's outcome, or the store not knowing the proposal. */
export type StoreRevertOutcome =
	RevertOutcome | { readonly kind: "failed"; readonly code: "unknown_proposal"; readonly message: string };

export interface ProposalStoreOptions {
	readonly studio: StudioApi;
	readonly settings: SettingsStore;
	readonly audit?: AuditLog;
	/** Seconds for timestamps (default os.time). */
	readonly now?: () => number;
	readonly key?: string;
	readonly capacity?: number;
	/** Where problems with the saved proposals are reported (default: Roblox's warn). */
	readonly warn?: (message: string) => void;
	/** Reads of a nil value before it counts as "nothing saved" (default 3), and seconds between them (0.1). */
	readonly readAttempts?: number;
	readonly readDelay?: number;
}

type Listener = (proposal: Proposal) => void;

/** States in which the agent has an answer for the model (ProposalSink's "decided"). */
const DECIDED: ReadonlySet<ProposalState> = new Set(["applied", "failed", "stale", "rejected", "reverted"]);
/** States that may still change without the user: never forgotten to make room. */
const OPEN: ReadonlySet<ProposalState> = new Set(["pending", "approved", "applying"]);

export class ProposalStore {
	private readonly studio: StudioApi;
	private readonly settings: SettingsStore;
	private readonly audit?: AuditLog;
	private readonly now: () => number;
	private readonly key: string;
	private readonly capacity: number;
	private readonly warn: (message: string) => void;
	private readonly proposals = new Map<string, Proposal>();
	private readonly order = new Array<string>();
	private readonly kept = new Map<string, KeptState>();
	private readonly listeners = new Array<Listener>();
	private counter = 0;
	private saveWarned = false;

	/** Loads the saved proposals (may yield briefly: see the header). */
	constructor(options: ProposalStoreOptions) {
		this.studio = options.studio;
		this.settings = options.settings;
		this.audit = options.audit;
		this.now = options.now ?? (() => os.time());
		this.key = options.key ?? PROPOSALS_KEY;
		this.capacity = options.capacity ?? PROPOSAL_CAPACITY;
		this.warn = options.warn ?? ((message) => warn(message));
		this.load(options.readAttempts ?? 3, options.readDelay ?? 0.1);
	}

	/** Records a new pending proposal made by tool call `toolCallId`. */
	create(summary: string, operations: ReadonlyArray<Operation>, toolCallId: string, stage?: string): Proposal {
		const proposal = createProposal({ id: this.newId(), toolCallId, summary, operations, stage }, this.now());
		this.order.push(proposal.id);
		this.commit(proposal);
		return proposal;
	}

	/** The proposal with this id as it is now. */
	get(id: string): Proposal | undefined {
		return this.proposals.get(id);
	}

	/** Every proposal, oldest first. */
	list(): ReadonlyArray<Proposal> {
		return this.order.map((id) => this.proposals.get(id)!);
	}

	/** Approves a pending proposal and applies it at once. Yields. Returns it applied, failed or stale. */
	approve(id: string): StoreResult {
		const approved = this.step(id, { type: "approve" });
		if (!approved.ok) return approved;
		return this.apply(approved.proposal);
	}

	/** Rejects a pending proposal, with the user's reason when given. */
	reject(id: string, reason?: string): StoreResult {
		return this.step(id, { type: "reject", reason });
	}

	/** Applies a failed proposal again (its paths are resolved anew). Yields. */
	retry(id: string): StoreResult {
		const approved = this.step(id, { type: "retry" });
		if (!approved.ok) return approved;
		return this.apply(approved.proposal);
	}

	/**
	 * Reverts an applied proposal in one undo step. Without `force`, a revert that would overwrite
	 * later changes changes nothing and answers `needs_confirmation` with the list. Yields.
	 */
	revert(id: string, options?: RevertOptions): StoreRevertOutcome {
		const proposal = this.proposals.get(id);
		if (!proposal) return { kind: "failed", code: "unknown_proposal", message: `there is no proposal ${id}` };
		const outcome = revertProposal(proposal, this.kept.get(id) ?? emptyKeptState(), this.studio, this.now, options);
		if (outcome.kind === "reverted") {
			this.kept.delete(id);
			this.commit(outcome.proposal);
		}
		return outcome;
	}

	/** Calls `listener` after every change of any proposal (created or transitioned). Returns the unsubscribe function. */
	onChange(listener: Listener): () => void {
		this.listeners.push(listener);
		return () => {
			const index = this.listeners.indexOf(listener);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** Calls `listener` when a proposal reaches a decided state (applied, failed, stale, rejected, reverted). */
	onDecision(listener: Listener): () => void {
		return this.onChange((proposal) => {
			if (DECIDED.has(proposal.state)) listener(proposal);
		});
	}

	private apply(approved: Proposal): StoreResult {
		const applying = this.step(approved.id, { type: "begin_apply" });
		if (!applying.ok) return applying;
		const outcome = applyProposal(applying.proposal, this.studio, this.now);
		if (!outcome.ok) return { ok: false, error: outcome.error };
		if (outcome.proposal.state === "applied") this.kept.set(outcome.proposal.id, outcome.kept);
		this.commit(outcome.proposal);
		return { ok: true, proposal: outcome.proposal };
	}

	private step(id: string, event: ProposalEvent): StoreResult {
		const proposal = this.proposals.get(id);
		if (!proposal) return { ok: false, error: { code: "unknown_proposal", message: `there is no proposal ${id}` } };
		const result = transition(proposal, event, this.now());
		if (!result.ok) return result;
		this.commit(result.proposal);
		return { ok: true, proposal: result.proposal };
	}

	/** Stores, saves, audits and announces a proposal's new version. */
	private commit(proposal: Proposal): void {
		this.proposals.set(proposal.id, proposal);
		this.prune();
		this.save();
		this.audit?.recordTransition(proposal);
		for (const listener of [...this.listeners]) {
			const [ok, message] = pcall(listener, proposal);
			if (!ok) this.warn(`Vector: a proposal listener failed: ${message}`);
		}
	}

	/** Forgets the oldest decided proposals beyond the capacity. */
	private prune(): void {
		let excess = this.order.size() - this.capacity;
		let index = 0;
		while (excess > 0 && index < this.order.size()) {
			const id = this.order[index];
			if (OPEN.has(this.proposals.get(id)!.state)) {
				index += 1;
			} else {
				this.order.remove(index);
				this.proposals.delete(id);
				this.kept.delete(id);
				excess -= 1;
			}
		}
	}

	private newId(): string {
		for (;;) {
			this.counter += 1;
			const id = string.format("p%x-%d", this.now(), this.counter);
			if (!this.proposals.has(id)) return id;
		}
	}

	private read(attempts: number, delay: number): unknown {
		for (let attempt = 1; attempt <= attempts; attempt++) {
			const [ok, raw] = pcall(() => this.settings.get(this.key));
			if (!ok) {
				this.warn(`Vector: could not read the saved proposals (${raw}); starting without them`);
				return undefined;
			}
			if (raw !== undefined) return raw;
			if (attempt < attempts) task.wait(delay);
		}
		return undefined;
	}

	private load(attempts: number, delay: number): void {
		const raw = this.read(attempts, delay);
		if (raw === undefined) return;
		const fail = (why: string) => this.warn(`Vector: the saved proposals ${why}; starting without them`);
		if (!typeIs(raw, "string")) return fail(`were a ${typeOf(raw)}, not Vector's JSON text`);
		const decoded = decodeJson(raw);
		if (!decoded.ok) return fail(`are not valid JSON (${decoded.message})`);
		const stored = decoded.value as { version?: unknown; proposals?: unknown };
		if (!typeIs(stored, "table") || stored.version !== FORMAT_VERSION || !typeIs(stored.proposals, "table")) {
			return fail("have an unknown layout");
		}
		let dropped = 0;
		let interrupted = false;
		for (const item of stored.proposals as Array<unknown>) {
			if (!isProposal(item) || this.proposals.has(item.id)) {
				dropped += 1;
				continue;
			}
			let proposal: Proposal = item;
			if (proposal.state === "approved" || proposal.state === "applying") {
				proposal = this.interrupted(proposal);
				interrupted = true;
			}
			this.proposals.set(proposal.id, proposal);
			this.order.push(proposal.id);
		}
		if (dropped > 0) this.warn(`Vector: dropped ${dropped} unreadable saved proposal(s)`);
		if (interrupted) this.save();
	}

	/** A proposal the plugin was about to apply or applying when it went away, marked failed. */
	private interrupted(proposal: Proposal): Proposal {
		const reason =
			proposal.state === "applying"
				? "the plugin was reloaded while this proposal was being applied; check the place and Studio's undo history before retrying"
				: "the plugin was reloaded before this proposal was applied; nothing was changed, retry to apply it";
		let current = proposal;
		const events: Array<ProposalEvent> =
			proposal.state === "approved"
				? [{ type: "begin_apply" }, { type: "failed", reason }]
				: [{ type: "failed", reason }];
		for (const event of events) {
			const result = transition(current, event, this.now());
			if (result.ok) current = result.proposal;
		}
		this.audit?.recordTransition(current);
		return current;
	}

	private save(): void {
		const encoded = encodeJson({ version: FORMAT_VERSION, proposals: this.list() }, { emptyArrayKeys: LIST_KEYS });
		if (!encoded.ok) {
			this.warnSaveOnce(
				`Vector: the proposals could not be encoded (${encoded.message}); they are kept for this session only`,
			);
			return;
		}
		const [ok, message] = pcall(() => this.settings.set(this.key, encoded.text));
		if (!ok)
			this.warnSaveOnce(
				`Vector: Studio would not save the proposals (${message}); they are kept for this session only`,
			);
	}

	private warnSaveOnce(message: string): void {
		if (this.saveWarned) return;
		this.saveWarned = true;
		this.warn(message);
	}
}
