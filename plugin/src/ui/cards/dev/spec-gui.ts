/**
 * Spec support for UI components (dev build only): mounts a Roact element into a sized frame of a
 * ScreenGui on screen (in CoreGui, where plugins may put GUI without touching the place), finds what
 * a person would see (shown texts and buttons), and acts as the person does.
 *
 * Typing uses TextBox APIs every Studio has (CaptureFocus, Text, ReleaseFocus). Roblox has no API
 * that clicks a button, so clicks go through the headless Studio's simulated user
 * (`HeadlessStudio.gui.click`, which fires InputBegan, MouseButton1Down/Up, MouseButton1Click and
 * Activated at the button's centre, and refuses a button that is hidden, clipped or covered). That
 * global is absent in Roblox Studio: specs that click check `canClick()` at plan time and SKIP()
 * there, so the same spec modules run in both.
 */
import Roact from "@rbxts/roact";

interface SimulatedUser {
	readonly click: (target: GuiObject) => GuiObject | undefined;
	readonly hover: (target: GuiObject | undefined) => void;
	readonly scroll: (frame: ScrollingFrame, dy: number, dx?: number) => Vector2;
	readonly setViewportSize: (width: number, height: number) => void;
}

/** The headless Studio's test-only global (absent in Roblox Studio). */
declare const HeadlessStudio: { readonly gui: SimulatedUser } | undefined;

function simulatedUser(): SimulatedUser | undefined {
	return HeadlessStudio !== undefined ? HeadlessStudio.gui : undefined;
}

/** Whether this session can simulate mouse clicks (the headless Studio can; Roblox Studio cannot). */
export function canClick(): boolean {
	return simulatedUser() !== undefined;
}

/** Lets deferred events, layout change events and the re-renders they cause run. */
export function settle(): void {
	task.wait();
	task.wait();
}

export interface SpecGui {
	readonly screen: ScreenGui;
	/** The frame the element is mounted in; its size is the "parent width" a component lays out in. */
	readonly host: Frame;
	mount(element: Roact.Element): void;
	update(element: Roact.Element): void;
	/** The parent changes size (a person resizing the dock widget). */
	resize(width: number, height?: number): void;
	destroy(): void;
}

/** A ScreenGui with a `width` x `height` host frame at its top left. */
export function createSpecGui(width: number, height = 600): SpecGui {
	const user = simulatedUser();
	if (user !== undefined) user.setViewportSize(1280, 2000);
	const screen = new Instance("ScreenGui");
	screen.Name = "VectorUiSpec";
	screen.ZIndexBehavior = Enum.ZIndexBehavior.Sibling;
	const host = new Instance("Frame");
	host.Name = "Host";
	host.BackgroundTransparency = 1;
	host.Size = UDim2.fromOffset(width, height);
	host.Parent = screen;
	screen.Parent = game.GetService("CoreGui");
	let tree: Roact.Tree | undefined;
	return {
		screen,
		host,
		mount(element) {
			tree = Roact.mount(element, host, "Subject");
			settle();
		},
		update(element) {
			if (tree === undefined) error("mount first");
			tree = Roact.update(tree, element);
			settle();
		},
		resize(newWidth, newHeight) {
			host.Size = UDim2.fromOffset(newWidth, newHeight ?? host.Size.Y.Offset);
			settle();
		},
		destroy() {
			if (tree !== undefined) Roact.unmount(tree);
			tree = undefined;
			screen.Destroy();
		},
	};
}

/** Whether `gui` is drawn: it and every GuiObject above it are Visible. */
export function isShown(gui: GuiObject): boolean {
	let current: Instance | undefined = gui;
	while (current !== undefined && current.IsA("GuiObject")) {
		if (!current.Visible) return false;
		current = current.Parent;
	}
	return true;
}

type TextObject = TextLabel | TextButton | TextBox;

function isTextObject(instance: Instance): instance is TextObject {
	return instance.IsA("TextLabel") || instance.IsA("TextButton") || instance.IsA("TextBox");
}

/** Sorts GUI objects the way a person reads them: top to bottom, then left to right. */
function inReadingOrder<T extends GuiObject>(objects: Array<T>): Array<T> {
	objects.sort((a, b) => {
		const [ay, by] = [a.AbsolutePosition.Y, b.AbsolutePosition.Y];
		return ay !== by ? ay < by : a.AbsolutePosition.X < b.AbsolutePosition.X;
	});
	return objects;
}

