/**
 * Dev build only (the release build ignores `dev/` folders): how UI specs put a component on
 * screen and act as the user, the same way in the headless Studio and in real Studio.
 *
 * - `mountSpec` mounts an element inside a ThemeProvider with a fixed Studio theme (Dark or Light,
 *   from `settings().Studio:GetAvailableThemes()`), in a Frame of a given size in a ScreenGui under
 *   CoreGui (on screen, so layout runs, and never saved with the place); `resize` changes that
 *   Frame's size as a resized dock widget would.
 * - The user's actions (click, focus, type, press a key, scroll) go through the headless Studio's
 *   simulated user (`HeadlessStudio.gui`, a test-only global absent from Roblox) which fires the
 *   events Studio fires (InputBegan, MouseButton1Click, Activated, Focused, Text changes...). Real
 *   Studio gives plugins no way to fire those events, so there `canActAsUser()` is false and specs
 *   that need a user skip themselves with `SKIP()`.
 * - Lookups by instance name (Roact keys become names) and by shown text.
 */
import Roact from "@rbxts/roact";
import { fixedThemeSource, ThemeSource } from "../theme/studio-theme-source";
import { Theme } from "../theme/theme";
import { ThemeProvider } from "../theme/theme-provider";

/** Keys held during a key press, as the simulated user takes them. */
export interface Modifiers {
	readonly Shift?: boolean;
	readonly Ctrl?: boolean;
	readonly Alt?: boolean;
	readonly Meta?: boolean;
}

/** The headless Studio's simulated user (tests/studio/engine/gui/index.luau). */
interface SimulatedUser {
	readonly click: (target: GuiObject, button?: number) => GuiObject | undefined;
	readonly hover: (target?: GuiObject) => void;
	readonly focus: (box: TextBox) => void;
	readonly typeText: (text: string, modifiers?: Modifiers) => void;
	readonly pressKey: (key: string, modifiers?: Modifiers) => boolean;
	readonly scroll: (frame: ScrollingFrame, dy: number, dx?: number) => Vector2;
}

declare const HeadlessStudio: { readonly gui: SimulatedUser } | undefined;

function user(): SimulatedUser {
	const simulated = HeadlessStudio?.gui;
	if (simulated === undefined) throw "this spec needs the headless Studio's simulated user (call SKIP() without it)";
	return simulated;
}

/** Whether specs can click, type and scroll (the headless Studio); false in real Studio. */
export function canActAsUser(): boolean {
	return HeadlessStudio !== undefined;
}

/** Lets `frames` frames pass: layout, deferred events and the re-renders they cause settle. */
export function settle(frames = 3): void {
	for (let i = 0; i < frames; i++) task.wait();
}

export interface MountOptions {
	readonly width?: number;
	readonly height?: number;
	/** "Dark" (default) or "Light", or a source of the spec's own. */
	readonly theme?: string | ThemeSource;
}

export interface Mounted {
	/** The Frame the element is mounted in (the stand-in for the widget's content area). */
	readonly host: Frame;
	/** The theme the element was drawn with (to compare colours). */
	readonly theme: Theme;
	/** Re-renders with a new element (new props), as the app does on a state change. */
	update(element: Roact.Element): void;
	/** Changes the host's size, as the user resizing the dock widget does. */
	resize(width: number, height: number): void;
	/** Unmounts and removes the ScreenGui. */
	destroy(): void;
}

