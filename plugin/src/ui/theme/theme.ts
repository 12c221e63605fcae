/**
 * The Theme: every colour, font and size Vector's UI draws with, as one typed value, so the widget
 * looks like the rest of Studio and re-colours with it. Colours come from Studio's style guide
 * through a {@link ColorReader} (Studio's `StudioTheme:GetColor`, see studio-theme-source.ts); this
 * module only decides which style-guide colour each role of the UI uses, so components never name a
 * StudioStyleGuideColor themselves and a spec can build a Dark or a Light theme from any reader.
 */

/** Reads one colour of Studio's style guide (StudioTheme:GetColor's shape). */
export type ColorReader = (color: Enum.StudioStyleGuideColor, modifier?: Enum.StudioStyleGuideModifier) => Color3;

/** A colour per interaction state (StudioStyleGuideModifier Default / Hover / Pressed / Disabled). */
export interface StateColors {
	readonly default: Color3;
	readonly hover: Color3;
	readonly pressed: Color3;
	readonly disabled: Color3;
	/** Modifier Selected (a checked box, a focused field, a selected row). */
	readonly selected: Color3;
}

/** What a unified diff draws with (Studio's own diff viewer colours). */
export interface DiffColors {
	readonly text: Color3;
	readonly background: Color3;
	readonly additionText: Color3;
	readonly additionBackground: Color3;
	readonly deletionText: Color3;
	readonly deletionBackground: Color3;
	readonly hunkInfo: Color3;
	readonly separatorBackground: Color3;
	readonly lineNumber: Color3;
	readonly lineNumberBackground: Color3;
	readonly lineNumberAdditionBackground: Color3;
	readonly lineNumberDeletionBackground: Color3;
	readonly lineNumberSeparatorBackground: Color3;
	readonly filePathText: Color3;
	readonly filePathBackground: Color3;
	readonly filePathBorder: Color3;
}

export interface ThemeColors {
	/** The widget's background (MainBackground). */
	readonly background: Color3;
	/** Title and header strips, and the user's message bubbles (Titlebar). */
	readonly titlebar: Color3;
	readonly dropdown: Color3;
	readonly tooltip: Color3;
	readonly statusBar: Color3;
	readonly border: Color3;
	readonly separator: Color3;

	/** Body text (MainText); `.disabled` for text of disabled controls. */
	readonly text: StateColors;
	readonly subText: Color3;
	readonly dimmedText: Color3;
	readonly brightText: Color3;
	readonly linkText: Color3;
	readonly errorText: Color3;
	readonly warningText: Color3;
	readonly infoText: Color3;
	/**
	 * "Connected", "applied": Studio's style guide has no success colour, so this is the green of
	 * Studio's diff additions in the line-number gutter (DiffLineNumAdditionBackground) for a
	 * background, and a fixed green per theme for a dot or text (see `successFor`).
	 */
	readonly success: Color3;
	readonly successBackground: Color3;
	/** A tinted strip behind an error (DiffTextDeletionBackground: red in both themes). */
	readonly errorBackground: Color3;
	readonly warningBackground: Color3;
	readonly warningBackgroundText: Color3;

	/** Secondary buttons (Button / ButtonText / ButtonBorder). */
	readonly button: StateColors;
	readonly buttonText: StateColors;
	readonly buttonBorder: Color3;
	/** The primary action of a view (DialogMainButton / DialogMainButtonText). */
	readonly mainButton: StateColors;
	readonly mainButtonText: StateColors;
	/** Text fields (InputFieldBackground / InputFieldBorder; border `.selected` while focused). */
	readonly inputBackground: StateColors;
	readonly inputBorder: StateColors;
	/** Check boxes and toggles (CheckedFieldBackground / Border / Indicator). */
	readonly checkedBackground: StateColors;
	readonly checkedBorder: Color3;
	readonly checkedIndicator: Color3;
	/** List rows (Item). */
	readonly item: StateColors;

	readonly scrollBar: Color3;
	readonly scrollBarBackground: Color3;

	/** Code blocks (ScriptBackground / ScriptText, as the script editor draws them). */
	readonly codeBackground: Color3;
	readonly codeText: Color3;
	/** Inline `code` spans (DocViewCodeBackground). */
	readonly inlineCodeBackground: Color3;

	readonly diff: DiffColors;
}

export interface ThemeFonts {
	/** Studio's UI face (Builder Sans). */
	readonly ui: Font;
	readonly uiSemiBold: Font;
	readonly uiBold: Font;
	/** Code (Roboto Mono, the script editor's default). */
	readonly code: Font;
	/** The RichText `face` name of the code font, for inline code spans. */
	readonly codeFaceName: string;
}

/** Text sizes in pixels: Studio's panels use 14–15 px text. */
export interface ThemeTextSizes {
	readonly body: number;
	readonly small: number;
	readonly code: number;
	readonly title: number;
}

/** Studio's compact grid: 2/4/8/12 px gaps, 4 px corners. */
export interface ThemeSpacing {
	readonly xs: number;
	readonly s: number;
	readonly m: number;
	readonly l: number;
}

export interface Theme {
	/** The Studio theme's name ("Dark", "Light"). */
	readonly name: string;
	/** True when the background is dark (for the few choices Studio's palette does not make). */
	readonly isDark: boolean;
	readonly colors: ThemeColors;
	readonly fonts: ThemeFonts;
	readonly textSize: ThemeTextSizes;
	readonly spacing: ThemeSpacing;
	/** Corner radius of buttons, chips and bubbles. */
	readonly radius: number;
	/** Height of a one-line button or input row. */
	readonly rowHeight: number;
	readonly scrollBarThickness: number;
}

