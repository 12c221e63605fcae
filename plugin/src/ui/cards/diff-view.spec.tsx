/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { DiffView, DiffViewProps } from "./diff-view";
import { createSpecTheme } from "./dev/spec-theme";
import {
	buttonLabels,
	canClick,
	click,
	createSpecGui,
	findButton,
	findText,
	overflowing,
	scroll,
	SpecGui,
	textsOf,
} from "./dev/spec-gui";

const ROW = 16; // the spec theme's code text size (13) + 3

function lines(count: number, make: (index: number) => string): string {
	const out = new Array<string>();
	for (let i = 1; i <= count; i++) out.push(make(i));
	return out.join("\n") + "\n";
}

export = () => {
	const theme = createSpecTheme();
	let gui: SpecGui;

	beforeEach(() => {
		gui = createSpecGui(480, 1200);
	});

	afterEach(() => {
		gui.destroy();
	});

	const render = (props: Partial<DiffViewProps>) => (
		<DiffView theme={theme} title="Edit Workspace/Door/Main" before={"a\nb\nc\n"} after={"a\nB\nc\n"} {...props} />
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
		gui.mount(render({}));
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
		gui.mount(render({}));
		const added = findText(gui.host, "+ B")!;
		expect(added.TextColor3).to.equal(theme.color("DiffTextAddition"));
		expect((added.Parent as Frame).BackgroundColor3).to.equal(theme.color("DiffTextAdditionBackground"));
		expect((added.Parent!.FindFirstChild("Gutter") as Frame).BackgroundColor3).to.equal(
			theme.color("DiffLineNumAdditionBackground"),
		);
		expect(added.Font).to.equal(theme.codeFont);
		const removed = findText(gui.host, "- b")!;
		expect(removed.TextColor3).to.equal(theme.color("DiffTextDeletion"));
		expect((removed.Parent as Frame).BackgroundColor3).to.equal(theme.color("DiffTextDeletionBackground"));
		const context = findText(gui.host, "  a")!;
		expect(context.TextColor3).to.equal(theme.color("DiffTextNoChange"));
		expect((context.Parent as Frame).BackgroundColor3).to.equal(theme.color("DiffTextNoChangeBackground"));
		const hunk = findText(gui.host, "@@ -1,3 +1,3 @@")!;
		expect(hunk.TextColor3).to.equal(theme.color("DiffTextHunkInfo"));
		expect((hunk.Parent as Frame).BackgroundColor3).to.equal(theme.color("DiffTextSeparatorBackground"));
		expect(findText(gui.host, "Edit Workspace/Door/Main")!.TextColor3).to.equal(theme.color("DiffFilePathText"));
	});

	it("shows tabs as spaces to the next tab stop", () => {
		gui.mount(render({ before: "", after: "\tif x then\n\t\treturn\n" }));
		expect(findText(gui.host, "+     if x then")).to.be.ok();
		expect(findText(gui.host, "+         return")).to.be.ok();
	});

	it("says so when the texts are equal", () => {
		gui.mount(render({ before: "same\n", after: "same\n" }));
		expect(findText(gui.host, "No changes")).to.be.ok();
		expect(linesFrame()).never.to.be.ok();
		expect(buttonLabels(gui.host).size()).to.equal(0);
	});

	it("starts collapsed past collapseAfter rows, with the counts still shown", () => {
		gui.mount(render({ before: "", after: lines(60, (i) => `print(${i})`) }));
		expect(findButton(gui.host, "Show diff (61 lines)")).to.be.ok();
		expect(findText(gui.host, "+60 -0")).to.be.ok();
		expect(linesFrame()).never.to.be.ok();
	});

	it("offers Open script only when it can open one", () => {
		gui.mount(render({}));
		expect(findButton(gui.host, "Open script")).never.to.be.ok();
		gui.update(render({ onOpenScript: () => {} }));
		expect(findButton(gui.host, "Open script")).to.be.ok();
	});

	it("scrolls sideways for long lines: the canvas is as wide as the longest line", () => {
		const long = string.rep("x", 300);
		gui.mount(render({ before: "", after: `short\n${long}\n` }));
		const frame = linesFrame()!;
		expect(frame.CanvasSize.X.Offset > frame.AbsoluteSize.X).to.equal(true);
		expect(frame.ScrollingDirection).to.equal(Enum.ScrollingDirection.XY);
		// Three rows plus the horizontal scroll bar's own strip, so no row hides under the bar.
		expect(frame.AbsoluteSize.Y).to.equal(3 * ROW + 8);
		const label = findText(gui.host, `+ ${long}`)!;
		expect(label.TextFits).to.equal(true);
		expect(label.AbsoluteSize.X >= label.TextBounds.X).to.equal(true);
	});

	it("keeps its header inside a narrow parent", () => {
		gui.resize(180);
		gui.mount(render({ onOpenScript: () => {}, title: "Edit ServerScriptService/Gameplay/RoundController" }));
		expect(overflowing(gui.host).join("\n")).to.equal("");
		const frame = linesFrame()!;
		expect(frame.AbsoluteSize.X).to.equal(180);
	});

	describe("a 10,000-line change (virtualised)", () => {
		const before = lines(10000, (i) => `local v${i} = ${i}`);
		const after = lines(10000, (i) => `local v${i} = ${i} -- changed`);
		const ROWS = 1 + 2 * 10000;

		it("has a canvas for every row but draws only the window and its overscan", () => {
			gui.mount(render({ before, after, collapseAfter: math.huge }));
			const frame = linesFrame()!;
			expect(frame.CanvasSize.Y.Offset).to.equal(ROWS * ROW);
			expect(frame.AbsoluteSize.Y).to.equal(20 * ROW);
			expect(drawnRows() <= 20 + 2 * 6).to.equal(true);
			expect(findText(gui.host, "- local v1 = 1")).to.be.ok();
			expect(findText(gui.host, "+10000 -10000")).to.be.ok();
			// Whole GUI: a few hundred instances, not 20,001 rows' worth.
			expect(gui.host.GetDescendants().size() < 300).to.equal(true);
		});

		it("draws the rows at the scroll position when scrolled", () => {
			gui.mount(render({ before, after, collapseAfter: math.huge }));
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

		it("starts collapsed by default", () => {
			gui.mount(render({ before, after }));
			expect(findButton(gui.host, "Show diff (20001 lines)")).to.be.ok();
			expect(linesFrame()).never.to.be.ok();
		});
	});

	describe("driven by clicks", () => {
		if (!canClick()) SKIP();

		it("collapses and expands", () => {
			gui.mount(render({}));
			click(findButton(gui.host, "Hide diff"));
			expect(linesFrame()).never.to.be.ok();
			click(findButton(gui.host, "Show diff (5 lines)"));
			expect(linesFrame()).to.be.ok();
			expect(findText(gui.host, "+ B")).to.be.ok();
		});

		it("Open script gives the first changed line", () => {
			const opened = new Array<number>();
			gui.mount(
				render({
					before: "1\n2\n3\n4\n5\n6\n7\n8\n",
					after: "1\n2\n3\n4\n5\nsix\n7\n8\n",
					onOpenScript: (line) => opened.push(line),
				}),
			);
			click(findButton(gui.host, "Open script"));
			expect(opened.join(",")).to.equal("6");
		});

		it("expands a large collapsed diff into the virtualised window", () => {
			gui.mount(render({ before: "", after: lines(10000, (i) => `print(${i})`) }));
			click(findButton(gui.host, "Show diff (10001 lines)"));
			expect(linesFrame()).to.be.ok();
			expect(drawnRows() <= 20 + 2 * 6).to.equal(true);
			expect(findText(gui.host, "+ print(1)")).to.be.ok();
		});
	});
};
