/// <reference types="@rbxts/testez/globals" />
import { createStudioApi } from "./create-studio-api";
import { StudioApi } from "./studio-api";

interface Document extends Instance {
	GetSelection(): LuaTuple<[number, number, number, number]>;
	GetLineCount(): number;
	EditTextAsync(text: string, sL: number, sC: number, eL: number, eC: number): LuaTuple<[boolean, string | undefined]>;
	CloseAsync(): LuaTuple<[boolean, string | undefined]>;
}

interface Editor {
	OpenScriptDocumentAsync(target: LuaSourceContainer): LuaTuple<[boolean, string | undefined]>;
	FindScriptDocument(target: LuaSourceContainer): Document | undefined;
}

const editor = game.GetService("ScriptEditorService") as unknown as Editor;
const history = game.GetService("ChangeHistoryService");

/** Opens the script's tab as the user would and types `text` at its start (a draft: Source stays). */
function typeDraft(target: LuaSourceContainer, text: string) {
	editor.OpenScriptDocumentAsync(target);
	const [ok, message] = editor.FindScriptDocument(target)!.EditTextAsync(text, 1, 1, 1, 1);
	if (!ok) error(`the draft was not typed: ${message}`);
}

export = () => {
	let root: Folder;
	let api: StudioApi;
	let code: Script;

	beforeEach(() => {
		root = new Instance("Folder");
		root.Name = "VectorStudioApiSpec";
		root.Parent = game.GetService("ServerScriptService");
		code = new Instance("Script");
		code.Name = "Main";
		code.Source = "print(1)\n";
		code.Parent = root;
		api = createStudioApi();
	});

	afterEach(() => {
		if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
		for (const descendant of root.GetDescendants()) {
			if (descendant.IsA("LuaSourceContainer")) editor.FindScriptDocument(descendant)?.CloseAsync();
		}
		root.Destroy();
	});

	describe("script text", () => {
		it("reads the editor's text, drafts included, not the saved Source", () => {
			typeDraft(code, "-- draft\n");
			expect(api.getEditorSource(code)).to.equal("-- draft\nprint(1)\n");
			expect(code.Source).to.equal("print(1)\n");
		});

		it("writes through UpdateSourceAsync: the transform gets the editor text, editor and Source get the result", () => {
			typeDraft(code, "-- draft\n");
			let seen = "";
			const outcome = api.updateSource(code, (current) => {
				seen = current;
				return current + "print(2)\n";
			});
			expect(seen).to.equal("-- draft\nprint(1)\n");
			expect(outcome.kind).to.equal("written");
			expect(outcome.kind === "written" && outcome.text).to.equal("-- draft\nprint(1)\nprint(2)\n");
			expect(api.getEditorSource(code)).to.equal("-- draft\nprint(1)\nprint(2)\n");
			expect(code.Source).to.equal("-- draft\nprint(1)\nprint(2)\n");
		});

		it("cancels when the transform returns undefined, writing nothing", () => {
			const outcome = api.updateSource(code, () => undefined);
			expect(outcome.kind).to.equal("cancelled");
			expect(code.Source).to.equal("print(1)\n");
		});

		it("passes Studio's refusal on as an error", () => {
			const [ok] = pcall(() =>
				api.updateSource(code, () => {
					error("transform failed");
				}),
			);
			expect(ok).to.equal(false);
			expect(code.Source).to.equal("print(1)\n");
		});
	});

	describe("documents", () => {
		it("opens a script with the cursor on the line asked for, making it the active script", () => {
			code.Source = "local a = 1\nlocal b = 2\nlocal c = 3\n";
			api.openScript(code, 3);
			expect(api.activeScript()).to.equal(code);
			const [cursorLine, cursorChar] = editor.FindScriptDocument(code)!.GetSelection();
			expect(cursorLine).to.equal(3);
			expect(cursorChar).to.equal(1);
		});

		it("clamps a line past the end to the last line", () => {
			api.openScript(code, 99);
			const document = editor.FindScriptDocument(code)!;
			const [cursorLine] = document.GetSelection();
			expect(cursorLine).to.equal(document.GetLineCount());
		});

		it("lists open script tabs with their line counts and drafts, never the command bar", () => {
			const other = new Instance("ModuleScript");
			other.Name = "Lib";
			other.Source = "return {}";
			other.Parent = root;
			api.openScript(other);
			typeDraft(code, "-- draft\n");
			const documents = api.openDocuments();
			const mine = documents.filter((document) => document.script.IsDescendantOf(root));
			expect(mine.size()).to.equal(2);
			const main = mine.find((document) => document.script === code)!;
			const lib = mine.find((document) => document.script === other)!;
			expect(main.hasDraft).to.equal(true);
			expect(main.lineCount).to.equal(editor.FindScriptDocument(code)!.GetLineCount());
			expect(lib.hasDraft).to.equal(false);
			for (const document of documents) {
				expect(document.script.IsA("LuaSourceContainer")).to.equal(true);
			}
		});
	});

	describe("selection", () => {
		it("gets and sets Studio's selection", () => {
			const before = api.getSelection();
			api.setSelection([code, root]);
			const selected = api.getSelection();
			expect(selected.size()).to.equal(2);
			expect(selected.includes(code) && selected.includes(root)).to.equal(true);
			api.setSelection(before);
		});
	});

	describe("recordings", () => {
		it("allows one recording at a time", () => {
			const id = api.beginRecording("VectorSpec", "Vector spec");
			expect(typeIs(id, "string")).to.equal(true);
			expect(api.beginRecording("VectorSpec2", "Vector spec 2")).to.equal(undefined);
			api.finishRecording(id!, "Cancel");
		});

		it("reverts everything on Cancel, and makes one undo step on Commit", () => {
			const cancelled = api.beginRecording("VectorSpecCancel", "Vector spec")!;
			code.Name = "Renamed";
			api.finishRecording(cancelled, "Cancel");
			expect(code.Name).to.equal("Main");

			const committed = api.beginRecording("VectorSpecCommit", "Vector spec")!;
			code.Name = "Renamed";
			api.finishRecording(committed, "Commit");
			const [canUndo, waypoint] = history.GetCanUndo() as LuaTuple<[boolean, string]>;
			expect(canUndo).to.equal(true);
			expect(waypoint).to.equal("VectorSpecCommit");
			history.Undo();
			expect(code.Name).to.equal("Main");
		});
	});

	describe("assets", () => {
		it("refuses ids that are not positive whole numbers", () => {
			for (const id of [0, -5, 1.5]) {
				const [ok, message] = pcall(() => api.loadAsset(id));
				expect(ok).to.equal(false);
				expect(tostring(message).find("is not an asset id", 1, true)[0] !== undefined).to.equal(true);
			}
		});

		// 1001 is the headless Studio's fixture free model (tests/studio/fixtures/assets).
		it("loads a Creator Store model's roots unparented", () => {
			const roots = api.loadAsset(1001);
			expect(roots.size() > 0).to.equal(true);
			for (const assetRoot of roots) {
				expect(assetRoot.Parent).to.equal(undefined);
				assetRoot.Destroy();
			}
		});

		it("names the asset when it cannot be loaded", () => {
			const [ok, message] = pcall(() => api.loadAsset(999999999999));
			expect(ok).to.equal(false);
			expect(tostring(message).find("could not load asset 999999999999", 1, true)[0] !== undefined).to.equal(true);
		});
	});
};
