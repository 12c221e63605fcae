/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { AssetSearchResult } from "../../../../shared/src/proxy-api";
import { AssetPicker, AssetPickerProps, columnsFor } from "./asset-picker";
import { specThemeSource } from "../cards/dev/spec-theme";
import {
	buttonLabels,
	enterText as typeInto,
	exactText as findText,
	clickButton,
	findButton,
	overflowing,
	textBoxes,
} from "../cards/dev/spec-queries";
import { canActAsUser, click, mountSpec, Mounted } from "../dev/spec-gui";

function result(id: number, name: string, creator = "Roblox"): AssetSearchResult {
	return { id, name, creator, type: "Model", thumbnailUrl: `rbxthumb://type=Asset&id=${id}&w=150&h=150` };
}

const TREES = [result(101, "Oak Tree"), result(102, "Pine Tree", "BuilderBob"), result(103, "Palm Tree")];

export = () => {
	const source = specThemeSource();
	const theme = source.read();
	let gui: Mounted;
	let searches: Array<string>;
	let inserts: Array<number>;

	beforeEach(() => {
		searches = [];
		inserts = [];
	});

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 420) => {
		gui = mountSpec(element, { width, height: 600, theme: source });
	};

	const picker = (props: Partial<AssetPickerProps>) => (
		<AssetPicker
			results={[]}
			state={{ status: "idle" }}
			onSearch={(query) => searches.push(query)}
			onInsert={(chosen) => inserts.push(chosen.id)}
			{...props}
		/>
	);

	const resultsFrame = () => gui.host.FindFirstChild("Results", true) as ScrollingFrame | undefined;
	const cells = () =>
		resultsFrame()!
			.GetChildren()
			.filter((child): child is Frame => child.IsA("Frame") && child.Name.sub(1, 6) === "Result");

	describe("states", () => {
		it("idle: a hint, an empty search box and a disabled Search", () => {
			mount(picker({}));
			expect(findText(gui.host, "Search the Creator Store for models to insert.")).to.be.ok();
			expect(textBoxes(gui.host)[0].PlaceholderText).to.equal("Search models");
			expect(findButton(gui.host, "Search")!.Active).to.equal(false);
			expect(resultsFrame()).never.to.be.ok();
		});

		it("loading: says what it is searching for, and shows no results", () => {
			mount(picker({ state: { status: "loading", query: "tree" }, results: TREES }));
			expect(findText(gui.host, 'Searching for "tree"…')).to.be.ok();
			expect(resultsFrame()).never.to.be.ok();
		});

		it("error: the message in the error colour and Try again", () => {
			mount(picker({ state: { status: "error", query: "tree", message: "the proxy did not answer" } }));
			const message = findText(gui.host, "Search failed: the proxy did not answer")!;
			expect(message.TextColor3).to.equal(theme.colors.errorText);
			expect(findButton(gui.host, "Try again")).to.be.ok();
		});

		it("ready without results: says nothing matched", () => {
			mount(picker({ state: { status: "ready", query: "zzz" } }));
			expect(findText(gui.host, 'No results for "zzz".')).to.be.ok();
			expect(resultsFrame()).never.to.be.ok();
		});

		it("ready: a grid card per result with thumbnail, name, creator and Insert", () => {
			mount(picker({ state: { status: "ready", query: "tree" }, results: TREES }));
			expect(cells().size()).to.equal(3);
			expect(findText(gui.host, "Pine Tree")).to.be.ok();
			expect(findText(gui.host, "by BuilderBob")!.TextColor3).to.equal(theme.colors.subText);
			expect(
				buttonLabels(gui.host)
					.filter((label) => label === "Insert")
					.size(),
			).to.equal(3);
			const thumbnails = resultsFrame()!
				.GetDescendants()
				.filter((child): child is ImageLabel => child.IsA("ImageLabel"))
				.map((image) => image.Image);
			expect(thumbnails.includes("rbxthumb://type=Asset&id=102&w=150&h=150")).to.equal(true);
			expect(resultsFrame()!.FindFirstChildOfClass("UIGridLayout")).to.be.ok();
		});

		it("cuts long names to one line", () => {
			const long = "Ultra Realistic Giant Redwood Tree With Moss And Animated Leaves";
			mount(picker({ state: { status: "ready", query: "tree" }, results: [result(1, long)] }));
			const name = findText(gui.host, long)!;
			expect(name.TextTruncate).to.equal(Enum.TextTruncate.AtEnd);
			expect(name.AbsoluteSize.Y).to.equal(theme.textSize.body + 3);
		});

		it("shows a page of results at a time", () => {
			const many = new Array<AssetSearchResult>();
			for (let i = 1; i <= 30; i++) many.push(result(i, `Tree ${i}`));
			mount(picker({ state: { status: "ready", query: "tree" }, results: many }));
			expect(cells().size()).to.equal(24);
			expect(findButton(gui.host, "Show 6 more")).to.be.ok();
		});
	});

	describe("layout", () => {
		it("fits as many columns of at least 120 px as the width allows", () => {
			expect(columnsFor(100)).to.equal(1);
			expect(columnsFor(245)).to.equal(1);
			expect(columnsFor(246)).to.equal(2); // 2 x 120 + the 6 px gap
			expect(columnsFor(412)).to.equal(3);
			mount(picker({ state: { status: "ready", query: "tree" }, results: TREES }));
			const xs = new Set<number>();
			for (const cell of cells()) {
				xs.add(cell.AbsolutePosition.X);
				expect(cell.AbsoluteSize.X >= 120).to.equal(true);
			}
			expect(xs.size()).to.equal(3);
		});

		it("falls back to one column in a narrow parent, with every cell inside the window", () => {
			mount(picker({ state: { status: "ready", query: "tree" }, results: TREES }), 170);
			const frame = resultsFrame()!;
			const right = frame.AbsolutePosition.X + frame.AbsoluteWindowSize.X;
			for (const cell of cells()) {
				expect(cell.AbsolutePosition.X).to.equal(frame.AbsolutePosition.X + 1);
				expect(cell.AbsolutePosition.X + cell.AbsoluteSize.X <= right).to.equal(true);
				const insert = findButton(cell, "Insert")!;
				expect(insert.AbsolutePosition.X + insert.AbsoluteSize.X <= right).to.equal(true);
			}
			expect(overflowing(gui.host).join("\n")).to.equal("");
		});

		it("goes from three columns to one when the parent narrows", () => {
			mount(picker({ state: { status: "ready", query: "tree" }, results: TREES }));
			gui.resize(170, 600);
			const xs = new Set<number>();
			for (const cell of cells()) xs.add(cell.AbsolutePosition.X);
			expect(xs.size()).to.equal(1);
		});
	});

	describe("interactions", () => {
		if (!canActAsUser()) SKIP();

		it("Enter in the search box searches for the trimmed query", () => {
			mount(picker({}));
			typeInto(textBoxes(gui.host)[0], "  red tree ", true);
			expect(searches.join(";")).to.equal("red tree");
		});

		it("Search searches for what is typed; an empty box searches nothing", () => {
			mount(picker({}));
			typeInto(textBoxes(gui.host)[0], "   ");
			clickButton(gui.host, "Search");
			expect(searches.size()).to.equal(0);
			typeInto(textBoxes(gui.host)[0], "lamp");
			expect(findButton(gui.host, "Search")!.Active).to.equal(true);
			clickButton(gui.host, "Search");
			expect(searches.join(";")).to.equal("lamp");
		});

		it("Try again repeats the failed search", () => {
			mount(picker({ state: { status: "error", query: "tree", message: "timeout" } }));
			clickButton(gui.host, "Try again");
			expect(searches.join(";")).to.equal("tree");
		});

		it("Insert reports the result it belongs to", () => {
			mount(picker({ state: { status: "ready", query: "tree" }, results: TREES }));
			const pine = cells().find((cell) => findText(cell, "Pine Tree") !== undefined)!;
			clickButton(pine, "Insert");
			expect(inserts.join(";")).to.equal("102");
		});

		it("Show more adds the next page", () => {
			const many = new Array<AssetSearchResult>();
			for (let i = 1; i <= 30; i++) many.push(result(i, `Tree ${i}`));
			mount(picker({ state: { status: "ready", query: "tree" }, results: many }));
			const more = findButton(gui.host, "Show 6 more")!;
			const frame = resultsFrame()!;
			frame.CanvasPosition = new Vector2(0, frame.AbsoluteCanvasSize.Y);
			task.wait();
			click(more);
			expect(cells().size()).to.equal(30);
		});
	});
};
