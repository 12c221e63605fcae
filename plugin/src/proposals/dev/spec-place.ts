/**
 * Spec support for the proposal specs (dev build only: `dev/` folders are left out of the release):
 * the editor as a user drives it, proposals brought to the applying state, and a snapshot of a
 * fixture and of the undo history, to check that a failed or cancelled change left no trace.
 */
import { Operation } from "../operation";
import { Proposal } from "../proposal";
import { createProposal, ProposalEvent, transition } from "../state-machine";
import { resolvePath } from "../../studio/instance-path";
import { encodeValue } from "../../studio/property-codec";

interface Document extends Instance {
	EditTextAsync(text: string, sL: number, sC: number, eL: number, eC: number): LuaTuple<[boolean, string | undefined]>;
	GetLine(line: number): string;
	CloseAsync(): LuaTuple<[boolean, string | undefined]>;
}

interface Editor {
	OpenScriptDocumentAsync(target: LuaSourceContainer): LuaTuple<[boolean, string | undefined]>;
	FindScriptDocument(target: LuaSourceContainer): Document | undefined;
	GetEditorSource(target: LuaSourceContainer): string;
}

const editor = game.GetService("ScriptEditorService") as unknown as Editor;
const history = game.GetService("ChangeHistoryService");

/** The editor's text of a script (drafts included). */
export function editorText(target: LuaSourceContainer): string {
	return editor.GetEditorSource(target);
}

/** The user opens the script's tab and retypes line `line` as `text` (an unsaved draft). */
export function userTypes(target: LuaSourceContainer, line: number, text: string): void {
	editor.OpenScriptDocumentAsync(target);
	const document = editor.FindScriptDocument(target)!;
	const length = document.GetLine(line).size();
	const [ok, message] = document.EditTextAsync(text, line, 1, line, length + 1);
	if (!ok) error(`the user's edit did not land: ${message}`);
}

/** Closes the tabs of the scripts under `root` and cancels a recording a failed spec left open. */
export function cleanUp(root: Instance): void {
	if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
	for (const descendant of root.GetDescendants()) {
		if (descendant.IsA("LuaSourceContainer")) editor.FindScriptDocument(descendant)?.CloseAsync();
	}
}

/** The fixture the apply and revert specs change: Workspace.<name> with Main, Door, Props/Crate and Bin. */
export interface SpecPlace {
	readonly root: Folder;
	readonly main: Script;
	readonly door: Part;
	readonly crate: Part;
}

function make<C extends keyof CreatableInstances>(className: C, name: string, parent: Instance): CreatableInstances[C] {
	const instance = new Instance(className);
	instance.Name = name;
	instance.Parent = parent;
	return instance;
}

/** Builds the fixture (Main's text is `source`), parented into Workspace last. */
export function buildSpecPlace(name: string, source: string): SpecPlace {
	const root = new Instance("Folder");
	root.Name = name;
	const main = make("Script", "Main", root);
	main.Source = source;
	const door = make("Part", "Door", root);
	const crate = make("Part", "Crate", make("Folder", "Props", root));
	make("Folder", "Bin", root);
	root.Parent = game.GetService("Workspace");
	return { root, main, door, crate };
}

/** The instance at `path`, or an error. */
export function instanceAt(path: string): Instance {
	const resolved = resolvePath(game, path);
	if (!resolved.ok) error(resolved.message);
	return resolved.instance;
}

/** A proposal of `operations`, approved and in the applying state. */
export function applying(operations: ReadonlyArray<Operation>, summary = "Spec change", id = "p1"): Proposal {
	let proposal = createProposal({ id, toolCallId: "call_1", summary, operations }, 1);
	const events: Array<ProposalEvent> = [{ type: "approve" }, { type: "begin_apply" }];
	for (const event of events) {
		const result = transition(proposal, event, 2);
		if (!result.ok) error(result.error.message);
		proposal = result.proposal;
	}
	return proposal;
}

/** The undo and redo tops and whether a recording is open. */
export function historyLine(): string {
	const [canUndo, undoName] = history.GetCanUndo() as LuaTuple<[boolean, string?]>;
	const [canRedo, redoName] = history.GetCanRedo() as LuaTuple<[boolean, string?]>;
	return `undo=${canUndo}:${undoName} redo=${canRedo}:${redoName} recording=${history.IsRecordingInProgress()}`;
}

/** The fixture under `root` as text: classes, names, part properties, script sources and editor texts. */
export function treeSnapshot(root: Instance): string {
	const lines = new Array<string>();
	const describe = (instance: Instance, depth: number) => {
		let line = `${string.rep("  ", depth)}${instance.ClassName} ${instance.Name}`;
		if (instance.IsA("BasePart")) {
			for (const property of ["Size", "Color", "Anchored", "Transparency", "CFrame", "Material"]) {
				const value = encodeValue((instance as unknown as { [key: string]: unknown })[property]);
				line += ` ${property}=${typeIs(value, "table") ? game.GetService("HttpService").JSONEncode(value) : tostring(value)}`;
			}
		}
		if (instance.IsA("LuaSourceContainer")) {
			line += ` source=${(instance as ModuleScript).Source} editor=${editor.GetEditorSource(instance)}`;
		}
		lines.push(line);
		// Sibling order is left out: an undone deletion puts the instance back last among its
		// siblings (Roblox documents no order for GetChildren after a re-parent).
		const children = instance.GetChildren();
		children.sort((a, b) => (a.Name === b.Name ? a.ClassName < b.ClassName : a.Name < b.Name));
		for (const child of children) describe(child, depth + 1);
	};
	describe(root, 0);
	return lines.join("\n");
}

/** treeSnapshot plus the undo history. */
export function snapshot(root: Instance): string {
	return historyLine() + "\n" + treeSnapshot(root);
}
