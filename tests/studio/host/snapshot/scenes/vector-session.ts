/**
 * The built Vector plugin in a fresh headless Studio, driven as a person drives it: the toolbar
 * button, the widget's buttons and text boxes (through the engine's simulated user, which fires the
 * events Studio fires), the command bar for setting up a place. Its proxy is a scripted fake on a
 * loopback port (fake-proxy.ts), or the real proxy under `wrangler dev` in front of a scripted
 * provider (real-proxy.ts, given as `proxy`), so the plugin's whole path runs: settings → net/ →
 * agent → UI. Shared by the snapshot scenes, the host tests (tests/studio/host/vector-app.test.ts),
 * the scenarios and the bench.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureClassDb, loadModelFile } from "../../fixtures.js";
import { createStudio, repoRoot, type Studio } from "../../vm.js";
import { startFakeProxy } from "./fake-proxy.js";
import type { ScriptedProxy } from "./scripted-proxy.js";

export const PLUGIN_NAME = "Vector.rbxmx";
export const WIDGET = "PluginGuiService.Vector";
const ASSETS = join(repoRoot, "tests/studio/host/snapshot/scenes/assets");

/** What the release plugin is built from: a change to any of these makes dist/Vector.rbxmx stale. */
const PLUGIN_SOURCES = ["plugin/src", "plugin/lesson-kit/src", "plugin/build", "shared/src", "default.project.json"];

/** The newest modification time (ms) of a file at or below `path`. */
function newestTime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestTime(join(path, entry)));
	return newest;
}

/**
 * Builds dist/Vector.rbxmx when it is missing, older than its sources, or `rebuild` is asked; returns
 * its path. A scenario or scene run after a code change therefore never tests a stale plugin.
 */
export function ensureReleasePlugin(options: { rebuild?: boolean } = {}): string {
	const file = join(repoRoot, "dist", PLUGIN_NAME);
	const stale =
		!existsSync(file) || PLUGIN_SOURCES.some((source) => newestTime(join(repoRoot, source)) > statSync(file).mtimeMs);
	if (options.rebuild || stale) {
		const result = spawnSync("npx", ["tsx", "plugin/build/build.ts"], { cwd: repoRoot, stdio: "inherit" });
		if (result.status !== 0) throw new Error("the plugin build failed");
		builtIr = undefined;
	}
	return file;
}

/** Builds the release plugin when needed (see ensureReleasePlugin) and returns its IR (parsed once per process). */
let builtIr: unknown[] | undefined;
export function releasePlugin(options: { rebuild?: boolean } = {}): unknown[] {
	const file = ensureReleasePlugin(options);
	builtIr ??= loadModelFile(readFileSync(file, "utf8"));
	return builtIr;
}

export interface SessionOptions {
	/** Settings fields stored before the plugin loads (the proxy URL is the session proxy's unless given). */
	settings?: Record<string, unknown>;
	/** A place to load (IR nodes, as from a `.rbxlx`) before the setup and the plugin. */
	place?: unknown[];
	/** Run a Luau setup in the command bar before the plugin loads (a place to work on). */
	setup?: string;
	/** Rebuild the plugin first. */
	rebuild?: boolean;
	/** Starts the session's proxy (default: the scripted fake proxy). */
	proxy?: () => Promise<ScriptedProxy>;
	/** The plugin model to load (a built .rbxmx; default dist/Vector.rbxmx, built when missing). */
	pluginFile?: string;
}

/** Luau helpers prepended to every query: find the widget's shown GUI by name or by text. */
const PRELUDE = `
local widget = game:GetService("PluginGuiService"):FindFirstChild("Vector")
local function shown(g)
	local current = g
	while current and current ~= widget do
		if current:IsA("GuiObject") and not current.Visible then return false end
		current = current.Parent
	end
	return current == widget
end
local function named(name, class)
	for _, d in widget:GetDescendants() do
		if d.Name == name and (class == nil or d:IsA(class)) and shown(d) then return d end
	end
	return nil
end
local function withText(text, class)
	for _, d in widget:GetDescendants() do
		if d:IsA(class or "GuiObject") and (d:IsA("TextButton") or d:IsA("TextLabel") or d:IsA("TextBox")) and shown(d) then
			if d.Text == text or d.ContentText == text then return d end
		end
	end
	return nil
end
local function texts()
	local out = {}
	for _, d in widget:GetDescendants() do
		if (d:IsA("TextButton") or d:IsA("TextLabel")) and shown(d) and d.ContentText ~= "" then
			table.insert(out, d.ContentText)
		end
	end
	return out
end
local function path(inst)
	local parts = {}
	local current = inst
	while current and current ~= game do
		table.insert(parts, 1, current.Name)
		current = current.Parent
	end
	return table.concat(parts, ".")
end
`;

