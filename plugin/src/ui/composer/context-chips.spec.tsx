/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, findNamed, mountSpec } from "../dev/spec-gui";
import { ContextChipData, ContextChips } from "./context-chips";

const CHIPS: Array<ContextChipData> = [
	{ id: "active-script", kind: "Script", label: "ServerScriptService.Door" },
	{ id: "selection", kind: "Selection", label: "3 selected" },
];

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`shows each chip with its kind, label and a remove button (${themeName})`, () => {
			const mounted = mountSpec(<ContextChips Key="Chips" chips={CHIPS} onRemove={() => {}} />, { theme: themeName });
			const scriptChip = findNamed(mounted.host, "active-script", "Frame");
			const label = findNamed(scriptChip, "Label", "TextLabel");
			expect(label.ContentText).to.equal("Script ServerScriptService.Door");
			expect(label.TextColor3).to.equal(mounted.theme.colors.text.default);
			expect(label.Text.find(mounted.theme.colors.dimmedText.ToHex(), 1, true)[0]).to.be.ok();
			expect(scriptChip.BackgroundColor3).to.equal(mounted.theme.colors.button.default);
			expect(findNamed(scriptChip, "Remove", "TextButton").Text).to.equal("×");
			expect(findNamed(findNamed(mounted.host, "selection"), "Label", "TextLabel").ContentText).to.equal(
				"Selection 3 selected",
			);
			mounted.destroy();
		});
	}

	it("wraps chips onto a second line in a narrow widget", () => {
		const mounted = mountSpec(<ContextChips Key="Chips" chips={CHIPS} onRemove={() => {}} />, { width: 180 });
		const first = findNamed(mounted.host, "active-script", "Frame");
		const second = findNamed(mounted.host, "selection", "Frame");
		expect(second.AbsolutePosition.Y > first.AbsolutePosition.Y).to.equal(true);
		expect(first.AbsoluteSize.X <= 180).to.equal(true);
		mounted.destroy();
	});

	it("escapes markup in labels", () => {
		const chips = [{ id: "odd", kind: "Script", label: "Workspace.<b>Weird</b>" }];
		const mounted = mountSpec(<ContextChips Key="Chips" chips={chips} onRemove={() => {}} />);
		expect(findNamed(mounted.host, "Label", "TextLabel").ContentText).to.equal("Script Workspace.<b>Weird</b>");
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("fires onRemove with the chip's id when its × is clicked", () => {
			const removed = new Array<string>();
			const mounted = mountSpec(<ContextChips Key="Chips" chips={CHIPS} onRemove={(id) => removed.push(id)} />);
			click(findNamed(findNamed(mounted.host, "selection"), "Remove", "TextButton"));
			expect(removed.join(",")).to.equal("selection");
			mounted.destroy();
		});
	});
};
