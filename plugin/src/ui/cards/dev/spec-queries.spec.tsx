/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { mountSpec, Mounted } from "../../dev/spec-gui";
import { overflowing, textsOf } from "./spec-queries";

export = () => {
	let mounted: Mounted | undefined;

	afterEach(() => {
		mounted?.destroy();
		mounted = undefined;
	});

	const mount = (element: Roact.Element) => (mounted = mountSpec(element, { width: 200, height: 200 }));

	it("overflowing() names a child wider than the parent and text that does not fit", () => {
		const { host } = mount(
			<frame Size={new UDim2(1, 0, 1, 0)} BackgroundTransparency={1}>
				<frame Key="Wide" Size={UDim2.fromOffset(260, 20)} />
				<textlabel
					Key="Squeezed"
					Position={UDim2.fromOffset(0, 40)}
					Size={UDim2.fromOffset(40, 20)}
					Text="far too long for forty pixels"
				/>
			</frame>,
		);
		const problems = overflowing(host).join("\n");
		expect(string.find(problems, "Wide ends at 260 > 200", 1, true)[0]).to.be.ok();
		expect(string.find(problems, 'Squeezed: text "far too long for forty pixels" does not fit', 1, true)[0]).to.be.ok();
	});

	it("overflowing() accepts wrapped text and anything inside a scrolling frame", () => {
		const { host } = mount(
			<frame Size={new UDim2(1, 0, 1, 0)} BackgroundTransparency={1}>
				<textlabel
					Key="Wrapped"
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					TextWrapped={true}
					Text="a sentence long enough to need a few lines at this width"
				/>
				<scrollingframe Key="Scroller" Position={UDim2.fromOffset(0, 100)} Size={UDim2.fromOffset(200, 50)}>
					<frame Key="Wide" Size={UDim2.fromOffset(900, 20)} />
				</scrollingframe>
			</frame>,
		);
		expect(overflowing(host).join("\n")).to.equal("");
	});

	it("textsOf() reads top to bottom, then left to right, leaving hidden text out", () => {
		const { host } = mount(
			<frame Size={new UDim2(1, 0, 1, 0)} BackgroundTransparency={1}>
				<textlabel Key="A" Position={UDim2.fromOffset(100, 0)} Size={UDim2.fromOffset(50, 20)} Text="second" />
				<textlabel Key="B" Position={UDim2.fromOffset(0, 0)} Size={UDim2.fromOffset(50, 20)} Text="first" />
				<textlabel Key="C" Position={UDim2.fromOffset(0, 30)} Size={UDim2.fromOffset(50, 20)} Text="third" />
				<textlabel
					Key="D"
					Position={UDim2.fromOffset(0, 60)}
					Size={UDim2.fromOffset(50, 20)}
					Text="hidden"
					Visible={false}
				/>
			</frame>,
		);
		expect(textsOf(host).join(" ")).to.equal("first second third");
	});
};
