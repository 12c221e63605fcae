/**
 * Dev build only (the release build ignores `dev/` folders): what the tool specs share — a StudioApi
 * over the real place whose editor texts, active script, open tabs, selection and loadable assets the
 * spec sets (so the specs run the same in the headless Studio and in real Studio without touching the
 * user's editor or selection), fixture builders under a Folder the spec destroys, and a snapshot of a
 * subtree to prove that a call changed nothing.
 */
import { pluginLessonKit } from "../../lesson/plugin-kit";
import { OpenDocument, StudioApi, UpdateSourceOutcome } from "../../studio/studio-api";
import { AssetSearch, ToolContext } from "../tool";

/** A StudioApi whose editor state the spec controls. */
export interface SpecStudio extends StudioApi {
	/** Editor texts by script (what getEditorSource returns). */
	readonly texts: Map<LuaSourceContainer, string>;
	active: LuaSourceContainer | undefined;
	documents: Array<OpenDocument>;
	selection: Array<Instance>;
	/** Asset id → a factory of the asset's roots (unparented). Other ids fail to load. */
	readonly assets: Map<number, () => Array<Instance>>;
	/** Asset ids loadAsset was called with, in order. */
	readonly loaded: Array<number>;
	/** Every updateSource and beginRecording call (tools must make none). */
	readonly writes: Array<string>;
}

/** A {@link SpecStudio} over `game` with an empty editor, selection and asset catalogue. */
export function createSpecStudio(): SpecStudio {
	const studio: SpecStudio = {
		game,
		lessonKit: pluginLessonKit(),
		texts: new Map(),
		active: undefined,
		documents: [],
		selection: [],
		assets: new Map(),
		loaded: [],
		writes: [],
		getEditorSource(container) {
			const text = studio.texts.get(container);
			if (text !== undefined) return text;
			const [ok, source] = pcall(() => (container as ModuleScript).Source);
			return ok && typeIs(source, "string") ? source : "";
		},
		updateSource(container, transform): UpdateSourceOutcome {
			studio.writes.push(`updateSource ${container.GetFullName()}`);
			const updated = transform(studio.getEditorSource(container));
			if (updated === undefined) return { kind: "cancelled" };
			studio.texts.set(container, updated);
			return { kind: "written", text: updated };
		},
		openScript(container) {
			studio.writes.push(`openScript ${container.GetFullName()}`);
		},
		activeScript() {
			return studio.active;
		},
		openDocuments() {
			return studio.documents;
		},
		getSelection() {
			return studio.selection;
		},
		setSelection(instances) {
			studio.selection = [...instances];
		},
		beginRecording(name) {
			studio.writes.push(`beginRecording ${name}`);
			return undefined;
		},
		finishRecording(recordingId) {
			studio.writes.push(`finishRecording ${recordingId}`);
		},
		loadAsset(assetId) {
			studio.loaded.push(assetId);
			const factory = studio.assets.get(assetId);
			if (factory === undefined) throw `asset ${assetId} is not available (HTTP 403: not free or not public)`;
			return factory();
		},
	};
	return studio;
}

/** A tool context over `studio`; asset search fails unless the spec passes one. */
export function createSpecContext(studio: StudioApi, searchAssets?: AssetSearch): ToolContext {
	return {
		studio,
		searchAssets: searchAssets ?? (() => error("asset search is not configured in this spec")),
	};
}

/**
 * What every tool spec starts from, made fresh in its beforeEach: a SpecStudio, a tool context over
 * it (asset search as given, else failing) and an empty Workspace.VectorToolsSpec folder (the spec
 * destroys it in afterEach).
 */
export function toolSpecFixture(searchAssets?: AssetSearch): { studio: SpecStudio; context: ToolContext; root: Folder } {
	const studio = createSpecStudio();
	return {
		studio,
		context: createSpecContext(studio, searchAssets),
		root: makeFolder("VectorToolsSpec", game.GetService("Workspace")),
	};
}

/** A fixture folder under `parent` (destroy it in afterEach). */
export function makeFolder(name: string, parent: Instance): Folder {
	const folder = new Instance("Folder");
	folder.Name = name;
	folder.Parent = parent;
	return folder;
}

/** A container whose editor text is `text`. */
export function makeScript<C extends "Script" | "LocalScript" | "ModuleScript">(
	studio: SpecStudio,
	className: C,
	name: string,
	parent: Instance,
	text: string,
): CreatableInstances[C] {
	const container = new Instance(className);
	container.Name = name;
	container.Parent = parent;
	studio.texts.set(container, text);
	return container;
}

/** An anchored part with a known size. */
export function makePart(name: string, parent: Instance, size = new Vector3(4, 1, 2)): Part {
	const part = new Instance("Part");
	part.Name = name;
	part.Anchored = true;
	part.Size = size;
	part.Parent = parent;
	return part;
}

function describeState(instance: Instance, studio: SpecStudio): string {
	let line = `${instance.Name} (${instance.ClassName})`;
	if (instance.IsA("LuaSourceContainer")) line += ` text=${string.format("%q", studio.getEditorSource(instance))}`;
	if (instance.IsA("BasePart")) {
		line += ` size=${instance.Size} position=${instance.Position} anchored=${instance.Anchored}`;
		line += ` color=${instance.Color} transparency=${instance.Transparency}`;
	}
	for (const [key, value] of instance.GetAttributes()) line += ` @${key}=${tostring(value)}`;
	return line;
}

/**
 * The subtree under `root` as text (names, classes, editor texts, part properties, attributes), and
 * the selection and writes so far: equal snapshots before and after a call mean it changed nothing.
 */
export function snapshot(root: Instance, studio: SpecStudio): string {
	const lines = new Array<string>();
	const walk = (instance: Instance, depth: number) => {
		lines.push(string.rep("  ", depth) + describeState(instance, studio));
		for (const child of instance.GetChildren()) walk(child, depth + 1);
	};
	walk(root, 0);
	lines.push(`selection: ${studio.selection.map((i) => i.GetFullName()).join(", ")}`);
	lines.push(`writes: ${studio.writes.join(", ")}`);
	return lines.join("\n");
}
