/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { Operation } from "../../proposals/operation";
import { Proposal } from "../../proposals/proposal";
import { ProposalCard, ProposalCardProps } from "./proposal-card";
import { canActAsUser, click, findText as findTextContaining, mountSpec, Mounted } from "../dev/spec-gui";
import { specThemeSource, switchingThemeSource } from "./dev/spec-theme";
import {
	buttonLabels,
	enterText as typeInto,
	exactText as findText,
	clickButton,
	findButton,
	overflowing,
	textBoxes,
	textsOf,
} from "./dev/spec-queries";
import { DANGER, EDIT_DOOR, insertWith, proposalOf, SET_DOOR, WARNING } from "./dev/spec-proposals";

/** The action buttons (the diff's own Show/Hide toggles left out). */
function actions(root: Instance): string {
	return buttonLabels(root)
		.filter((label) => label !== "Hide diff" && label.sub(1, 9) !== "Show diff")
		.join(", ");
}

/** `count` texts from `from` (0-based), joined with "|". */
function slice(texts: ReadonlyArray<string>, from: number, count: number): string {
	const part = new Array<string>();
	for (let i = from; i < from + count && i < texts.size(); i++) part.push(texts[i]);
	return part.join("|");
}

export = () => {
	const source = specThemeSource();
	const theme = source.read();
	const colors = theme.colors;
	let gui: Mounted;
	let calls: Array<string>;

	beforeEach(() => {
		calls = [];
	});

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 480) => {
		gui = mountSpec(element, { width, height: 1500, theme: source });
	};

	const card = (proposal: Proposal, props: Partial<ProposalCardProps> = {}) => (
		<ProposalCard
			proposal={proposal}
			onApprove={(id) => calls.push(`approve ${id}`)}
			onReject={(id, reason) => calls.push(`reject ${id} ${reason ?? "(no reason)"}`)}
			onRevert={(id) => calls.push(`revert ${id}`)}
			onRetry={(id) => calls.push(`retry ${id}`)}
			onOpenScript={(id, path, line) => calls.push(`open ${id} ${path} ${line}`)}
			{...props}
		/>
	);

	describe("per state", () => {
		it("pending: badge, what it changes, the note, the diff, and Approve / Reject / Open script", () => {
			mount(card(proposalOf([EDIT_DOOR])));
			const badge = findText(gui.host, "Pending")!;
			expect(badge.BackgroundColor3).to.equal(colors.mainButton.default);
			expect(badge.TextColor3).to.equal(colors.mainButtonText.default);
			expect(findText(gui.host, "Script edit")).to.be.ok();
			expect(findText(gui.host, "Workspace/Door/DoorScript")).to.be.ok();
			expect(findText(gui.host, "Make the door open when touched")).to.be.ok();
			expect(findText(gui.host, "Edit Workspace/Door/DoorScript")).to.be.ok();
			expect(findText(gui.host, "+ door.Touched:Connect(function()")).to.be.ok();
			expect(actions(gui.host)).to.equal("Open script, Approve, Reject");
			expect(findButton(gui.host, "Approve")!.BackgroundColor3).to.equal(colors.mainButton.default);
		});

		it("approved and applying: a badge and no buttons", () => {
			mount(card(proposalOf([EDIT_DOOR], "applying")));
			expect(findText(gui.host, "Applying…")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
			gui.update(card(proposalOf([EDIT_DOOR], "approved")));
			expect(findText(gui.host, "Approved")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
		});

		it("applied: green badge, the undo step, and Revert only", () => {
			mount(card(proposalOf([EDIT_DOOR], "applied", { waypoint: "Vector: door" })));
			const badge = findText(gui.host, "Applied")!;
			expect(badge.BackgroundColor3).to.equal(colors.successBackground);
			expect(findText(gui.host, 'Applied as one undo step ("Vector: door").')).to.be.ok();
			expect(actions(gui.host)).to.equal("Revert");
		});

		it("failed: the reason in the error colour, and Retry", () => {
			mount(card(proposalOf([SET_DOOR], "failed", { reason: "Workspace/Door no longer exists" })));
			expect(findText(gui.host, "Failed")!.BackgroundColor3).to.equal(colors.errorText);
			const reason = findText(gui.host, "Failed: Workspace/Door no longer exists")!;
			expect(reason.TextColor3).to.equal(colors.errorText);
			expect(actions(gui.host)).to.equal("Retry");
		});

		it("stale: the reason and each conflict, and no buttons", () => {
			mount(
				card(
					proposalOf([EDIT_DOOR], "stale", {
						reason: "Workspace/Door/DoorScript changed since the proposal was made",
						conflicts: [{ path: "Workspace/Door/DoorScript", detail: "lines 3-4 were edited on both sides" }],
					}),
				),
			);
			expect(findText(gui.host, "Stale")!.BackgroundColor3).to.equal(colors.warningText);
			expect(findText(gui.host, "Stale: Workspace/Door/DoorScript changed since the proposal was made")).to.be.ok();
			const conflict = findText(
				gui.host,
				"Conflict in Workspace/Door/DoorScript: lines 3-4 were edited on both sides",
			)!;
			expect(conflict.TextColor3).to.equal(colors.warningText);
			expect(actions(gui.host)).to.equal("");
		});

		it("rejected: the user's reason, and no buttons", () => {
			mount(card(proposalOf([EDIT_DOOR], "rejected", { reason: "too risky" })));
			expect(findText(gui.host, "Rejected")).to.be.ok();
			expect(findText(gui.host, "Rejected: too risky")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
		});

		it("reverted: a grey badge and no buttons", () => {
			mount(card(proposalOf([EDIT_DOOR], "reverted")));
			expect(findText(gui.host, "Reverted")!.BackgroundColor3).to.equal(colors.button.default);
			expect(actions(gui.host)).to.equal("");
		});
	});

	describe("per operation", () => {
		it("set_properties: a table of names and new values, old values once applied", () => {
			mount(card(proposalOf([SET_DOOR])));
			expect(findText(gui.host, "Property change")).to.be.ok();
			expect(findText(gui.host, "Set properties of Workspace/Door")).to.be.ok();
			const texts = textsOf(gui.host);
			const from = texts.indexOf("Property");
			expect(slice(texts, from, 8)).to.equal('Property|New|Anchored|true|BrickColor|"Bright red"|Transparency|0.5');
			expect(findText(gui.host, "Old")).never.to.be.ok();
			gui.update(
				card(
					proposalOf([SET_DOOR], "applied", {
						applied: [
							{
								kind: "properties",
								path: "Workspace/Door",
								before: { Anchored: false, Transparency: 0, BrickColor: "Medium stone grey" },
								after: { Anchored: true, Transparency: 0.5, BrickColor: "Bright red" },
							},
						],
					}),
				),
			);
			const after = textsOf(gui.host);
			const start = after.indexOf("Property");
			expect(slice(after, start, 12)).to.equal(
				'Property|Old|New|Anchored|false|true|BrickColor|"Medium stone grey"|"Bright red"|Transparency|0|0.5',
			);
			expect(findText(gui.host, "false")!.TextColor3).to.equal(colors.dimmedText);
		});

		it("create_instance: the sentence and its properties", () => {
			mount(
				card(
					proposalOf([
						{
							kind: "create_instance",
							parentPath: "Workspace",
							className: "Part",
							name: "Step",
							properties: { Size: [4, 1, 4] },
						},
					]),
				),
			);
			expect(findText(gui.host, "New instance")).to.be.ok();
			expect(findText(gui.host, 'New Part "Step" in Workspace')).to.be.ok();
			expect(findText(gui.host, "[4,1,4]")).to.be.ok();
		});

		it("create_script: the whole source as added lines", () => {
			mount(
				card(
					proposalOf([
						{
							kind: "create_script",
							parentPath: "ServerScriptService",
							name: "Main",
							className: "Script",
							source: 'print("hi")\n',
						},
					]),
				),
			);
			expect(findText(gui.host, 'New Script "Main" in ServerScriptService')).to.be.ok();
			expect(findText(gui.host, '+ print("hi")')).to.be.ok();
			expect(findButton(gui.host, "Open script")).never.to.be.ok();
		});

		it("rename, move and delete: one line each", () => {
			const operations: Array<Operation> = [
				{ kind: "rename_instance", path: "Workspace/Door", newName: "Gate" },
				{ kind: "move_instance", path: "Workspace/Gate", newParentPath: "Workspace/Castle" },
				{ kind: "delete_instance", path: "Workspace/OldDoor" },
			];
			mount(card(proposalOf(operations)));
			expect(findText(gui.host, "Rename, Move, Delete")).to.be.ok();
			expect(findText(gui.host, "Workspace/Door, Workspace/Gate, Workspace/OldDoor")).to.be.ok();
			expect(findText(gui.host, 'Rename Workspace/Door to "Gate"')).to.be.ok();
			expect(findText(gui.host, "Move Workspace/Gate into Workspace/Castle")).to.be.ok();
			expect(findText(gui.host, "Delete Workspace/OldDoor")).to.be.ok();
		});

		it("terrain fill and clear: one line each with shape, material, where, size and voxels", () => {
			const operations: Array<Operation> = [
				{
					kind: "fill_terrain",
					shape: "ball",
					material: "Grass",
					cframe: [0, 8, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1],
					size: [12, 12, 12],
				},
				{ kind: "clear_terrain", min: [-16, 0, 8], max: [16, 8, 24] },
			];
			mount(card(proposalOf(operations)));
			expect(findText(gui.host, "Terrain fill, Terrain clear")).to.be.ok();
			expect(findText(gui.host, "Workspace/Terrain")).to.be.ok();
			expect(
				findText(gui.host, "Fill terrain with a ball of Grass, radius 6, centred at (0, 8, 0) (changes at most 216 voxels)"),
			).to.be.ok();
			expect(
				findText(gui.host, "Clear terrain from (-16, 0, 8) to (16, 8, 24) (32 × 8 × 16 studs, 64 voxels)"),
			).to.be.ok();
		});

		it("insert_asset: thumbnail, id and the findings coloured by severity, dangerous first", () => {
			mount(card(proposalOf([insertWith([WARNING, DANGER])])));
			const thumbnail = gui.host.FindFirstChild("Thumbnail", true) as ImageLabel;
			expect(thumbnail.Image).to.equal("rbxthumb://type=Asset&id=1818&w=150&h=150");
			expect(findText(gui.host, "Asset 1818")).to.be.ok();
			expect(findText(gui.host, "Into Workspace")).to.be.ok();
			const summary = findText(gui.host, "Script scan: 1 dangerous finding, 1 warning")!;
			expect(summary.TextColor3).to.equal(colors.errorText);
			const danger = findTextContaining(gui.host, "Danger: Tree/Script, line 3")!;
			expect(danger.TextColor3).to.equal(colors.errorText);
			const warning = findTextContaining(gui.host, "Warning: Tree/Leaves/Sway, line 12")!;
			expect(warning.TextColor3).to.equal(colors.warningText);
			expect(danger.AbsolutePosition.Y < warning.AbsolutePosition.Y).to.equal(true);
			expect(findText(gui.host, "require(4815162342)")!.FontFace.Family).to.equal(theme.fonts.code.Family);
		});

		it("insert_asset without findings says the scan found nothing", () => {
			mount(card(proposalOf([insertWith([])])));
			expect(findText(gui.host, "The script scan found nothing suspicious.")).to.be.ok();
		});

		it("shows many operations a page at a time", () => {
			const operations = new Array<Operation>();
			for (let i = 1; i <= 25; i++) operations.push({ kind: "delete_instance", path: `Workspace/Part${i}` });
			mount(card(proposalOf(operations)));
			expect(findText(gui.host, "Delete Workspace/Part10")).to.be.ok();
			expect(findText(gui.host, "Delete Workspace/Part11")).never.to.be.ok();
			expect(findButton(gui.host, "Show 10 more of 15 changes")).to.be.ok();
		});
	});

	it("re-colours everything when Studio's theme changes", () => {
		const switching = switchingThemeSource();
		gui = mountSpec(card(proposalOf([EDIT_DOOR])), { width: 480, height: 1500, theme: switching.source });
		expect(findText(gui.host, "Pending")!.BackgroundColor3).to.equal(colors.mainButton.default);
		switching.change();
		task.wait();
		const other = switching.source.read();
		expect(other.colors.mainButton.default).never.to.equal(colors.mainButton.default);
		expect(findText(gui.host, "Pending")!.BackgroundColor3).to.equal(other.colors.mainButton.default);
		expect(findText(gui.host, "+ door.Touched:Connect(function()")!.TextColor3).to.equal(
			other.colors.diff.additionText,
		);
		expect(findButton(gui.host, "Reject")!.BackgroundColor3).to.equal(other.colors.button.default);
	});

	describe("in a narrow parent", () => {
		const busy = () =>
			proposalOf([EDIT_DOOR, SET_DOOR, insertWith([DANGER, WARNING])], "stale", {
				summary: "Open the door on touch, anchor it, and add a tree from the Creator Store for decoration",
				reason: "ServerScriptService/VeryLongFolderName/AnotherFolder/DoorScript changed",
				conflicts: [{ path: "ServerScriptService/VeryLongFolderName/AnotherFolder/DoorScript", detail: "lines 3-4" }],
			});

		it("wraps its contents so nothing passes the card's edge", () => {
			mount(card(busy()), 220);
			expect(overflowing(gui.host).join("\n")).to.equal("");
		});

		it("wraps again when the parent shrinks", () => {
			mount(card(proposalOf([EDIT_DOOR, insertWith([DANGER])])));
			gui.resize(200, 1500);
			expect(overflowing(gui.host).join("\n")).to.equal("");
			const reject = findButton(gui.host, "Reject")!;
			expect(reject.AbsolutePosition.X + reject.AbsoluteSize.X <= 200).to.equal(true);
		});
	});

	describe("decisions", () => {
		if (!canActAsUser()) SKIP();

		it("Approve reports the proposal id", () => {
			mount(card(proposalOf([EDIT_DOOR], "pending", { id: "p42" })));
			clickButton(gui.host, "Approve");
			expect(calls.join(";")).to.equal("approve p42");
		});

		it("Reject opens a reason field; Confirm reject reports the trimmed reason", () => {
			mount(card(proposalOf([EDIT_DOOR])));
			clickButton(gui.host, "Reject");
			expect(calls.size()).to.equal(0);
			expect(actions(gui.host)).to.equal("Open script, Confirm reject, Cancel");
			const box = textBoxes(gui.host)[0];
			expect(box.PlaceholderText).to.equal("Reason for rejecting (optional)");
			typeInto(box, "  use a ProximityPrompt instead  ");
			clickButton(gui.host, "Confirm reject");
			expect(calls.join(";")).to.equal("reject p1 use a ProximityPrompt instead");
		});

		it("Reject without a reason reports none", () => {
			mount(card(proposalOf([EDIT_DOOR])));
			clickButton(gui.host, "Reject");
			clickButton(gui.host, "Confirm reject");
			expect(calls.join(";")).to.equal("reject p1 (no reason)");
		});

		it("Enter in the reason field rejects", () => {
			mount(card(proposalOf([EDIT_DOOR])));
			clickButton(gui.host, "Reject");
			typeInto(textBoxes(gui.host)[0], "not now", true);
			expect(calls.join(";")).to.equal("reject p1 not now");
		});

		it("Cancel closes the reason field without deciding", () => {
			mount(card(proposalOf([EDIT_DOOR])));
			clickButton(gui.host, "Reject");
			clickButton(gui.host, "Cancel");
			expect(textBoxes(gui.host).size()).to.equal(0);
			expect(actions(gui.host)).to.equal("Open script, Approve, Reject");
			expect(calls.size()).to.equal(0);
		});

		it("Open script opens the script at the first changed line", () => {
			mount(card(proposalOf([SET_DOOR, EDIT_DOOR])));
			clickButton(gui.host, "Open script");
			expect(calls.join(";")).to.equal("open p1 Workspace/Door/DoorScript 4");
		});

		it("Revert and Retry report the proposal id", () => {
			mount(card(proposalOf([EDIT_DOOR], "applied", { id: "p7" })));
			clickButton(gui.host, "Revert");
			gui.update(card(proposalOf([EDIT_DOOR], "failed", { id: "p7", reason: "boom" })));
			clickButton(gui.host, "Retry");
			expect(calls.join(";")).to.equal("revert p7;retry p7");
		});

		it("a dangerous insert needs a second click on Insert anyway", () => {
			mount(card(proposalOf([insertWith([WARNING, DANGER])])));
			clickButton(gui.host, "Approve");
			expect(calls.size()).to.equal(0);
			expect(findButton(gui.host, "Approve")).never.to.be.ok();
			const confirm = findButton(gui.host, "Insert anyway")!;
			expect(confirm.TextColor3).to.equal(colors.errorText);
			expect(findTextContaining(gui.host, "dangerous code")!.TextColor3).to.equal(colors.errorText);
			click(confirm);
			expect(calls.join(";")).to.equal("approve p1");
		});

		it("an insert with warnings only is approved with one click", () => {
			mount(card(proposalOf([insertWith([WARNING])])));
			clickButton(gui.host, "Approve");
			expect(calls.join(";")).to.equal("approve p1");
		});

		it("a new state closes a half-made decision", () => {
			mount(card(proposalOf([insertWith([DANGER])])));
			clickButton(gui.host, "Approve");
			expect(findButton(gui.host, "Insert anyway")).to.be.ok();
			gui.update(card(proposalOf([insertWith([DANGER])], "failed", { reason: "asset unavailable" })));
			gui.update(card(proposalOf([insertWith([DANGER])], "pending")));
			expect(findButton(gui.host, "Insert anyway")).never.to.be.ok();
			expect(findButton(gui.host, "Approve")).to.be.ok();
		});

		it("pages through many operations", () => {
			const operations = new Array<Operation>();
			for (let i = 1; i <= 25; i++) operations.push({ kind: "delete_instance", path: `Workspace/Part${i}` });
			mount(card(proposalOf(operations)));
			clickButton(gui.host, "Show 10 more of 15 changes");
			expect(findText(gui.host, "Delete Workspace/Part20")).to.be.ok();
			clickButton(gui.host, "Show 5 more of 5 changes");
			expect(findText(gui.host, "Delete Workspace/Part25")).to.be.ok();
			expect(findTextContaining(gui.host, "more of")).never.to.be.ok();
		});
	});
};
