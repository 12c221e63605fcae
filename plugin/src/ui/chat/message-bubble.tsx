/**
 * One chat message. The user's messages sit in a shaded bubble indented from the left; the
 * assistant's read as plain text on the widget background, as Studio's own assistant does. The
 * text is split into prose (wrapped, with inline `code` and **bold**) and fenced code blocks
 * (CodeBlock). While the answer streams in, a "…" under it says more is coming. A message longer
 * than MAX_MESSAGE_CHARS is cut there with a note: a label with hundreds of kilobytes of text
 * would freeze Studio on every streamed update.
 */
import Roact from "@rbxts/roact";
import { toHex } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { CodeBlock } from "./code-block";
import { capText, inlineMarkup, parseMessage } from "./message-markup";

/** Characters of a message drawn at most. */
export const MAX_MESSAGE_CHARS = 20_000;

export type MessageRole = "user" | "assistant";

export interface MessageBubbleProps {
	readonly role: MessageRole;
	readonly text: string;
	/** The text is still arriving. */
	readonly streaming?: boolean;
	readonly layoutOrder?: number;
}

/** Indent of the user's bubble from the left edge. */
const USER_INDENT = 32;

/**
 * Renders again only when its own props change, so a streamed update re-parses the message that grew,
 * not every message of the transcript. (Roact.ClassComponent builds on Roact.Component, not
 * PureComponent, hence the explicit shouldUpdate.)
 */
@Roact.ClassComponent
export class MessageBubble extends Roact.Component<MessageBubbleProps> {
	shouldUpdate(incoming: MessageBubbleProps): boolean {
		const props = this.props;
		return (
			incoming.text !== props.text ||
			incoming.role !== props.role ||
			incoming.streaming !== props.streaming ||
			incoming.layoutOrder !== props.layoutOrder
		);
	}

	render(): Roact.Element {
		return renderMessage(this.props);
	}
}

function renderMessage(props: MessageBubbleProps): Roact.Element {
	const [text, cut] = capText(props.text, MAX_MESSAGE_CHARS);
	const blocks = parseMessage(text);
	const user = props.role === "user";
	return withTheme((theme) => {
		const style = { face: theme.fonts.codeFaceName, background: toHex(theme.colors.inlineCodeBackground) };
		const content = new Map<string, Roact.Element>();
		blocks.forEach((block, index) => {
			if (block.kind === "text") {
				content.set(
					`Text${index + 1}`,
					<textlabel
						LayoutOrder={index + 1}
						Text={inlineMarkup(block.text, style)}
						RichText={true}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={theme.colors.text.default}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextYAlignment={Enum.TextYAlignment.Top}
						TextWrapped={true}
						BackgroundTransparency={1}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
					/>,
				);
			} else {
				content.set(
					`Code${index + 1}`,
					<CodeBlock code={block.code} language={block.language} layoutOrder={index + 1} />,
				);
			}
		});
		const after = blocks.size() + 1;
		if (cut > 0) {
			content.set(
				"Cut",
				<textlabel
					LayoutOrder={after}
					Text={`… ${cut} more characters not shown`}
					FontFace={theme.fonts.ui}
					TextSize={theme.textSize.small}
					TextColor3={theme.colors.dimmedText}
					TextXAlignment={Enum.TextXAlignment.Left}
					BackgroundTransparency={1}
					Size={new UDim2(1, 0, 0, theme.textSize.small + 4)}
				/>,
			);
		}
		if (props.streaming) {
			content.set(
				"Streaming",
				<textlabel
					LayoutOrder={after + 1}
					Text="…"
					FontFace={theme.fonts.uiBold}
					TextSize={theme.textSize.body}
					TextColor3={theme.colors.dimmedText}
					TextXAlignment={Enum.TextXAlignment.Left}
					BackgroundTransparency={1}
					Size={new UDim2(1, 0, 0, theme.textSize.body)}
				/>,
			);
		}
		const padding = user ? theme.spacing.m : 0;
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder}
			>
				<frame
					Key="Bubble"
					Position={new UDim2(0, user ? USER_INDENT : 0, 0, 0)}
					Size={new UDim2(1, user ? -USER_INDENT : 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundColor3={theme.colors.titlebar}
					BackgroundTransparency={user ? 0 : 1}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uipadding
						PaddingLeft={new UDim(0, padding)}
						PaddingRight={new UDim(0, padding)}
						PaddingTop={new UDim(0, padding)}
						PaddingBottom={new UDim(0, padding)}
					/>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
					{content}
				</frame>
			</frame>
		);
	});
}
