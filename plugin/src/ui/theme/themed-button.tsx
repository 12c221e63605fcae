/**
 * A Studio-looking text button: Studio's button colours for each interaction state (the style
 * guide's Default / Hover / Pressed / Disabled modifiers, followed through the button's GuiState),
 * a 4 px corner, and a disabled state that ignores clicks. Every view's buttons are this one, so
 * they all hover and press alike.
 */
import Roact from "@rbxts/roact";
import { StateColors, Theme } from "./theme";
import { withTheme } from "./theme-context";

/** "main": the view's primary action (Studio's blue dialog button); "secondary": every other. */
export type ButtonStyle = "main" | "secondary";

export interface ThemedButtonProps {
	readonly text: string;
	readonly onActivated: () => void;
	readonly style?: ButtonStyle;
	/** False: drawn disabled, not Active, clicks ignored (default true). */
	readonly enabled?: boolean;
	/** Default: as wide as the text (at least 56 px), one row tall. */
	readonly size?: UDim2;
	readonly position?: UDim2;
	readonly anchorPoint?: Vector2;
	readonly layoutOrder?: number;
	/** Text colour instead of the style's (e.g. the error colour for a destructive action). */
	readonly textColor?: Color3;
}

interface ThemedButtonState {
	readonly guiState: Enum.GuiState;
}

function pick(colors: StateColors, enabled: boolean, state: Enum.GuiState): Color3 {
	if (!enabled) return colors.disabled;
	if (state === Enum.GuiState.Press) return colors.pressed;
	if (state === Enum.GuiState.Hover) return colors.hover;
	return colors.default;
}

@Roact.ClassComponent
export class ThemedButton extends Roact.Component<ThemedButtonProps, ThemedButtonState> {
	state: ThemedButtonState = { guiState: Enum.GuiState.Idle };
	/** Deferred events queued while the button was destroyed still arrive after unmounting: ignore them. */
	private unmounted = false;

	willUnmount(): void {
		this.unmounted = true;
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const props = this.props;
		const enabled = props.enabled !== false;
		const main = props.style === "main";
		const background = pick(main ? theme.colors.mainButton : theme.colors.button, enabled, this.state.guiState);
		const text = pick(main ? theme.colors.mainButtonText : theme.colors.buttonText, enabled, this.state.guiState);
		const automatic = props.size === undefined;
		return (
			<textbutton
				Text={props.text}
				FontFace={main ? theme.fonts.uiSemiBold : theme.fonts.ui}
				TextSize={theme.textSize.body}
				TextColor3={enabled && props.textColor ? props.textColor : text}
				BackgroundColor3={background}
				BorderSizePixel={0}
				AutoButtonColor={false}
				Active={enabled}
				Selectable={enabled}
				Size={props.size ?? new UDim2(0, 0, 0, theme.rowHeight)}
				AutomaticSize={automatic ? Enum.AutomaticSize.X : Enum.AutomaticSize.None}
				Position={props.position}
				AnchorPoint={props.anchorPoint}
				LayoutOrder={props.layoutOrder}
				Event={{
					Activated: () => {
						if (!this.unmounted && this.props.enabled !== false) this.props.onActivated();
					},
				}}
				Change={{
					GuiState: (rbx) => {
						if (!this.unmounted && rbx.GuiState !== this.state.guiState) this.setState({ guiState: rbx.GuiState });
					},
				}}
			>
				<uicorner CornerRadius={new UDim(0, theme.radius)} />
				{main ? undefined : (
					<uistroke Color={theme.colors.buttonBorder} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} Thickness={1} />
				)}
				{automatic ? (
					<uipadding PaddingLeft={new UDim(0, theme.spacing.l)} PaddingRight={new UDim(0, theme.spacing.l)} />
				) : undefined}
				{automatic ? <uisizeconstraint MinSize={new Vector2(56, 0)} /> : undefined}
			</textbutton>
		);
	}
}
