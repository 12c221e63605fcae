/**
 * The proposal cards, the asset picker and the settings panel draw with a CardTheme (Studio colour
 * names and modifiers, ui/cards/card-theme.ts); the rest of the widget with the Theme (ui/theme/,
 * the one module that reads Studio's theme). This adapter answers every CardTheme colour from the
 * Theme the ThemeProvider currently holds, so both halves re-colour together on ThemeChanged and
 * Studio's theme is still read in one place. Each name maps to the Theme role built from the same
 * Studio style-guide colour; the Theme keeps modifiers for the interactive roles (buttons, fields,
 * text, items), and the others have one colour whatever the modifier.
 */
import { CardColor, CardModifier, CardTheme } from "../cards/card-theme";
import { StateColors, Theme } from "../theme/theme";

function byModifier(colors: StateColors, modifier: CardModifier): Color3 {
	switch (modifier) {
		case "Hover":
			return colors.hover;
		case "Pressed":
			return colors.pressed;
		case "Disabled":
			return colors.disabled;
		case "Selected":
			return colors.selected;
		default:
			return colors.default;
	}
}

/** The CardTheme of `theme` (see the module header). */
export function cardThemeFrom(theme: Theme): CardTheme {
	const c = theme.colors;
	const d = c.diff;
	// Every CardColor, so a colour added to CardTheme without a mapping fails to compile.
	const colors: { readonly [name in CardColor]: Color3 | StateColors } = {
		MainBackground: c.background,
		SubText: c.subText,
		DimmedText: c.dimmedText,
		BrightText: c.brightText,
		Border: c.border,
		Separator: c.separator,
		ButtonBorder: c.buttonBorder,
		CheckedFieldBorder: c.checkedBorder,
		CheckedFieldIndicator: c.checkedIndicator,
		ErrorText: c.errorText,
		WarningText: c.warningText,
		InfoText: c.infoText,
		ScrollBar: c.scrollBar,
		ScrollBarBackground: c.scrollBarBackground,
		DiffFilePathText: d.filePathText,
		DiffFilePathBackground: d.filePathBackground,
		DiffFilePathBorder: d.filePathBorder,
		DiffTextHunkInfo: d.hunkInfo,
		DiffTextNoChange: d.text,
		DiffTextAddition: d.additionText,
		DiffTextDeletion: d.deletionText,
		DiffTextSeparatorBackground: d.separatorBackground,
		DiffTextNoChangeBackground: d.background,
		DiffTextAdditionBackground: d.additionBackground,
		DiffTextDeletionBackground: d.deletionBackground,
		DiffLineNum: d.lineNumber,
		DiffLineNumSeparatorBackground: d.lineNumberSeparatorBackground,
		DiffLineNumNoChangeBackground: d.lineNumberBackground,
		DiffLineNumAdditionBackground: d.lineNumberAdditionBackground,
		DiffLineNumDeletionBackground: d.lineNumberDeletionBackground,
		MainText: c.text,
		Button: c.button,
		ButtonText: c.buttonText,
		MainButton: c.mainButton,
		DialogMainButtonText: c.mainButtonText,
		InputFieldBackground: c.inputBackground,
		InputFieldBorder: c.inputBorder,
		CheckedFieldBackground: c.checkedBackground,
		TableItem: c.item,
	};
	return {
		color: (name, modifier = "Default") => {
			const entry = colors[name];
			return typeIs(entry, "Color3") ? entry : byModifier(entry, modifier);
		},
		font: Enum.Font.BuilderSans,
		textSize: theme.textSize.body,
		codeFont: Enum.Font.RobotoMono,
		codeTextSize: theme.textSize.code,
	};
}
