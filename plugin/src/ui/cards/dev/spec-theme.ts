/**
 * Spec support (dev build only): a Theme whose every Studio colour and modifier is a different
 * Color3, so a spec that finds a colour on screen knows exactly which role drew it (Studio's own
 * palettes reuse colours: Dark draws added, removed and unchanged diff text all in #cccccc). Two
 * variants never share a colour, so a theme change visibly re-colours everything.
 */
import { ThemeSource } from "../../theme/studio-theme-source";
import { createTheme, Theme } from "../../theme/theme";

/** A fixed theme of distinct colours (see the module header). */
export function specThemeSource(variant = 0): ThemeSource {
	const theme: Theme = createTheme((color, modifier) => {
		const n = color.Value * 5 + (modifier ?? Enum.StudioStyleGuideModifier.Default).Value;
		return Color3.fromRGB(n % 256, 20 + math.floor(n / 256) * 60, variant === 0 ? 70 : 190);
	}, `Spec${variant}`);
	return { read: () => theme, subscribe: () => () => {} };
}

/** A source that starts as variant 0 and switches to variant 1 when `change()` is called, as Studio's ThemeChanged does. */
export function switchingThemeSource(): { readonly source: ThemeSource; readonly change: () => void } {
	const themes = [specThemeSource(0).read(), specThemeSource(1).read()];
	let current = 0;
	const listeners = new Set<() => void>();
	return {
		source: {
			read: () => themes[current],
			subscribe: (listener) => {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
		},
		change: () => {
			current = 1;
			for (const listener of listeners) listener();
		},
	};
}
