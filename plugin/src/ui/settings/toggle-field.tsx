/**
 * An on/off setting as Studio draws a checkbox (CheckedField colours), with its label beside it and
 * an optional description under the label. The whole row is one button, so clicking the label
 * toggles it too.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { wrappedLabel } from "../theme/wrapped-label";

export interface ToggleFieldProps {
	readonly label: string;
	readonly checked: boolean;
	readonly onToggle: (checked: boolean) => void;
	readonly description?: string;
	readonly layoutOrder?: number;
}

const BOX = 16;

export function ToggleField(props: ToggleFieldProps): Roact.Element {
	return withTheme((theme) => {
		const { checked } = props;
		const colors = theme.colors;
		return (
			<textbutton
				Text=""
				AutoButtonColor={false}
				BackgroundTransparency={1}
				Size={new UDim2(1, 0, 0, BOX + 4)}
				AutomaticSize={Enum.AutomaticSize.Y}
				LayoutOrder={props.layoutOrder ?? 0}
				Event={{ Activated: () => props.onToggle(!checked) }}
			>
				<frame
					Key="Box"
					Position={UDim2.fromOffset(0, 2)}
					Size={UDim2.fromOffset(BOX, BOX)}
					BackgroundColor3={colors.checkedBackground.default}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, 2)} />
					<uistroke Color={colors.checkedBorder} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					<frame
						Key="Check"
						Visible={checked}
						AnchorPoint={new Vector2(0.5, 0.5)}
						Position={UDim2.fromScale(0.5, 0.5)}
						Size={UDim2.fromOffset(BOX - 6, BOX - 6)}
						BackgroundColor3={colors.checkedIndicator}
						BorderSizePixel={0}
					>
						<uicorner CornerRadius={new UDim(0, 1)} />
					</frame>
				</frame>
				<frame
					Key="Text"
					Position={UDim2.fromOffset(BOX + theme.spacing.m, 0)}
					Size={new UDim2(1, -(BOX + theme.spacing.m), 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />
					{wrappedLabel(theme, theme.textSize.body, "Label", 1, props.label, colors.text.default)}
					{props.description !== undefined &&
						wrappedLabel(theme, theme.textSize.small, "Description", 2, props.description, colors.dimmedText)}
				</frame>
			</textbutton>
		);
	});
}
