/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => ({ studio, context, root } = toolSpecFixture()));
	afterEach(() => root.Destroy());

	it("proposes a create_script operation and creates nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "create_script", {
			parentPath: path,
			name: "Spinner",
			className: "Script",
			source:
				"local part = script.Parent\nwhile true do\n\tpart.CFrame *= CFrame.Angles(0, 0.05, 0)\n\ttask.wait()\nend\n",
			runContext: "Server",
			reason: "Spins the part.",
		});
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(
			`Create Script "Spinner" in ${path} (Folder) (6 lines, RunContext Server): Spins the part.`,
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "create_script") throw "wrong operation";
		expect(operation.parentPath).to.equal(path);
		expect(operation.name).to.equal("Spinner");
		expect(operation.className).to.equal("Script");
		expect(operation.runContext).to.equal("Server");
		expect(contains(operation.source, "task.wait()")).to.equal(true);
		expect(snapshot(root, studio)).to.equal(before);
		expect(root.FindFirstChild("Spinner")).to.equal(undefined);
	});

	it("notes a sibling that already has the name", () => {
		makeScript(studio, "ModuleScript", "Util", root, "");
		const outcome = callTool(context, "create_script", {
			parentPath: path,
			name: "Util",
			className: "ModuleScript",
			source: "return {}",
		});
		if (outcome.kind !== "proposal") throw "expected a proposal";
		expect(contains(outcome.summary, 'note: a ModuleScript named "Util" is already there')).to.equal(true);
	});

	it("refuses a bad class, a run context on a ModuleScript, game as parent and a missing parent", () => {
		const before = snapshot(root, studio);
		expect(
			errorOf(callTool(context, "create_script", { parentPath: path, name: "A", className: "CoreScript", source: "" })),
		).to.equal(
			'Invalid arguments for create_script: className: expected one of "Script", "LocalScript", "ModuleScript", got "CoreScript"',
		);
		expect(
			errorOf(
				callTool(context, "create_script", {
					parentPath: path,
					name: "A",
					className: "ModuleScript",
					source: "",
					runContext: "Client",
				}),
			),
		).to.equal("runContext: only Script and LocalScript have a RunContext; omit it for a ModuleScript");
		expect(
			contains(
				errorOf(callTool(context, "create_script", { parentPath: "game", name: "A", className: "Script", source: "" })),
				"cannot be children of game",
			),
		).to.equal(true);
		expect(
			contains(
				errorOf(
					callTool(context, "create_script", {
						parentPath: `${path}/Nope`,
						name: "A",
						className: "Script",
						source: "",
					}),
				),
				'parentPath: no child named "Nope"',
			),
		).to.equal(true);
		expect(
			errorOf(callTool(context, "create_script", { parentPath: path, name: "", className: "Script", source: "" })),
		).to.equal("Invalid arguments for create_script: name: expected a string of 1–100 characters, got an empty string");
		expect(snapshot(root, studio)).to.equal(before);
	});
};