/** Mounts `element` on screen in a themed Frame of `width` x `height` (default 400 x 500). */
export function mountSpec(element: Roact.Element, options: MountOptions = {}): Mounted {
	const themeOption = options.theme ?? "Dark";
	const source = typeIs(themeOption, "string") ? fixedThemeSource(themeOption) : themeOption;
	const screen = new Instance("ScreenGui");
	screen.Name = "VectorSpec";
	screen.ZIndexBehavior = Enum.ZIndexBehavior.Sibling;
	screen.ResetOnSpawn = false;
	const host = new Instance("Frame");
	host.Name = "Host";
	host.Size = UDim2.fromOffset(options.width ?? 400, options.height ?? 500);
	host.BackgroundTransparency = 1;
	host.Parent = screen;
	screen.Parent = game.GetService("CoreGui");
	const wrap = (inner: Roact.Element) => <ThemeProvider source={source}>{inner}</ThemeProvider>;
	const tree = Roact.mount(wrap(element), host, "Root");
	settle();
	return {
		host,
		theme: source.read(),
		update(element) {
			Roact.update(tree, wrap(element));
			settle();
		},
		resize(width, height) {
			host.Size = UDim2.fromOffset(width, height);
			settle();
		},
		destroy() {
			Roact.unmount(tree);
			screen.Destroy();
		},
	};
}

/** The descendant of `root` named `name` (a Roact key), or throws naming what is missing. */
export function findNamed<T extends keyof Instances = "Instance">(
	root: Instance,
	name: string,
	className?: T,
): Instances[T] {
	const found = root.FindFirstChild(name, true);
	if (found === undefined) throw `no descendant named ${name} under ${root.GetFullName()}`;
	if (className !== undefined && !found.IsA(className))
		throw `${found.GetFullName()} is a ${found.ClassName}, not a ${className}`;
	return found as Instances[T];
}

/** Whether `inst` and every GuiObject above it up to its ScreenGui is Visible. */
export function isShown(inst: Instance): boolean {
	let current: Instance | undefined = inst;
	while (current !== undefined && !current.IsA("LayerCollector")) {
		if (current.IsA("GuiObject") && !current.Visible) return false;
		current = current.Parent;
	}
	return current !== undefined;
}

type TextObject = TextLabel | TextButton | TextBox;

function isTextObject(inst: Instance): inst is TextObject {
	return inst.IsA("TextLabel") || inst.IsA("TextButton") || inst.IsA("TextBox");
}

/** The shown text objects under `root`, in tree order. */
export function shownTexts(root: Instance): Array<TextObject> {
	return root.GetDescendants().filter((inst): inst is TextObject => isTextObject(inst) && isShown(inst));
}

/** The first shown text object under `root` whose shown text (ContentText) contains `text` (plain). */
export function findText(root: Instance, text: string): TextObject | undefined {
	return shownTexts(root).find((inst) => inst.ContentText.find(text, 1, true)[0] !== undefined);
}

/** Like findText, but throws listing what is shown when nothing matches. */
export function expectText(root: Instance, text: string): TextObject {
	const found = findText(root, text);
	if (found === undefined) {
		const shown = shownTexts(root)
			.map((inst) => `${inst.Name}: ${inst.ContentText}`)
			.join(" | ");
		throw `no shown text contains "${text}"; shown: ${shown}`;
	}
	return found;
}

/** The user clicks the centre of `target` (fails when something covers it or it is not shown). */
export function click(target: GuiObject): void {
	user().click(target);
	settle();
}

/** The user moves the mouse over `target` (undefined: away from every GUI). */
export function hover(target?: GuiObject): void {
	user().hover(target);
	settle();
}

/** The user clicks into `box` and types `text` into it, a frame passing per key as a person types. */
export function typeInto(box: TextBox, text: string): void {
	const simulated = user();
	if (!box.IsFocused()) simulated.focus(box);
	for (const [, code] of utf8.codes(text)) {
		simulated.typeText(utf8.char(code));
		task.wait();
	}
	settle();
}

/** The user presses `key` (an Enum.KeyCode name) with `modifiers` held, in the focused TextBox. */
export function pressKey(key: string, modifiers?: Modifiers): void {
	user().pressKey(key, modifiers);
	settle();
}

/** The user scrolls `frame` by `dy` pixels (down when positive) with the mouse wheel. */
export function scroll(frame: ScrollingFrame, dy: number): void {
	user().scroll(frame, dy);
	settle();
}
