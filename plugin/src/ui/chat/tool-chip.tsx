/**
 * A tool the model used, as one compact row of the transcript: the tool's name, a short summary of
 * its arguments (the agent's `tool_used` event already shortens them) and, on a click, the result
 * the model saw, in the code font. A failed call shows its name in the error colour with "failed".
 * Results are bounded by the tools, but the chip caps what it draws (MAX_RESULT_CHARS) too, so one
 * chip can never stall Studio.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { toHex } from "../theme/theme";
import { capText, escapeRichText } from "./message-markup";

/** Characters of a result drawn at most. */
export const MAX_RESULT_CHARS = 4_000;

export interface ToolChipProps {
	/** The tool's name ("read_script"). */
	readonly name: string;
	/** A short argument summary ("Workspace.Main, lines 1–40"). */
	readonly args: string;
	/** What the tool returned (or its error). */
	readonly result: string;
	readonly failed: boolean;
	/** Open at first (default closed). */
	readonly initiallyExpanded?: boolean;
	readonly layoutOrder?: number;
}

interface ToolChipState {
	readonly expanded: boolean;
}

const HEADER_HEIGHT = 24;
const CHEVRON_WIDTH = 10;

@Roact.ClassComponent
export class ToolChip extends Roact.Component<ToolChipProps, ToolChipState> {
	state: ToolChipState = { expanded: this.props.initiallyExpanded === true };
	/** Deferred events queued while the chip was destroyed still arrive after unmounting: ignore them. */
	private unmounted = false;

	willUnmount(): void {
		this.unmounted = true;
	}

	/** Only its own changes re-render it (the transcript re-renders on every streamed delta). */
	shouldUpdate(incoming: ToolChipProps, nextState: ToolChipState): boolean {
		const props = this.props;
		return (
			nextState.expanded !== this.state.expanded ||
			incoming.name !== props.name ||
			incoming.args !== props.args ||
			incoming.result !== props.result ||
			incoming.failed !== props.failed ||
			incoming.layoutOrder !== props.layoutOrder
		);
	}

	render(): Roact.Element {
		const props = this.props;
		const expanded = this.state.expanded;
		return withTheme((theme) => {
			const [result, cut] = capText(props.result, MAX_RESULT_CHARS);
			const shownResult = result === "" ? "(no output)" : result;
			const nameColor = props.failed ? theme.colors.errorText : theme.colors.text.default;
			// One label, so a long summary truncates at the widget's edge: name, "failed", arguments.
			const summary =
				`<font color="${toHex(nameColor)}" weight="semibold">${escapeRichText(props.name)}</font>` +
				(props.failed ? ` <font color="${toHex(theme.colors.errorText)}">failed</font>` : "") +
				(props.args !== "" ? `  ${escapeRichText(props.args)}` : "");
			return (
				<frame
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundColor3={theme.colors.titlebar}
					BorderSizePixel={0}
					LayoutOrder={props.layoutOrder}
				>
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uistroke
						Color={props.failed ? theme.colors.errorText : theme.colors.border}
						ApplyStrokeMode={Enum.ApplyStrokeMode.Border}
					/>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />
					<textbutton
						Key="Header"
						LayoutOrder={1}
						Text=""
						AutoButtonColor={false}
						BackgroundTransparency={1}
						Size={new UDim2(1, 0, 0, HEADER_HEIGHT)}
						Event={{ Activated: () => this.toggle() }}
					>
						<uipadding PaddingLeft={new UDim(0, theme.spacing.m)} PaddingRight={new UDim(0, theme.spacing.m)} />
						<textlabel
							Key="Chevron"
							Text={expanded ? "▾" : "▸"}
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.small}
							TextColor3={theme.colors.dimmedText}
							BackgroundTransparency={1}
							Size={new UDim2(0, CHEVRON_WIDTH, 1, 0)}
						/>
						<textlabel
							Key="Summary"
							Text={summary}
							RichText={true}
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.small}
							TextColor3={theme.colors.subText}
							TextXAlignment={Enum.TextXAlignment.Left}
							TextTruncate={Enum.TextTruncate.AtEnd}
							BackgroundTransparency={1}
							Position={new UDim2(0, CHEVRON_WIDTH + theme.spacing.s, 0, 0)}
							Size={new UDim2(1, -(CHEVRON_WIDTH + theme.spacing.s), 1, 0)}
						/>
					</textbutton>
					{expanded ? (
						<frame
							Key="Result"
							LayoutOrder={2}
							Size={new UDim2(1, 0, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
							BackgroundTransparency={1}
						>
							<uipadding
								PaddingLeft={new UDim(0, theme.spacing.m)}
								PaddingRight={new UDim(0, theme.spacing.m)}
								PaddingBottom={new UDim(0, theme.spacing.m)}
							/>
							<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
							<textbox
								Key="Text"
								LayoutOrder={1}
								Text={shownResult}
								TextEditable={false}
								ClearTextOnFocus={false}
								MultiLine={true}
								FontFace={theme.fonts.code}
								TextSize={theme.textSize.small}
								TextColor3={props.failed ? theme.colors.errorText : theme.colors.codeText}
								TextXAlignment={Enum.TextXAlignment.Left}
								TextYAlignment={Enum.TextYAlignment.Top}
								TextWrapped={true}
								BackgroundColor3={theme.colors.codeBackground}
								BorderSizePixel={0}
								Size={new UDim2(1, 0, 0, 0)}
								AutomaticSize={Enum.AutomaticSize.Y}
							>
								<uicorner CornerRadius={new UDim(0, theme.radius)} />
								<uipadding
									PaddingLeft={new UDim(0, theme.spacing.s + 2)}
									PaddingRight={new UDim(0, theme.spacing.s + 2)}
									PaddingTop={new UDim(0, theme.spacing.s + 2)}
									PaddingBottom={new UDim(0, theme.spacing.s + 2)}
								/>
							</textbox>
							{cut > 0 ? (
								<textlabel
									Key="Cut"
									LayoutOrder={2}
									Text={`… ${cut} more characters not shown`}
									FontFace={theme.fonts.ui}
									TextSize={theme.textSize.small}
									TextColor3={theme.colors.dimmedText}
									TextXAlignment={Enum.TextXAlignment.Left}
									BackgroundTransparency={1}
									Size={new UDim2(1, 0, 0, theme.textSize.small + 4)}
								/>
							) : undefined}
						</frame>
					) : undefined}
				</frame>
			);
		});
	}

	private toggle(): void {
		if (!this.unmounted) this.setState({ expanded: !this.state.expanded });
	}
}
