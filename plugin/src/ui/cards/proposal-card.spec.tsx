/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { Operation } from "../../proposals/operation";
import { Proposal } from "../../proposals/proposal";
import { ProposalCard, ProposalCardProps } from "./proposal-card";
import { createSpecTheme } from "./dev/spec-theme";
import {
	buttonLabels,
	canClick,
	click,
	createSpecGui,
	findButton,
	findText,
	findTextContaining,
	overflowing,
	SpecGui,
	textBoxes,
	textsOf,
	typeInto,
} from "./dev/spec-gui";
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
	const theme = createSpecTheme();
	let gui: SpecGui;
	let calls: Array<string>;

	beforeEach(() => {
		gui = createSpecGui(480, 1500);
		calls = [];
	});

	afterEach(() => {
		gui.destroy();
	});

	const card = (proposal: Proposal, props: Partial<ProposalCardProps> = {}) => (
		<ProposalCard
			theme={theme}
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
			gui.mount(card(proposalOf([EDIT_DOOR])));
			const badge = findText(gui.host, "Pending")!;
			expect(badge.BackgroundColor3).to.equal(theme.color("MainButton"));
			expect(badge.TextColor3).to.equal(theme.color("DialogMainButtonText"));
			expect(findText(gui.host, "Script edit")).to.be.ok();
			expect(findText(gui.host, "Workspace/Door/DoorScript")).to.be.ok();
			expect(findText(gui.host, "Make the door open when touched")).to.be.ok();
			expect(findText(gui.host, "Edit Workspace/Door/DoorScript")).to.be.ok();
			expect(findText(gui.host, "+ door.Touched:Connect(function()")).to.be.ok();
			expect(actions(gui.host)).to.equal("Open script, Approve, Reject");
			expect(findButton(gui.host, "Approve")!.BackgroundColor3).to.equal(theme.color("MainButton"));
		});

		it("approved and applying: a badge and no buttons", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "applying")));
			expect(findText(gui.host, "Applying…")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
			gui.update(card(proposalOf([EDIT_DOOR], "approved")));
			expect(findText(gui.host, "Approved")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
		});

		it("applied: green badge, the undo step, and Revert only", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "applied", { waypoint: "Vector: door" })));
			const badge = findText(gui.host, "Applied")!;
			expect(badge.BackgroundColor3).to.equal(theme.color("DiffLineNumAdditionBackground"));
			expect(findText(gui.host, 'Applied as one undo step ("Vector: door").')).to.be.ok();
			expect(actions(gui.host)).to.equal("Revert");
		});

		it("failed: the reason in the error colour, and Retry", () => {
			gui.mount(card(proposalOf([SET_DOOR], "failed", { reason: "Workspace/Door no longer exists" })));
			expect(findText(gui.host, "Failed")!.BackgroundColor3).to.equal(theme.color("ErrorText"));
			const reason = findText(gui.host, "Failed: Workspace/Door no longer exists")!;
			expect(reason.TextColor3).to.equal(theme.color("ErrorText"));
			expect(actions(gui.host)).to.equal("Retry");
		});

		it("stale: the reason and each conflict, and no buttons", () => {
			gui.mount(
				card(
					proposalOf([EDIT_DOOR], "stale", {
						reason: "Workspace/Door/DoorScript changed since the proposal was made",
						conflicts: [{ path: "Workspace/Door/DoorScript", detail: "lines 3-4 were edited on both sides" }],
					}),
				),
			);
			expect(findText(gui.host, "Stale")!.BackgroundColor3).to.equal(theme.color("WarningText"));
			expect(findText(gui.host, "Stale: Workspace/Door/DoorScript changed since the proposal was made")).to.be.ok();
			const conflict = findText(
				gui.host,
				"Conflict in Workspace/Door/DoorScript: lines 3-4 were edited on both sides",
			)!;
			expect(conflict.TextColor3).to.equal(theme.color("WarningText"));
			expect(actions(gui.host)).to.equal("");
		});

		it("rejected: the user's reason, and no buttons", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "rejected", { reason: "too risky" })));
			expect(findText(gui.host, "Rejected")).to.be.ok();
			expect(findText(gui.host, "Rejected: too risky")).to.be.ok();
			expect(actions(gui.host)).to.equal("");
		});

		it("reverted: a grey badge and no buttons", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "reverted")));
			expect(findText(gui.host, "Reverted")!.BackgroundColor3).to.equal(theme.color("Button"));
			expect(actions(gui.host)).to.equal("");
		});
	});

	describe("per operation", () => {
		it("set_properties: a table of names and new values, old values once applied", () => {
			gui.mount(card(proposalOf([SET_DOOR])));
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
			expect(findText(gui.host, "false")!.TextColor3).to.equal(theme.color("DimmedText"));
		});

		it("create_instance: the sentence and its properties", () => {
			gui.mount(
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
			gui.mount(
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
			gui.mount(card(proposalOf(operations)));
			expect(findText(gui.host, "Rename, Move, Delete")).to.be.ok();
			expect(findText(gui.host, "Workspace/Door, Workspace/Gate, Workspace/OldDoor")).to.be.ok();
			expect(findText(gui.host, 'Rename Workspace/Door to "Gate"')).to.be.ok();
			expect(findText(gui.host, "Move Workspace/Gate into Workspace/Castle")).to.be.ok();
			expect(findText(gui.host, "Delete Workspace/OldDoor")).to.be.ok();
		});

		it("insert_asset: thumbnail, id and the findings coloured by severity, dangerous first", () => {
			gui.mount(card(proposalOf([insertWith([WARNING, DANGER])])));
			const thumbnail = gui.host.FindFirstChild("Thumbnail", true) as ImageLabel;
			expect(thumbnail.Image).to.equal("rbxthumb://type=Asset&id=1818&w=150&h=150");
			expect(findText(gui.host, "Asset 1818")).to.be.ok();
			expect(findText(gui.host, "Into Workspace")).to.be.ok();
			const summary = findText(gui.host, "Script scan: 1 dangerous finding, 1 warning")!;
			expect(summary.TextColor3).to.equal(theme.color("ErrorText"));
			const danger = findTextContaining(gui.host, "Danger: Tree/Script, line 3")!;
			expect(danger.TextColor3).to.equal(theme.color("ErrorText"));
			const warning = findTextContaining(gui.host, "Warning: Tree/Leaves/Sway, line 12")!;
			expect(warning.TextColor3).to.equal(theme.color("WarningText"));
			expect(danger.AbsolutePosition.Y < warning.AbsolutePosition.Y).to.equal(true);
			expect(findText(gui.host, "require(4815162342)")!.Font).to.equal(theme.codeFont);
		});

		it("insert_asset without findings says the scan found nothing", () => {
			gui.mount(card(proposalOf([insertWith([])])));
			expect(findText(gui.host, "The script scan found nothing suspicious.")).to.be.ok();
		});

		it("shows many operations a page at a time", () => {
			const operations = new Array<Operation>();
			for (let i = 1; i <= 25; i++) operations.push({ kind: "delete_instance", path: `Workspace/Part${i}` });
			gui.mount(card(proposalOf(operations)));
			expect(findText(gui.host, "Delete Workspace/Part10")).to.be.ok();
			expect(findText(gui.host, "Delete Workspace/Part11")).never.to.be.ok();
			expect(findButton(gui.host, "Show 10 more of 15 changes")).to.be.ok();
		});
	});

	describe("in a narrow parent", () => {
		const busy = () =>
			proposalOf([EDIT_DOOR, SET_DOOR, insertWith([DANGER, WARNING])], "stale", {
				summary: "Open the door on touch, anchor it, and add a tree from the Creator Store for decoration",
				reason: "ServerScriptService/VeryLongFolderName/AnotherFolder/DoorScript changed",
				conflicts: [{ path: "ServerScriptService/VeryLongFolderName/AnotherFolder/DoorScript", detail: "lines 3-4" }],
			});

		it("wraps its contents so nothing passes the card's edge", () => {
			gui.resize(220);
			gui.mount(card(busy()));
			expect(overflowing(gui.host).join("\n")).to.equal("");
		});

		it("wraps again when the parent shrinks", () => {
			gui.mount(card(proposalOf([EDIT_DOOR, insertWith([DANGER])])));
			gui.resize(200);
			expect(overflowing(gui.host).join("\n")).to.equal("");
			const reject = findButton(gui.host, "Reject")!;
			expect(reject.AbsolutePosition.X + reject.AbsoluteSize.X <= 200).to.equal(true);
		});
	});

	describe("decisions", () => {
		if (!canClick()) SKIP();

		it("Approve reports the proposal id", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "pending", { id: "p42" })));
			click(findButton(gui.host, "Approve"));
			expect(calls.join(";")).to.equal("approve p42");
		});

		it("Reject opens a reason field; Confirm reject reports the trimmed reason", () => {
			gui.mount(card(proposalOf([EDIT_DOOR])));
			click(findButton(gui.host, "Reject"));
			expect(calls.size()).to.equal(0);
			expect(actions(gui.host)).to.equal("Open script, Confirm reject, Cancel");
			const box = textBoxes(gui.host)[0];
			expect(box.PlaceholderText).to.equal("Reason for rejecting (optional)");
			typeInto(box, "  use a ProximityPrompt instead  ");
			click(findButton(gui.host, "Confirm reject"));
			expect(calls.join(";")).to.equal("reject p1 use a ProximityPrompt instead");
		});

		it("Reject without a reason reports none", () => {
			gui.mount(card(proposalOf([EDIT_DOOR])));
			click(findButton(gui.host, "Reject"));
			click(findButton(gui.host, "Confirm reject"));
			expect(calls.join(";")).to.equal("reject p1 (no reason)");
		});

		it("Enter in the reason field rejects", () => {
			gui.mount(card(proposalOf([EDIT_DOOR])));
			click(findButton(gui.host, "Reject"));
			typeInto(textBoxes(gui.host)[0], "not now", true);
			expect(calls.join(";")).to.equal("reject p1 not now");
		});

		it("Cancel closes the reason field without deciding", () => {
			gui.mount(card(proposalOf([EDIT_DOOR])));
			click(findButton(gui.host, "Reject"));
			click(findButton(gui.host, "Cancel"));
			expect(textBoxes(gui.host).size()).to.equal(0);
			expect(actions(gui.host)).to.equal("Open script, Approve, Reject");
			expect(calls.size()).to.equal(0);
		});

		it("Open script opens the script at the first changed line", () => {
			gui.mount(card(proposalOf([SET_DOOR, EDIT_DOOR])));
			click(findButton(gui.host, "Open script"));
			expect(calls.join(";")).to.equal("open p1 Workspace/Door/DoorScript 4");
		});

		it("Revert and Retry report the proposal id", () => {
			gui.mount(card(proposalOf([EDIT_DOOR], "applied", { id: "p7" })));
			click(findButton(gui.host, "Revert"));
			gui.update(card(proposalOf([EDIT_DOOR], "failed", { id: "p7", reason: "boom" })));
			click(findButton(gui.host, "Retry"));
			expect(calls.join(";")).to.equal("revert p7;retry p7");
		});

		it("a dangerous insert needs a second click on Insert anyway", () => {
			gui.mount(card(proposalOf([insertWith([WARNING, DANGER])])));
			click(findButton(gui.host, "Approve"));
			expect(calls.size()).to.equal(0);
			expect(findButton(gui.host, "Approve")).never.to.be.ok();
			const confirm = findButton(gui.host, "Insert anyway")!;
			expect(confirm.BackgroundColor3).to.equal(theme.color("ErrorText", "Hover"));
			expect(findTextContaining(gui.host, "dangerous code")!.TextColor3).to.equal(theme.color("ErrorText"));
			click(confirm);
			expect(calls.join(";")).to.equal("approve p1");
		});

		it("an insert with warnings only is approved with one click", () => {
			gui.mount(card(proposalOf([insertWith([WARNING])])));
			click(findButton(gui.host, "Approve"));
			expect(calls.join(";")).to.equal("approve p1");
		});

		it("a new state closes a half-made decision", () => {
			gui.mount(card(proposalOf([insertWith([DANGER])])));
			click(findButton(gui.host, "Approve"));
			expect(findButton(gui.host, "Insert anyway")).to.be.ok();
			gui.update(card(proposalOf([insertWith([DANGER])], "failed", { reason: "asset unavailable" })));
			gui.update(card(proposalOf([insertWith([DANGER])], "pending")));
			expect(findButton(gui.host, "Insert anyway")).never.to.be.ok();
			expect(findButton(gui.host, "Approve")).to.be.ok();
		});

		it("pages through many operations", () => {
			const operations = new Array<Operation>();
			for (let i = 1; i <= 25; i++) operations.push({ kind: "delete_instance", path: `Workspace/Part${i}` });
			gui.mount(card(proposalOf(operations)));
			click(findButton(gui.host, "Show 10 more of 15 changes"));
			expect(findText(gui.host, "Delete Workspace/Part20")).to.be.ok();
			click(findButton(gui.host, "Show 5 more of 5 changes"));
			expect(findText(gui.host, "Delete Workspace/Part25")).to.be.ok();
			expect(findTextContaining(gui.host, "more of")).never.to.be.ok();
		});
	});
};
