/// <reference types="@rbxts/testez/globals" />
import { applyProposal, RECORDING_BUSY } from "./apply-proposal";
import { Operation, ScanFinding } from "./operation";
import { Proposal } from "./proposal";
import { createProposal } from "./state-machine";
import { scanAsset } from "../studio/asset-scan";
import { createStudioApi } from "../studio/create-studio-api";
import { StudioApi } from "../studio/studio-api";
import { applying, buildSpecPlace, cleanUp, editorText, instanceAt, snapshot, userTypes } from "./dev/spec-place";

const ROOT = "Workspace/VectorApplySpec";
const BASE = "local a = 1\nlocal b = 2\nlocal c = 3\n";
const AFTER = "local a = 1\nlocal b = 20\nlocal c = 3\n";

function apply(proposal: Proposal, studio: StudioApi): Proposal {
	const outcome = applyProposal(proposal, studio, () => 10);
	if (!outcome.ok) error(outcome.error.message);
	return outcome.proposal;
}

/** A free model built in code, the way game:GetObjects hands it over: unparented. */
function buildAsset(withBackdoor: boolean): Array<Instance> {
	const model = new Instance("Model");
	model.Name = "Lamp";
	const bulb = new Instance("Part");
	bulb.Name = "Bulb";
	bulb.Parent = model;
	const glow = new Instance("Script");
	glow.Name = withBackdoor ? "Fire" : "Glow";
	glow.Source = withBackdoor ? "require(4815162342)" : "print('glow')";
	glow.Parent = bulb;
	return [model];
}

const history = game.GetService("ChangeHistoryService");

