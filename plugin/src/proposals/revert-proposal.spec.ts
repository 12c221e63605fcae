/// <reference types="@rbxts/testez/globals" />
import { emptyKeptState, KeptState } from "./applied-change";
import { applyProposal } from "./apply-proposal";
import { Operation } from "./operation";
import { Proposal } from "./proposal";
import { revertProposal, RevertOutcome } from "./revert-proposal";
import { createProposal } from "./state-machine";
import { applying, buildSpecPlace, cleanUp, editorText, instanceAt, snapshot, treeSnapshot, userTypes } from "./dev/spec-place";
import { createStudioApi } from "../studio/create-studio-api";
import { StudioApi } from "../studio/studio-api";

const ROOT = "Workspace/VectorRevertSpec";
const BASE = "local a = 1\nlocal b = 2\nlocal c = 3\n";
const AFTER = "local a = 1\nlocal b = 20\nlocal c = 3\n";
const history = game.GetService("ChangeHistoryService");

export = () => {
	let root: Folder;
	let main: Script;
	let door: Part;
	let studio: StudioApi;

	beforeEach(() => {
		({ root, main, door } = buildSpecPlace("VectorRevertSpec", BASE));
		door.Transparency = 0.25;
		studio = createStudioApi();
	});

	afterEach(() => {
		cleanUp(root);
		root.Destroy();
	});

	const everyKind = (): Array<Operation> => [
		{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER },
		{
			kind: "create_script",
			parentPath: `${ROOT}/Bin`,
			name: "Util",
			className: "ModuleScript",
			source: "return {}\n",
		},
		{ kind: "create_instance", parentPath: ROOT, className: "Part", name: "Floor", properties: { Size: [10, 1, 10] } },
		{ kind: "set_properties", path: `${ROOT}/Door`, properties: { Transparency: 0.5, Material: "Neon" } },
		{ kind: "rename_instance", path: `${ROOT}/Props/Crate`, newName: "Box" },
		{ kind: "move_instance", path: `${ROOT}/Props/Box`, newParentPath: `${ROOT}/Bin` },
		{ kind: "delete_instance", path: `${ROOT}/Props` },
	];

	const applied = (operations: ReadonlyArray<Operation>): [Proposal, KeptState] => {
		const outcome = applyProposal(applying(operations, "Rework"), studio, () => 10);
		if (!outcome.ok || outcome.proposal.state !== "applied")
			error(`apply did not succeed: ${outcome.ok ? outcome.proposal.reason : ""}`);
		return [outcome.proposal, outcome.kept];
	};

	const reverted = (outcome: RevertOutcome): Proposal => {
		if (outcome.kind !== "reverted") error(`expected a revert, got ${outcome.kind}`);
		return outcome.proposal;
	};

	it("restores the place from the kept before-state in one undo step, and marks the proposal reverted", () => {
		const before = treeSnapshot(root);
		const [proposal, kept] = applied(everyKind());
		const afterApply = treeSnapshot(root);
		const result = reverted(revertProposal(proposal, kept, studio, () => 20));
		expect(result.state).to.equal("reverted");
		expect(result.updatedAt).to.equal(20);
		expect(treeSnapshot(root)).to.equal(before);
		expect(door.Transparency).to.equal(0.25);
		const [, waypoint] = history.GetCanUndo() as LuaTuple<[boolean, string]>;
		expect(waypoint).to.equal("Vector: revert Rework");
		// The revert is itself one undo step: undoing it brings the proposal's changes back.
		history.Undo();
		expect(treeSnapshot(root)).to.equal(afterApply);
	});

	it("keeps the user's later edits elsewhere in a script and takes only the proposal's edit out", () => {
		const [proposal, kept] = applied([{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER }]);
		userTypes(main, 3, "local c = 30");
		reverted(revertProposal(proposal, kept, studio, () => 20));
		expect(editorText(main)).to.equal("local a = 1\nlocal b = 2\nlocal c = 30\n");
	});

	it("asks before overwriting later changes, changing nothing, and overwrites them only with force", () => {
		const [proposal, kept] = applied([
			{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER },
			{ kind: "set_properties", path: `${ROOT}/Door`, properties: { Transparency: 0.5 } },
			{ kind: "rename_instance", path: `${ROOT}/Props/Crate`, newName: "Box" },
		]);
		userTypes(main, 2, "local b = 21");
		door.Transparency = 0.75;
		const crate = instanceAt(`${ROOT}/Props/Box`);
		crate.Name = "Chest";
		const before = snapshot(root);

		const outcome = revertProposal(proposal, kept, studio, () => 20);
		expect(outcome.kind).to.equal("needs_confirmation");
		if (outcome.kind !== "needs_confirmation") return;
		expect(outcome.clobbered.size()).to.equal(3);
		const details = outcome.clobbered.map((clobber) => `${clobber.path}: ${clobber.detail}`);
		// In revert order: the script text (written last by the apply), then the rename, then the property.
		expect(
			details[0].find(`${ROOT}/Main: the script was edited since, where the proposal changed it`, 1, true)[0],
		).to.equal(1);
		expect(details[1]).to.equal(
			`${ROOT}/Props/Chest: it was renamed again since, to "Chest"; reverting names it "Crate"`,
		);
		expect(details[2]).to.equal(`${ROOT}/Door: Transparency was changed since to 0.75; reverting sets it back to 0.25`);
		expect(snapshot(root)).to.equal(before);
		expect(proposal.state).to.equal("applied");

		const forced = reverted(revertProposal(proposal, kept, studio, () => 30, { force: true }));
		expect(forced.state).to.equal("reverted");
		expect(editorText(main)).to.equal(BASE);
		expect(door.Transparency).to.equal(0.25);
		expect(crate.Name).to.equal("Crate");
	});

	it("asks before deleting a created instance the user moved or edited since", () => {
		const [proposal, kept] = applied([
			{
				kind: "create_script",
				parentPath: `${ROOT}/Bin`,
				name: "Util",
				className: "ModuleScript",
				source: "return {}\n",
			},
		]);
		const util = instanceAt(`${ROOT}/Bin/Util`) as ModuleScript;
		studio.updateSource(util, () => "return { speed = 1 }\n");
		const outcome = revertProposal(proposal, kept, studio, () => 20);
		expect(outcome.kind === "needs_confirmation" && outcome.clobbered[0].detail).to.equal(
			"its script text was edited since it was created; reverting deletes it",
		);
		expect(util.Parent).to.equal(instanceAt(`${ROOT}/Bin`));
	});

	it("works from the saved record alone after a plugin reload, except for deletions", () => {
		const before = treeSnapshot(root);
		const [proposal] = applied([
			{ kind: "set_properties", path: `${ROOT}/Door`, properties: { Transparency: 0.5, Material: "Neon" } },
			{ kind: "rename_instance", path: `${ROOT}/Props/Crate`, newName: "Box" },
			{ kind: "move_instance", path: `${ROOT}/Props/Box`, newParentPath: `${ROOT}/Bin` },
			{ kind: "create_instance", parentPath: ROOT, className: "Part", name: "Floor", properties: {} },
		]);
		reverted(revertProposal(proposal, emptyKeptState(), studio, () => 20));
		expect(treeSnapshot(root)).to.equal(before);

		const [withDelete] = applied([
			{ kind: "rename_instance", path: `${ROOT}/Door`, newName: "Gate" },
			{ kind: "delete_instance", path: `${ROOT}/Props` },
		]);
		const afterApply = snapshot(root);
		const outcome = revertProposal(withDelete, emptyKeptState(), studio, () => 20);
		expect(outcome.kind).to.equal("failed");
		if (outcome.kind !== "failed") return;
		expect(outcome.code).to.equal("cannot_revert");
		expect(outcome.message).to.equal(
			`change 2 of 2 cannot be reverted: ${ROOT}/Props was deleted in an earlier session of the plugin; deleted instances are kept only for the session that deleted them`,
		);
		expect(snapshot(root)).to.equal(afterApply);
	});

	it("refuses when the instance a change needs is gone, even with force", () => {
		const [proposal, kept] = applied([{ kind: "move_instance", path: `${ROOT}/Door`, newParentPath: `${ROOT}/Bin` }]);
		instanceAt(`${ROOT}/Bin/Door`).Parent = undefined;
		const outcome = revertProposal(proposal, kept, studio, () => 20, { force: true });
		expect(outcome.kind === "failed" && outcome.code).to.equal("cannot_revert");
		door.Parent = root;
	});

	it("reverts without complaint after the user already undid the proposal in Studio", () => {
		const [proposal, kept] = applied(everyKind());
		history.Undo();
		const before = treeSnapshot(root);
		reverted(revertProposal(proposal, kept, studio, () => 20));
		expect(treeSnapshot(root)).to.equal(before);
	});

	it("restores a deletion the user already undid without complaint", () => {
		const [proposal, kept] = applied([{ kind: "delete_instance", path: `${ROOT}/Door` }]);
		door.Parent = root;
		reverted(revertProposal(proposal, kept, studio, () => 20));
		expect(door.Parent).to.equal(root);
	});

	it("fails without changes while another recording is open", () => {
		const [proposal, kept] = applied([{ kind: "rename_instance", path: `${ROOT}/Door`, newName: "Gate" }]);
		const outer = history.TryBeginRecording("SomeoneElse")!;
		const outcome = revertProposal(proposal, kept, studio, () => 20);
		history.FinishRecording(outer, Enum.FinishRecordingOperation.Cancel);
		expect(outcome.kind === "failed" && outcome.code).to.equal("recording_busy");
		expect(door.Name).to.equal("Gate");
	});

	it("reverts only applied proposals", () => {
		const pending = createProposal({ id: "p7", toolCallId: "c", summary: "s", operations: [] }, 1);
		const outcome = revertProposal(pending, emptyKeptState(), studio, () => 20);
		expect(outcome.kind === "failed" && outcome.message).to.equal(
			"proposal p7 is pending; only an applied proposal can be reverted",
		);
	});
};
