/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, findNamed, hover, mountSpec } from "../dev/spec-gui";
import { ThemedButton } from "./themed-button";

export = () => {
	it("draws the main style in Studio's dialog-button colours, the secondary in button colours", () => {
		const mounted = mountSpec(
			<frame Size={UDim2.fromScale(1, 1)} BackgroundTransparency={1}>
				<uilistlayout FillDirection={Enum.FillDirection.Horizontal} Padding={new UDim(0, 8)} />
				<ThemedButton Key="Go" text="Go" style="main" onActivated={() => {}} />
				<ThemedButton Key="Later" text="Later" onActivated={() => {}} />
				<ThemedButton Key="Off" text="Off" enabled={false} onActivated={() => {}} />
			</frame>,
			{ theme: "Light" },
		);
		const colors = mounted.theme.colors;
		const go = findNamed(mounted.host, "Go", "TextButton");
		const later = findNamed(mounted.host, "Later", "TextButton");
		const off = findNamed(mounted.host, "Off", "TextButton");
		expect(go.BackgroundColor3).to.equal(colors.mainButton.default);
		expect(go.TextColor3).to.equal(colors.mainButtonText.default);
		expect(later.BackgroundColor3).to.equal(colors.button.default);
		expect(later.TextColor3).to.equal(colors.buttonText.default);
		expect(off.BackgroundColor3).to.equal(colors.button.disabled);
		expect(off.TextColor3).to.equal(colors.buttonText.disabled);
		expect(off.Active).to.equal(false);
		// As wide as its text plus padding, one row tall.
		expect(later.AbsoluteSize.X >= 56).to.equal(true);
		expect(later.AbsoluteSize.Y).to.equal(mounted.theme.rowHeight);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("fires once per click, hovers in the hover colour, and ignores clicks while disabled", () => {
			let clicks = 0;
			const element = (enabled: boolean) => (
				<ThemedButton Key="Go" text="Go" enabled={enabled} onActivated={() => (clicks += 1)} />
			);
			const mounted = mountSpec(element(true));
			const go = findNamed(mounted.host, "Go", "TextButton");
			click(go);
			expect(clicks).to.equal(1);
			hover(go);
			expect(go.BackgroundColor3).to.equal(mounted.theme.colors.button.hover);
			hover(undefined);
			expect(go.BackgroundColor3).to.equal(mounted.theme.colors.button.default);
			mounted.update(element(false));
			click(go);
			expect(clicks).to.equal(1);
			mounted.destroy();
		});
	});
};
