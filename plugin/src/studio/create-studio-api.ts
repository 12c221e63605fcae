/// <reference types="@rbxts/services/plugin" />
/**
 * The real StudioApi, over Studio's own services. This is the one module besides the entry that
 * calls the editor, history, selection and asset services, so the engine facts they carry
 * (roblox-api.md) are applied in one place:
 * - script text is read from the editor (drafts included) and written only through
 *   ScriptEditorService:UpdateSourceAsync, whose callback Studio may call again with fresh text;
 * - the command bar is not a script tab;
 * - one ChangeHistoryService recording per plugin: TryBeginRecording answers nil while ours is open;
 * - Creator Store models load with game:GetObjects (InsertService:LoadAsset only loads the
 *   creator's and Roblox's own assets), unparented.
 * Several of these members are typed wrongly or not at all by @rbxts/types (tuple results typed
 * `unknown`, nil results typed as always present, StudioService.ActiveScript missing); the shapes
 * Studio documents are declared below and the services are viewed through them.
 */
import { ChangeHistoryService, ScriptEditorService, Selection, StudioService } from "@rbxts/services";
import { OpenDocument, StudioApi, UpdateSourceOutcome } from "./studio-api";
import { pluginLessonKit } from "../lesson/plugin-kit";

/** ScriptDocument as documented: GetScript is nil for the command bar; *Async return success + message. */
interface EditorDocument extends Instance {
	IsCommandBar(): boolean;
	GetScript(): LuaSourceContainer | undefined;
	GetLineCount(): number;
	GetText(): string;
	ForceSetSelectionAsync(cursorLine: number, cursorCharacter: number): LuaTuple<[boolean, string | undefined]>;
}

/** ScriptEditorService as documented (FindScriptDocument is nil when the script has no tab). */
interface EditorService {
	GetEditorSource(target: LuaSourceContainer): string;
	UpdateSourceAsync(target: LuaSourceContainer, callback: (old: string) => string | undefined): void;
	OpenScriptDocumentAsync(target: LuaSourceContainer): LuaTuple<[boolean, string | undefined]>;
	FindScriptDocument(target: LuaSourceContainer): EditorDocument | undefined;
	GetScriptDocuments(): Array<EditorDocument>;
}

/** StudioService.ActiveScript, which @rbxts/types leaves out. */
interface ActiveScriptHolder {
	readonly ActiveScript: LuaSourceContainer | undefined;
}

/** How often openScript asks again for the cursor when the user typed during the request. */
const SELECTION_ATTEMPTS = 3;

/** A saved script's text, for telling drafts apart (the editor's text is read separately). */
function savedSource(target: LuaSourceContainer): string {
	const [ok, source] = pcall(() => (target as ModuleScript).Source);
	return ok && typeIs(source, "string") ? source : "";
}

/** Builds the StudioApi the plugin uses, over the services of the Studio it runs in. */
export function createStudioApi(): StudioApi {
	const editor = ScriptEditorService as unknown as EditorService;
	const studio = StudioService as unknown as ActiveScriptHolder;

	return {
		lessonKit: pluginLessonKit(),
		game,

		getEditorSource(target) {
			return editor.GetEditorSource(target);
		},

		updateSource(target, transform): UpdateSourceOutcome {
			// Studio may call the callback several times; the last call decides what was written.
			let last: string | undefined;
			editor.UpdateSourceAsync(target, (current) => {
				last = transform(current);
				return last;
			});
			return last === undefined ? { kind: "cancelled" } : { kind: "written", text: last };
		},

		openScript(target, line) {
			const [opened, message] = editor.OpenScriptDocumentAsync(target);
			if (!opened) {
				error(`could not open ${target.GetFullName()}: ${message ?? "Studio gave no reason"}`, 0);
			}
			if (line === undefined) return;
			for (let attempt = 1; attempt <= SELECTION_ATTEMPTS; attempt++) {
				const document = editor.FindScriptDocument(target);
				if (!document) error(`${target.GetFullName()} was closed before the cursor could be placed`, 0);
				const cursorLine = math.clamp(math.floor(line), 1, math.max(1, document.GetLineCount()));
				const [placed, reason] = document.ForceSetSelectionAsync(cursorLine, 1);
				if (placed) return;
				if (attempt === SELECTION_ATTEMPTS) {
					error(
						`opened ${target.GetFullName()} but could not move the cursor to line ${cursorLine}: ${reason ?? "no reason given"}`,
						0,
					);
				}
			}
		},

		activeScript() {
			return studio.ActiveScript;
		},

		openDocuments() {
			const documents = new Array<OpenDocument>();
			for (const document of editor.GetScriptDocuments()) {
				if (document.IsCommandBar()) continue;
				const target = document.GetScript();
				if (!target) continue;
				documents.push({
					script: target,
					lineCount: document.GetLineCount(),
					hasDraft: document.GetText() !== savedSource(target),
				});
			}
			return documents;
		},

		getSelection() {
			return Selection.Get();
		},

		setSelection(instances) {
			Selection.Set([...instances]);
		},

		beginRecording(name, displayName) {
			return ChangeHistoryService.TryBeginRecording(name, displayName);
		},

		finishRecording(recordingId, operation) {
			ChangeHistoryService.FinishRecording(recordingId, Enum.FinishRecordingOperation[operation]);
		},

		loadAsset(assetId) {
			if (assetId % 1 !== 0 || assetId <= 0) {
				error(`${assetId} is not an asset id (a positive whole number)`, 0);
			}
			const [ok, result] = pcall(() => game.GetObjects(`rbxassetid://${string.format("%d", assetId)}`));
			if (!ok) error(`could not load asset ${string.format("%d", assetId)}: ${result}`, 0);
			return result as Array<Instance>;
		},
	};
}
