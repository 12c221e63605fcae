/**
 * A fenced code block of a chat message: the code font on the script editor's background, lines
 * never wrapped (code keeps its shape) with a horizontal scroll bar when a line is wider than the
 * transcript. The height is the line count times the code size, known before layout, so the
 * transcript lays out in one pass. Very long blocks are capped (MAX_CODE_LINES) with a note saying
 * how many lines were left out: one text object of thousands of lines would stall Studio. The code
 * is a read-only TextBox, so the user can select it and copy it (Studio's labels cannot be copied).
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";

/** Lines drawn at most; the rest are counted in a note under the block. */
export const MAX_CODE_LINES = 300;

export interface CodeBlockProps {
	readonly code: string;
	/** The fence's info string ("lua"), shown small above the code; "" for none. */
	readonly language?: string;
	readonly layoutOrder?: number;
}

const PADDING = 8;

export function CodeBlock(props: CodeBlockProps): Roact.Element {
	const lines = props.code.gsub("\t", "    ")[0].split("\n");
	const hidden = math.max(lines.size() - MAX_CODE_LINES, 0);
	const shown = hidden > 0 ? lines.filter((_, index) => index < MAX_CODE_LINES) : lines;
	const language = props.language ?? "";
	return withTheme((theme) => {
		const lineHeight = theme.textSize.code;
		const textHeight = shown.size() * lineHeight + 2 * PADDING;
		const bar = theme.scrollBarThickness;
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
				{language !== "" ? (
					<textlabel
						Key="Language"
						LayoutOrder={0}
						Text={language}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.small}
						TextColor3={theme.colors.dimmedText}
						TextXAlignment={Enum.TextXAlignment.Left}
						BackgroundTransparency={1}
						Size={new UDim2(1, 0, 0, theme.textSize.small + 2)}
					/>
				) : undefined}
				<scrollingframe
					Key="Code"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, textHeight + bar)}
					CanvasSize={new UDim2(0, 0, 0, 0)}
					AutomaticCanvasSize={Enum.AutomaticSize.X}
					ScrollingDirection={Enum.ScrollingDirection.X}
					ScrollBarThickness={bar}
					ScrollBarImageColor3={theme.colors.scrollBar}
					HorizontalScrollBarInset={Enum.ScrollBarInset.None}
					BackgroundColor3={theme.colors.codeBackground}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uistroke Color={theme.colors.border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					<textbox
						Key="Text"
						Text={shown.join("\n")}
						TextEditable={false}
						ClearTextOnFocus={false}
						MultiLine={true}
						FontFace={theme.fonts.code}
						TextSize={lineHeight}
						LineHeight={1}
						TextColor3={theme.colors.codeText}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextYAlignment={Enum.TextYAlignment.Top}
						TextWrapped={false}
						RichText={false}
						BackgroundTransparency={1}
						Size={new UDim2(0, 0, 0, textHeight)}
						AutomaticSize={Enum.AutomaticSize.X}
					>
						<uipadding
							PaddingLeft={new UDim(0, PADDING)}
							PaddingRight={new UDim(0, PADDING)}
							PaddingTop={new UDim(0, PADDING)}
							PaddingBottom={new UDim(0, PADDING)}
						/>
					</textbox>
				</scrollingframe>
				{hidden > 0 ? (
					<textlabel
						Key="Cut"
						LayoutOrder={2}
						Text={`… ${hidden} more line${hidden === 1 ? "" : "s"} not shown`}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.small}
						TextColor3={theme.colors.dimmedText}
						TextXAlignment={Enum.TextXAlignment.Left}
						BackgroundTransparency={1}
						Size={new UDim2(1, 0, 0, theme.textSize.small + 4)}
					/>
				) : undefined}
			</frame>
		);
	});
}
