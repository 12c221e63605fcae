/**
 * A Studio-style push button: Studio's Button (or MainButton for the one main action) colours with
 * the hover, pressed and disabled modifiers, so it reacts like the buttons around it. Disabled, any
 * variant looks like a disabled plain button (Studio's disabled MainButton keeps its full blue, which
 * reads as clickable). A disabled button is not Active: Roblox then fires no Activated for it, and
 * the handler checks again anyway.
 */
import Roact from "@rbxts/roact";
import { CardModifier, CardTheme, CONTROL_HEIGHT, PADDING } from "./card-theme";

/** normal: Studio's Button; main: the blue MainButton; danger: a red button for a risky confirmation. */
export type ActionButtonVariant = "normal" | "main" | "danger";

export interface ActionButtonProps {
	readonly theme: CardTheme;
	readonly text: string;
	readonly onActivate: () => void;
	readonly variant?: ActionButtonVariant;
	readonly disabled?: boolean;
	readonly layoutOrder?: number;
	/** Fills its row instead of fitting its text. */
	readonly fill?: boolean;
}

interface ActionButtonState {
	readonly guiState: Enum.GuiState;
}

@Roact.ClassComponent
export class ActionButton extends Roact.Component<ActionButtonProps, ActionButtonState> {
	state: ActionButtonState = { guiState: Enum.GuiState.Idle };

	render() {
		const { theme, text, variant = "normal", disabled = false } = this.props;
		const modifier: CardModifier = disabled
			? "Disabled"
			: this.state.guiState === Enum.GuiState.Press
				? "Pressed"
				: this.state.guiState === Enum.GuiState.Hover
					? "Hover"
					: "Default";
		let background: Color3;
		let foreground: Color3;
		let border: Color3;
		if (variant === "main" && !disabled) {
			background = theme.color("MainButton", modifier);
			foreground = theme.color("DialogMainButtonText", modifier);
			border = background;
		} else if (variant === "danger" && !disabled) {
			background = theme.color("ErrorText", modifier);
			foreground = theme.color("DialogMainButtonText", modifier);
			border = background;
		} else {
			background = theme.color("Button", modifier);
			foreground = theme.color("ButtonText", modifier);
			border = theme.color("ButtonBorder", modifier);
		}
		return (
			<textbutton
				Text={text}
				Font={theme.font}
				TextSize={theme.textSize}
				TextColor3={foreground}
				BackgroundColor3={background}
				BorderSizePixel={0}
				AutoButtonColor={false}
				Active={!disabled}
				Size={this.props.fill ? new UDim2(1, 0, 0, CONTROL_HEIGHT) : new UDim2(0, 0, 0, CONTROL_HEIGHT)}
				AutomaticSize={this.props.fill ? Enum.AutomaticSize.None : Enum.AutomaticSize.X}
				TextTruncate={Enum.TextTruncate.AtEnd}
				LayoutOrder={this.props.layoutOrder ?? 0}
				Change={{
					GuiState: (rbx) => this.setState({ guiState: rbx.GuiState }),
				}}
				Event={{
					Activated: () => {
						if (!this.props.disabled) this.props.onActivate();
					},
				}}
			>
				<uipadding PaddingLeft={new UDim(0, PADDING)} PaddingRight={new UDim(0, PADDING)} />
				<uicorner CornerRadius={new UDim(0, 3)} />
				<uistroke Color={border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} Thickness={1} />
			</textbutton>
		);
	}
}
