/**
 * A labelled one-line text input in Studio's input-field colours, with the rule it breaks (in the
 * error colour, the border too) or a hint under it. A masked field hides its value behind bullets,
 * for tokens and keys: Roblox's TextBox has no password mode, so the box's own text is drawn fully
 * transparent (it still edits normally) and a label over it shows one bullet per character; a
 * Show / Hide button reveals it. A field of several `lines` takes Enter as a new line and wraps its
 * text, growing past those lines as the text does (the lesson form's objectives, one per line).
 */
import Roact from "@rbxts/roact";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";

export interface TextFieldProps {
	readonly label: string;
	readonly value: string;
	readonly onChange: (text: string) => void;
	readonly placeholder?: string;
	/** Shown under the field when there is no message. */
	readonly hint?: string;
	/** What is wrong with the value. */
	readonly message?: string;
	readonly masked?: boolean;
	/** Rows of text the box shows (default 1: one line, cut with "…"; more: Enter adds a line). */
	readonly lines?: number;
	readonly layoutOrder?: number;
}

interface TextFieldState {
	readonly revealed: boolean;
	readonly focused: boolean;
}

const REVEAL_WIDTH = 56;
/** A line of wrapped text is about 1.25 text sizes tall in Builder Sans. */
const LINE_HEIGHT = 1.25;
const BULLET = "•";

/** One bullet per character of `text`. */
export function bullets(text: string): string {
	const [count] = utf8.len(text);
	return string.rep(BULLET, typeIs(count, "number") ? count : text.size());
}

@Roact.ClassComponent
export class TextField extends Roact.Component<TextFieldProps, TextFieldState> {
	state: TextFieldState = { revealed: false, focused: false };

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { value, message } = this.props;
		const colors = theme.colors;
		const masked = this.props.masked === true && !this.state.revealed;
		const note = message ?? this.props.hint;
		const lines = math.max(1, this.props.lines ?? 1);
		const multiLine = lines > 1;
		const height = multiLine ? lines * theme.textSize.body * LINE_HEIGHT + 2 * theme.spacing.s : theme.rowHeight;
		const border =
			message !== undefined
				? colors.errorText
				: this.state.focused
					? colors.inputBorder.selected
					: colors.inputBorder.default;
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
				<textlabel
					Key="Label"
					LayoutOrder={1}
					Text={this.props.label}
					FontFace={theme.fonts.ui}
					TextSize={theme.textSize.body}
					TextColor3={colors.text.default}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextWrapped={true}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				/>
				<frame
					Key="Input"
					LayoutOrder={2}
					Size={new UDim2(1, 0, 0, height)}
					AutomaticSize={multiLine ? Enum.AutomaticSize.Y : Enum.AutomaticSize.None}
					BackgroundTransparency={1}
				>
					<textbox
						Key="Box"
						Text={value}
						PlaceholderText={masked && value !== "" ? "" : (this.props.placeholder ?? "")}
						ClearTextOnFocus={false}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={colors.text.default}
						TextTransparency={masked ? 1 : 0}
						PlaceholderColor3={colors.dimmedText}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextYAlignment={multiLine ? Enum.TextYAlignment.Top : Enum.TextYAlignment.Center}
						MultiLine={multiLine}
						TextWrapped={multiLine}
						TextTruncate={multiLine ? Enum.TextTruncate.None : Enum.TextTruncate.AtEnd}
						ClipsDescendants={true}
						BackgroundColor3={colors.inputBackground.default}
						BorderSizePixel={0}
						Size={
							multiLine
								? new UDim2(1, 0, 0, height)
								: new UDim2(1, this.props.masked === true ? -(REVEAL_WIDTH + theme.spacing.s) : 0, 1, 0)
						}
						AutomaticSize={multiLine ? Enum.AutomaticSize.Y : Enum.AutomaticSize.None}
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
						<uipadding
							PaddingLeft={new UDim(0, theme.spacing.s)}
							PaddingRight={new UDim(0, theme.spacing.s)}
							PaddingTop={new UDim(0, multiLine ? theme.spacing.s : 0)}
							PaddingBottom={new UDim(0, multiLine ? theme.spacing.s : 0)}
						/>
						<uicorner CornerRadius={new UDim(0, theme.radius)} />
						<uistroke Color={border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
						{masked && value !== "" && (
							<textlabel
								Key="Bullets"
								Text={bullets(value)}
								FontFace={theme.fonts.ui}
								TextSize={theme.textSize.body}
								TextColor3={colors.text.default}
								TextXAlignment={Enum.TextXAlignment.Left}
								TextTruncate={Enum.TextTruncate.AtEnd}
								Size={new UDim2(1, 0, 1, 0)}
								BackgroundTransparency={1}
							/>
						)}
					</textbox>
					{this.props.masked === true && (
						<ThemedButton
							Key="Reveal"
							text={this.state.revealed ? "Hide" : "Show"}
							position={new UDim2(1, -REVEAL_WIDTH, 0, 0)}
							size={new UDim2(0, REVEAL_WIDTH, 1, 0)}
							onActivated={() => this.setState({ revealed: !this.state.revealed })}
						/>
					)}
				</frame>
				{note !== undefined && (
					<textlabel
						Key="Note"
						LayoutOrder={3}
						Text={note}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.small}
						TextColor3={message !== undefined ? colors.errorText : colors.dimmedText}
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
