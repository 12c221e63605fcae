/**
 * One tab of the widget's header, drawn like Studio's panel tabs: the selected tab in bright
 * semibold text over an accent underline, the others in dimmed text that brightens on hover.
 */
import Roact from "@rbxts/roact";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";

export interface TabButtonProps {
	readonly label: string;
	readonly selected: boolean;
	readonly order: number;
	readonly onActivated: () => void;
	/** Smaller text and less space either side of it, for a narrow header. */
	readonly compact?: boolean;
}

@Roact.ClassComponent
export class TabButton extends Roact.Component<TabButtonProps, { hovered: boolean }> {
	state = { hovered: false };

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const props = this.props;
		const pad = props.compact === true ? theme.spacing.s : theme.spacing.m + 2;
		const textColor = props.selected
			? theme.colors.brightText
			: this.state.hovered
				? theme.colors.text.default
				: theme.colors.subText;
		return (
			<textbutton
				Text={props.label}
				FontFace={props.selected ? theme.fonts.uiSemiBold : theme.fonts.ui}
				TextSize={props.compact === true ? theme.textSize.small : theme.textSize.body}
				TextColor3={textColor}
				BackgroundTransparency={1}
				AutoButtonColor={false}
				Size={new UDim2(0, 0, 1, 0)}
				AutomaticSize={Enum.AutomaticSize.X}
				LayoutOrder={props.order}
				Event={{ Activated: () => props.onActivated() }}
				Change={{
					GuiState: (rbx) => {
						const hovered = rbx.GuiState === Enum.GuiState.Hover || rbx.GuiState === Enum.GuiState.Press;
						if (hovered !== this.state.hovered) this.setState({ hovered });
					},
				}}
			>
				<uipadding PaddingLeft={new UDim(0, pad)} PaddingRight={new UDim(0, pad)} />
				<frame
					Key="Underline"
					Visible={props.selected}
					BackgroundColor3={theme.colors.mainButton.default}
					BorderSizePixel={0}
					AnchorPoint={new Vector2(0, 1)}
					Position={new UDim2(0, -pad, 1, 0)}
					Size={new UDim2(1, 2 * pad, 0, 2)}
				/>
			</textbutton>
		);
	}
}
