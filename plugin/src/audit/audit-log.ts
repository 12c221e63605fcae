/**
 * A local, capped record of what Vector proposed and what became of it: every transition of every
 * proposal (proposed, approved, rejected, applying, applied, failed, stale, reverted) with its time,
 * the proposal's summary, the operations when it was proposed and the reason or waypoint after.
 * It is for the user (and a teacher reviewing a session), kept on this computer in plugin settings.
 *
 * Storage follows roblox-api.md's advice for plugin settings: one JSON string of our own under one
 * plain key (arrays would come back from Studio as string-keyed maps otherwise), validated with t
 * on read. Unreadable or corrupt data never crashes the plugin: the log starts empty (or keeps the
 * entries that are valid) and says so through `warn`. The log in memory is the source of truth for
 * the session; every change writes it whole, and a write Studio refuses is reported once and the
 * log keeps working in memory.
 */
import { t } from "@rbxts/t";
import { describeOperation } from "../proposals/describe-operation";
import { Proposal, ProposalState } from "../proposals/proposal";
import { decodeJson, encodeJson } from "../net/json";
import { SettingsStore } from "../settings/settings-store";

/** The settings key of the log (plain: no dots, quotes, backslashes or newlines). */
export const AUDIT_KEY = "VectorAuditLog";
/** Entries kept; the oldest go first. */
export const AUDIT_CAPACITY = 200;
/** Layout version of the stored JSON. */
const FORMAT_VERSION = 1;
/** Longest reason or detail kept per entry. */
const DETAIL_LIMIT = 500;

/** One transition of one proposal. */
export interface AuditEntry {
	/** os.time() of the transition. */
	readonly at: number;
	readonly proposalId: string;
	/** The state the proposal reached ("pending" = it was proposed). */
	readonly state: ProposalState;
	readonly summary: string;
	/** What it would do, one line per operation (recorded when it is proposed). */
	readonly operations?: ReadonlyArray<string>;
	/** The reason (rejected, failed, stale), or the undo waypoint (applied). */
	readonly detail?: string;
}

const STATES: ReadonlyArray<ProposalState> = [
	"pending",
	"approved",
	"applying",
	"applied",
	"failed",
	"rejected",
	"stale",
	"reverted",
];

const isEntry = t.interface({
	at: t.number,
	proposalId: t.string,
	state: t.literalList(STATES as Array<ProposalState>),
	summary: t.string,
	operations: t.optional(t.array(t.string)),
	detail: t.optional(t.string),
});

const isStored = t.interface({ version: t.literal(FORMAT_VERSION), entries: t.array(t.any) });

export interface AuditLogOptions {
	readonly key?: string;
	readonly capacity?: number;
	/** Where problems with the stored log are reported (default: Roblox's warn). */
	readonly warn?: (message: string) => void;
}

function clip(text: string): string {
	return text.size() > DETAIL_LIMIT ? text.sub(1, DETAIL_LIMIT - 3) + "..." : text;
}

/** The entry for a proposal's current state (what `recordTransition` writes). */
export function entryFor(proposal: Proposal): AuditEntry {
	let detail: string | undefined;
	if (proposal.state === "applied" || proposal.state === "reverted") detail = proposal.waypoint;
	else if (proposal.reason !== undefined) detail = proposal.reason;
	if (proposal.state === "stale" && proposal.conflicts !== undefined && proposal.conflicts.size() > 0) {
		detail = `${detail ?? "stale"} (${proposal.conflicts.size()} conflict(s): ${proposal.conflicts[0].path}: ${proposal.conflicts[0].detail})`;
	}
	return {
		at: proposal.updatedAt,
		proposalId: proposal.id,
		state: proposal.state,
		summary: clip(proposal.summary),
		operations: proposal.state === "pending" ? proposal.operations.map(describeOperation) : undefined,
		detail: detail !== undefined ? clip(detail) : undefined,
	};
}

/** The audit log over a SettingsStore (plugin settings in Studio, a table in specs). */
export class AuditLog {
	private readonly key: string;
	private readonly capacity: number;
	private readonly warn: (message: string) => void;
	private list: Array<AuditEntry>;
	private saveWarned = false;

	constructor(
		private readonly store: SettingsStore,
		options: AuditLogOptions = {},
	) {
		this.key = options.key ?? AUDIT_KEY;
		this.capacity = options.capacity ?? AUDIT_CAPACITY;
		this.warn = options.warn ?? ((message) => warn(message));
		this.list = this.load();
	}

	/** The entries, oldest first. */
	entries(): ReadonlyArray<AuditEntry> {
		return this.list;
	}

	/** Appends an entry (dropping the oldest beyond the cap) and saves. */
	record(entry: AuditEntry): void {
		this.list.push(entry);
		while (this.list.size() > this.capacity) this.list.shift();
		this.save();
	}

	/** Appends the entry for the proposal's current state. */
	recordTransition(proposal: Proposal): void {
		this.record(entryFor(proposal));
	}

	/** Forgets every entry. */
	clear(): void {
		this.list = [];
		this.save();
	}

	private load(): Array<AuditEntry> {
		const [readOk, raw] = pcall(() => this.store.get(this.key));
		if (!readOk) {
			this.warn(`Vector: could not read the audit log (${raw}); starting a new one`);
			return [];
		}
		if (raw === undefined) return [];
		if (!typeIs(raw, "string")) {
			this.warn(`Vector: the saved audit log was a ${typeOf(raw)}, not Vector's JSON text; starting a new one`);
			return [];
		}
		const decoded = decodeJson(raw);
		if (!decoded.ok) {
			this.warn(`Vector: the saved audit log is not valid JSON (${decoded.message}); starting a new one`);
			return [];
		}
		if (!isStored(decoded.value)) {
			this.warn(`Vector: the saved audit log has an unknown layout; starting a new one`);
			return [];
		}
		const entries = new Array<AuditEntry>();
		let dropped = 0;
		for (const item of decoded.value.entries) {
			if (isEntry(item)) entries.push(item as AuditEntry);
			else dropped += 1;
		}
		if (dropped > 0) this.warn(`Vector: dropped ${dropped} unreadable audit log entr${dropped === 1 ? "y" : "ies"}`);
		while (entries.size() > this.capacity) entries.shift();
		return entries;
	}

	private save(): void {
		const encoded = encodeJson(
			{ version: FORMAT_VERSION, entries: this.list },
			{ emptyArrayKeys: new Set(["entries", "operations"]) },
		);
		if (!encoded.ok) {
			this.warnSaveOnce(
				`Vector: the audit log could not be encoded (${encoded.message}); it is kept for this session only`,
			);
			return;
		}
		const [ok, message] = pcall(() => this.store.set(this.key, encoded.text));
		if (!ok)
			this.warnSaveOnce(`Vector: Studio would not save the audit log (${message}); it is kept for this session only`);
	}

	private warnSaveOnce(message: string): void {
		if (this.saveWarned) return;
		this.saveWarned = true;
		this.warn(message);
	}
}
