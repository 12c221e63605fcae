/**
 * One Creator Store search result in the picker's grid: its thumbnail (the `rbxthumb://` URL the
 * proxy returns, which Studio loads without an HTTP request), its name and creator cut to one line
 * each, and an Insert button. The cell's size comes from the grid.
 */
import Roact from "@rbxts/roact";
import { AssetSearchResult } from "../../../../shared/src/proxy-api";
import { ActionButton } from "../cards/action-button";
import { CardTheme, SPACING } from "../cards/card-theme";

export interface AssetResultCardProps {
	readonly theme: CardTheme;
	readonly result: AssetSearchResult;
	readonly onInsert: (result: AssetSearchResult) => void;
	readonly layoutOrder?: number;
}

/** Height of a result's thumbnail. */
export const THUMBNAIL_HEIGHT = 96;
/** Height of a whole result cell (thumbnail, name, creator, Insert button, padding). */
export const RESULT_HEIGHT = 180;

export function AssetResultCard(props: AssetResultCardProps): Roact.Element {
	const { theme, result } = props;
	const line = (key: string, order: number, text: string, color: Color3, size: number) => (
		<textlabel
			Key={key}
			LayoutOrder={order}
			Text={text}
			Font={theme.font}
			TextSize={size}
			TextColor3={color}
			TextXAlignment={Enum.TextXAlignment.Left}
			TextTruncate={Enum.TextTruncate.AtEnd}
			Size={new UDim2(1, 0, 0, size + 3)}
			BackgroundTransparency={1}
		/>
	);
	return (
		<frame
			LayoutOrder={props.layoutOrder ?? 0}
			BackgroundColor3={theme.color("TableItem")}
			BorderSizePixel={0}
			ClipsDescendants={true}
		>
			<uicorner CornerRadius={new UDim(0, 4)} />
			<uistroke Color={theme.color("Border")} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
			<uipadding
				PaddingLeft={new UDim(0, 6)}
				PaddingRight={new UDim(0, 6)}
				PaddingTop={new UDim(0, 6)}
				PaddingBottom={new UDim(0, 6)}
			/>
			<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, SPACING)} />
			<imagelabel
				Key="Thumbnail"
				LayoutOrder={1}
				Image={result.thumbnailUrl}
				ScaleType={Enum.ScaleType.Fit}
				Size={new UDim2(1, 0, 0, THUMBNAIL_HEIGHT)}
				BackgroundColor3={theme.color("InputFieldBackground")}
				BorderSizePixel={0}
			/>
			{line("Name", 2, result.name, theme.color("MainText"), theme.textSize)}
			{line("Creator", 3, `by ${result.creator}`, theme.color("SubText"), theme.textSize - 2)}
			<ActionButton
				Key="Insert"
				theme={theme}
				text="Insert"
				fill={true}
				layoutOrder={4}
				onActivate={() => props.onInsert(result)}
			/>
		</frame>
	);
}