export class VectorSession {
	private constructor(
		readonly studio: Studio,
		/** The session's proxy: script the model's replies here, read what it was sent. */
		readonly fake: ScriptedProxy,
		readonly settingsFile: string,
		/** Everything the session printed, as "out: …", "warn: …", "err: …". */
		readonly lines: string[],
	) {}

	/** A fresh Studio with the proxy configured and the release plugin loaded (widget closed). */
	static async start(options: SessionOptions = {}): Promise<VectorSession> {
		ensureClassDb();
		const ir = options.pluginFile ? loadModelFile(readFileSync(options.pluginFile, "utf8")) : releasePlugin({ rebuild: options.rebuild });
		const fake = await (options.proxy ?? startFakeProxy)();
		const settingsFile = join(mkdtempSync(join(tmpdir(), "vector-app-")), "settings.json");
		const settings = {
			proxyUrl: fake.url,
			token: "",
			providerBaseUrl: "",
			providerKey: "",
			model: "",
			mode: "act",
			autoApprove: { script_edits: false, instance_changes: false, asset_inserts: false },
			streaming: true,
			...(options.settings ?? {}),
		};
		writeFileSync(
			settingsFile,
			JSON.stringify({ [PLUGIN_NAME]: { VectorSettings: JSON.stringify({ version: 1, settings }) } }),
		);
		const lines: string[] = [];
		const studio = await createStudio({
			settingsFile,
			assetsDir: ASSETS,
			output: (stream, text) => lines.push(`${stream}: ${text}`),
		});
		const session = new VectorSession(studio, fake, settingsFile, lines);
		if (options.place) {
			const warnings = (await studio.call("loadPlace", options.place)) as string[] | undefined;
			for (const warning of warnings ?? []) lines.push(`warn: place: ${warning}`);
		}
		if (options.setup) await session.command(options.setup);
		await studio.call("loadPlugin", PLUGIN_NAME, ir);
		await session.advance(0.5);
		return session;
	}

	/** Runs Luau in the command bar; resolves to its return values. */
	async command(source: string): Promise<unknown[]> {
		const result = (await this.studio.call("runCommand", source)) as { ok: boolean; values?: string; error?: string };
		if (!result.ok) throw new Error(result.error);
		return JSON.parse(result.values ?? "[]") as unknown[];
	}

	/** Runs Luau with the widget helpers (PRELUDE) in scope; resolves to its first result. */
	query<T = unknown>(source: string): Promise<T> {
		return this.studio.evaluate<T>(PRELUDE + source);
	}

	/** The user clicks Vector's toolbar button (opens or closes the widget); lets it settle. */
	async toggle(): Promise<void> {
		await this.studio.call("clickToolbarButton", "vector-toggle");
		await this.advance(0.5);
	}

	/** The user resizes the widget. */
	async resize(width: number, height: number): Promise<void> {
		await this.studio.call("resizeWidget", "VectorCopilot", width, height);
		await this.advance(0.2);
	}

	/** Lets the session run for `seconds` of virtual time (real time while HTTP is in flight). */
	async advance(seconds: number): Promise<void> {
		await this.studio.call("advance", seconds);
	}

	/** Waits until the Luau `condition` (PRELUDE in scope) is true. */
	async waitFor(condition: string, what: string, seconds = 20): Promise<void> {
		const deadline = Date.now() + seconds * 1000;
		for (;;) {
			if (await this.query<boolean>(`return (function() ${condition} end)() == true`)) return;
			if (Date.now() > deadline) {
				const shown = await this.shownTexts();
				throw new Error(`timed out waiting for ${what}; the widget shows: ${shown.join(" | ")}`);
			}
			await this.advance(0.1);
		}
	}

