/**
 * The engine's only door into Studio. Tools, proposals and the agent receive a `StudioApi` instead
 * of calling services themselves, so every Studio fact the engine relies on (editor text vs Source,
 * UpdateSourceAsync's retry, one recording per plugin) lives behind one small, fakeable surface.
 * `createStudioApi()` (studio/create-studio-api.ts) is the real implementation over Studio's services.
 */

/** An open script tab (the command bar is not listed). */
export interface OpenDocument {
	readonly script: LuaSourceContainer;
	/** Lines in the editor's text (drafts included). */
	readonly lineCount: number;
	/** True when the editor holds text that differs from the script's saved Source. */
	readonly hasDraft: boolean;
}

/** What `updateSource` did. */
export type UpdateSourceOutcome =
	| { readonly kind: "written"; readonly text: string }
	/** The transform returned undefined (e.g. the rebase found a conflict): nothing was written. */
	| { readonly kind: "cancelled" };

export interface StudioApi {
	/** The place the engine reads and changes. */
	readonly game: DataModel;
	/** The lesson kit this plugin carries (its LessonKit folder, lesson/plugin-kit.ts); undefined in a build without it. */
	readonly lessonKit?: Instance;

	/** The text the user sees in the editor (ScriptEditorService:GetEditorSource), drafts included. */
	getEditorSource(script: LuaSourceContainer): string;

	/**
	 * Writes a script through ScriptEditorService:UpdateSourceAsync. `transform` must be a pure function
	 * of the text it receives: Studio calls it again with fresh text when the user typed meanwhile.
	 * Returning undefined cancels. Yields; throws (with Studio's message) when Studio refuses the write.
	 */
	updateSource(script: LuaSourceContainer, transform: (current: string) => string | undefined): UpdateSourceOutcome;

	/** Opens the script in an editor tab, with the cursor on `line` (1-based) when given. Yields. */
	openScript(script: LuaSourceContainer, line?: number): void;

	/** StudioService.ActiveScript. */
	activeScript(): LuaSourceContainer | undefined;

	/** Script tabs that are open, in Studio's order. */
	openDocuments(): ReadonlyArray<OpenDocument>;

	/** Selection:Get() and Selection:Set(). */
	getSelection(): ReadonlyArray<Instance>;
	setSelection(instances: ReadonlyArray<Instance>): void;

	/** ChangeHistoryService recordings: undefined when a recording of this plugin is already open. */
	beginRecording(name: string, displayName: string): string | undefined;
	/** FinishRecording with Commit (one undo step) or Cancel (reverts everything since begin). */
	finishRecording(recordingId: string, operation: "Commit" | "Cancel"): void;

	/** The root instances of a Creator Store asset, unparented (game:GetObjects). Yields; throws when it cannot load. */
	loadAsset(assetId: number): ReadonlyArray<Instance>;
}
