/**
 * The "Show N more of M" row under a paged list: the asset preview's findings and the property
 * table's rows page the same way, so they share it here.
 */
import Roact from "@rbxts/roact";
import { ThemedButton } from "../theme/themed-button";

export function showMoreRow(order: number, pageSize: number, remaining: number, onMore: () => void): Roact.Element {
	return (
		<frame
			Key="More"
			LayoutOrder={order}
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			BackgroundTransparency={1}
		>
			<uilistlayout FillDirection={Enum.FillDirection.Horizontal} />
			<ThemedButton text={`Show ${math.min(pageSize, remaining)} more of ${remaining}`} onActivated={onMore} />
		</frame>
	);
}
