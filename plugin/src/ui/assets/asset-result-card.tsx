/**
 * One Creator Store search result in the picker's grid: its thumbnail (the `rbxthumb://` URL the
 * proxy returns, which Studio loads without an HTTP request), its name and creator cut to one line
 * each, and an Insert button. The cell's size comes from the grid.
 */
import Roact from "@rbxts/roact";
import { AssetSearchResult } from "../../../../shared/src/proxy-api";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";

export interface AssetResultCardProps {
	readonly result: AssetSearchResult;
	readonly onInsert: (result: AssetSearchResult) => void;
	readonly layoutOrder?: number;
}

/** Height of a result's thumbnail. */
export const THUMBNAIL_HEIGHT = 96;
/** Height of a whole result cell: padding, thumbnail, name, creator and the Insert button, with gaps. */
export const RESULT_HEIGHT = 184;

export function AssetResultCard(props: AssetResultCardProps): Roact.Element {
	return withTheme((theme) => {
		const { result } = props;
		const line = (key: string, order: number, text: string, color: Color3, size: number) => (
			<textlabel
				Key={key}
				LayoutOrder={order}
				Text={text}
				FontFace={theme.fonts.ui}
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
				BackgroundColor3={theme.colors.titlebar}
				BorderSizePixel={0}
				ClipsDescendants={true}
			>
				<uicorner CornerRadius={new UDim(0, theme.radius)} />
				<uistroke Color={theme.colors.border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				<uipadding
					PaddingLeft={new UDim(0, 6)}
					PaddingRight={new UDim(0, 6)}
					PaddingTop={new UDim(0, 6)}
					PaddingBottom={new UDim(0, 6)}
				/>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
				<imagelabel
					Key="Thumbnail"
					LayoutOrder={1}
					Image={result.thumbnailUrl}
					ScaleType={Enum.ScaleType.Fit}
					Size={new UDim2(1, 0, 0, THUMBNAIL_HEIGHT)}
					BackgroundColor3={theme.colors.inputBackground.default}
					BorderSizePixel={0}
				/>
				{line("Name", 2, result.name, theme.colors.text.default, theme.textSize.body)}
				{line("Creator", 3, `by ${result.creator}`, theme.colors.subText, theme.textSize.small)}
				<ThemedButton
					Key="Insert"
					text="Insert"
					size={new UDim2(1, 0, 0, theme.rowHeight)}
					layoutOrder={4}
					onActivated={() => props.onInsert(result)}
				/>
			</frame>
		);
	});
}
