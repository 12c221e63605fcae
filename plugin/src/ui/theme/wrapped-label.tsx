/**
 * A left-aligned text line that wraps to its parent's width and grows to fit: the proposal card
 * and the proposal slot under it, the notes atop the Assets and Settings tabs, and the labels and
 * descriptions of the choice and toggle settings fields all draw their lines this way, so they
 * share it here.
 */
import Roact from "@rbxts/roact";
import { Theme } from "./theme";

export function wrappedLabel(
	theme: Theme,
	textSize: number,
	key: string,
	order: number,
	text: string,
	color: Color3,
): Roact.Element {
	return (
		<textlabel
			Key={key}
			LayoutOrder={order}
			Text={text}
			FontFace={theme.fonts.ui}
			TextSize={textSize}
			TextColor3={color}
			TextXAlignment={Enum.TextXAlignment.Left}
			TextWrapped={true}
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			BackgroundTransparency={1}
		/>
	);
}
