/**
 * Spec support (dev build only): a CardTheme whose every colour and modifier is a different Color3,
 * so a spec that finds a colour on screen knows exactly which theme entry drew it. Colours are handed
 * out in order of first use and stay fixed for the theme's life.
 */
import { CardColor, CardModifier, CardTheme } from "../card-theme";

/** A theme of distinct colours (see the module header). */
export function createSpecTheme(): CardTheme {
	const assigned = new Map<string, Color3>();
	return {
		color: (name: CardColor, modifier: CardModifier = "Default") => {
			const key = `${name}/${modifier}`;
			let color = assigned.get(key);
			if (color === undefined) {
				const index = assigned.size() + 1;
				// The red channel alone is unique for the first 255 colours; the others keep them readable.
				color = Color3.fromRGB(index % 256, 90 + ((index * 37) % 120), 90 + ((index * 61) % 120));
				assigned.set(key, color);
			}
			return color;
		},
		font: Enum.Font.SourceSans,
		textSize: 15,
		codeFont: Enum.Font.RobotoMono,
		codeTextSize: 13,
	};
}
