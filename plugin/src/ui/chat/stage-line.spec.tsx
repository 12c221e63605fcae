/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { findNamed, mountSpec } from "../dev/spec-gui";
import { StageLine } from "./stage-line";

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`shows an active stage with a link-coloured dot and a finished one dimmed (${themeName})`, () => {
			const mounted = mountSpec(<StageLine Key="Stage" text="Reading Workspace.Map…" active={true} />, {
				theme: themeName,
			});
			const colors = mounted.theme.colors;
			const text = findNamed(mounted.host, "Text", "TextLabel");
			const dot = findNamed(mounted.host, "Dot", "Frame");
			expect(text.Text).to.equal("Reading Workspace.Map…");
			expect(text.TextColor3).to.equal(colors.subText);
			expect(dot.BackgroundColor3).to.equal(colors.linkText);
			mounted.update(<StageLine Key="Stage" text="Read Workspace.Map" active={false} />);
			expect(text.Text).to.equal("Read Workspace.Map");
			expect(text.TextColor3).to.equal(colors.dimmedText);
			expect(dot.BackgroundColor3).to.equal(colors.dimmedText);
			// The dot sits level with the first line of text.
			const dotMiddle = dot.AbsolutePosition.Y + dot.AbsoluteSize.Y / 2;
			expect(dotMiddle > text.AbsolutePosition.Y && dotMiddle < text.AbsolutePosition.Y + 20).to.equal(true);
			mounted.destroy();
		});
	}

	it("wraps a long stage line instead of cutting it", () => {
		const long = string.rep("Scanning Workspace.Buildings.Tower ", 6);
		const mounted = mountSpec(<StageLine Key="Stage" text={long} active={true} />, { width: 220 });
		const text = findNamed(mounted.host, "Text", "TextLabel");
		expect(text.AbsoluteSize.Y > mounted.theme.textSize.small * 2).to.equal(true);
		expect(text.TextFits).to.equal(true);
		mounted.destroy();
	});
};
