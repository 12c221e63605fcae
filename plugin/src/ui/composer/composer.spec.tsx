/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, findNamed, mountSpec, pressKey, typeInto } from "../dev/spec-gui";
import { Composer, ComposerProps } from "./composer";
import { ContextChipData } from "./context-chips";

interface Calls {
	readonly sent: Array<string>;
	stops: number;
	readonly removed: Array<string>;
}

function setup(overrides: Partial<ComposerProps> = {}, options: { width?: number; theme?: string } = {}) {
	const calls: Calls = { sent: [], stops: 0, removed: [] };
	const element = (more: Partial<ComposerProps> = {}) => (
		<Composer
			Key="Composer"
			busy={false}
			onSend={(text) => calls.sent.push(text)}
			onStop={() => (calls.stops += 1)}
			onRemoveChip={(id) => calls.removed.push(id)}
			{...overrides}
			{...more}
		/>
	);
	const mounted = mountSpec(element(), { width: options.width, theme: options.theme });
	return {
		calls,
		mounted,
		box: () => findNamed(mounted.host, "Box", "TextBox"),
		input: () => findNamed(mounted.host, "Input", "Frame"),
		rerender: (more: Partial<ComposerProps>) => mounted.update(element(more)),
	};
}

const CHIPS: Array<ContextChipData> = [
	{ id: "active-script", kind: "Script", label: "Door" },
	{ id: "selection", kind: "Selection", label: "2 selected" },
];

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`starts empty with a placeholder and a disabled Send in the main button style (${themeName})`, () => {
			const { mounted, box, input } = setup({}, { theme: themeName });
			const colors = mounted.theme.colors;
			expect(box().Text).to.equal("");
			expect(box().PlaceholderText.find("Shift+Enter", 1, true)[0]).to.be.ok();
			expect(box().MultiLine).to.equal(true);
			expect(box().TextEditable).to.equal(true);
			expect(input().BackgroundColor3).to.equal(colors.inputBackground.default);
			expect(input().FindFirstChildOfClass("UIStroke")!.Color).to.equal(colors.inputBorder.default);
			const send = findNamed(mounted.host, "Send", "TextButton");
			expect(send.Active).to.equal(false);
			expect(send.BackgroundColor3).to.equal(colors.mainButton.disabled);
			expect(mounted.host.FindFirstChild("Stop", true)).to.equal(undefined);
			expect(mounted.host.FindFirstChild("Chips", true)).to.equal(undefined);
			mounted.destroy();
		});

		it(`while busy: read-only and dimmed, Stop instead of Send (${themeName})`, () => {
			const { mounted, box, input } = setup({ busy: true }, { theme: themeName });
			const colors = mounted.theme.colors;
			expect(box().TextEditable).to.equal(false);
			expect(box().PlaceholderText).to.equal("Vector is working…");
			expect(box().TextColor3).to.equal(colors.text.disabled);
			expect(input().BackgroundColor3).to.equal(colors.inputBackground.disabled);
			const stop = findNamed(mounted.host, "Stop", "TextButton");
			expect(stop.Text).to.equal("Stop");
			expect(stop.TextColor3).to.equal(colors.errorText);
			expect(mounted.host.FindFirstChild("Send", true)).to.equal(undefined);
			mounted.destroy();
		});
	}

	it("shows the context chips above the text box", () => {
		const { mounted, input } = setup({ chips: CHIPS });
		const chips = findNamed(mounted.host, "Chips", "Frame");
		expect(findNamed(chips, "active-script")).to.be.ok();
		expect(findNamed(chips, "selection")).to.be.ok();
		expect(chips.AbsolutePosition.Y < input().AbsolutePosition.Y).to.equal(true);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("sends once on Enter with the typed text, clears the box and keeps focus", () => {
			const { calls, mounted, box } = setup();
			typeInto(box(), "Open the door");
			expect(findNamed(mounted.host, "Send", "TextButton").Active).to.equal(true);
			pressKey("Return");
			expect(calls.sent.size()).to.equal(1);
			expect(calls.sent[0]).to.equal("Open the door");
			expect(box().Text).to.equal("");
			expect(box().IsFocused()).to.equal(true);
			mounted.destroy();
		});

		it("keeps a newline on Shift+Enter without sending, then sends both lines on Enter", () => {
			const { calls, mounted, box } = setup();
			typeInto(box(), "line one");
			pressKey("Return", { Shift: true });
			expect(calls.sent.size()).to.equal(0);
			expect(box().Text).to.equal("line one\n");
			typeInto(box(), "line two");
			pressKey("Return");
			expect(calls.sent.size()).to.equal(1);
			expect(calls.sent[0]).to.equal("line one\nline two");
			expect(box().Text).to.equal("");
			mounted.destroy();
		});

		it("sends nothing on Enter in an empty box and leaves no newline behind", () => {
			const { calls, mounted, box } = setup();
			typeInto(box(), "  ");
			pressKey("Return");
			expect(calls.sent.size()).to.equal(0);
			expect(box().Text).to.equal("  ");
			mounted.destroy();
		});

		it("ignores typing and Enter while busy, and Stop fires", () => {
			const { calls, mounted, box, rerender } = setup();
			typeInto(box(), "Add a spawn");
			rerender({ busy: true });
			typeInto(box(), "!!");
			pressKey("Return");
			expect(calls.sent.size()).to.equal(0);
			expect(box().Text).to.equal("Add a spawn");
			click(findNamed(mounted.host, "Stop", "TextButton"));
			expect(calls.stops).to.equal(1);
			rerender({ busy: false });
			expect(box().Text).to.equal("Add a spawn");
			mounted.destroy();
		});

		it("sends with the Send button, trimmed, focus back in the box, and does nothing when the box is blank", () => {
			const { calls, mounted, box } = setup();
			const send = () => findNamed(mounted.host, "Send", "TextButton");
			click(send());
			expect(calls.sent.size()).to.equal(0);
			typeInto(box(), "  Make it red  ");
			click(send());
			expect(calls.sent.size()).to.equal(1);
			expect(calls.sent[0]).to.equal("Make it red");
			expect(box().Text).to.equal("");
			expect(box().IsFocused()).to.equal(true);
			mounted.destroy();
		});

		it("grows with its text up to the maximum height, then stops growing", () => {
			const { mounted, box, input } = setup({ maxHeight: 100 });
			const oneLine = input().AbsoluteSize.Y;
			typeInto(box(), "one");
			pressKey("Return", { Shift: true });
			typeInto(box(), "two");
			pressKey("Return", { Shift: true });
			typeInto(box(), "three");
			const threeLines = input().AbsoluteSize.Y;
			expect(threeLines > oneLine).to.equal(true);
			for (let i = 0; i < 6; i++) {
				pressKey("Return", { Shift: true });
				typeInto(box(), `more ${i}`);
			}
			expect(input().AbsoluteSize.Y).to.equal(100);
			mounted.destroy();
		});

		it("wraps a long draft and grows taller when the widget narrows", () => {
			const { mounted, box, input } = setup({}, { width: 400 });
			typeInto(box(), "Make every door in the castle swing open when a player walks up to it");
			const wide = input().AbsoluteSize.Y;
			mounted.resize(220, 500);
			expect(input().AbsoluteSize.Y > wide).to.equal(true);
			expect(box().TextFits).to.equal(true);
			mounted.destroy();
		});

		it("outlines the box in the focus colour while it has focus", () => {
			const { mounted, box, input } = setup();
			typeInto(box(), "x");
			expect(input().FindFirstChildOfClass("UIStroke")!.Color).to.equal(mounted.theme.colors.inputBorder.selected);
			box().ReleaseFocus();
			task.wait();
			task.wait();
			expect(input().FindFirstChildOfClass("UIStroke")!.Color).to.equal(mounted.theme.colors.inputBorder.default);
			mounted.destroy();
		});

		it("removes a context chip through the app", () => {
			const { calls, mounted } = setup({ chips: CHIPS });
			click(findNamed(findNamed(mounted.host, "active-script"), "Remove", "TextButton"));
			expect(calls.removed.join(",")).to.equal("active-script");
			mounted.destroy();
		});
	});
};
