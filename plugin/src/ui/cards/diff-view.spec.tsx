/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { DiffView, DiffViewProps } from "./diff-view";
import { canActAsUser, click, mountSpec, Mounted, scroll } from "../dev/spec-gui";
import { specThemeSource } from "./dev/spec-theme";
import { buttonLabels, clickButton, exactText as findText, findButton, overflowing, textsOf } from "./dev/spec-queries";

const ROW = 18; // the theme's code text size (14) + 4

function lines(count: number, make: (index: number) => string): string {
	const out = new Array<string>();
	for (let i = 1; i <= count; i++) out.push(make(i));
	return out.join("\n") + "\n";
}

/** Every one of 10,000 lines changed: 20,001 diff rows. */
const BIG_BEFORE = lines(10000, (i) => `local v${i} = ${i}`);
const BIG_AFTER = lines(10000, (i) => `local v${i} = ${i} -- changed`);

export = () => {
	const source = specThemeSource();
	const theme = source.read();
	const diff = theme.colors.diff;
	let gui: Mounted;

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 480) => {
		gui = mountSpec(element, { width, height: 1200, theme: source });
	};

	const render = (props: Partial<DiffViewProps>) => (
		<DiffView title="Edit Workspace/Door/Main" before={"a\nb\nc\n"} after={"a\nB\nc\n"} {...props} />
	);

	const linesFrame = () => gui.host.FindFirstChild("Lines", true) as ScrollingFrame | undefined;
	const drawnRows = () =>
		linesFrame()!
			.GetChildren()
			.filter((child) => child.IsA("Frame"))
			.size();
	/** The number labels (old, new) of the row whose text is `text`. */
	const numbersOf = (text: string) => {
		const label = findText(gui.host, text)!;
		const gutter = label.Parent!.FindFirstChild("Gutter")!;
		return [(gutter.FindFirstChild("Old") as TextLabel).Text, (gutter.FindFirstChild("New") as TextLabel).Text];
	};

	it("shows the title, the counts, the hunk header and each line with its numbers", () => {
		mount(render({}));
		const texts = textsOf(gui.host);
		expect(texts.includes("Edit Workspace/Door/Main")).to.equal(true);
		expect(texts.includes("+1 -1")).to.equal(true);
		expect(texts.includes("@@ -1,3 +1,3 @@")).to.equal(true);
		expect(numbersOf("  a").join(",")).to.equal("1,1");
		expect(numbersOf("- b").join(",")).to.equal("2,");
		expect(numbersOf("+ B").join(",")).to.equal(",2");
		expect(numbersOf("  c").join(",")).to.equal("3,3");
	});

	it("draws added and removed lines in Studio's diff colours, in the code font", () => {
		mount(render({}));
		const added = findText(gui.host, "+ B")!;
		expect(added.TextColor3).to.equal(diff.additionText);
		expect((added.Parent as Frame).BackgroundColor3).to.equal(diff.additionBackground);
		expect((added.Parent!.FindFirstChild("Gutter") as Frame).BackgroundColor3).to.equal(
			diff.lineNumberAdditionBackground,
		);
		expect(added.FontFace.Family).to.equal(theme.fonts.code.Family);
		const removed = findText(gui.host, "- b")!;
		expect(removed.TextColor3).to.equal(diff.deletionText);
		expect((removed.Parent as Frame).BackgroundColor3).to.equal(diff.deletionBackground);
		const context = findText(gui.host, "  a")!;
		expect(context.TextColor3).to.equal(diff.text);
		expect((context.Parent as Frame).BackgroundColor3).to.equal(diff.background);
		const hunk = findText(gui.host, "@@ -1,3 +1,3 @@")!;
		expect(hunk.TextColor3).to.equal(diff.hunkInfo);
		expect((hunk.Parent as Frame).BackgroundColor3).to.equal(diff.separatorBackground);
		expect(findText(gui.host, "Edit Workspace/Door/Main")!.TextColor3).to.equal(diff.filePathText);
	});

	it("shows tabs as spaces to the next tab stop", () => {
		mount(render({ before: "", after: "\tif x then\n\t\treturn\n" }));
		expect(findText(gui.host, "+     if x then")).to.be.ok();
		expect(findText(gui.host, "+         return")).to.be.ok();
	});

	it("says so when the texts are equal", () => {
		mount(render({ before: "same\n", after: "same\n" }));
		expect(findText(gui.host, "No changes")).to.be.ok();
		expect(linesFrame()).never.to.be.ok();
		expect(buttonLabels(gui.host).size()).to.equal(0);
	});

	it("starts collapsed past collapseAfter rows, with the counts still shown", () => {
		mount(render({ before: "", after: lines(60, (i) => `print(${i})`) }));
		expect(findButton(gui.host, "Show diff (61 lines)")).to.be.ok();
		expect(findText(gui.host, "+60 -0")).to.be.ok();
		expect(linesFrame()).never.to.be.ok();
	});

	it("offers Open script only when it can open one", () => {
		mount(render({}));
		expect(findButton(gui.host, "Open script")).never.to.be.ok();
		gui.update(render({ onOpenScript: () => {} }));
		expect(findButton(gui.host, "Open script")).to.be.ok();
	});

	it("scrolls sideways for long lines: the canvas is as wide as the longest line", () => {
		const long = string.rep("x", 300);
		mount(render({ before: "", after: `short\n${long}\n` }));
		const frame = linesFrame()!;
		expect(frame.CanvasSize.X.Offset > frame.AbsoluteSize.X).to.equal(true);
		expect(frame.ScrollingDirection).to.equal(Enum.ScrollingDirection.XY);
		// Three rows plus the horizontal scroll bar's own strip, so no row hides under the bar.
		expect(frame.AbsoluteSize.Y).to.equal(3 * ROW + theme.scrollBarThickness);
		const label = findText(gui.host, `+ ${long}`)!;
		expect(label.TextFits).to.equal(true);
		expect(label.AbsoluteSize.X >= label.TextBounds.X).to.equal(true);
	});

	it("keeps its header inside a narrow parent", () => {
		mount(render({ onOpenScript: () => {}, title: "Edit ServerScriptService/Gameplay/RoundController" }), 180);
		expect(overflowing(gui.host).join("\n")).to.equal("");
		const frame = linesFrame()!;
		expect(frame.AbsoluteSize.X).to.equal(180);
	});

	describe("a 10,000-line change (virtualised)", () => {
		const [before, after] = [BIG_BEFORE, BIG_AFTER];
		const ROWS = 1 + 2 * 10000;

		it("has a canvas for every row but draws only the window and its overscan", () => {
			mount(render({ before, after, collapseAfter: math.huge }));
			const frame = linesFrame()!;
			expect(frame.CanvasSize.Y.Offset).to.equal(ROWS * ROW);
			expect(frame.AbsoluteSize.Y).to.equal(20 * ROW);
			expect(drawnRows() <= 20 + 2 * 6).to.equal(true);
			expect(findText(gui.host, "- local v1 = 1")).to.be.ok();
			expect(findText(gui.host, "+10000 -10000")).to.be.ok();
			// Whole GUI: a few hundred instances, not 20,001 rows' worth.
			expect(gui.host.GetDescendants().size() < 300).to.equal(true);
		});

		it("starts collapsed by default", () => {
			mount(render({ before, after }));
			expect(findButton(gui.host, "Show diff (20001 lines)")).to.be.ok();
			expect(linesFrame()).never.to.be.ok();
		});
	});

	describe("driven by the user", () => {
		if (!canActAsUser()) SKIP();

		it("a 10,000-line change draws the rows at the scroll position as the mouse wheel scrolls", () => {
			mount(render({ before: BIG_BEFORE, after: BIG_AFTER, collapseAfter: math.huge }));
			const frame = linesFrame()!;
			scroll(frame, 10000 * ROW);
			expect(frame.CanvasPosition.Y).to.equal(10000 * ROW);
			expect(findText(gui.host, "- local v10000 = 10000")).to.be.ok();
			expect(findText(gui.host, "+ local v1 = 1 -- changed")).to.be.ok();
			expect(numbersOf("+ local v1 = 1 -- changed").join(",")).to.equal(",1");
			expect(findText(gui.host, "- local v1 = 1")).never.to.be.ok();
			expect(drawnRows() <= 20 + 2 * 6 + 1).to.equal(true);
			scroll(frame, 1e9);
			expect(findText(gui.host, "+ local v10000 = 10000 -- changed")).to.be.ok();
			expect(drawnRows() <= 20 + 2 * 6 + 1).to.equal(true);
		});

		it("collapses and expands", () => {
			mount(render({}));
			clickButton(gui.host, "Hide diff");
			expect(linesFrame()).never.to.be.ok();
			clickButton(gui.host, "Show diff (5 lines)");
			expect(linesFrame()).to.be.ok();
			expect(findText(gui.host, "+ B")).to.be.ok();
		});

		it("Open script gives the first changed line", () => {
			const opened = new Array<number>();
			mount(
				render({
					before: "1\n2\n3\n4\n5\n6\n7\n8\n",
					after: "1\n2\n3\n4\n5\nsix\n7\n8\n",
					onOpenScript: (line) => opened.push(line),
				}),
			);
			clickButton(gui.host, "Open script");
			expect(opened.join(",")).to.equal("6");
		});

		it("expands a large collapsed diff into the virtualised window", () => {
			mount(render({ before: "", after: lines(10000, (i) => `print(${i})`) }));
			clickButton(gui.host, "Show diff (10001 lines)");
			expect(linesFrame()).to.be.ok();
			expect(drawnRows() <= 20 + 2 * 6).to.equal(true);
			expect(findText(gui.host, "+ print(1)")).to.be.ok();
		});
	});
};
