/// <reference types="@rbxts/testez/globals" />
import { PROPOSALS_KEY, ProposalStore, ProposalStoreOptions } from "./proposal-store";
import { Operation } from "./operation";
import { Proposal } from "./proposal";
import { cleanUp, editorText, userTypes } from "./dev/spec-place";
import { AuditLog } from "../audit/audit-log";
import { encodeJson } from "../net/json";
import { createMemorySettingsStore } from "../settings/settings-store";
import { createStudioApi } from "../studio/create-studio-api";

const ROOT = "Workspace/VectorStoreSpec";
const BASE = "local a = 1\nlocal b = 2\n";

export = () => {
	let root: Folder;
	let door: Part;
	let main: Script;
	let warnings: Array<string>;
	let clock: number;
	let settings: ReturnType<typeof createMemorySettingsStore>;

	beforeEach(() => {
		root = new Instance("Folder");
		root.Name = "VectorStoreSpec";
		door = new Instance("Part");
		door.Name = "Door";
		door.Parent = root;
		main = new Instance("Script");
		main.Name = "Main";
		main.Source = BASE;
		main.Parent = root;
		root.Parent = game.GetService("Workspace");
		warnings = [];
		clock = 100;
		settings = createMemorySettingsStore();
	});

	afterEach(() => {
		cleanUp(root);
		root.Destroy();
	});

	const options = (extra: Partial<ProposalStoreOptions> = {}): ProposalStoreOptions => ({
		studio: createStudioApi(),
		settings,
		now: () => {
			clock += 1;
			return clock;
		},
		warn: (message) => warnings.push(message),
		readAttempts: 1,
		...extra,
	});

	const rename = (newName: string): Array<Operation> => [{ kind: "rename_instance", path: `${ROOT}/Door`, newName }];

	const expectOk = (result: { ok: boolean; proposal?: Proposal; error?: { message: string } }): Proposal => {
		if (!result.ok) error(result.error!.message);
		return result.proposal!;
	};

	describe("deciding", () => {
		it("creates pending proposals, saves them, and tells listeners", () => {
			const store = new ProposalStore(options());
			const seen = new Array<string>();
			store.onChange((proposal) => seen.push(proposal.state));
			const proposal = store.create("Rename the door", rename("Gate"), "call_1");
			expect(proposal.state).to.equal("pending");
			expect(proposal.toolCallId).to.equal("call_1");
			expect(store.get(proposal.id)).to.equal(proposal);
			expect(typeIs(settings.values.get(PROPOSALS_KEY), "string")).to.equal(true);
			expect(seen.join(",")).to.equal("pending");
		});

		it("applies on approval, announcing every step, and only decisions to decision listeners", () => {
			const audit = new AuditLog(createMemorySettingsStore(), { warn: (message) => warnings.push(message) });
			const store = new ProposalStore(options({ audit }));
			const changes = new Array<string>();
			const decisions = new Array<string>();
			store.onChange((proposal) => changes.push(proposal.state));
			store.onDecision((proposal) => decisions.push(proposal.state));
			const proposal = store.create("Rename the door", rename("Gate"), "call_1");
			const applied = expectOk(store.approve(proposal.id));
			expect(applied.state).to.equal("applied");
			expect(door.Name).to.equal("Gate");
			expect(changes.join(",")).to.equal("pending,approved,applying,applied");
			expect(decisions.join(",")).to.equal("applied");
			expect(
				audit
					.entries()
					.map((entry) => entry.state)
					.join(","),
			).to.equal("pending,approved,applying,applied");
			expect(audit.entries()[3].detail).to.equal("Vector: Rename the door");
		});

		it("rejects with the user's reason, and refuses what the state machine refuses", () => {
			const store = new ProposalStore(options());
			const proposal = store.create("Rename", rename("Gate"), "call_1");
			const rejected = expectOk(store.reject(proposal.id, "keep the name"));
			expect(rejected.state).to.equal("rejected");
			expect(rejected.reason).to.equal("keep the name");
			const again = store.approve(proposal.id);
			expect(again.ok).to.equal(false);
			expect(!again.ok && again.error.code).to.equal("illegal_transition");
			expect(door.Name).to.equal("Door");
			const unknown = store.approve("nope");
			expect(!unknown.ok && unknown.error.message).to.equal("there is no proposal nope");
		});

		it("goes stale instead of overwriting the user's overlapping edit", () => {
			const store = new ProposalStore(options());
			const decisions = new Array<Proposal>();
			store.onDecision((proposal) => decisions.push(proposal));
			const proposal = store.create(
				"Change b",
				[{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: "local a = 1\nlocal b = 20\n" }],
				"call_1",
			);
			userTypes(main, 2, "local b = 200");
			const stale = expectOk(store.approve(proposal.id));
			expect(stale.state).to.equal("stale");
			expect(editorText(main)).to.equal("local a = 1\nlocal b = 200\n");
			expect(decisions[0].conflicts!.size()).to.equal(1);
		});

		it("retries a failed proposal once the place allows it", () => {
			const store = new ProposalStore(options());
			const proposal = store.create(
				"Move the door",
				[{ kind: "move_instance", path: `${ROOT}/Door`, newParentPath: `${ROOT}/Room` }],
				"call_1",
			);
			const failed = expectOk(store.approve(proposal.id));
			expect(failed.state).to.equal("failed");
			const room = new Instance("Folder");
			room.Name = "Room";
			room.Parent = root;
			const applied = expectOk(store.retry(proposal.id));
			expect(applied.state).to.equal("applied");
			expect(door.Parent).to.equal(room);
		});

		it("reverts an applied proposal and saves the new state", () => {
			const store = new ProposalStore(options());
			const proposal = store.create("Rename", rename("Gate"), "call_1");
			store.approve(proposal.id);
			const outcome = store.revert(proposal.id);
			expect(outcome.kind).to.equal("reverted");
			expect(door.Name).to.equal("Door");
			expect(new ProposalStore(options()).get(proposal.id)!.state).to.equal("reverted");
			expect(store.revert("nope").kind).to.equal("failed");
		});

		it("keeps going when a listener fails", () => {
			const store = new ProposalStore(options());
			const seen = new Array<string>();
			store.onChange(() => error("listener broke"));
			store.onChange((proposal) => seen.push(proposal.state));
			store.create("Rename", rename("Gate"), "call_1");
			expect(seen.join(",")).to.equal("pending");
			expect(warnings[0].find("a proposal listener failed", 1, true)[0] !== undefined).to.equal(true);
		});

		it("stops telling a listener after it unsubscribes", () => {
			const store = new ProposalStore(options());
			let calls = 0;
			const unsubscribe = store.onChange(() => (calls += 1));
			store.create("One", rename("A"), "call_1");
			unsubscribe();
			store.create("Two", rename("B"), "call_2");
			expect(calls).to.equal(1);
		});
	});

	describe("surviving a reload", () => {
		it("reads back the proposals, their states and what an applied one changed, and can still revert it", () => {
			const first = new ProposalStore(options());
			const pending = first.create("Later", rename("Later"), "call_1");
			const applied = first.create("Rename", rename("Gate"), "call_2");
			first.approve(applied.id);

			const second = new ProposalStore(options());
			expect(second.list().size()).to.equal(2);
			expect(second.get(pending.id)!.state).to.equal("pending");
			const reloaded = second.get(applied.id)!;
			expect(reloaded.state).to.equal("applied");
			expect(reloaded.applied!.size()).to.equal(1);
			expect(reloaded.operations[0].kind).to.equal("rename_instance");
			expect(second.revert(applied.id).kind).to.equal("reverted");
			expect(door.Name).to.equal("Door");
			expect(warnings.size()).to.equal(0);
		});

		it("marks proposals interrupted by a reload as failed, saying why", () => {
			const proposal = (id: string, state: Proposal["state"]): Proposal => ({
				id,
				toolCallId: "c",
				summary: id,
				operations: rename("X"),
				state,
				createdAt: 1,
				updatedAt: 1,
			});
			const stored = encodeJson({
				version: 1,
				proposals: [proposal("mid", "applying"), proposal("queued", "approved")],
			});
			if (!stored.ok) error(stored.message);
			settings.values.set(PROPOSALS_KEY, stored.text);
			const store = new ProposalStore(options());
			expect(store.get("mid")!.state).to.equal("failed");
			expect(
				store.get("mid")!.reason!.find("reloaded while this proposal was being applied", 1, true)[0] !== undefined,
			).to.equal(true);
			expect(store.get("queued")!.state).to.equal("failed");
			expect(
				store.get("queued")!.reason!.find("nothing was changed, retry to apply it", 1, true)[0] !== undefined,
			).to.equal(true);
			expect(expectOk(store.retry("queued")).state).to.equal("applied");
		});

		it("starts empty with a warning on corrupt data, and drops proposals that do not validate", () => {
			for (const bad of ["{oops", 12, '{"version":2,"proposals":[]}']) {
				warnings = [];
				settings.values.set(PROPOSALS_KEY, bad);
				expect(new ProposalStore(options()).list().size()).to.equal(0);
				expect(warnings.size()).to.equal(1);
				expect(warnings[0].find("starting without them", 1, true)[0] !== undefined).to.equal(true);
			}
			settings.values.delete(PROPOSALS_KEY);
			warnings = [];
			const good = new ProposalStore(options());
			good.create("Fine", rename("Gate"), "call_1");
			const text = settings.values.get(PROPOSALS_KEY) as string;
			const withBad = text.gsub(
				'"proposals":%[',
				'"proposals":[{"id":"x","state":"exploded"},{"id":"y","operations":[{"kind":"format_disk"}]},',
			)[0];
			settings.values.set(PROPOSALS_KEY, withBad);
			const store = new ProposalStore(options());
			expect(store.list().size()).to.equal(1);
			expect(warnings[0]).to.equal("Vector: dropped 2 unreadable saved proposal(s)");
		});

		it("retries a nil read before counting it as nothing saved", () => {
			const first = new ProposalStore(options());
			first.create("Kept", rename("Gate"), "call_1");
			const text = settings.values.get(PROPOSALS_KEY);
			let reads = 0;
			const flaky = {
				get(): unknown {
					reads += 1;
					return reads < 3 ? undefined : text;
				},
				set() {},
			};
			const store = new ProposalStore(options({ settings: flaky, readAttempts: 3, readDelay: 0 }));
			expect(store.list().size()).to.equal(1);
		});
	});

	it("forgets the oldest decided proposals beyond its capacity, never open ones", () => {
		const store = new ProposalStore(options({ capacity: 3 }));
		const open = store.create("Open", rename("A"), "call_0");
		for (let i = 1; i <= 4; i++) {
			const proposal = store.create(`Rejected ${i}`, rename("B"), `call_${i}`);
			store.reject(proposal.id);
		}
		const summaries = store.list().map((proposal) => proposal.summary);
		expect(summaries.join(",")).to.equal("Open,Rejected 3,Rejected 4");
		expect(store.get(open.id)!.state).to.equal("pending");
	});
};
