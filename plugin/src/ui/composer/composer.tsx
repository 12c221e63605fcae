/**
 * Where the user writes to Vector: a multi-line text box that grows with its text up to
 * `maxHeight` (then scrolls), Send (Studio's main button) that becomes Stop while the model works,
 * and the context chips of what will be attached.
 *
 * Enter sends, Shift+Enter starts a new line. A MultiLine TextBox takes Enter itself: Studio inserts
 * the newline and keeps focus, with or without Shift, and FocusLost never says "enter pressed". So
 * the composer tells them apart by the key's InputObject, which the box's InputBegan receives with
 * the modifier state (`IsModifierKeyDown(Shift)`), and removes the newline Enter put in when it
 * sends. Under Studio's deferred signals the text change has already happened when InputBegan is
 * handled, and under immediate signals it comes right after; `takeNewline` handles both orders by
 * looking for a newline just before the cursor that was not in the text last seen. The headless
 * Studio models exactly this (tests/studio/engine/gui/Input.luau): Enter in a MultiLine box fires
 * InputBegan with the key's InputObject, then inserts "\n" at the cursor and keeps focus.
 *
 * While a request runs (`busy`) the box is read-only and dimmed, Enter does nothing, and Stop
 * replaces Send. The draft is the composer's own state; it is cleared when sent.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { ContextChipData, ContextChips } from "./context-chips";
import { padding } from "../theme/padding";

export interface ComposerProps {
	/** A request is running: read-only, Enter ignored, Stop instead of Send. */
	readonly busy: boolean;
	/** The user sends `text` (trimmed, never blank). */
	readonly onSend: (text: string) => void;
	readonly onStop: () => void;
	/** What will be attached to the next message. */
	readonly chips?: ReadonlyArray<ContextChipData>;
	readonly onRemoveChip?: (id: string) => void;
	readonly placeholder?: string;
	/** Height the text area grows to before it scrolls (default 160). */
	readonly maxHeight?: number;
	readonly layoutOrder?: number;
}

interface ComposerState {
	readonly text: string;
	readonly focused: boolean;
}

const DEFAULT_PLACEHOLDER = "Ask Vector… (Shift+Enter for a new line)";
const BUSY_PLACEHOLDER = "Vector is working…";
const BOX_PADDING_Y = 5;
const BUTTON_WIDTH = 64;

function trim(text: string): string {
	return text.match("^%s*(.-)%s*$")[0] as string;
}

@Roact.ClassComponent
export class Composer extends Roact.Component<ComposerProps, ComposerState> {
	state: ComposerState = { text: "", focused: false };
	private readonly box = Roact.createRef<TextBox>();
	private readonly scroll = Roact.createRef<ScrollingFrame>();
	private readonly height: Roact.Binding<number>;
	private readonly setHeight: (height: number) => void;
	/** The text as of the last Text change handled (or set here). */
	private lastText = "";
	/** An Enter key seen on the box whose newline is not handled yet. */
	private pendingEnter?: { readonly shift: boolean };
	/** Deferred events queued while the box was destroyed still arrive after unmounting: ignore them. */
	private unmounted = false;

	constructor(props: ComposerProps) {
		super(props);
		const [height, setHeight] = Roact.createBinding(0);
		this.height = height;
		this.setHeight = setHeight;
	}

	willUnmount(): void {
		this.unmounted = true;
	}

