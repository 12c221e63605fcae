/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import {
	canActAsUser,
	click,
	expectText,
	findNamed,
	findText,
	isShown,
	mountSpec,
	scroll,
	settle,
} from "../dev/spec-gui";
import { DEFAULT_PAGE_SIZE, Transcript, TranscriptProps } from "./transcript";
import { TranscriptItem } from "./transcript-item";

function transcript(props: TranscriptProps) {
	return <Transcript Key="Transcript" {...props} />;
}

/** `count` alternating user and assistant messages, ids m1..mN. */
function messages(count: number, from = 1): Array<TranscriptItem> {
	const items = new Array<TranscriptItem>();
	for (let i = from; i < from + count; i++) {
		items.push(
			i % 2 === 1
				? { kind: "user", id: `m${i}`, text: `Question ${i}` }
				: { kind: "assistant", id: `m${i}`, text: `Answer ${i}: the door script is fine.`, streaming: false },
		);
	}
	return items;
}

function scrollFrame(host: Instance): ScrollingFrame {
	return findNamed(host, "Scroll", "ScrollingFrame");
}

function atBottom(frame: ScrollingFrame): boolean {
	return math.abs(frame.CanvasPosition.Y - (frame.AbsoluteCanvasSize.Y - frame.AbsoluteWindowSize.Y)) < 1;
}

/** The transcript rows mounted (not the layout objects, not "Show earlier"). */
function rows(host: Instance): Array<GuiObject> {
	return scrollFrame(host)
		.GetChildren()
		.filter((child): child is GuiObject => child.IsA("GuiObject") && child.Name !== "ShowEarlier");
}

