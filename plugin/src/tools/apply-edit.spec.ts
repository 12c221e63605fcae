/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { makePart, makeScript, snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext, ToolOutcome } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	let main: Script;
	const path = "Workspace/VectorToolsSpec/Main";
	const text = 'local speed = 16\nlocal jump = 50\n\nprint("ready")\n';
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		main = makeScript(studio, "Script", "Main", root, text);
	});
	afterEach(() => root.Destroy());

	const edit = (sl: number, sc: number, el: number, ec: number, newText: string) => ({
		start: { line: sl, character: sc },
		end: { line: el, character: ec },
		newText,
	});

	function proposalOf(outcome: ToolOutcome) {
		if (outcome.kind !== "proposal")
			throw `expected a proposal, got ${outcome.kind}: ${outcome.kind === "error" ? outcome.message : ""}`;
		return outcome;
	}

	it("proposes an edit_script operation from the editor text to the edited text, changing nothing yet", () => {
		const before = snapshot(root, studio);
		const outcome = proposalOf(
			callTool(context, "apply_edit", {
				path,
				edits: [edit(0, 14, 0, 16, "24"), edit(3, 0, 3, 0, "-- go\n")],
				reason: "Faster walking.",
			}),
		);
		expect(outcome.operations.size()).to.equal(1);
		const operation = outcome.operations[0];
		expect(operation.kind).to.equal("edit_script");
		if (operation.kind !== "edit_script") return;
		expect(operation.path).to.equal(path);
		expect(operation.base).to.equal(text);
		expect(operation.after).to.equal('local speed = 24\nlocal jump = 50\n\n-- go\nprint("ready")\n');
		expect(outcome.summary).to.equal(`Edit ${path} (+2 lines, −1 line): Faster walking.`);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("edits against the unsaved draft the user sees", () => {
		studio.texts.set(main, "local speed = 8\n");
		const outcome = proposalOf(callTool(context, "apply_edit", { path, edits: [edit(0, 14, 0, 15, "9")] }));
		const operation = outcome.operations[0];
		if (operation.kind !== "edit_script") throw "not an edit";
		expect(operation.base).to.equal("local speed = 8\n");
		expect(operation.after).to.equal("local speed = 9\n");
	});

	it("keeps CRLF line endings and counts characters, not bytes", () => {
		studio.texts.set(main, 'print("é")\r\nprint("x")\r\n');
		const outcome = proposalOf(
			callTool(context, "apply_edit", { path, edits: [edit(0, 8, 0, 9, ""), edit(1, 0, 1, 0, "-- a\n")] }),
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "edit_script") throw "not an edit";
		expect(operation.after).to.equal('print("é)\r\n-- a\r\nprint("x")\r\n');
	});

	it("refuses out-of-range positions, overlaps, inverted ranges and no-ops, changing nothing", () => {
		const before = snapshot(root, studio);
		expect(
			contains(errorOf(callTool(context, "apply_edit", { path, edits: [edit(9, 0, 9, 0, "x")] })), "edits[0].start"),
		).to.equal(true);
		expect(
			contains(errorOf(callTool(context, "apply_edit", { path, edits: [edit(0, 0, 0, 99, "x")] })), "edits[0].end"),
		).to.equal(true);
		expect(
			errorOf(callTool(context, "apply_edit", { path, edits: [edit(0, 0, 0, 10, "a"), edit(0, 5, 1, 0, "b")] })),
		).to.equal("edits[0] (0:0–0:10) and edits[1] (0:5–1:0) overlap; edits must not cover the same text");
		expect(
			contains(
				errorOf(callTool(context, "apply_edit", { path, edits: [edit(1, 0, 0, 0, "x")] })),
				"comes before start",
			),
		).to.equal(true);
		expect(errorOf(callTool(context, "apply_edit", { path, edits: [edit(0, 6, 0, 11, "speed")] }))).to.equal(
			"the edit changes nothing: the result equals the script's current text",
		);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("refuses malformed arguments with the field path", () => {
		expect(errorOf(callTool(context, "apply_edit", { path, edits: [edit(0, -1, 0, 0, "x")] }))).to.equal(
			"Invalid arguments for apply_edit: edits[0].start.character: expected an integer ≥ 0, got -1",
		);
		expect(
			errorOf(callTool(context, "apply_edit", { path, edits: [{ start: { line: 0, character: 0 }, newText: "x" }] })),
		).to.equal("Invalid arguments for apply_edit: edits[0].end: missing; expected an object");
		expect(errorOf(callTool(context, "apply_edit", { path, edits: [] }))).to.equal(
			"Invalid arguments for apply_edit: edits: expected an array of 1–50 items, got 0 items",
		);
	});

	it("refuses a path that is missing or not a script", () => {
		makePart("Floor", root);
		expect(
			contains(
				errorOf(callTool(context, "apply_edit", { path: `${path}2`, edits: [edit(0, 0, 0, 0, "x")] })),
				'no child named "Main2"',
			),
		).to.equal(true);
		expect(
			errorOf(
				callTool(context, "apply_edit", { path: "Workspace/VectorToolsSpec/Floor", edits: [edit(0, 0, 0, 0, "x")] }),
			),
		).to.equal('path: "Workspace/VectorToolsSpec/Floor" is a Part, not a script (Script, LocalScript or ModuleScript)');
	});

	it("is refused in Plan mode", () => {
		expect(
			contains(errorOf(callTool(context, "apply_edit", { path, edits: [edit(0, 0, 0, 0, "x")] }, "plan")), "Plan mode"),
		).to.equal(true);
	});
};
