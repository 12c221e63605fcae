/**
 * `ui/theme/`: Studio's look for every view. The app mounts one ThemeProvider (following Studio's
 * theme by default); components read the Theme with `withTheme`; buttons are ThemedButton.
 */
export { createTheme, toHex } from "./theme";
export type {
	ColorReader,
	DiffColors,
	StateColors,
	Theme,
	ThemeColors,
	ThemeFonts,
	ThemeSpacing,
	ThemeTextSizes,
} from "./theme";
export { fixedThemeSource, studioThemeSource, themeFromStudioTheme } from "./studio-theme-source";
export type { ThemeSource } from "./studio-theme-source";
export { ThemeContext, withTheme } from "./theme-context";
export { ThemeProvider } from "./theme-provider";
export type { ThemeProviderProps } from "./theme-provider";
export { ThemedButton } from "./themed-button";
export type { ButtonStyle, ThemedButtonProps } from "./themed-button";