export = () => {
	it("shows every kind of item in order", () => {
		const items: Array<TranscriptItem> = [
			{ kind: "user", id: "u1", text: "Why does the door not open?" },
			{ kind: "stage", id: "s1", text: "Reading ServerScriptService.Door…", active: false },
			{ kind: "tool", id: "t1", name: "read_script", args: "ServerScriptService.Door", result: "x", failed: false },
			{ kind: "assistant", id: "a1", text: "The hinge is anchored.", streaming: false },
			{ kind: "proposal", id: "p1", proposalId: "prop-7" },
			{ kind: "error", id: "e1", message: "The proxy did not answer.", canRetry: true },
		];
		const mounted = mountSpec(
			transcript({
				items,
				onRetry: () => {},
				renderProposal: (id) => <textlabel Size={UDim2.fromOffset(200, 20)} Text={`Card for ${id}`} />,
			}),
		);
		const order = [
			"Why does the door not open?",
			"Reading ServerScriptService.Door…",
			"read_script",
			"The hinge is anchored.",
			"Card for prop-7",
			"The proxy did not answer.",
		].map((text) => expectText(mounted.host, text).AbsolutePosition.Y);
		for (let i = 1; i < order.size(); i++) expect(order[i] > order[i - 1]).to.equal(true);
		expect(isShown(findNamed(mounted.host, "Retry"))).to.equal(true);
		mounted.destroy();
	});

	it("shows the empty text only while there are no items", () => {
		const mounted = mountSpec(transcript({ items: [], emptyText: "Ask Vector about your place." }));
		expectText(mounted.host, "Ask Vector about your place.");
		mounted.update(transcript({ items: messages(1), emptyText: "Ask Vector about your place." }));
		expect(findText(mounted.host, "Ask Vector about your place.")).to.equal(undefined);
		mounted.destroy();
	});

	for (const themeName of ["Dark", "Light"]) {
		it(`draws on the theme's background (${themeName})`, () => {
			const mounted = mountSpec(transcript({ items: messages(2) }), { theme: themeName });
			expect(findNamed(mounted.host, "Transcript", "Frame").BackgroundColor3).to.equal(mounted.theme.colors.background);
			expect(scrollFrame(mounted.host).ScrollBarImageColor3).to.equal(mounted.theme.colors.scrollBar);
			mounted.destroy();
		});
	}

	it("opens at the bottom and stays there as messages arrive and text streams in", () => {
		let items = messages(30);
		const mounted = mountSpec(transcript({ items }), { height: 300 });
		const frame = scrollFrame(mounted.host);
		expect(frame.AbsoluteCanvasSize.Y > frame.AbsoluteWindowSize.Y).to.equal(true);
		expect(atBottom(frame)).to.equal(true);
		items = [...items, { kind: "assistant", id: "live", text: "Looking", streaming: true }];
		mounted.update(transcript({ items }));
		expect(atBottom(frame)).to.equal(true);
		const canvas = frame.AbsoluteCanvasSize.Y;
		const longer = string.rep("Looking at the door's hinge constraints and their attachments. ", 10);
		items = [...messages(30), { kind: "assistant", id: "live", text: longer, streaming: true }];
		mounted.update(transcript({ items }));
		expect(frame.AbsoluteCanvasSize.Y > canvas).to.equal(true);
		expect(atBottom(frame)).to.equal(true);
		mounted.destroy();
	});

	it("grows its canvas when the widget narrows and the text wraps, staying at the bottom", () => {
		const mounted = mountSpec(transcript({ items: messages(20) }), { width: 400, height: 300 });
		const frame = scrollFrame(mounted.host);
		const canvas = frame.AbsoluteCanvasSize.Y;
		mounted.resize(160, 300);
		expect(frame.AbsoluteCanvasSize.Y > canvas).to.equal(true);
		expect(atBottom(frame)).to.equal(true);
		mounted.destroy();
	});

	it(`mounts only the newest ${DEFAULT_PAGE_SIZE} of 500 items, and slides that window as items arrive`, () => {
		const items = messages(500);
		const mounted = mountSpec(transcript({ items }), { height: 300 });
		expect(rows(mounted.host).size()).to.equal(DEFAULT_PAGE_SIZE);
		expect(findNamed(mounted.host, "m500")).to.be.ok();
		expect(mounted.host.FindFirstChild("m450", true)).to.equal(undefined);
		expect(findNamed(mounted.host, "ShowEarlier")).to.be.ok();
		expectText(mounted.host, `Show ${DEFAULT_PAGE_SIZE} earlier`);
		mounted.update(transcript({ items: [...items, ...messages(2, 501)] }));
		expect(rows(mounted.host).size()).to.equal(DEFAULT_PAGE_SIZE);
		expect(findNamed(mounted.host, "m502")).to.be.ok();
		expect(mounted.host.FindFirstChild("m452", true)).to.equal(undefined);
		mounted.destroy();
	});

	it("shows everything without a Show earlier row when the conversation fits one page", () => {
		const mounted = mountSpec(transcript({ items: messages(12), pageSize: 20 }));
		expect(rows(mounted.host).size()).to.equal(12);
		expect(mounted.host.FindFirstChild("ShowEarlier", true)).to.equal(undefined);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("stays where the user scrolled while messages arrive, until Jump to latest", () => {
			let items = messages(30);
			const mounted = mountSpec(transcript({ items }), { height: 300 });
			const frame = scrollFrame(mounted.host);
			expect(mounted.host.FindFirstChild("JumpToLatest", true)).to.equal(undefined);
			scroll(frame, -200);
			const reading = frame.CanvasPosition.Y;
			expect(atBottom(frame)).to.equal(false);
			items = [...items, ...messages(4, 31)];
			mounted.update(transcript({ items }));
			items = [...items, { kind: "assistant", id: "live", text: "Streaming on", streaming: true }];
			mounted.update(transcript({ items }));
			expect(frame.CanvasPosition.Y).to.equal(reading);
			const jump = findNamed(mounted.host, "JumpToLatest", "TextButton");
			click(jump);
			expect(atBottom(frame)).to.equal(true);
			expect(mounted.host.FindFirstChild("JumpToLatest", true)).to.equal(undefined);
			mounted.destroy();
		});

		it("follows again once the user scrolls back to the bottom", () => {
			let items = messages(30);
			const mounted = mountSpec(transcript({ items }), { height: 300 });
			const frame = scrollFrame(mounted.host);
			scroll(frame, -150);
			scroll(frame, 10_000);
			expect(atBottom(frame)).to.equal(true);
			items = [...items, ...messages(3, 31)];
			mounted.update(transcript({ items }));
			expect(atBottom(frame)).to.equal(true);
			mounted.destroy();
		});

		it("mounts an earlier page on Show earlier and keeps the view on what the user was reading", () => {
			const items = messages(120);
			const mounted = mountSpec(transcript({ items, pageSize: 40 }), { height: 300 });
			const frame = scrollFrame(mounted.host);
			scroll(frame, -100_000);
			const firstShown = findNamed(mounted.host, "m81", "Frame");
			const y = firstShown.AbsolutePosition.Y;
			click(findNamed(mounted.host, "Button", "TextButton"));
			expect(rows(mounted.host).size()).to.equal(80);
			expect(findNamed(mounted.host, "m41")).to.be.ok();
			expect(math.abs(firstShown.AbsolutePosition.Y - y) < 1).to.equal(true);
			expectText(mounted.host, "Show 40 earlier");
			mounted.destroy();
		});

		it("passes Retry and dismiss on an error item to the app with the item's id", () => {
			const retried = new Array<string>();
			const dismissed = new Array<string>();
			const items: Array<TranscriptItem> = [
				{ kind: "error", id: "e1", message: "Timed out.", canRetry: true },
				{ kind: "error", id: "e2", message: "Bad key.", canRetry: false },
			];
			const mounted = mountSpec(
				transcript({ items, onRetry: (id) => retried.push(id), onDismiss: (id) => dismissed.push(id) }),
			);
			click(findNamed(findNamed(mounted.host, "e1"), "Retry", "TextButton"));
			expect(findNamed(mounted.host, "e2").FindFirstChild("Retry", true)).to.equal(undefined);
			click(findNamed(findNamed(mounted.host, "e2"), "Dismiss", "TextButton"));
			expect(retried.join(",")).to.equal("e1");
			expect(dismissed.join(",")).to.equal("e2");
			mounted.destroy();
		});

		it("grows the canvas when a tool chip opens", () => {
			const items: Array<TranscriptItem> = [
				...messages(12),
				{
					kind: "tool",
					id: "t1",
					name: "list_children",
					args: "Workspace",
					result: "Baseplate\nDoor\nSpawnLocation\nCamera",
					failed: false,
				},
			];
			const mounted = mountSpec(transcript({ items }), { height: 300 });
			const frame = scrollFrame(mounted.host);
			const canvas = frame.AbsoluteCanvasSize.Y;
			click(findNamed(mounted.host, "Header", "TextButton"));
			settle();
			expect(frame.AbsoluteCanvasSize.Y > canvas).to.equal(true);
			expectText(mounted.host, "SpawnLocation");
			mounted.destroy();
		});
	});
};
