/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makeFolder, makePart, makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";
import { applyProposal } from "../proposals/apply-proposal";
import { applying } from "../proposals/dev/spec-place";
import { createStudioApi } from "../studio/create-studio-api";

const P = "Workspace/VectorToolsSpec";
const history = game.GetService("ChangeHistoryService");

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		makeScript(studio, "Script", "Main", root, "local door = workspace.Door\nprint(door)\n");
		makePart("Door", root);
		makeFolder("Storage", root);
	});
	afterEach(() => root.Destroy());

	const batch = (changes: Array<object>, extra: object = {}) =>
		callTool(context, "propose_changes", { summary: "Rework the room", changes, ...extra });

	it("joins the changes' operations, in order, into one proposal that keeps the stage", () => {
		const before = snapshot(root, studio);
		const outcome = batch(
			[
				{ tool: "rename_instance", arguments: { path: `${P}/Door`, newName: "Gate" } },
				{
					tool: "replace_in_script",
					arguments: { path: `${P}/Main`, blocks: [{ search: "workspace.Door", replace: "workspace.Gate" }] },
				},
				{ tool: "create_instance", arguments: { parentPath: P, className: "Part", name: "Step", properties: { Anchored: true } } },
			],
			{ stage: "environment", reason: "the door is a gate now" },
		);
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal("Rework the room: the door is a gate now");
		expect(outcome.stage).to.equal("environment");
		expect(outcome.operations.map((operation) => operation.kind).join(",")).to.equal(
			"rename_instance,edit_script,create_instance",
		);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("says which change was refused and why, proposing nothing", () => {
		const message = errorOf(
			batch([
				{ tool: "create_instance", arguments: { parentPath: P, className: "Part" } },
				{ tool: "set_properties", arguments: { path: `${P}/Door`, properties: { Transparency: "clear" } } },
			]),
		);
		expect(contains(message, "changes[1] (set_properties): properties.Transparency:")).to.equal(true);
		expect(
			contains(errorOf(batch([{ tool: "get_properties", arguments: { path: P } }])), "changes[0] (get_properties): not a write tool; use one of"),
		).to.equal(true);
		expect(contains(errorOf(batch([{ tool: "propose_changes", arguments: {} }])), "changes[0] (propose_changes): not a write tool")).to.equal(true);
		expect(contains(errorOf(batch([{ tool: "rename_instance", arguments: { path: `${P}/Door` } }])), "changes[0] (rename_instance): ")).to.equal(true);
		expect(contains(errorOf(batch([])), "changes")).to.equal(true);
		expect(contains(errorOf(batch([{ tool: "delete_instance", arguments: { path: `${P}/Door` } }], { stage: "two words" })), "stage: use the stage id")).to.equal(true);
	});

	it("lets a later change name what an earlier one creates: a script in a new folder, a part moved into it", () => {
		const before = snapshot(root, studio);
		const outcome = batch([
			{ tool: "create_instance", arguments: { parentPath: P, className: "Folder", name: "Enemies", children: [{ className: "Folder", name: "Spawns" }] } },
			{ tool: "create_script", arguments: { parentPath: `${P}/Enemies`, name: "Spawner", className: "Script", source: "print('spawn')\n" } },
			{ tool: "create_instance", arguments: { parentPath: `${P}/Enemies/Spawns`, className: "Part", name: "Spawn1" } },
			{ tool: "set_properties", arguments: { path: `${P}/Enemies/Spawns/Spawn1`, properties: { Anchored: true } } },
			{ tool: "move_instance", arguments: { path: `${P}/Door`, newParentPath: `${P}/Enemies` } },
		]);
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		const paths = outcome.operations.map((operation) => {
			switch (operation.kind) {
				case "create_instance":
				case "create_script":
					return `${operation.kind} ${operation.parentPath}/${operation.name}`;
				case "set_properties":
					return `${operation.kind} ${operation.path}`;
				case "move_instance":
					return `${operation.kind} ${operation.path} -> ${operation.newParentPath}`;
				default:
					return operation.kind;
			}
		});
		expect(paths.join("\n")).to.equal(
			[
				`create_instance ${P}/Enemies`,
				`create_script ${P}/Enemies/Spawner`,
				`create_instance ${P}/Enemies/Spawns/Spawn1`,
				`set_properties ${P}/Enemies/Spawns/Spawn1`,
				`move_instance ${P}/Door -> ${P}/Enemies`,
			].join("\n"),
		);
		// Nothing was created in the place while checking.
		expect(snapshot(root, studio)).to.equal(before);

		const applied = applyProposal(applying(outcome.operations, outcome.summary), createStudioApi(), () => 1);
		if (!applied.ok) throw applied.error.message;
		expect(applied.proposal.state).to.equal("applied");
		const enemies = root.FindFirstChild("Enemies")!;
		expect((enemies.FindFirstChild("Spawner") as Script).Source).to.equal("print('spawn')\n");
		expect((enemies.FindFirstChild("Spawns")!.FindFirstChild("Spawn1") as Part).Anchored).to.equal(true);
		expect(enemies.FindFirstChild("Door")).never.to.equal(undefined);
		history.Undo();
		expect(root.FindFirstChild("Enemies")).to.equal(undefined);
		expect(root.FindFirstChild("Door")).never.to.equal(undefined);
	});

	it("refuses renaming, moving, deleting or editing what an earlier change creates, and names that would be ambiguous", () => {
		const create = { tool: "create_instance", arguments: { parentPath: P, className: "Folder", name: "Enemies" } };
		const newScript = { tool: "create_script", arguments: { parentPath: P, name: "Spawner", className: "Script", source: "x = 1\n" } };
		const later = (change: object) => errorOf(batch([create, newScript, change]));
		expect(contains(later({ tool: "rename_instance", arguments: { path: `${P}/Enemies`, newName: "Foes" } }), "changes[2] (rename_instance): Workspace/VectorToolsSpec/Enemies is created by an earlier change of this proposal")).to.equal(true);
		expect(contains(later({ tool: "delete_instance", arguments: { path: `${P}/Enemies` } }), "is created by an earlier change of this proposal")).to.equal(true);
		expect(contains(later({ tool: "move_instance", arguments: { path: `${P}/Enemies`, newParentPath: `${P}/Storage` } }), "is created by an earlier change of this proposal")).to.equal(true);
		expect(
			contains(
				later({ tool: "replace_in_script", arguments: { path: `${P}/Spawner`, blocks: [{ search: "x = 1", replace: "x = 2" }] } }),
				"is created by an earlier change of this proposal; give that create_script the whole source instead",
			),
		).to.equal(true);
		// A second Storage next to the existing one: naming it would be ambiguous once applied.
		const twin = errorOf(
			batch([
				{ tool: "create_instance", arguments: { parentPath: P, className: "Folder", name: "Storage" } },
				{ tool: "create_instance", arguments: { parentPath: `${P}/Storage`, className: "Part", name: "Box" } },
			]),
		);
		expect(contains(twin, "the place already has Workspace/VectorToolsSpec/Storage and an earlier change creates another one there")).to.equal(true);
	});

	it("is not offered in Plan mode", () => {
		const message = errorOf(callTool(context, "propose_changes", { summary: "x", changes: [] }, "plan"));
		expect(contains(message, "Plan mode")).to.equal(true);
	});

	it("applies as one undo step, and a change failing half-way leaves the place as it was", () => {
		const outcome = batch([
			{ tool: "create_instance", arguments: { parentPath: P, className: "Part", name: "Step" } },
			{ tool: "set_properties", arguments: { path: `${P}/Door`, properties: { Transparency: 0.5 } } },
			{ tool: "move_instance", arguments: { path: `${P}/Door`, newParentPath: `${P}/Storage` } },
		]);
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		// The storage folder goes away before the user approves: the third operation fails.
		const storage = root.FindFirstChild("Storage")!;
		storage.Parent = undefined;
		const before = snapshot(root, studio);
		const waypointsBefore = history.GetCanUndo();
		const failed = applyProposal(applying(outcome.operations, outcome.summary), createStudioApi(), () => 1);
		if (!failed.ok) throw failed.error.message;
		expect(failed.proposal.state).to.equal("failed");
		expect(failed.proposal.reason!.sub(1, 32)).to.equal("operation 3 of 3 (move_instance ");
		expect(snapshot(root, studio)).to.equal(before);
		expect(history.GetCanUndo()).to.equal(waypointsBefore);

		storage.Parent = root;
		const applied = applyProposal(applying(outcome.operations, outcome.summary), createStudioApi(), () => 2);
		if (!applied.ok) throw applied.error.message;
		expect(applied.proposal.state).to.equal("applied");
		expect(root.FindFirstChild("Step")).never.to.equal(undefined);
		expect(root.FindFirstChild("Storage")!.FindFirstChild("Door")).never.to.equal(undefined);
		history.Undo();
		expect(root.FindFirstChild("Step")).to.equal(undefined);
		expect(root.FindFirstChild("Door")).never.to.equal(undefined);
		expect((root.FindFirstChild("Door") as Part).Transparency).to.equal(0);
	});
};
