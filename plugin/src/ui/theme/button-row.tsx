/**
 * A row of buttons that wraps onto more lines when the widget is narrow: the proposal card's
 * actions, the settings form's Save / Cancel / Test connection and a choice field's options are
 * laid out the same way, so they share it here.
 */
import Roact from "@rbxts/roact";
import { Theme } from "./theme";

export function buttonRow(
	theme: Theme,
	key: string,
	order: number,
	buttons: Map<string, Roact.Element>,
): Roact.Element {
	return (
		<frame
			Key={key}
			LayoutOrder={order}
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			BackgroundTransparency={1}
		>
			<uilistlayout
				SortOrder={Enum.SortOrder.LayoutOrder}
				FillDirection={Enum.FillDirection.Horizontal}
				Padding={new UDim(0, theme.spacing.s)}
				Wraps={true}
			/>
			{buttons}
		</frame>
	);
}
