/**
 * Spec support (dev build only), beside ui/dev/spec-gui: what a person reads on screen, in the order
 * they read it (top to bottom, then left to right), matched exactly; typing through the TextBox
 * APIs every Studio has (CaptureFocus, Text, ReleaseFocus), so specs that only type also run in
 * Roblox Studio; and `overflowing`, the check behind every "narrow parent" spec.
 */
import { click, isShown } from "../../dev/spec-gui";

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

/** The shown, non-empty text objects under `root`, in reading order. */
export function readTexts(root: Instance): Array<TextObject> {
	const found = new Array<TextObject>();
	for (const descendant of root.GetDescendants()) {
		if (isTextObject(descendant) && descendant.Text !== "" && isShown(descendant)) found.push(descendant);
	}
	return inReadingOrder(found);
}

/** Every shown text under `root`, in reading order. */
export function textsOf(root: Instance): Array<string> {
	return readTexts(root).map((text) => text.Text);
}

/** The shown text object whose text is exactly `text`. */
export function exactText(root: Instance, text: string): TextObject | undefined {
	return readTexts(root).find((candidate) => candidate.Text === text);
}

/** The shown button labelled exactly `text`. */
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
		if (descendant.IsA("TextButton") && descendant.Text !== "" && isShown(descendant)) buttons.push(descendant);
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

function frames(count: number): void {
	for (let i = 0; i < count; i++) task.wait();
}

/**
 * The person focuses `box`, replaces its text with `text` and leaves it (with Enter when
 * `submit`), through TextBox APIs that work in Roblox Studio too.
 */
export function enterText(box: TextBox | undefined, text: string, submit = false): void {
	if (box === undefined) error("no text box to type into", 2);
	box.CaptureFocus();
	frames(2);
	box.Text = text;
	frames(2);
	box.ReleaseFocus(submit);
	frames(3);
}

/**
 * What overflows `root`: shown GuiObjects under it (not inside scrolling frames, whose canvas may
 * be wider on purpose) whose right edge passes `root`'s, and texts that do not fit their box
 * unless cut with "…" on purpose.
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

/** The user clicks the shown button labelled `text` under `root`; throws listing the buttons when there is none. */
export function clickButton(root: Instance, text: string): void {
	const button = findButton(root, text);
	if (button === undefined) throw `no shown button "${text}"; shown: ${buttonLabels(root).join(", ")}`;
	click(button);
}
