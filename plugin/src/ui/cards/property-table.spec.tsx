/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { JsonValue } from "../../proposals/operation";
import { PropertyTable, PropertyTableProps } from "./property-table";
import { canActAsUser, click, mountSpec, Mounted } from "../dev/spec-gui";
import { specThemeSource } from "./dev/spec-theme";
import { clickButton, exactText as findText, findButton, overflowing, textsOf } from "./dev/spec-queries";

export = () => {
	const source = specThemeSource();
	const theme = source.read();
	let gui: Mounted;

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 420) => {
		gui = mountSpec(element, { width, height: 1500, theme: source });
	};

	const render = (props: Partial<PropertyTableProps>) => (
		<PropertyTable properties={{ Anchored: true, Name: "Door" }} {...props} />
	);

	it("lists properties by name with their new values in the code font", () => {
		mount(render({}));
		expect(textsOf(gui.host).join("|")).to.equal('Property|New|Anchored|true|Name|"Door"');
		expect(findText(gui.host, '"Door"')!.FontFace.Family).to.equal(theme.fonts.code.Family);
		expect(findText(gui.host, "Property")!.TextColor3).to.equal(theme.colors.subText);
	});

	it("adds an Old column when old values are known", () => {
		mount(render({ oldValues: { Anchored: false } }));
		expect(textsOf(gui.host).join("|")).to.equal('Property|Old|New|Anchored|false|true|Name|"Door"');
	});

	it("says when there is nothing to set", () => {
		mount(render({ properties: {} }));
		expect(textsOf(gui.host).join("|")).to.equal("No properties set.");
	});

	it("stacks each name over its value in a narrow parent", () => {
		mount(render({ properties: { Transparency: 0.5, Anchored: true }, oldValues: { Transparency: 0 } }), 200);
		expect(textsOf(gui.host).join("|")).to.equal("Anchored|true|Transparency|0 → 0.5");
		expect(overflowing(gui.host).join("\n")).to.equal("");
		gui.resize(420, 1500);
		// Back to columns; Anchored has no known old value, so its Old cell is empty.
		expect(textsOf(gui.host).join("|")).to.equal("Property|Old|New|Anchored|true|Transparency|0|0.5");
	});

	it("shows a page of properties at a time", () => {
		const properties: { [name: string]: JsonValue } = {};
		for (let i = 1; i <= 7; i++) properties[`Attr${i}`] = i;
		mount(render({ properties, pageSize: 3 }));
		expect(findText(gui.host, "Attr3")).to.be.ok();
		expect(findText(gui.host, "Attr4")).never.to.be.ok();
		expect(findButton(gui.host, "Show 3 more of 4")).to.be.ok();
	});

	describe("paging by clicks", () => {
		if (!canActAsUser()) SKIP();

		it("Show more adds the next page until all are shown", () => {
			const properties: { [name: string]: JsonValue } = {};
			for (let i = 1; i <= 7; i++) properties[`Attr${i}`] = i;
			mount(render({ properties, pageSize: 3 }));
			clickButton(gui.host, "Show 3 more of 4");
			expect(findText(gui.host, "Attr6")).to.be.ok();
			clickButton(gui.host, "Show 1 more of 1");
			expect(findText(gui.host, "Attr7")).to.be.ok();
			expect(findButton(gui.host, "Show 1 more of 1")).never.to.be.ok();
		});
	});
};
