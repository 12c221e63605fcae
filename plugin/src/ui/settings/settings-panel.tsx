/**
 * Vector's settings as a form: the proxy (URL, token), an optional own provider (base URL, key),
 * the model, Plan / Act, auto-approve per proposal category, streaming, and the optional Canvas
 * (LMS) connection whose token goes only to Canvas. The panel edits a draft
 * of the settings it is given; every field is checked by the schema's own rule as the user types
 * (settings-draft.ts), with the message under the field. Save is enabled only when the draft is
 * valid and differs from the saved settings, and hands over the normalized settings; Cancel puts
 * the saved values back. "Test connection" asks the owner to try the draft's connection and shows
 * what came back (the owner calls the proxy; the panel never does I/O). "Test Canvas", when the
 * owner offers it, does the same for the Canvas connection (the owner asks Canvas, not the proxy).
 */
import Roact from "@rbxts/roact";
import {
	AgentMode,
	AUTO_APPROVE_CATEGORIES,
	AutoApproveCategory,
	settingsLabel,
	VectorSettings,
} from "../../settings/settings-schema";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { buttonRow } from "../theme/button-row";
import { ThemedButton } from "../theme/themed-button";
import { ChoiceField } from "./choice-field";
import { checkDraft, sameSettings } from "./settings-draft";
import { TextField } from "./text-field";
import { ToggleField } from "./toggle-field";
import { padding } from "../theme/padding";

