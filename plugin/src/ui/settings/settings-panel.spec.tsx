/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { DEFAULT_SETTINGS, VectorSettings } from "../../settings/settings-schema";
import { ConnectionTestResult, SettingsPanel, SettingsPanelProps } from "./settings-panel";
import { specThemeSource } from "../cards/dev/spec-theme";
import {
	enterText as typeInto,
	exactText as findText,
	clickButton,
	findButton,
	overflowing,
	textsOf,
} from "../cards/dev/spec-queries";
import { canActAsUser, click, mountSpec, Mounted } from "../dev/spec-gui";

const SAVED: VectorSettings = { ...DEFAULT_SETTINGS, proxyUrl: "https://vector.example.com", token: "tok-123456" };

export = () => {
	const source = specThemeSource();
	const colors = source.read().colors;
	let gui: Mounted;
	let saved: Array<VectorSettings>;
	let tested: Array<VectorSettings>;
	let cancels: number;

	beforeEach(() => {
		saved = [];
		tested = [];
		cancels = 0;
	});

	afterEach(() => {
		gui.destroy();
	});

	const mount = (element: Roact.Element, width = 420) => {
		gui = mountSpec(element, { width, height: 1400, theme: source });
	};

	const panel = (props: Partial<SettingsPanelProps> = {}) => (
		<SettingsPanel
			settings={SAVED}
			onSave={(settings) => saved.push(settings)}
			onCancel={() => (cancels += 1)}
			onTestConnection={(settings) => {
				tested.push(settings);
				return Promise.resolve<ConnectionTestResult>({ ok: true, message: "Vector proxy 0.1.0" });
			}}
			{...props}
		/>
	);

	/** The field (its frame) labelled `label`. */
	const field = (label: string) => findText(gui.host, label)!.Parent as Frame;
	const boxOf = (label: string) => field(label).FindFirstChild("Input")!.FindFirstChild("Box") as TextBox;
	const noteOf = (label: string) => field(label).FindFirstChild("Note") as TextLabel | undefined;
	/** Whether the checkbox labelled `label` shows its check. */
	const isChecked = (label: string) => {
		const row = findText(gui.host, label)!.Parent!.Parent as TextButton;
		return (row.FindFirstChild("Box")!.FindFirstChild("Check") as Frame).Visible;
	};
	const toggle = (label: string) => click(findText(gui.host, label)!.Parent!.Parent as TextButton);
	const save = () => findButton(gui.host, "Save")!;

	describe("what it shows", () => {
		it("every setting, labelled as the schema labels them, with the saved values", () => {
			mount(panel());
			const texts = textsOf(gui.host);
			for (const label of [
				"Proxy URL",
				"Token",
				"Provider URL",
				"Provider key",
				"Model",
				"Mode",
				"Auto-approve",
				"Streaming",
			]) {
				expect(texts.includes(label)).to.equal(true);
			}
			for (const label of ["Script edits", "Instance changes", "Asset inserts", "Plan", "Act"]) {
				expect(texts.includes(label)).to.equal(true);
			}
			expect(boxOf("Proxy URL").Text).to.equal("https://vector.example.com");
			expect(boxOf("Model").PlaceholderText).to.equal("the proxy's default");
			expect(isChecked("Streaming")).to.equal(true);
			expect(isChecked("Script edits")).to.equal(false);
			expect(findButton(gui.host, "Act")!.BackgroundColor3).to.equal(colors.mainButton.default);
			expect(findButton(gui.host, "Plan")!.BackgroundColor3).to.equal(colors.button.default);
			expect(findText(gui.host, "Act: the model may also propose changes, which wait for your approval.")).to.be.ok();
		});

		it("masks the token: the box's text is invisible and bullets stand in for it", () => {
			mount(panel());
			const box = boxOf("Token");
			expect(box.TextTransparency).to.equal(1);
			expect((box.FindFirstChild("Bullets") as TextLabel).Text).to.equal("••••••••••");
			expect(findButton(field("Token"), "Show")).to.be.ok();
			expect(boxOf("Provider key").TextTransparency).to.equal(1);
		});

		it("Save and Test connection wait for something valid to save or test", () => {
			mount(panel());
			expect(save().Active).to.equal(false);
			expect(save().BackgroundColor3).to.equal(colors.mainButton.disabled);
			expect(findButton(gui.host, "Test connection")!.Active).to.equal(true);
			expect(findButton(gui.host, "Cancel")!.Active).to.equal(true);
		});

		it("shows the schema's message under a field that breaks its rule, and blocks Save", () => {
			mount(panel());
			typeInto(boxOf("Proxy URL"), "vector.example.com");
			const note = noteOf("Proxy URL")!;
			expect(note.Text).to.equal('Proxy URL must start with http:// or https:// (got "vector.example.com").');
			expect(note.TextColor3).to.equal(colors.errorText);
			expect(save().Active).to.equal(false);
			expect(findButton(gui.host, "Test connection")!.Active).to.equal(false);
			typeInto(boxOf("Model"), "gpt 4");
			expect(noteOf("Model")!.Text).to.equal("Model names have no spaces or line breaks.");
			typeInto(boxOf("Proxy URL"), "https://other.example.com/");
			expect(noteOf("Proxy URL")!.Text).to.equal("The Vector proxy this plugin talks to.");
			expect(noteOf("Proxy URL")!.TextColor3).to.equal(colors.dimmedText);
			expect(save().Active).to.equal(false);
			typeInto(boxOf("Model"), "gpt-4o");
			expect(save().Active).to.equal(true);
		});

		it("reports settings that do not work together", () => {
			mount(panel());
			typeInto(boxOf("Provider key"), "sk-abc");
			const problem = findText(
				gui.host,
				"Provider key is set but Provider URL is empty: set both to use your own key, or clear the key.",
			)!;
			expect(problem.TextColor3).to.equal(colors.errorText);
			expect(save().Active).to.equal(false);
			typeInto(boxOf("Provider URL"), "https://api.example.com/v1");
			expect(save().Active).to.equal(true);
		});

		it("has a Canvas (LMS) group whose token is masked and whose half-set pair blocks Save", () => {
			mount(panel());
			expect(findText(gui.host, "Canvas (LMS, optional)")).to.be.ok();
			expect(boxOf("Canvas URL").PlaceholderText).to.equal("https://school.instructure.com");
			expect(boxOf("Canvas token").TextTransparency).to.equal(1);
			typeInto(boxOf("Canvas URL"), "https://school.instructure.com/courses/7");
			expect(save().Active).to.equal(false);
			expect(
				findText(
					gui.host,
					"Canvas URL is set but Canvas token is empty: create a token in Canvas (Account → Settings → New access token), or clear the URL.",
				),
			).to.be.ok();
			typeInto(boxOf("Canvas token"), "1~abc def");
			expect(noteOf("Canvas token")!.Text).to.equal("Canvas token cannot contain spaces or line breaks.");
			typeInto(boxOf("Canvas token"), "1~abcdef");
			expect(save().Active).to.equal(true);
		});

		it("offers Test Canvas only when the owner can test Canvas", () => {
			mount(panel());
			expect(findButton(gui.host, "Test Canvas")).never.to.be.ok();
			gui.update(panel({ onTestCanvas: () => Promise.resolve<ConnectionTestResult>({ ok: true, message: "x" }) }));
			expect(findButton(gui.host, "Test Canvas")).to.be.ok();
		});

		it("an edit back to the saved value leaves nothing to save", () => {
			mount(panel());
			typeInto(boxOf("Model"), "gpt-4o");
			expect(save().Active).to.equal(true);
			typeInto(boxOf("Model"), " ");
			expect(save().Active).to.equal(false);
		});

		it("takes new saved settings as its draft", () => {
			mount(panel());
			typeInto(boxOf("Model"), "gpt-4o");
			gui.update(panel({ settings: { ...SAVED, model: "claude" } }));
			expect(boxOf("Model").Text).to.equal("claude");
			expect(save().Active).to.equal(false);
		});

		it("fits a narrow widget", () => {
			mount(panel(), 220);
			typeInto(boxOf("Proxy URL"), "ftp://vector.example.com");
			const scroller = gui.host.FindFirstChildOfClass("ScrollingFrame")!;
			expect(overflowing(scroller).join("\n")).to.equal("");
			const test = findButton(gui.host, "Test connection")!;
			expect(test.AbsolutePosition.X + test.AbsoluteSize.X <= 220).to.equal(true);
		});
	});

	describe("interactions", () => {
		if (!canActAsUser()) SKIP();

		it("Show reveals a masked value and Hide masks it again", () => {
			mount(panel());
			clickButton(field("Token"), "Show");
			expect(boxOf("Token").TextTransparency).to.equal(0);
			expect(boxOf("Token").FindFirstChild("Bullets")).never.to.be.ok();
			clickButton(field("Token"), "Hide");
			expect(boxOf("Token").TextTransparency).to.equal(1);
		});

		it("Save hands over the normalized settings", () => {
			mount(panel());
			typeInto(boxOf("Proxy URL"), "  HTTPS://Other.Example.com/v1/ ");
			typeInto(boxOf("Token"), " new-token ");
			click(save());
			expect(saved.size()).to.equal(1);
			expect(saved[0].proxyUrl).to.equal("https://other.example.com");
			expect(saved[0].token).to.equal("new-token");
			expect(saved[0].model).to.equal("");
		});

		it("Save does nothing while a field is invalid", () => {
			mount(panel());
			typeInto(boxOf("Proxy URL"), "nope");
			click(save());
			expect(saved.size()).to.equal(0);
		});

		it("toggles auto-approve per category, streaming and the mode", () => {
			mount(panel());
			toggle("Script edits");
			expect(isChecked("Script edits")).to.equal(true);
			toggle("Asset inserts");
			toggle("Streaming");
			expect(isChecked("Streaming")).to.equal(false);
			clickButton(gui.host, "Plan");
			expect(findButton(gui.host, "Plan")!.BackgroundColor3).to.equal(colors.mainButton.hover);
			expect(findText(gui.host, "Plan: the model reads the place and answers; it cannot propose changes.")).to.be.ok();
			click(save());
			const result = saved[0];
			expect(result.mode).to.equal("plan");
			expect(result.streaming).to.equal(false);
			expect(result.autoApprove.script_edits).to.equal(true);
			expect(result.autoApprove.instance_changes).to.equal(false);
			expect(result.autoApprove.asset_inserts).to.equal(true);
		});

		it("Cancel puts the saved values back and tells the owner", () => {
			mount(panel());
			typeInto(boxOf("Model"), "gpt-4o");
			toggle("Instance changes");
			clickButton(gui.host, "Cancel");
			expect(boxOf("Model").Text).to.equal("");
			expect(isChecked("Instance changes")).to.equal(false);
			expect(save().Active).to.equal(false);
			expect(cancels).to.equal(1);
		});

		it("Test connection tries the draft and shows that it worked", () => {
			mount(panel());
			typeInto(boxOf("Proxy URL"), "http://127.0.0.1:8787/");
			clickButton(gui.host, "Test connection");
			expect(tested.size()).to.equal(1);
			expect(tested[0].proxyUrl).to.equal("http://127.0.0.1:8787");
			const line = findText(gui.host, "Connection OK: Vector proxy 0.1.0")!;
			expect(line.TextColor3).to.equal(colors.success);
		});

		it("Test Canvas tries the draft's Canvas URL and token once both are set, and shows the answer", () => {
			const canvasTested = new Array<VectorSettings>();
			mount(
				panel({
					onTestCanvas: (settings) => {
						canvasTested.push(settings);
						return Promise.resolve<ConnectionTestResult>({ ok: false, message: "Canvas refused the access token (401)." });
					},
				}),
			);
			expect(findButton(gui.host, "Test Canvas")!.Active).to.equal(false);
			typeInto(boxOf("Canvas URL"), "https://school.instructure.com/courses/7");
			typeInto(boxOf("Canvas token"), "1~abc");
			clickButton(gui.host, "Test Canvas");
			expect(canvasTested.size()).to.equal(1);
			expect(canvasTested[0].canvasBaseUrl).to.equal("https://school.instructure.com");
			expect(canvasTested[0].canvasToken).to.equal("1~abc");
			expect(tested.size()).to.equal(0);
			const line = findText(gui.host, "Canvas failed: Canvas refused the access token (401).")!;
			expect(line.TextColor3).to.equal(colors.errorText);
		});

		it("Test connection shows the error message it gets back", () => {
			mount(
				panel({
					onTestConnection: () =>
						Promise.resolve<ConnectionTestResult>({ ok: false, message: "The proxy refused the token (401)." }),
				}),
			);
			clickButton(gui.host, "Test connection");
			const line = findText(gui.host, "Connection failed: The proxy refused the token (401).")!;
			expect(line.TextColor3).to.equal(colors.errorText);
		});

		it("Test connection shows a rejected test as a failure", () => {
			mount(panel({ onTestConnection: () => Promise.reject("no route to host") as Promise<ConnectionTestResult> }));
			clickButton(gui.host, "Test connection");
			expect(findText(gui.host, "Connection failed: no route to host")).to.be.ok();
		});

		it("says it is testing until the answer comes, and an edit drops a stale answer", () => {
			let answer: ((result: ConnectionTestResult) => void) | undefined;
			mount(
				panel({
					onTestConnection: () =>
						new Promise<ConnectionTestResult>((resolve) => {
							answer = resolve;
						}),
				}),
			);
			clickButton(gui.host, "Test connection");
			expect(findText(gui.host, "Testing the connection…")).to.be.ok();
			expect(findButton(gui.host, "Test connection")!.Active).to.equal(false);
			answer!({ ok: true, message: "reachable" });
			task.wait();
			expect(findText(gui.host, "Connection OK: reachable")).to.be.ok();
			typeInto(boxOf("Model"), "gpt-4o");
			expect(findText(gui.host, "Connection OK: reachable")).never.to.be.ok();
		});
	});
};
