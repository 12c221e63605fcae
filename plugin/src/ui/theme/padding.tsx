/**
 * The UIPadding most blocks of the widget use: the theme's spacing on every side (one size for top
 * and bottom, one for left and right), written once instead of six lines per block.
 */
import Roact from "@rbxts/roact";
import { Theme, ThemeSpacing } from "./theme";

/** A UIPadding of `vertical` spacing above and below and `horizontal` (default: the same) at the sides. */
export function padding(
	theme: Theme,
	vertical: keyof ThemeSpacing,
	horizontal: keyof ThemeSpacing = vertical,
): Roact.Element {
	const side = new UDim(0, theme.spacing[horizontal]);
	const ends = new UDim(0, theme.spacing[vertical]);
	return <uipadding PaddingLeft={side} PaddingRight={side} PaddingTop={ends} PaddingBottom={ends} />;
}
