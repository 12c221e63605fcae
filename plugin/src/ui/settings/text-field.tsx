/**
 * A labelled one-line text input in Studio's input-field colours, with the rule it breaks (in the
 * error colour, the border too) or a hint under it. A masked field hides its value behind bullets,
 * for tokens and keys: Roblox's TextBox has no password mode, so the box's own text is drawn fully
 * transparent (it still edits normally) and a label over it shows one bullet per character; a
 * Show / Hide button reveals it.
 */
import Roact from "@rbxts/roact";
import { ActionButton } from "../cards/action-button";
import { CardTheme, CONTROL_HEIGHT, SPACING } from "../cards/card-theme";

export interface TextFieldProps {
	readonly theme: CardTheme;
	readonly label: string;
	readonly value: string;
	readonly onChange: (text: string) => void;
	readonly placeholder?: string;
	/** Shown under the field when there is no message. */
	readonly hint?: string;
	/** What is wrong with the value. */
	readonly message?: string;
	readonly masked?: boolean;
	readonly layoutOrder?: number;
}

interface TextFieldState {
	readonly revealed: boolean;
	readonly focused: boolean;
}

const REVEAL_WIDTH = 56;
const BULLET = "•";

/** One bullet per character of `text`. */
export function bullets(text: string): string {
	const [count] = utf8.len(text);
	return string.rep(BULLET, typeIs(count, "number") ? count : text.size());
}

@Roact.ClassComponent
export class TextField extends Roact.Component<TextFieldProps, TextFieldState> {
	state: TextFieldState = { revealed: false, focused: false };

	render() {
		const { theme, value, message } = this.props;
		const masked = this.props.masked === true && !this.state.revealed;
		const note = message ?? this.props.hint;
		const border =
			message !== undefined
				? theme.color("ErrorText")
				: theme.color("InputFieldBorder", this.state.focused ? "Selected" : "Default");
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 2)} />
				<textlabel
					Key="Label"
					LayoutOrder={1}
					Text={this.props.label}
					Font={theme.font}
					TextSize={theme.textSize}
					TextColor3={theme.color("MainText")}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextWrapped={true}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				/>
				<frame Key="Input" LayoutOrder={2} Size={new UDim2(1, 0, 0, CONTROL_HEIGHT)} BackgroundTransparency={1}>
					<textbox
						Key="Box"
						Text={value}
						PlaceholderText={masked && value !== "" ? "" : (this.props.placeholder ?? "")}
						ClearTextOnFocus={false}
						Font={theme.font}
						TextSize={theme.textSize}
						TextColor3={theme.color("MainText")}
						TextTransparency={masked ? 1 : 0}
						PlaceholderColor3={theme.color("DimmedText")}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextTruncate={Enum.TextTruncate.AtEnd}
						ClipsDescendants={true}
						BackgroundColor3={theme.color("InputFieldBackground")}
						BorderSizePixel={0}
						Size={new UDim2(1, this.props.masked === true ? -(REVEAL_WIDTH + SPACING) : 0, 1, 0)}
						Change={{
							Text: (rbx) => {
								if (rbx.Text !== this.props.value) this.props.onChange(rbx.Text);
							},
						}}
						Event={{
							Focused: () => this.setState({ focused: true }),
							FocusLost: () => this.setState({ focused: false }),
						}}
					>
						<uipadding PaddingLeft={new UDim(0, SPACING)} PaddingRight={new UDim(0, SPACING)} />
						<uistroke Color={border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
						{masked && value !== "" && (
							<textlabel
								Key="Bullets"
								Text={bullets(value)}
								Font={theme.font}
								TextSize={theme.textSize}
								TextColor3={theme.color("MainText")}
								TextXAlignment={Enum.TextXAlignment.Left}
								TextTruncate={Enum.TextTruncate.AtEnd}
								Size={new UDim2(1, 0, 1, 0)}
								BackgroundTransparency={1}
							/>
						)}
					</textbox>
					{this.props.masked === true && (
						<frame
							Key="Reveal"
							Position={new UDim2(1, -REVEAL_WIDTH, 0, 0)}
							Size={new UDim2(0, REVEAL_WIDTH, 1, 0)}
							BackgroundTransparency={1}
						>
							<ActionButton
								theme={theme}
								text={this.state.revealed ? "Hide" : "Show"}
								fill={true}
								onActivate={() => this.setState({ revealed: !this.state.revealed })}
							/>
						</frame>
					)}
				</frame>
				{note !== undefined && (
					<textlabel
						Key="Note"
						LayoutOrder={3}
						Text={note}
						Font={theme.font}
						TextSize={theme.textSize - 1}
						TextColor3={theme.color(message !== undefined ? "ErrorText" : "DimmedText")}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					/>
				)}
			</frame>
		);
	}
}
