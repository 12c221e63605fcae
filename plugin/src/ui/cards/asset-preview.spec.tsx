/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { ScanFinding } from "../../proposals/operation";
import { AssetPreview, assetThumbnail, findingsSummary } from "./asset-preview";
import { canActAsUser, click, findText as findTextContaining, mountSpec, Mounted } from "../dev/spec-gui";
import { specThemeSource } from "./dev/spec-theme";
import { clickButton, exactText as findText, findButton, overflowing } from "./dev/spec-queries";
import { DANGER, WARNING } from "./dev/spec-proposals";

export = () => {
	const source = specThemeSource();
	const colors = source.read().colors;
	let gui: Mounted;

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 420) => {
		gui = mountSpec(element, { width, height: 1500, theme: source });
	};

	const many = (count: number) => {
		const findings = new Array<ScanFinding>();
		for (let i = 1; i <= count; i++) findings.push({ ...WARNING, line: i });
		return findings;
	};

	it("points its thumbnail at the asset's rbxthumb:// image", () => {
		expect(assetThumbnail(123456789012)).to.equal("rbxthumb://type=Asset&id=123456789012&w=150&h=150");
		mount(<AssetPreview assetId={42} parentPath="Workspace/Props" findings={[]} />);
		const image = gui.host.FindFirstChild("Thumbnail", true) as ImageLabel;
		expect(image.Image).to.equal("rbxthumb://type=Asset&id=42&w=150&h=150");
		expect(image.AbsoluteSize).to.equal(new Vector2(64, 64));
		expect(findText(gui.host, "Into Workspace/Props")).to.be.ok();
	});

	it("summarises the findings", () => {
		expect(findingsSummary([])).to.equal("The script scan found nothing suspicious.");
		expect(findingsSummary([WARNING, WARNING])).to.equal("Script scan: 2 warnings");
		expect(findingsSummary([DANGER, DANGER, WARNING])).to.equal("Script scan: 2 dangerous findings, 1 warning");
	});

	it("describes each finding by its rule, with the line and excerpt", () => {
		mount(<AssetPreview assetId={1} parentPath="Workspace" findings={[DANGER]} />);
		expect(
			findText(gui.host, "Danger: Tree/Script, line 3 requires a module by asset id (loads remote code)"),
		).to.be.ok();
		expect(findText(gui.host, "require(4815162342)")).to.be.ok();
	});

	it("leaves out the line of a finding about a whole script", () => {
		mount(
			<AssetPreview
				assetId={1}
				parentPath="Workspace"
				findings={[{ script: "Tree/A/B/C/D/E/Run", line: 0, rule: "hidden_deep", severity: "warning", excerpt: "" }]}
			/>,
		);
		const warning = findText(gui.host, "Warning: Tree/A/B/C/D/E/Run is buried deep inside the model")!;
		expect(warning.TextColor3).to.equal(colors.warningText);
	});

	it("lists findings a page at a time", () => {
		mount(<AssetPreview assetId={1} parentPath="Workspace" findings={many(25)} pageSize={10} />);
		expect(findTextContaining(gui.host, "line 10 ")).to.be.ok();
		expect(findTextContaining(gui.host, "line 11 ")).never.to.be.ok();
		expect(findButton(gui.host, "Show 10 more of 15")).to.be.ok();
	});

	it("wraps within a narrow parent", () => {
		mount(
			<AssetPreview assetId={1} parentPath="Workspace/A/Very/Long/Folder/Path" findings={[DANGER, WARNING]} />,
			160,
		);
		expect(overflowing(gui.host).join("\n")).to.equal("");
	});

	describe("paging by clicks", () => {
		if (!canActAsUser()) SKIP();

		it("Show more reveals the next page", () => {
			mount(<AssetPreview assetId={1} parentPath="Workspace" findings={many(12)} pageSize={10} />);
			clickButton(gui.host, "Show 2 more of 2");
			expect(findTextContaining(gui.host, "line 12 ")).to.be.ok();
		});
	});
};