/** The shown text objects under `root`, in reading order. */
export function shownTexts(root: Instance): Array<TextObject> {
	const found = new Array<TextObject>();
	for (const descendant of root.GetDescendants()) {
		if (isTextObject(descendant) && isShown(descendant) && descendant.Text !== "") found.push(descendant);
	}
	return inReadingOrder(found);
}

/** Every shown text under `root`, as strings. */
export function textsOf(root: Instance): Array<string> {
	return shownTexts(root).map((text) => text.Text);
}

/** The shown text object whose text is exactly `text`. */
export function findText(root: Instance, text: string): TextObject | undefined {
	return shownTexts(root).find((candidate) => candidate.Text === text);
}

/** The shown text object whose text contains `fragment` (plain, not a pattern). */
export function findTextContaining(root: Instance, fragment: string): TextObject | undefined {
	return shownTexts(root).find((candidate) => string.find(candidate.Text, fragment, 1, true)[0] !== undefined);
}

/** The shown button labelled `text`. */
export function findButton(root: Instance, text: string): TextButton | undefined {
	for (const descendant of root.GetDescendants()) {
		if (descendant.IsA("TextButton") && descendant.Text === text && isShown(descendant)) return descendant;
	}
	return undefined;
}

/** The shown buttons' labels under `root`, in reading order. */
export function buttonLabels(root: Instance): Array<string> {
	const buttons = new Array<TextButton>();
	for (const descendant of root.GetDescendants()) {
		if (descendant.IsA("TextButton") && isShown(descendant) && descendant.Text !== "") buttons.push(descendant);
	}
	return inReadingOrder(buttons).map((button) => button.Text);
}

/** The shown text boxes under `root`, in reading order. */
export function textBoxes(root: Instance): Array<TextBox> {
	const boxes = new Array<TextBox>();
	for (const descendant of root.GetDescendants()) {
		if (descendant.IsA("TextBox") && isShown(descendant)) boxes.push(descendant);
	}
	return inReadingOrder(boxes);
}

/** The person clicks `target` (see the module header: needs `canClick()`). */
export function click(target: GuiObject | undefined): void {
	if (target === undefined) error("nothing to click: the button is not shown", 2);
	const user = simulatedUser();
	if (user === undefined) error("clicking needs the headless Studio's simulated user; check canClick() first", 2);
	user.click(target);
	settle();
}

/** The person scrolls `frame` by `dy` pixels down (and `dx` right) with the mouse wheel. */
export function scroll(frame: ScrollingFrame, dy: number, dx = 0): void {
	const user = simulatedUser();
	if (user !== undefined) {
		user.scroll(frame, dy, dx);
	} else {
		frame.CanvasPosition = frame.CanvasPosition.add(new Vector2(dx, dy));
	}
	settle();
}

/** The person focuses `box`, replaces its text with `text` and leaves it (pressing Enter when `submit`). */
export function typeInto(box: TextBox | undefined, text: string, submit = false): void {
	if (box === undefined) error("no text box to type into", 2);
	box.CaptureFocus();
	settle();
	box.Text = text;
	settle();
	box.ReleaseFocus(submit);
	settle();
}

/**
 * The GuiObjects under `root` (outside scrolling frames, whose canvas may be wider on purpose) whose
 * right edge passes `root`'s right edge, or whose text does not fit its box: what overflows.
 */
export function overflowing(root: GuiObject): Array<string> {
	const right = root.AbsolutePosition.X + root.AbsoluteSize.X;
	const problems = new Array<string>();
	const visit = (parent: Instance) => {
		for (const child of parent.GetChildren()) {
			if (!child.IsA("GuiObject") || !child.Visible) continue;
			const edge = child.AbsolutePosition.X + child.AbsoluteSize.X;
			if (edge > right + 0.5) problems.push(`${child.GetFullName()} ends at ${edge} > ${right}`);
			if (
				isTextObject(child) &&
				child.Text !== "" &&
				!child.TextFits &&
				child.TextTruncate === Enum.TextTruncate.None
			) {
				problems.push(`${child.GetFullName()}: text "${child.Text}" does not fit`);
			}
			if (!child.IsA("ScrollingFrame")) visit(child);
		}
	};
	visit(root);
	return problems;
}