export = () => {
	let root: Folder;
	let main: Script;
	let door: Part;
	let crate: Part;
	let studio: StudioApi;
	let assetLoads: number;

	beforeEach(() => {
		({ root, main, door, crate } = buildSpecPlace("VectorApplySpec", BASE));
		door.Size = new Vector3(4, 8, 1);
		door.Color = Color3.fromRGB(120, 80, 40);
		assetLoads = 0;
		studio = {
			...createStudioApi(),
			loadAsset(assetId: number) {
				assetLoads += 1;
				if (assetId === 404) error("User is not authorized to access Asset", 0);
				return buildAsset(assetId === 666);
			},
		};
	});

	afterEach(() => {
		cleanUp(root);
		root.Destroy();
	});

	const lampFindings = (): ReadonlyArray<ScanFinding> => scanAsset(buildAsset(false));

	/** Eight operations, one of every kind, each depending on the place the earlier ones left. */
	const everyKind = (): Array<Operation> => [
		{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER },
		{
			kind: "create_script",
			parentPath: `${ROOT}/Bin`,
			name: "Util",
			className: "ModuleScript",
			source: "return {}\n",
		},
		{
			kind: "create_instance",
			parentPath: ROOT,
			className: "Part",
			name: "Floor",
			properties: { Size: [10, 1, 10], Anchored: true, Color: "#00ff00" },
		},
		{
			kind: "set_properties",
			path: `${ROOT}/Door`,
			properties: { Transparency: 0.5, Color: [255, 0, 0], Material: "Neon" },
		},
		{ kind: "rename_instance", path: `${ROOT}/Props/Crate`, newName: "Box" },
		{ kind: "move_instance", path: `${ROOT}/Props/Box`, newParentPath: `${ROOT}/Bin` },
		{ kind: "delete_instance", path: `${ROOT}/Door` },
		{ kind: "insert_asset", assetId: 1, parentPath: `${ROOT}/Bin`, findings: lampFindings() },
	];

	/** For each index, an operation of the same kind that fails there (after the earlier ones applied). */
	const failingTwins = (): Array<Operation> => [
		{ kind: "edit_script", path: `${ROOT}/Door`, base: BASE, after: AFTER },
		{
			kind: "create_script",
			parentPath: `${ROOT}/Nowhere`,
			name: "Util",
			className: "ModuleScript",
			source: "return {}\n",
		},
		{
			kind: "create_instance",
			parentPath: ROOT,
			className: "Part",
			name: "Floor",
			properties: { Anchored: true, Size: "huge" },
		},
		{ kind: "set_properties", path: `${ROOT}/Door`, properties: { Anchored: true, Transparency: "clear" } },
		{ kind: "rename_instance", path: "Workspace", newName: "World" },
		{ kind: "move_instance", path: `${ROOT}/Props`, newParentPath: `${ROOT}/Props/Box` },
		{ kind: "delete_instance", path: "Workspace/Terrain" },
		{ kind: "insert_asset", assetId: 1, parentPath: `${ROOT}/Nowhere`, findings: lampFindings() },
	];

	describe("a proposal with every kind of operation", () => {
		it("applies them in order as one undo step named after the proposal", () => {
			const before = snapshot(root);
			const proposal = apply(applying(everyKind(), "Rework the room"), studio);
			expect(proposal.state).to.equal("applied");
			expect(proposal.waypoint).to.equal("Vector: Rework the room");
			expect(proposal.updatedAt).to.equal(10);

			expect(editorText(main)).to.equal(AFTER);
			expect(main.Source).to.equal(AFTER);
			expect((instanceAt(`${ROOT}/Bin/Util`) as ModuleScript).Source).to.equal("return {}\n");
			const floor = instanceAt(`${ROOT}/Floor`) as Part;
			expect(floor.Size).to.equal(new Vector3(10, 1, 10));
			expect(floor.Anchored).to.equal(true);
			expect(floor.Color).to.equal(Color3.fromRGB(0, 255, 0));
			expect(door.Parent).to.equal(undefined);
			expect(door.Transparency).to.equal(0.5);
			expect(door.Material).to.equal(Enum.Material.Neon);
			expect(crate.Name).to.equal("Box");
			expect(crate.Parent).to.equal(instanceAt(`${ROOT}/Bin`));
			expect(instanceAt(`${ROOT}/Bin/Lamp/Bulb/Glow`).IsA("Script")).to.equal(true);

			const [canUndo, waypoint] = history.GetCanUndo() as LuaTuple<[boolean, string]>;
			expect(canUndo).to.equal(true);
			expect(waypoint).to.equal("Vector: Rework the room");
			history.Undo();
			const afterUndo = snapshot(root).split("\n");
			const expected = before.split("\n");
			// One undo restores the whole place; only the redo entry differs in the history line.
			expect(afterUndo.size()).to.equal(expected.size());
			for (let i = 1; i < expected.size(); i++) expect(afterUndo[i]).to.equal(expected[i]);
			history.Redo();
			expect(crate.Name).to.equal("Box");
			expect(main.Source).to.equal(AFTER);
		});

		it("records what it did, with the before-state, for a later revert", () => {
			const proposal = apply(applying(everyKind()), studio);
			// Script texts are written (and so recorded) after every other operation.
			const kinds = proposal.applied!.map((change) => change.kind).join(",");
			expect(kinds).to.equal("created,created,properties,renamed,moved,deleted,created,script_text");
			const text = proposal.applied![7];
			expect(text.kind === "script_text" && text.before === BASE && text.after === AFTER).to.equal(true);
			const properties = proposal.applied![2];
			if (properties.kind !== "properties") error("expected properties");
			expect(properties.before.Transparency).to.equal(0);
			expect(properties.after.Material).to.equal("Enum.Material.Neon");
			const renamed = proposal.applied![3];
			expect(renamed.kind === "renamed" && renamed.path === `${ROOT}/Props/Box` && renamed.before === "Crate").to.equal(
				true,
			);
			const deleted = proposal.applied![5];
			expect(deleted.kind === "deleted" && deleted.path === `${ROOT}/Door` && deleted.parentPath === ROOT).to.equal(
				true,
			);
		});

		for (let index = 0; index < 8; index++) {
			it(`leaves the place and the undo history exactly as before when operation ${index + 1} of 8 fails`, () => {
				const operations = everyKind();
				operations[index] = failingTwins()[index];
				const before = snapshot(root);
				const proposal = apply(applying(operations), studio);
				expect(proposal.state).to.equal("failed");
				expect(proposal.reason!.find(`operation ${index + 1} of 8 (${operations[index].kind} `, 1, true)[0]).to.equal(
					1,
				);
				expect(proposal.applied).to.equal(undefined);
				expect(snapshot(root)).to.equal(before);
			});
		}

		it("names what failed in the reason", () => {
			const operations = everyKind();
			operations[3] = failingTwins()[3];
			const proposal = apply(applying(operations), studio);
			expect(proposal.reason).to.equal(
				`operation 4 of 8 (set_properties ${ROOT}/Door (Anchored, Transparency)) failed: Transparency is a number: expected a number, e.g. 0.5; got "clear"`,
			);
			const protectedCase = everyKind();
			protectedCase[6] = failingTwins()[6];
			expect(apply(applying(protectedCase), studio).reason).to.equal(
				"operation 7 of 8 (delete_instance Workspace/Terrain) failed: Workspace/Terrain cannot be deleted: it is the place's Terrain",
			);
		});
	});

	describe("refusals", () => {
		it("fails without touching anything when another recording is open", () => {
			const outer = history.TryBeginRecording("SomeoneElse")!;
			const before = snapshot(root);
			const proposal = apply(applying(everyKind()), studio);
			expect(proposal.state).to.equal("failed");
			expect(proposal.reason).to.equal(RECORDING_BUSY);
			history.FinishRecording(outer, Enum.FinishRecordingOperation.Cancel);
			expect(snapshot(root)).to.equal(before.gsub("recording=true", "recording=false")[0]);
		});

		it("fails before recording when an asset cannot be loaded", () => {
			const operations = everyKind();
			operations[7] = { kind: "insert_asset", assetId: 404, parentPath: ROOT, findings: [] };
			const before = snapshot(root);
			const proposal = apply(applying(operations), studio);
			expect(proposal.reason).to.equal(
				`operation 8 of 8 (insert_asset 404 into ${ROOT}) failed: User is not authorized to access Asset`,
			);
			expect(snapshot(root)).to.equal(before);
		});

		it("refuses an asset whose scan finds what the user was not shown", () => {
			const before = snapshot(root);
			const proposal = apply(
				applying([{ kind: "insert_asset", assetId: 666, parentPath: ROOT, findings: [] }]),
				studio,
			);
			expect(proposal.state).to.equal("failed");
			expect(
				proposal.reason!.find("the asset changed since it was scanned: 2 finding(s)", 1, true)[0] !== undefined,
			).to.equal(true);
			expect(snapshot(root)).to.equal(before);
		});

		it("inserts an asset whose findings were shown on the proposal", () => {
			const shown = scanAsset(buildAsset(true));
			const proposal = apply(
				applying([{ kind: "insert_asset", assetId: 666, parentPath: ROOT, findings: shown }]),
				studio,
			);
			expect(proposal.state).to.equal("applied");
			expect(instanceAt(`${ROOT}/Lamp/Bulb/Fire`).IsA("Script")).to.equal(true);
		});

		it("refuses moving an instance into itself and creating a class that does not exist", () => {
			const moved = apply(
				applying([{ kind: "move_instance", path: `${ROOT}/Props`, newParentPath: `${ROOT}/Props/Crate` }]),
				studio,
			);
			expect(moved.reason).to.equal(
				`operation 1 of 1 (move_instance ${ROOT}/Props into ${ROOT}/Props/Crate) failed: ${ROOT}/Props cannot be moved into ${ROOT}/Props/Crate: that is the instance itself or inside it`,
			);
			const created = apply(
				applying([{ kind: "create_instance", parentPath: ROOT, className: "Spaceship", name: "X", properties: {} }]),
				studio,
			);
			expect(
				created.reason!.find('"Spaceship" is not a class Instance.new can create', 1, true)[0] !== undefined,
			).to.equal(true);
		});

		it("builds a created instance's attributes, tags and children before parenting it, as one step", () => {
			const proposal = apply(
				applying([
					{
						kind: "create_instance",
						parentPath: ROOT,
						className: "Model",
						name: "Station",
						properties: {},
						attributes: { StationId: "halves", Order: 2, Open: true },
						tags: ["VectorQuizStation"],
						children: [
							{
								className: "Part",
								name: "Pad",
								properties: { Anchored: true, Size: [6, 1, 6] },
								children: [{ className: "PointLight", name: "Glow", properties: { Range: 10 } }],
							},
						],
					},
				]),
				studio,
			);
			expect(proposal.state).to.equal("applied");
			const station = instanceAt(`${ROOT}/Station`);
			expect(station.GetAttribute("StationId")).to.equal("halves");
			expect(station.GetAttribute("Order")).to.equal(2);
			expect(station.GetAttribute("Open")).to.equal(true);
			expect(game.GetService("CollectionService").HasTag(station, "VectorQuizStation")).to.equal(true);
			expect((instanceAt(`${ROOT}/Station/Pad`) as Part).Size).to.equal(new Vector3(6, 1, 6));
			expect((instanceAt(`${ROOT}/Station/Pad/Glow`) as PointLight).Range).to.equal(10);
			expect(proposal.applied!.size()).to.equal(1);
			history.Undo();
			expect(root.FindFirstChild("Station")).to.equal(undefined);
		});

		it("fails a created tree whose deep child cannot be built, naming it and leaving the place as it was", () => {
			const before = snapshot(root);
			const proposal = apply(
				applying([
					{ kind: "rename_instance", path: `${ROOT}/Props/Crate`, newName: "Box" },
					{
						kind: "create_instance",
						parentPath: ROOT,
						className: "Model",
						name: "Station",
						properties: {},
						children: [
							{
								className: "Part",
								name: "Pad",
								properties: {},
								children: [{ className: "PointLight", name: "Glow", properties: { Range: "far" } }],
							},
						],
					},
				]),
				studio,
			);
			expect(proposal.state).to.equal("failed");
			expect(
				proposal.reason!.find('children[0] Part "Pad": children[0] PointLight "Glow": Range', 1, true)[0] !== undefined,
			).to.equal(true);
			expect(snapshot(root)).to.equal(before);
		});

		it("only applies proposals in the applying state", () => {
			const pending = createProposal({ id: "p9", toolCallId: "c", summary: "s", operations: [] }, 1);
			const outcome = applyProposal(pending, studio, () => 1);
			expect(outcome.ok).to.equal(false);
			expect(!outcome.ok && outcome.error.message).to.equal("proposal p9 is pending, not applying");
		});
	});

	describe("the user's edits between proposal and approval", () => {
		it("keeps an edit elsewhere in the script and applies the proposal on top of it", () => {
			userTypes(main, 3, "local c = 30");
			const proposal = apply(
				applying([{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER }]),
				studio,
			);
			expect(proposal.state).to.equal("applied");
			expect(editorText(main)).to.equal("local a = 1\nlocal b = 20\nlocal c = 30\n");
			const change = proposal.applied![0];
			expect(change.kind === "script_text" && change.before === "local a = 1\nlocal b = 2\nlocal c = 30\n").to.equal(
				true,
			);
		});

		it("goes stale on an overlapping edit, keeping the user's text and undoing the other operations", () => {
			userTypes(main, 2, "local b = 200");
			const before = snapshot(root);
			const operations = everyKind();
			// The script edit comes after other operations that applied first.
			const edit = operations.remove(0)!;
			operations.insert(4, edit);
			const proposal = apply(applying(operations), studio);
			expect(proposal.state).to.equal("stale");
			expect(proposal.reason!.find("operation 5 of 8 (edit_script", 1, true)[0]).to.equal(1);
			expect(proposal.conflicts!.size()).to.equal(1);
			expect(proposal.conflicts![0].path).to.equal(`${ROOT}/Main`);
			expect(proposal.conflicts![0].detail).to.equal(
				'line 2: the editor now has "local b = 200" where the proposal changes "local b = 2" to "local b = 20"',
			);
			expect(editorText(main)).to.equal("local a = 1\nlocal b = 200\nlocal c = 3\n");
			expect(snapshot(root)).to.equal(before);
		});

		it("rebases again when the editor hands the callback fresher text (the user typed during the write)", () => {
			const calls = new Array<string>();
			const racing: StudioApi = {
				...studio,
				updateSource(target, transform) {
					// The first attempt runs against the text of the moment; then the user types, and Studio retries.
					calls.push(transform(editorText(target)) ?? "cancelled");
					userTypes(target as Script, 1, "local a = 10");
					return studio.updateSource(target, (current) => {
						const result = transform(current);
						calls.push(result ?? "cancelled");
						return result;
					});
				},
			};
			const proposal = apply(
				applying([{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER }]),
				racing,
			);
			expect(proposal.state).to.equal("applied");
			expect(calls[0]).to.equal(AFTER);
			expect(calls[calls.size() - 1]).to.equal("local a = 10\nlocal b = 20\nlocal c = 3\n");
			expect(main.Source).to.equal("local a = 10\nlocal b = 20\nlocal c = 3\n");
		});

		it("keeps the user's unsaved edit when a later operation fails after the script was written", () => {
			userTypes(main, 3, "local c = 30");
			const draft = editorText(main);
			const proposal = apply(
				applying([
					{ kind: "edit_script", path: `${ROOT}/Main`, base: BASE, after: AFTER },
					{ kind: "delete_instance", path: "Workspace/Terrain" },
				]),
				studio,
			);
			expect(proposal.state).to.equal("failed");
			expect(editorText(main)).to.equal(draft);
		});
	});
};
