/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, expectText, findNamed, mountSpec } from "../dev/spec-gui";
import { MAX_RESULT_CHARS, ToolChip, ToolChipProps } from "./tool-chip";

function chip(props: ToolChipProps) {
	return <ToolChip Key="Chip" {...props} />;
}

const READ: ToolChipProps = {
	name: "read_script",
	args: "ServerScriptService.Door, lines 1–40",
	result: "local door = workspace.Door\nreturn door",
	failed: false,
};

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`shows the tool's name and argument summary, closed (${themeName})`, () => {
			const mounted = mountSpec(chip(READ), { theme: themeName });
			const summary = findNamed(mounted.host, "Summary", "TextLabel");
			expect(summary.ContentText).to.equal("read_script  ServerScriptService.Door, lines 1–40");
			expect(summary.TextColor3).to.equal(mounted.theme.colors.subText);
			expect(summary.Text.find(mounted.theme.colors.text.default.ToHex(), 1, true)[0]).to.be.ok();
			expect(findNamed(mounted.host, "Chip", "Frame").BackgroundColor3).to.equal(mounted.theme.colors.titlebar);
			expect(findNamed(mounted.host, "Chevron", "TextLabel").Text).to.equal("▸");
			expect(mounted.host.FindFirstChild("Result", true)).to.equal(undefined);
			mounted.destroy();
		});
	}

	it("marks a failed call in the error colour", () => {
		const mounted = mountSpec(chip({ ...READ, failed: true, result: "No script at Workspace.Nope" }), {
			theme: "Light",
		});
		const errorHex = mounted.theme.colors.errorText.ToHex();
		const summary = findNamed(mounted.host, "Summary", "TextLabel");
		expect(summary.ContentText).to.equal("read_script failed  ServerScriptService.Door, lines 1–40");
		expect(summary.Text.find(errorHex, 1, true)[0]).to.be.ok();
		expect(findNamed(mounted.host, "Chip").FindFirstChildOfClass("UIStroke")!.Color).to.equal(
			mounted.theme.colors.errorText,
		);
		mounted.destroy();
	});

	it("can start open, showing the result in the code font", () => {
		const mounted = mountSpec(chip({ ...READ, initiallyExpanded: true }));
		const result = findNamed(findNamed(mounted.host, "Result"), "Text", "TextBox");
		expect(result.Text).to.equal(READ.result);
		expect(result.FontFace.Family.find("RobotoMono")[0]).to.be.ok();
		expect(result.TextWrapped).to.equal(true);
		mounted.destroy();
	});

	it("says so when a tool returned nothing, and cuts a huge result", () => {
		const empty = mountSpec(chip({ ...READ, result: "", initiallyExpanded: true }));
		expectText(empty.host, "(no output)");
		empty.destroy();
		const huge = mountSpec(chip({ ...READ, result: string.rep("y", MAX_RESULT_CHARS + 10), initiallyExpanded: true }));
		expectText(huge.host, "… 10 more characters not shown");
		huge.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("opens on a click to show the result, and closes on the next", () => {
			const mounted = mountSpec(chip(READ));
			const header = findNamed(mounted.host, "Header", "TextButton");
			const before = findNamed(mounted.host, "Chip", "Frame").AbsoluteSize.Y;
			click(header);
			expect(findNamed(mounted.host, "Chevron", "TextLabel").Text).to.equal("▾");
			expectText(mounted.host, "local door = workspace.Door");
			expect(findNamed(mounted.host, "Chip", "Frame").AbsoluteSize.Y > before).to.equal(true);
			click(header);
			expect(mounted.host.FindFirstChild("Result", true)).to.equal(undefined);
			expect(findNamed(mounted.host, "Chip", "Frame").AbsoluteSize.Y).to.equal(before);
			mounted.destroy();
		});
	});
};