const BUILDER_SANS = "rbxasset://fonts/families/BuilderSans.json";
const ROBOTO_MONO = "rbxasset://fonts/families/RobotoMono.json";

function stateColors(read: ColorReader, color: Enum.StudioStyleGuideColor): StateColors {
	return {
		default: read(color, Enum.StudioStyleGuideModifier.Default),
		hover: read(color, Enum.StudioStyleGuideModifier.Hover),
		pressed: read(color, Enum.StudioStyleGuideModifier.Pressed),
		disabled: read(color, Enum.StudioStyleGuideModifier.Disabled),
		selected: read(color, Enum.StudioStyleGuideModifier.Selected),
	};
}

/** Relative luminance (sRGB weights; gamma ignored: only "dark or light" is asked of it). */
function luminance(color: Color3): number {
	return 0.2126 * color.R + 0.7152 * color.G + 0.0722 * color.B;
}

/** The success green for text and dots: readable on Studio's dark and light backgrounds. */
function successFor(isDark: boolean): Color3 {
	return isDark ? Color3.fromRGB(88, 196, 116) : Color3.fromRGB(0, 133, 62);
}

/**
 * Builds the Theme from Studio's style guide as `read` answers it, for the Studio theme `name`.
 * Pure: the same reader gives the same Theme.
 */
export function createTheme(read: ColorReader, name: string): Theme {
	const C = Enum.StudioStyleGuideColor;
	const one = (color: Enum.StudioStyleGuideColor) => read(color, Enum.StudioStyleGuideModifier.Default);
	const background = one(C.MainBackground);
	const isDark = luminance(background) < 0.5;
	return {
		name,
		isDark,
		colors: {
			background,
			titlebar: one(C.Titlebar),
			dropdown: one(C.Dropdown),
			tooltip: one(C.Tooltip),
			statusBar: one(C.StatusBar),
			border: one(C.Border),
			separator: one(C.Separator),
			text: stateColors(read, C.MainText),
			subText: one(C.SubText),
			dimmedText: one(C.DimmedText),
			brightText: one(C.BrightText),
			linkText: one(C.LinkText),
			errorText: one(C.ErrorText),
			warningText: one(C.WarningText),
			infoText: one(C.InfoText),
			success: successFor(isDark),
			successBackground: one(C.DiffLineNumAdditionBackground),
			errorBackground: one(C.DiffTextDeletionBackground),
			warningBackground: one(C.InfoBarWarningBackground),
			warningBackgroundText: one(C.InfoBarWarningText),
			button: stateColors(read, C.Button),
			buttonText: stateColors(read, C.ButtonText),
			buttonBorder: one(C.ButtonBorder),
			mainButton: stateColors(read, C.DialogMainButton),
			mainButtonText: stateColors(read, C.DialogMainButtonText),
			inputBackground: stateColors(read, C.InputFieldBackground),
			inputBorder: stateColors(read, C.InputFieldBorder),
			checkedBackground: stateColors(read, C.CheckedFieldBackground),
			checkedBorder: one(C.CheckedFieldBorder),
			checkedIndicator: one(C.CheckedFieldIndicator),
			item: stateColors(read, C.Item),
			scrollBar: one(C.ScrollBar),
			scrollBarBackground: one(C.ScrollBarBackground),
			codeBackground: one(C.ScriptBackground),
			codeText: one(C.ScriptText),
			inlineCodeBackground: one(C.DocViewCodeBackground),
			diff: {
				text: one(C.DiffTextNoChange),
				background: one(C.DiffTextNoChangeBackground),
				additionText: one(C.DiffTextAddition),
				additionBackground: one(C.DiffTextAdditionBackground),
				deletionText: one(C.DiffTextDeletion),
				deletionBackground: one(C.DiffTextDeletionBackground),
				hunkInfo: one(C.DiffTextHunkInfo),
				separatorBackground: one(C.DiffTextSeparatorBackground),
				lineNumber: one(C.DiffLineNum),
				lineNumberBackground: one(C.DiffLineNumNoChangeBackground),
				lineNumberAdditionBackground: one(C.DiffLineNumAdditionBackground),
				lineNumberDeletionBackground: one(C.DiffLineNumDeletionBackground),
				lineNumberSeparatorBackground: one(C.DiffLineNumSeparatorBackground),
				filePathText: one(C.DiffFilePathText),
				filePathBackground: one(C.DiffFilePathBackground),
				filePathBorder: one(C.DiffFilePathBorder),
			},
		},
		fonts: {
			ui: new Font(BUILDER_SANS, Enum.FontWeight.Regular),
			uiSemiBold: new Font(BUILDER_SANS, Enum.FontWeight.SemiBold),
			uiBold: new Font(BUILDER_SANS, Enum.FontWeight.Bold),
			code: new Font(ROBOTO_MONO, Enum.FontWeight.Regular),
			codeFaceName: "RobotoMono",
		},
		textSize: { body: 15, small: 13, code: 14, title: 16 },
		spacing: { xs: 2, s: 4, m: 8, l: 12 },
		radius: 4,
		rowHeight: 26,
		scrollBarThickness: 6,
	};
}

/** "#rrggbb" for RichText markup. */
export function toHex(color: Color3): string {
	return "#" + color.ToHex();
}