	/** Waits until some shown text of the widget contains `text`. */
	async waitForText(text: string, seconds = 20): Promise<void> {
		await this.waitFor(
			`for _, t in texts() do if string.find(t, ${luaString(text)}, 1, true) then return true end end return false`,
			`the text "${text}"`,
			seconds,
		);
	}

	/** Every shown text of the widget, in tree order. */
	shownTexts(): Promise<string[]> {
		return this.query<string[]>("return texts()");
	}

	/** The dotted path of the shown descendant named `name` (a Roact key) of the widget. */
	async pathOf(name: string, className?: string): Promise<string> {
		const found = await this.query<string | null>(
			`local g = named(${luaString(name)}${className ? `, ${luaString(className)}` : ""}) return g and path(g)`,
		);
		if (!found)
			throw new Error(`nothing shown is named ${name}; the widget shows: ${(await this.shownTexts()).join(" | ")}`);
		return found;
	}

	/** The user clicks the shown button whose text is `text` (scrolling it into view first, as a person would). */
	async clickButton(text: string): Promise<void> {
		const found = await this.query<string | null>(
			`local g = withText(${luaString(text)}, "GuiButton") return g and path(g)`,
		);
		if (!found)
			throw new Error(`no shown button "${text}"; the widget shows: ${(await this.shownTexts()).join(" | ")}`);
		await this.scrollIntoView(found);
		await this.studio.call("guiClick", found);
	}

	/** Scrolls the ScrollingFrame around the GUI object at `path` until the object's centre is in its window. */
	async scrollIntoView(target: string): Promise<void> {
		const needed = await this.query<{ frame: string; dy: number } | null>(`
			local target = game
			for name in string.gmatch(${luaString(target)}, "[^%.]+") do target = target:FindFirstChild(name) end
			local frame = target:FindFirstAncestorWhichIsA("ScrollingFrame")
			if frame == nil then return nil end
			local centre = target.AbsolutePosition.Y + target.AbsoluteSize.Y / 2
			local top, bottom = frame.AbsolutePosition.Y, frame.AbsolutePosition.Y + frame.AbsoluteWindowSize.Y
			if centre >= top + 4 and centre <= bottom - 4 then return nil end
			return { frame = path(frame), dy = centre - (top + bottom) / 2 }
		`);
		if (needed) await this.studio.call("guiScroll", needed.frame, needed.dy);
	}

	/** The user clicks the shown GUI object named `name`. */
	async clickNamed(name: string): Promise<void> {
		await this.studio.call("guiClick", await this.pathOf(name));
	}

	/** The user clicks into the text box named `name` and types `text` ("\n" is Enter). */
	async typeInto(name: string, text: string, modifiers?: Record<string, boolean>): Promise<string> {
		await this.studio.call("guiFocus", await this.pathOf(name, "TextBox"));
		return (await this.studio.call("guiType", text, modifiers)) as string;
	}

	/**
	 * The user clicks into the text box at `path` (a dotted path), erases what it holds with Backspace
	 * and types `text`, as a person replaces a field's value. Resolves to the box's text.
	 */
	async retype(path: string, text: string): Promise<string> {
		await this.scrollIntoView(path);
		await this.studio.call("guiFocus", path);
		const held = await this.query<string>(`
			local box = game
			for name in string.gmatch(${luaString(path)}, "[^%.]+") do box = box:FindFirstChild(name) end
			return box.Text`);
		for (let i = 0; i < [...held].length; i++) await this.pressKey("Backspace");
		return (await this.studio.call("guiType", text)) as string;
	}

	/** The user presses a key in the focused text box. */
	async pressKey(key: string, modifiers?: Record<string, boolean>): Promise<void> {
		await this.studio.call("guiPressKey", key, modifiers);
	}

	/** Errors printed so far. */
	errors(): string[] {
		return this.lines.filter((line) => line.startsWith("err:"));
	}

	async close(): Promise<void> {
		this.studio.destroy();
		await this.fake.close();
	}
}

/** `text` as a Luau string literal. */
export function luaString(text: string): string {
	return JSON.stringify(text);
}