	render(): Roact.Element {
		const props = this.props;
		const busy = props.busy;
		const chips = props.chips ?? [];
		return withTheme((theme) => {
			const minHeight = theme.textSize.body + 2 * BOX_PADDING_Y + 4;
			const maxHeight = math.max(props.maxHeight ?? 160, minHeight);
			const colors = theme.colors;
			const canSend = !busy && trim(this.state.text) !== "";
			return (
				<frame
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundColor3={colors.background}
					BorderSizePixel={0}
					LayoutOrder={props.layoutOrder}
				>
					{padding(theme, "m")}
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s + 2)} />
					{chips.size() > 0 ? (
						<ContextChips Key="Chips" chips={chips} onRemove={(id) => this.props.onRemoveChip?.(id)} layoutOrder={1} />
					) : undefined}
					<frame
						Key="Input"
						LayoutOrder={2}
						Size={this.height.map((h) => new UDim2(1, 0, 0, math.clamp(h, minHeight, maxHeight)))}
						BackgroundColor3={busy ? colors.inputBackground.disabled : colors.inputBackground.default}
						BorderSizePixel={0}
					>
						<uicorner CornerRadius={new UDim(0, theme.radius)} />
						<uistroke
							Color={this.state.focused ? colors.inputBorder.selected : colors.inputBorder.default}
							ApplyStrokeMode={Enum.ApplyStrokeMode.Border}
						/>
						<scrollingframe
							Key="Scroll"
							Ref={this.scroll}
							Size={new UDim2(1, -(BUTTON_WIDTH + theme.spacing.s), 1, 0)}
							CanvasSize={new UDim2(0, 0, 0, 0)}
							AutomaticCanvasSize={Enum.AutomaticSize.Y}
							ScrollingDirection={Enum.ScrollingDirection.Y}
							ScrollBarThickness={4}
							ScrollBarImageColor3={colors.scrollBar}
							BackgroundTransparency={1}
							BorderSizePixel={0}
						>
							<textbox
								Key="Box"
								Ref={this.box}
								Text={this.state.text}
								PlaceholderText={busy ? BUSY_PLACEHOLDER : (props.placeholder ?? DEFAULT_PLACEHOLDER)}
								PlaceholderColor3={colors.dimmedText}
								MultiLine={true}
								TextWrapped={true}
								ClearTextOnFocus={false}
								TextEditable={!busy}
								FontFace={theme.fonts.ui}
								TextSize={theme.textSize.body}
								TextColor3={busy ? colors.text.disabled : colors.text.default}
								TextXAlignment={Enum.TextXAlignment.Left}
								TextYAlignment={Enum.TextYAlignment.Top}
								BackgroundTransparency={1}
								Size={new UDim2(1, 0, 0, 0)}
								AutomaticSize={Enum.AutomaticSize.Y}
								Event={{
									InputBegan: (box, input) => this.onInputBegan(box, input),
									Focused: () => this.setFocused(true),
									FocusLost: () => this.setFocused(false),
								}}
								Change={{
									Text: (box) => this.onTextChanged(box),
									AbsoluteSize: (box) => this.onBoxResized(box),
								}}
							>
								<uipadding
									PaddingLeft={new UDim(0, theme.spacing.m)}
									PaddingRight={new UDim(0, theme.spacing.xs)}
									PaddingTop={new UDim(0, BOX_PADDING_Y)}
									PaddingBottom={new UDim(0, BOX_PADDING_Y)}
								/>
							</textbox>
						</scrollingframe>
						{busy ? (
							<ThemedButton
								Key="Stop"
								text="Stop"
								textColor={colors.errorText}
								size={UDim2.fromOffset(BUTTON_WIDTH, minHeight - 6)}
								anchorPoint={new Vector2(1, 1)}
								position={new UDim2(1, -3, 1, -3)}
								onActivated={() => this.props.onStop()}
							/>
						) : (
							<ThemedButton
								Key="Send"
								text="Send"
								style="main"
								enabled={canSend}
								size={UDim2.fromOffset(BUTTON_WIDTH, minHeight - 6)}
								anchorPoint={new Vector2(1, 1)}
								position={new UDim2(1, -3, 1, -3)}
								onActivated={() => this.sendDraft()}
							/>
						)}
					</frame>
				</frame>
			);
		});
	}

	private setFocused(focused: boolean): void {
		if (!this.unmounted && focused !== this.state.focused) this.setState({ focused });
	}

	private onInputBegan(box: TextBox, input: InputObject): void {
		if (this.unmounted) return;
		if (input.UserInputType !== Enum.UserInputType.Keyboard) return;
		if (input.KeyCode !== Enum.KeyCode.Return && input.KeyCode !== Enum.KeyCode.KeypadEnter) return;
		if (this.props.busy) return;
		this.pendingEnter = { shift: input.IsModifierKeyDown(Enum.ModifierKey.Shift) };
		this.takeNewline(box);
	}

	private onTextChanged(box: TextBox): void {
		if (this.unmounted) return;
		this.takeNewline(box);
		const text = box.Text;
		this.lastText = text;
		if (text !== this.state.text) this.setState({ text });
	}

	/** Handles the newline of a pending Enter once it is in the text: Shift keeps it, plain Enter sends. */
	private takeNewline(box: TextBox): void {
		const pending = this.pendingEnter;
		if (pending === undefined) return;
		const text = box.Text;
		if (text === this.lastText) return; // the newline is not in yet (immediate signals)
		this.pendingEnter = undefined;
		const at = box.CursorPosition - 1; // the newline sits just before the cursor
		if (at < 1 || text.sub(at, at) !== "\n" || pending.shift) return;
		const draft = text.sub(1, at - 1) + text.sub(at + 1);
		if (trim(draft) === "") {
			this.setText(box, draft);
			return;
		}
		this.setText(box, "");
		this.props.onSend(trim(draft));
	}

	/** The Send button: sends the draft and gives the box its focus back for the next message. */
	private sendDraft(): void {
		const draft = trim(this.state.text);
		if (this.props.busy || draft === "") return;
		const box = this.box.getValue();
		if (box !== undefined) {
			this.setText(box, "");
			box.CaptureFocus();
		} else {
			this.setState({ text: "" });
		}
		this.props.onSend(draft);
	}

	/** Sets the box's text directly (Roact only writes props that changed) and the state to match. */
	private setText(box: TextBox, text: string): void {
		this.lastText = text;
		box.Text = text;
		this.setState({ text });
	}

	private onBoxResized(box: TextBox): void {
		if (this.unmounted) return;
		this.setHeight(box.AbsoluteSize.Y);
		// Keep the line being typed in view once the box is taller than the area.
		const scroll = this.scroll.getValue();
		if (scroll !== undefined && box.CursorPosition >= box.Text.size() + 1) {
			scroll.CanvasPosition = new Vector2(0, math.max(scroll.AbsoluteCanvasSize.Y - scroll.AbsoluteWindowSize.Y, 0));
		}
	}
}
