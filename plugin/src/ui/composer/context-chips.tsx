/**
 * What will be attached to the next message (the active script, the selection), as small chips
 * above the composer, each with an × that takes it off. The chips wrap onto more lines in a narrow
 * widget; a long label (a deep instance path) is cut at the chip's maximum width.
 */
import Roact from "@rbxts/roact";
import { escapeRichText } from "../chat/message-markup";
import { toHex } from "../theme/theme";
import { withTheme } from "../theme/theme-context";

export interface ContextChipData {
	/** Stable id the app knows the chip by ("active-script", "selection"). */
	readonly id: string;
	/** What it says: "Main.server.lua", "3 selected". */
	readonly label: string;
	/** What kind of thing it is, shown dimmed before the label ("Script", "Selection"). */
	readonly kind: string;
}

export interface ContextChipsProps {
	readonly chips: ReadonlyArray<ContextChipData>;
	readonly onRemove: (id: string) => void;
	readonly layoutOrder?: number;
}

const CHIP_HEIGHT = 22;
const REMOVE = 18;
const MAX_LABEL = 220;

export function ContextChips(props: ContextChipsProps): Roact.Element {
	return withTheme((theme) => {
		const chips = new Map<string, Roact.Element>();
		props.chips.forEach((chip, index) => {
			chips.set(
				chip.id,
				<frame
					LayoutOrder={index + 1}
					Size={new UDim2(0, 0, 0, CHIP_HEIGHT)}
					AutomaticSize={Enum.AutomaticSize.X}
					BackgroundColor3={theme.colors.button.default}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uistroke Color={theme.colors.buttonBorder} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					<uipadding PaddingLeft={new UDim(0, theme.spacing.m)} PaddingRight={new UDim(0, theme.spacing.xs)} />
					<uilistlayout
						FillDirection={Enum.FillDirection.Horizontal}
						VerticalAlignment={Enum.VerticalAlignment.Center}
						SortOrder={Enum.SortOrder.LayoutOrder}
						Padding={new UDim(0, theme.spacing.s)}
					/>
					<textlabel
						Key="Label"
						LayoutOrder={1}
						Text={`<font color="${toHex(theme.colors.dimmedText)}">${escapeRichText(chip.kind)}</font> ${escapeRichText(chip.label)}`}
						RichText={true}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.small}
						TextColor3={theme.colors.text.default}
						TextTruncate={Enum.TextTruncate.AtEnd}
						BackgroundTransparency={1}
						Size={new UDim2(0, 0, 1, 0)}
						AutomaticSize={Enum.AutomaticSize.X}
					>
						<uisizeconstraint MaxSize={new Vector2(MAX_LABEL, math.huge)} />
					</textlabel>
					<textbutton
						Key="Remove"
						LayoutOrder={2}
						Text="×"
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={theme.colors.subText}
						AutoButtonColor={false}
						BackgroundTransparency={1}
						Size={UDim2.fromOffset(REMOVE, REMOVE)}
						Event={{ Activated: () => props.onRemove(chip.id) }}
					/>
				</frame>,
			);
		});
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder}
			>
				<uilistlayout
					FillDirection={Enum.FillDirection.Horizontal}
					Wraps={true}
					SortOrder={Enum.SortOrder.LayoutOrder}
					Padding={new UDim(0, theme.spacing.s)}
				/>
				{chips}
			</frame>
		);
	});
}
