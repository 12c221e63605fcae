/**
 * The part of the Studio theme that proposal cards, the asset picker and the settings panel draw
 * with. Components take it as a `theme` prop rather than reading Studio themselves, so the one theme
 * module (ui/theme/) stays the only reader of `settings().Studio.Theme` and specs can pass a theme
 * whose every colour is distinct. Colour names are Studio's own `Enum.StudioStyleGuideColor` item
 * names and modifiers are `Enum.StudioStyleGuideModifier` names, so a theme that wraps
 * `StudioTheme:GetColor` satisfies this interface with a one-line adapter.
 */

/** The Studio colours these components use (names of `Enum.StudioStyleGuideColor` items). */
export type CardColor =
	| "MainBackground"
	| "MainText"
	| "SubText"
	| "DimmedText"
	| "BrightText"
	| "Border"
	| "Separator"
	| "Button"
	| "ButtonText"
	| "ButtonBorder"
	| "MainButton"
	| "DialogMainButtonText"
	| "InputFieldBackground"
	| "InputFieldBorder"
	| "CheckedFieldBackground"
	| "CheckedFieldBorder"
	| "CheckedFieldIndicator"
	| "ErrorText"
	| "WarningText"
	| "InfoText"
	| "ScrollBar"
	| "ScrollBarBackground"
	| "TableItem"
	| "DiffFilePathText"
	| "DiffFilePathBackground"
	| "DiffFilePathBorder"
	| "DiffTextHunkInfo"
	| "DiffTextNoChange"
	| "DiffTextAddition"
	| "DiffTextDeletion"
	| "DiffTextSeparatorBackground"
	| "DiffTextNoChangeBackground"
	| "DiffTextAdditionBackground"
	| "DiffTextDeletionBackground"
	| "DiffLineNum"
	| "DiffLineNumSeparatorBackground"
	| "DiffLineNumNoChangeBackground"
	| "DiffLineNumAdditionBackground"
	| "DiffLineNumDeletionBackground";

/** How an element is being interacted with (names of `Enum.StudioStyleGuideModifier` items). */
export type CardModifier = "Default" | "Selected" | "Pressed" | "Disabled" | "Hover";

export interface CardTheme {
	/** Studio's colour `name` in the current theme, with `modifier` (Default when left out). */
	readonly color: (name: CardColor, modifier?: CardModifier) => Color3;
	/** The UI font and its size (Studio's widgets: Source Sans at 14–15 px). */
	readonly font: Enum.Font;
	readonly textSize: number;
	/** The monospace font for code, and its size. */
	readonly codeFont: Enum.Font;
	readonly codeTextSize: number;
}

/** Compact spacing, as Studio's own panels use. */
export const SPACING = 4;
export const PADDING = 8;
/** Height of one line of UI text controls (buttons, text boxes). */
export const CONTROL_HEIGHT = 24;
