/**
 * Where the Theme's colours come from: the one module of the UI that reads Studio's theme
 * (`settings().Studio.Theme:GetColor`) and listens for the user switching it (`ThemeChanged`).
 * The ThemeProvider takes a {@link ThemeSource}, so specs and snapshots can render a fixed Dark or
 * Light theme (`fixedThemeSource` over one of `settings().Studio:GetAvailableThemes()`) while the
 * widget follows whatever the user picks (`studioThemeSource`).
 */
import { createTheme, Theme } from "./theme";

/** The current theme, and a way to hear when it changes. */
export interface ThemeSource {
	/** Builds the Theme from the current colours. */
	readonly read: () => Theme;
	/** Calls `listener` after each theme change; returns the function that stops it. */
	readonly subscribe: (listener: () => void) => () => void;
}

/** A Theme from one StudioTheme object (its own GetColor and Name). */
export function themeFromStudioTheme(studioTheme: StudioTheme): Theme {
	return createTheme((color, modifier) => studioTheme.GetColor(color, modifier), studioTheme.Name);
}

/** Follows Studio: reads `settings().Studio.Theme` and re-reads it on `ThemeChanged`. */
export function studioThemeSource(): ThemeSource {
	const studio = settings().Studio;
	return {
		read: () => themeFromStudioTheme(studio.Theme),
		subscribe: (listener) => {
			const connection = studio.ThemeChanged.Connect(listener);
			return () => connection.Disconnect();
		},
	};
}

/**
 * One of Studio's themes, never changing: `name` is a StudioTheme's Name in
 * `settings().Studio:GetAvailableThemes()` ("Dark", "Light"). Throws when Studio has no such theme.
 */
export function fixedThemeSource(name: string): ThemeSource {
	// @rbxts/types types the list as unknown[]: it holds StudioTheme instances.
	const themes = settings().Studio.GetAvailableThemes() as Array<Instance>;
	const studioTheme = themes.find((theme) => theme.IsA("StudioTheme") && theme.Name === name);
	if (studioTheme === undefined) throw `Vector: Studio has no theme named ${name}`;
	const theme = themeFromStudioTheme(studioTheme as StudioTheme);
	return { read: () => theme, subscribe: () => () => {} };
}