/** What a connection test found: ok with a short description, or the error message to show. */
export type ConnectionTestResult =
	{ readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

export interface SettingsPanelProps {
	/** The saved settings. */
	readonly settings: VectorSettings;
	/** Save these (normalized, valid) settings. */
	readonly onSave: (settings: VectorSettings) => void;
	/** The user left without saving (the draft is already back to `settings`). */
	readonly onCancel?: () => void;
	/** Try a connection with these (valid, unsaved) settings, e.g. the proxy's /v1/health. */
	readonly onTestConnection: (settings: VectorSettings) => Promise<ConnectionTestResult>;
	/** Try the Canvas URL and token of these (valid, unsaved) settings; no "Test Canvas" button without it. */
	readonly onTestCanvas?: (settings: VectorSettings) => Promise<ConnectionTestResult>;
}

type TestState =
	| { readonly status: "none" }
	| { readonly status: "testing" }
	| { readonly status: "done"; readonly result: ConnectionTestResult };

interface SettingsPanelState {
	readonly draft: VectorSettings;
	readonly test: TestState;
	readonly canvasTest: TestState;
}

const CATEGORY_LABELS: { readonly [category in AutoApproveCategory]: string } = {
	script_edits: "Script edits",
	instance_changes: "Instance changes",
	asset_inserts: "Asset inserts",
};

const MODE_DESCRIPTIONS: { readonly [mode in AgentMode]: string } = {
	plan: "Plan: the model reads the place and answers; it cannot propose changes.",
	act: "Act: the model may also propose changes, which wait for your approval.",
};

@Roact.ClassComponent
export class SettingsPanel extends Roact.Component<SettingsPanelProps, SettingsPanelState> {
	private pendingTest?: Promise<void>;
	private pendingCanvasTest?: Promise<void>;

	constructor(props: SettingsPanelProps) {
		super(props);
		this.state = { draft: props.settings, test: { status: "none" }, canvasTest: { status: "none" } };
	}

	didUpdate(previous: SettingsPanelProps) {
		if (previous.settings !== this.props.settings) {
			this.cancelTests();
			this.setState({ draft: this.props.settings, test: { status: "none" }, canvasTest: { status: "none" } });
		}
	}

	willUnmount() {
		this.cancelTests();
	}

	private cancelTests() {
		this.pendingTest?.cancel();
		this.pendingTest = undefined;
		this.pendingCanvasTest?.cancel();
		this.pendingCanvasTest = undefined;
	}

	/** Changes the draft; a test result no longer describes it. */
	private edit(change: Partial<VectorSettings>) {
		this.cancelTests();
		this.setState({ draft: { ...this.state.draft, ...change }, test: { status: "none" }, canvasTest: { status: "none" } });
	}

	private testCanvas(settings: VectorSettings) {
		const onTestCanvas = this.props.onTestCanvas;
		if (onTestCanvas === undefined) return;
		this.pendingCanvasTest?.cancel();
		this.setState({ canvasTest: { status: "testing" } });
		const done = (result: ConnectionTestResult) => this.setState({ canvasTest: { status: "done", result } });
		const [called, promise] = pcall(() => onTestCanvas(settings));
		if (!called) {
			done({ ok: false, message: tostring(promise) });
			return;
		}
		this.pendingCanvasTest = promise.then(done, (problem) => done({ ok: false, message: tostring(problem) }));
	}

	private testConnection(settings: VectorSettings) {
		this.pendingTest?.cancel();
		this.setState({ test: { status: "testing" } });
		const done = (result: ConnectionTestResult) => this.setState({ test: { status: "done", result } });
		const [called, promise] = pcall(() => this.props.onTestConnection(settings));
		if (!called) {
			done({ ok: false, message: tostring(promise) });
			return;
		}
		this.pendingTest = promise.then(done, (problem) => done({ ok: false, message: tostring(problem) }));
	}

	private cancel = () => {
		this.cancelTests();
		this.setState({ draft: this.props.settings, test: { status: "none" }, canvasTest: { status: "none" } });
		this.props.onCancel?.();
	};

	/** A line of text: a section heading, body text, or a hint (small, as under the fields). */
	private line(
		theme: Theme,
		key: string,
		order: number,
		text: string,
		color: Color3,
		style: "heading" | "body" | "hint" = "body",
	): Roact.Element {
		const heading = style === "heading";
		return (
			<textlabel
				Key={key}
				LayoutOrder={order}
				Text={text}
				FontFace={heading ? theme.fonts.uiSemiBold : theme.fonts.ui}
				TextSize={heading ? theme.textSize.title : style === "hint" ? theme.textSize.small : theme.textSize.body}
				TextColor3={color}
				TextXAlignment={Enum.TextXAlignment.Left}
				TextWrapped={true}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			/>
		);
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const colors = theme.colors;
		const draft = this.state.draft;
		const check = checkDraft(draft);
		const valid = check.settings;
		const canSave = valid !== undefined && !sameSettings(valid, this.props.settings);
		const test = this.state.test;

		const toggles = new Map<string, Roact.Element>();
		AUTO_APPROVE_CATEGORIES.forEach((category, index) =>
			toggles.set(
				category,
				<ToggleField
					label={CATEGORY_LABELS[category]}
					checked={draft.autoApprove[category]}
					layoutOrder={index + 2}
					onToggle={(checked) => this.edit({ autoApprove: { ...draft.autoApprove, [category]: checked } })}
				/>,
			),
		);

		const problems = new Map<string, Roact.Element>();
		check.problems.forEach((problem, index) =>
			problems.set(`Problem${index}`, this.line(theme, `Problem${index}`, index, problem, colors.errorText)),
		);

		let testLine: Roact.Element | undefined;
		if (test.status === "testing") {
			testLine = this.line(theme, "TestResult", 20, "Testing the connection…", colors.subText);
		} else if (test.status === "done") {
			testLine = test.result.ok
				? this.line(theme, "TestResult", 20, `Connection OK: ${test.result.message}`, colors.success)
				: this.line(theme, "TestResult", 20, `Connection failed: ${test.result.message}`, colors.errorText);
		}

		const canvasTest = this.state.canvasTest;
		let canvasLine: Roact.Element | undefined;
		if (canvasTest.status === "testing") {
			canvasLine = this.line(theme, "CanvasTestResult", 17, "Testing Canvas…", colors.subText);
		} else if (canvasTest.status === "done") {
			canvasLine = canvasTest.result.ok
				? this.line(theme, "CanvasTestResult", 17, `Canvas OK: ${canvasTest.result.message}`, colors.success)
				: this.line(theme, "CanvasTestResult", 17, `Canvas failed: ${canvasTest.result.message}`, colors.errorText);
		}
		let canvasActions: Roact.Element | undefined;
		if (this.props.onTestCanvas !== undefined) {
			const canvasButtons = new Map<string, Roact.Element>();
			const canvasReady = valid !== undefined && valid.canvasBaseUrl !== "" && valid.canvasToken !== "";
			canvasButtons.set(
				"TestCanvas",
				<ThemedButton
					Key="TestCanvas"
					text="Test Canvas"
					layoutOrder={1}
					enabled={canvasReady && canvasTest.status !== "testing"}
					onActivated={() => {
						if (valid !== undefined && canvasReady) this.testCanvas(valid);
					}}
				/>,
			);
			canvasActions = buttonRow(theme, "CanvasActions", 16, canvasButtons);
		}

		const actions = new Map<string, Roact.Element>();
		actions.set(
			"Save",
			<ThemedButton
				Key="Save"
				text="Save"
				style="main"
				layoutOrder={1}
				enabled={canSave}
				onActivated={() => {
					if (valid !== undefined && canSave) this.props.onSave(valid);
				}}
			/>,
		);
		actions.set(
			"Cancel",
			<ThemedButton Key="Cancel" text="Cancel" layoutOrder={2} onActivated={this.cancel} />,
		);
		actions.set(
			"Test",
			<ThemedButton
				Key="Test"
				text="Test connection"
				layoutOrder={3}
				enabled={valid !== undefined && test.status !== "testing"}
				onActivated={() => {
					if (valid !== undefined) this.testConnection(valid);
				}}
			/>,
		);

		return (
			<scrollingframe
				Size={new UDim2(1, 0, 1, 0)}
				CanvasSize={new UDim2(0, 0, 0, 0)}
				AutomaticCanvasSize={Enum.AutomaticSize.Y}
				ScrollingDirection={Enum.ScrollingDirection.Y}
				VerticalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
				ScrollBarThickness={theme.scrollBarThickness}
				ScrollBarImageColor3={colors.scrollBar}
				BackgroundColor3={colors.background}
				BorderSizePixel={0}
			>
				{padding(theme, "m")}
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
				{this.line(theme, "ConnectionHeading", 1, "Connection", colors.brightText, "heading")}
				<TextField
					Key="ProxyUrl"
					layoutOrder={2}
					label={settingsLabel("proxyUrl")}
					value={draft.proxyUrl}
					placeholder="http://127.0.0.1:8787"
					hint="The Vector proxy this plugin talks to."
					message={check.messages.proxyUrl}
					onChange={(text) => this.edit({ proxyUrl: text })}
				/>
				<TextField
					Key="Token"
					layoutOrder={3}
					label={settingsLabel("token")}
					value={draft.token}
					masked={true}
					placeholder="none"
					hint="Leave empty for a local proxy without tokens."
					message={check.messages.token}
					onChange={(text) => this.edit({ token: text })}
				/>
				{this.line(theme, "ProviderHeading", 4, "Your own provider (optional)", colors.brightText, "heading")}
				<TextField
					Key="ProviderUrl"
					layoutOrder={5}
					label={settingsLabel("providerBaseUrl")}
					value={draft.providerBaseUrl}
					placeholder="https://api.example.com/v1"
					hint="An OpenAI-compatible base URL the proxy allows."
					message={check.messages.providerBaseUrl}
					onChange={(text) => this.edit({ providerBaseUrl: text })}
				/>
				<TextField
					Key="ProviderKey"
					layoutOrder={6}
					label={settingsLabel("providerKey")}
					value={draft.providerKey}
					masked={true}
					placeholder="none"
					hint="Sent to the proxy with each request; never stored there."
					message={check.messages.providerKey}
					onChange={(text) => this.edit({ providerKey: text })}
				/>
				<TextField
					Key="Model"
					layoutOrder={7}
					label={settingsLabel("model")}
					value={draft.model}
					placeholder="the proxy's default"
					message={check.messages.model}
					onChange={(text) => this.edit({ model: text })}
				/>
				{this.line(theme, "BehaviourHeading", 8, "Behaviour", colors.brightText, "heading")}
				<ChoiceField
					Key="Mode"
					layoutOrder={9}
					label={settingsLabel("mode")}
					options={[
						{ value: "plan", label: "Plan" },
						{ value: "act", label: "Act" },
					]}
					selected={draft.mode}
					description={MODE_DESCRIPTIONS[draft.mode]}
					onSelect={(mode) => this.edit({ mode })}
				/>
				<frame
					Key="AutoApprove"
					LayoutOrder={10}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
					{this.line(theme, "Label", 0, settingsLabel("autoApprove"), colors.text.default)}
					{this.line(theme, "Hint", 1, "Apply these proposals without asking.", colors.dimmedText, "hint")}
					{toggles}
				</frame>
				<ToggleField
					Key="Streaming"
					layoutOrder={11}
					label={settingsLabel("streaming")}
					description="Show replies as they are written."
					checked={draft.streaming}
					onToggle={(checked) => this.edit({ streaming: checked })}
				/>
				{this.line(theme, "CanvasHeading", 13, "Canvas (LMS, optional)", colors.brightText, "heading")}
				<TextField
					Key="CanvasUrl"
					layoutOrder={14}
					label={settingsLabel("canvasBaseUrl")}
					value={draft.canvasBaseUrl}
					placeholder="https://school.instructure.com"
					hint="Your school's Canvas, so Vector can read a course's modules, pages and assignments."
					message={check.messages.canvasBaseUrl}
					onChange={(text) => this.edit({ canvasBaseUrl: text })}
				/>
				<TextField
					Key="CanvasToken"
					layoutOrder={15}
					label={settingsLabel("canvasToken")}
					value={draft.canvasToken}
					masked={true}
					placeholder="none"
					hint="A personal access token (Canvas: Account → Settings → New access token). Sent only to Canvas, never to the proxy."
					message={check.messages.canvasToken}
					onChange={(text) => this.edit({ canvasToken: text })}
				/>
				{canvasActions}
				{canvasLine}
				<frame
					Key="Problems"
					LayoutOrder={18}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 2)} />
					{problems}
				</frame>
				{testLine}
				{buttonRow(theme, "Actions", 21, actions)}
			</scrollingframe>
		);
	}
}
