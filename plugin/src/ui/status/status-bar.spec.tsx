/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { expectText, findNamed, mountSpec } from "../dev/spec-gui";
import { contextPercent, STATUS_BAR_HEIGHT, StatusBar, StatusBarProps } from "./status-bar";

function bar(props: StatusBarProps) {
	return <StatusBar Key="Status" {...props} />;
}

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`shows the connection, model, context use and requests this minute (${themeName})`, () => {
			const mounted = mountSpec(
				bar({
					connection: "connected",
					model: "gpt-4.1-mini",
					context: { tokens: 42_500, limit: 100_000, measured: true },
					requests: { used: 12, limit: 120 },
				}),
				{ theme: themeName, width: 500 },
			);
			const colors = mounted.theme.colors;
			expect(findNamed(mounted.host, "Status", "Frame").BackgroundColor3).to.equal(colors.statusBar);
			expect(findNamed(mounted.host, "Status", "Frame").AbsoluteSize.Y).to.equal(STATUS_BAR_HEIGHT);
			expect(findNamed(mounted.host, "Dot", "Frame").BackgroundColor3).to.equal(colors.success);
			const summary = findNamed(mounted.host, "Summary", "TextLabel");
			expect(summary.ContentText).to.equal("Connected  gpt-4.1-mini");
			expect(summary.TextColor3).to.equal(colors.text.default);
			expect(summary.Text.find(colors.subText.ToHex(), 1, true)[0]).to.be.ok();
			expect(findNamed(mounted.host, "Context", "TextLabel").Text).to.equal("Context 42%");
			const fill = findNamed(mounted.host, "Fill", "Frame");
			expect(fill.Size).to.equal(new UDim2(0.42, 0, 1, 0));
			expect(fill.BackgroundColor3).to.equal(colors.linkText);
			expect(findNamed(mounted.host, "Requests", "TextLabel").Text).to.equal("12/120 req/min");
			// The right group sits at the right edge, clear of the left one.
			const left = findNamed(mounted.host, "Left", "Frame");
			const right = findNamed(mounted.host, "Right", "Frame");
			expect(left.AbsolutePosition.X + left.AbsoluteSize.X < right.AbsolutePosition.X).to.equal(true);
			expect(right.AbsolutePosition.X + right.AbsoluteSize.X).to.equal(mounted.host.AbsoluteSize.X - 8);
			expect(summary.TextFits).to.equal(true);
			mounted.destroy();
		});
	}

	it("colours each connection state and lets the app word it", () => {
		const mounted = mountSpec(bar({ connection: "offline" }));
		const colors = mounted.theme.colors;
		const dot = findNamed(mounted.host, "Dot", "Frame");
		expect(dot.BackgroundColor3).to.equal(colors.errorText);
		expectText(mounted.host, "Offline");
		mounted.update(bar({ connection: "connecting" }));
		expect(dot.BackgroundColor3).to.equal(colors.warningText);
		expectText(mounted.host, "Connecting…");
		mounted.update(bar({ connection: "not_configured" }));
		expect(dot.BackgroundColor3).to.equal(colors.dimmedText);
		expectText(mounted.host, "Not set up");
		mounted.update(bar({ connection: "offline", connectionText: "Proxy unreachable" }));
		expectText(mounted.host, "Proxy unreachable");
		mounted.destroy();
	});

	it("names the proxy's default model when none is set, and leaves out what it was not given", () => {
		const mounted = mountSpec(bar({ connection: "connected", model: "" }));
		expectText(mounted.host, "Default model");
		expect(mounted.host.FindFirstChild("Right", true)).to.equal(undefined);
		mounted.destroy();
	});

	it("warns as the context fills and marks an estimate with ~", () => {
		const mounted = mountSpec(bar({ connection: "connected", context: { tokens: 80, limit: 100, measured: false } }));
		const colors = mounted.theme.colors;
		expect(findNamed(mounted.host, "Context", "TextLabel").Text).to.equal("Context ~80%");
		expect(findNamed(mounted.host, "Fill", "Frame").BackgroundColor3).to.equal(colors.warningText);
		mounted.update(bar({ connection: "connected", context: { tokens: 97, limit: 100 } }));
		expect(findNamed(mounted.host, "Context", "TextLabel").Text).to.equal("Context 97%");
		expect(findNamed(mounted.host, "Fill", "Frame").BackgroundColor3).to.equal(colors.errorText);
		mounted.destroy();
	});

	it("warns when the minute's requests near the cap", () => {
		const mounted = mountSpec(bar({ connection: "connected", requests: { used: 110, limit: 120 } }));
		expect(findNamed(mounted.host, "Requests", "TextLabel").TextColor3).to.equal(mounted.theme.colors.warningText);
		mounted.destroy();
	});

	it("computes the percentage rounded down and bounded", () => {
		expect(contextPercent({ tokens: 999, limit: 1000 })).to.equal(99);
		expect(contextPercent({ tokens: 5000, limit: 1000 })).to.equal(100);
		expect(contextPercent({ tokens: 10, limit: 0 })).to.equal(0);
	});

	it("cuts the model's name rather than overlapping the right group in a narrow widget", () => {
		const mounted = mountSpec(
			bar({
				connection: "connected",
				model: "a-very-long-model-name-from-a-provider",
				context: { tokens: 1, limit: 100 },
				requests: { used: 1, limit: 120 },
			}),
			{ width: 300 },
		);
		const left = findNamed(mounted.host, "Left", "Frame");
		const right = findNamed(mounted.host, "Right", "Frame");
		const summary = findNamed(mounted.host, "Summary", "TextLabel");
		expect(left.AbsolutePosition.X + left.AbsoluteSize.X <= right.AbsolutePosition.X).to.equal(true);
		expect(summary.TextTruncate).to.equal(Enum.TextTruncate.AtEnd);
		expect(summary.TextFits).to.equal(false);
		mounted.resize(700, 500);
		expect(summary.TextFits).to.equal(true);
		mounted.destroy();
	});
};
