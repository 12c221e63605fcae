/// <reference types="@rbxts/testez/globals" />
import { AUDIT_KEY, AuditEntry, AuditLog, entryFor } from "./audit-log";
import { createMemorySettingsStore } from "../settings/settings-store";
import { Proposal } from "../proposals/proposal";
import { createProposal, transition } from "../proposals/state-machine";

function entry(index: number): AuditEntry {
	return {
		at: 1000 + index,
		proposalId: `p${index}`,
		state: "applied",
		summary: `change ${index}`,
		detail: "Vector: change",
	};
}

export = () => {
	let warnings: Array<string>;
	const options = () => ({ warn: (message: string) => warnings.push(message) });

	beforeEach(() => {
		warnings = [];
	});

	it("persists entries as one JSON string under one plain key and reads them back", () => {
		const store = createMemorySettingsStore();
		const log = new AuditLog(store, options());
		log.record(entry(1));
		log.record(entry(2));
		expect(typeIs(store.values.get(AUDIT_KEY), "string")).to.equal(true);
		const reloaded = new AuditLog(store, options());
		expect(reloaded.entries().size()).to.equal(2);
		expect(reloaded.entries()[1].proposalId).to.equal("p2");
		expect(reloaded.entries()[1].detail).to.equal("Vector: change");
		expect(warnings.size()).to.equal(0);
	});

	it("keeps only the newest entries beyond the cap", () => {
		const store = createMemorySettingsStore();
		const log = new AuditLog(store, { ...options(), capacity: 5 });
		for (let i = 1; i <= 8; i++) log.record(entry(i));
		expect(log.entries().size()).to.equal(5);
		expect(log.entries()[0].proposalId).to.equal("p4");
		expect(new AuditLog(store, { ...options(), capacity: 5 }).entries()[4].proposalId).to.equal("p8");
	});

	it("caps at 200 entries by default", () => {
		const log = new AuditLog(createMemorySettingsStore(), options());
		for (let i = 1; i <= 230; i++) log.record(entry(i));
		expect(log.entries().size()).to.equal(200);
		expect(log.entries()[0].proposalId).to.equal("p31");
	});

	it("starts empty with a warning when the stored log is corrupt, never crashing", () => {
		const cases: Array<unknown> = ["{not json", 42, '{"version": 99, "entries": []}', '{"entries": "x"}', "[]"];
		for (const stored of cases) {
			warnings = [];
			const store = createMemorySettingsStore({ [AUDIT_KEY]: stored });
			const log = new AuditLog(store, options());
			expect(log.entries().size()).to.equal(0);
			expect(warnings.size()).to.equal(1);
			expect(warnings[0].find("starting a new one", 1, true)[0] !== undefined).to.equal(true);
			log.record(entry(1));
			expect(new AuditLog(store, options()).entries().size()).to.equal(1);
		}
	});

	it("keeps the valid entries and drops the unreadable ones", () => {
		const stored =
			'{"version":1,"entries":[{"at":1,"proposalId":"p1","state":"applied","summary":"ok"},' +
			'{"at":"yesterday","proposalId":"p2","state":"applied","summary":"bad time"},' +
			'{"at":3,"proposalId":"p3","state":"exploded","summary":"bad state"}]}';
		const log = new AuditLog(createMemorySettingsStore({ [AUDIT_KEY]: stored }), options());
		expect(log.entries().size()).to.equal(1);
		expect(warnings[0]).to.equal("Vector: dropped 2 unreadable audit log entries");
	});

	it("keeps working in memory when Studio will not read or save settings", () => {
		const broken = {
			get(): unknown {
				error("settings are unavailable");
			},
			set() {
				error("settings are unavailable");
			},
		};
		const log = new AuditLog(broken, options());
		log.record(entry(1));
		log.record(entry(2));
		expect(log.entries().size()).to.equal(2);
		expect(warnings.size()).to.equal(2);
		expect(warnings[1].find("Studio would not save the audit log", 1, true)[0] !== undefined).to.equal(true);
	});

	it("records what was proposed, decided and applied, and the outcome", () => {
		const log = new AuditLog(createMemorySettingsStore(), options());
		let proposal: Proposal = createProposal(
			{
				id: "p1",
				toolCallId: "call_1",
				summary: "Rename the door",
				operations: [{ kind: "rename_instance", path: "Workspace/Door", newName: "Gate" }],
			},
			10,
		);
		log.recordTransition(proposal);
		for (const [event, at] of [
			[{ type: "approve" as const }, 11],
			[{ type: "begin_apply" as const }, 12],
			[{ type: "failed" as const, reason: 'operation 1 of 1 failed: no child named "Door"' }, 13],
		] as const) {
			const result = transition(proposal, event, at);
			if (!result.ok) error(result.error.message);
			proposal = result.proposal;
			log.recordTransition(proposal);
		}
		const entries = log.entries();
		expect(entries.map((e) => `${e.at}:${e.state}`).join(" ")).to.equal("10:pending 11:approved 12:applying 13:failed");
		expect(entries[0].operations![0]).to.equal('rename_instance Workspace/Door to "Gate"');
		expect(entries[1].operations).to.equal(undefined);
		expect(entries[3].detail).to.equal('operation 1 of 1 failed: no child named "Door"');
	});

	it("describes stale outcomes with their first conflict and applied ones with their waypoint", () => {
		const base = createProposal({ id: "p1", toolCallId: "c", summary: "s", operations: [] }, 1);
		const stale = entryFor({
			...base,
			state: "stale",
			reason: "the script changed",
			conflicts: [{ path: "S", detail: "line 2" }],
		});
		expect(stale.detail).to.equal("the script changed (1 conflict(s): S: line 2)");
		expect(entryFor({ ...base, state: "applied", waypoint: "Vector: s" }).detail).to.equal("Vector: s");
	});

	it("clears", () => {
		const store = createMemorySettingsStore();
		const log = new AuditLog(store, options());
		log.record(entry(1));
		log.clear();
		expect(new AuditLog(store, options()).entries().size()).to.equal(0);
	});
};
