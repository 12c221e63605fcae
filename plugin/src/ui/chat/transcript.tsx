/**
 * The conversation: a vertical scrolling list of transcript items (messages, tool chips, stage
 * lines, errors, proposal cards).
 *
 * Following new content: while the view is at the bottom ("pinned") it stays there as messages
 * arrive and streamed text grows (on every change of the canvas or window size it scrolls to the
 * end). Once the user scrolls up it stays where they put it, and a "Jump to latest" button brings
 * them back; scrolling back to the bottom pins it again.
 *
 * Long conversations: only the newest `pageSize` items (default 50) are mounted. While pinned the
 * window slides with the conversation (the oldest row is unmounted as a new one arrives, so a
 * session of thousands of items costs what 50 cost); a "Show N earlier" row at the top mounts
 * another page and keeps the view where it was. While the user reads up the conversation the window
 * stops sliding, so nothing moves under them. Items keep their ids, so Roact updates a streaming
 * message in place, and messages and chips only re-render when their own props change.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { ErrorBanner } from "./error-banner";
import { MessageBubble } from "./message-bubble";
import { StageLine } from "./stage-line";
import { ToolChip } from "./tool-chip";
import { TranscriptItem } from "./transcript-item";
import { padding } from "../theme/padding";

export const DEFAULT_PAGE_SIZE = 50;

export interface TranscriptProps {
	readonly items: ReadonlyArray<TranscriptItem>;
	/** Retry on an error item (offered when the item's `canRetry` is set). */
	readonly onRetry?: (itemId: string) => void;
	/** Dismiss on an error item. */
	readonly onDismiss?: (itemId: string) => void;
	/** Draws a proposal item's card. */
	readonly renderProposal?: (proposalId: string) => Roact.Element | undefined;
	/** Shown when there are no items. */
	readonly emptyText?: string;
	/** Items mounted at first, and per "Show earlier" (default 50). */
	readonly pageSize?: number;
	readonly size?: UDim2;
	readonly layoutOrder?: number;
}

interface TranscriptState {
	/** How many of the newest items are mounted while pinned. */
	readonly shown: number;
	/** Following the end of the conversation. */
	readonly pinned: boolean;
}

/** Pixels from the end that still count as "at the bottom". */
const SLACK = 4;

function isAtBottom(frame: ScrollingFrame): boolean {
	return frame.CanvasPosition.Y >= frame.AbsoluteCanvasSize.Y - frame.AbsoluteWindowSize.Y - SLACK;
}

@Roact.ClassComponent
export class Transcript extends Roact.Component<TranscriptProps, TranscriptState> {
	state: TranscriptState = { shown: this.pageSize(), pinned: true };
	private readonly frame = Roact.createRef<ScrollingFrame>();
	/** Index of the first mounted item at the last render (frozen while not pinned). */
	private start = 0;
	/** The CanvasPosition.Y this component last set (its own scrolls are not the user's). */
	private ownScroll?: number;
	/** After "Show earlier": keep this distance from the canvas's end, so the view stays put. */
	private anchorFromEnd?: number;
	/** Deferred events queued while the frame was destroyed still arrive after unmounting: ignore them. */
	private unmounted = false;

	willUnmount(): void {
		this.unmounted = true;
	}

	render(): Roact.Element {
		const props = this.props;
		const count = props.items.size();
		if (this.state.pinned) {
			this.start = math.max(0, count - this.state.shown);
		} else {
			this.start = math.clamp(this.start, 0, math.max(count - 1, 0));
		}
		const start = this.start;
		return withTheme((theme) => {
			const rows = new Map<string, Roact.Element>();
			if (start > 0) {
				const more = math.min(start, this.pageSize());
				rows.set(
					"ShowEarlier",
					<frame LayoutOrder={0} Size={new UDim2(1, 0, 0, theme.rowHeight)} BackgroundTransparency={1}>
						<ThemedButton
							Key="Button"
							text={`Show ${more} earlier`}
							anchorPoint={new Vector2(0.5, 0)}
							position={new UDim2(0.5, 0, 0, 0)}
							onActivated={() => this.showEarlier()}
						/>
					</frame>,
				);
			}
			for (let index = start; index < count; index++) {
				const item = props.items[index];
				rows.set(item.id, this.renderItem(item, index + 1));
			}
			return (
				<frame
					Size={props.size ?? UDim2.fromScale(1, 1)}
					LayoutOrder={props.layoutOrder}
					BackgroundColor3={theme.colors.background}
					BorderSizePixel={0}
					ClipsDescendants={true}
				>
					<scrollingframe
						Key="Scroll"
						Ref={this.frame}
						Size={UDim2.fromScale(1, 1)}
						CanvasSize={new UDim2(0, 0, 0, 0)}
						AutomaticCanvasSize={Enum.AutomaticSize.Y}
						ScrollingDirection={Enum.ScrollingDirection.Y}
						ScrollBarThickness={theme.scrollBarThickness}
						ScrollBarImageColor3={theme.colors.scrollBar}
						VerticalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
						BackgroundTransparency={1}
						BorderSizePixel={0}
						Change={{
							CanvasPosition: (rbx) => this.onScrolled(rbx),
							AbsoluteCanvasSize: (rbx) => this.onResized(rbx),
							AbsoluteWindowSize: (rbx) => this.onResized(rbx),
						}}
					>
						{padding(theme, "m")}
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
						{rows}
					</scrollingframe>
					{count === 0 && props.emptyText !== undefined ? (
						<textlabel
							Key="Empty"
							Text={props.emptyText}
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.body}
							TextColor3={theme.colors.dimmedText}
							TextWrapped={true}
							BackgroundTransparency={1}
							AnchorPoint={new Vector2(0.5, 0.5)}
							Position={UDim2.fromScale(0.5, 0.5)}
							Size={new UDim2(1, -4 * theme.spacing.l, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
						/>
					) : undefined}
					{!this.state.pinned ? (
						<ThemedButton
							Key="JumpToLatest"
							text="Jump to latest"
							anchorPoint={new Vector2(1, 1)}
							position={new UDim2(1, -(theme.spacing.m + theme.scrollBarThickness), 1, -theme.spacing.m)}
							onActivated={() => this.jumpToLatest()}
						/>
					) : undefined}
				</frame>
			);
		});
	}

	private renderItem(item: TranscriptItem, layoutOrder: number): Roact.Element {
		const props = this.props;
		switch (item.kind) {
			case "user":
				return <MessageBubble role="user" text={item.text} layoutOrder={layoutOrder} />;
			case "assistant":
				return <MessageBubble role="assistant" text={item.text} streaming={item.streaming} layoutOrder={layoutOrder} />;
			case "tool":
				return (
					<ToolChip
						name={item.name}
						args={item.args}
						result={item.result}
						failed={item.failed}
						layoutOrder={layoutOrder}
					/>
				);
			case "stage":
				return <StageLine text={item.text} active={item.active} layoutOrder={layoutOrder} />;
			case "error": {
				const onRetry = props.onRetry;
				const onDismiss = props.onDismiss;
				return (
					<ErrorBanner
						message={item.message}
						retryAt={item.retryAt}
						onRetry={item.canRetry && onRetry ? () => onRetry(item.id) : undefined}
						onDismiss={onDismiss ? () => onDismiss(item.id) : undefined}
						layoutOrder={layoutOrder}
					/>
				);
			}
			case "proposal":
				return (
					<frame
						LayoutOrder={layoutOrder}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						{props.renderProposal?.(item.proposalId)}
					</frame>
				);
		}
	}

	private pageSize(): number {
		return math.max(1, this.props.pageSize ?? DEFAULT_PAGE_SIZE);
	}

	private scrollTo(frame: ScrollingFrame, y: number): void {
		const target = math.clamp(y, 0, math.max(frame.AbsoluteCanvasSize.Y - frame.AbsoluteWindowSize.Y, 0));
		this.ownScroll = target;
		frame.CanvasPosition = new Vector2(frame.CanvasPosition.X, target);
	}

	private onScrolled(frame: ScrollingFrame): void {
		if (this.unmounted) return;
		const own = this.ownScroll !== undefined && math.abs(frame.CanvasPosition.Y - this.ownScroll) < 0.5;
		// Our own scroll says nothing about the user: the canvas may have grown again before this
		// deferred event arrived, and the resize handler scrolls to the new bottom. Only the user unpins.
		if (own) {
			// Consumed: a later scroll to the same place is the user's.
			this.ownScroll = undefined;
			return;
		}
		this.anchorFromEnd = undefined;
		const atBottom = isAtBottom(frame);
		if (atBottom === this.state.pinned) return;
		// Pinned again: the window goes back to one page and slides with the conversation.
		if (atBottom) this.setState({ pinned: true, shown: this.pageSize() });
		else this.setState({ pinned: false });
	}

	private onResized(frame: ScrollingFrame): void {
		if (this.unmounted) return;
		if (this.anchorFromEnd !== undefined) {
			this.scrollTo(frame, frame.AbsoluteCanvasSize.Y - this.anchorFromEnd);
		} else if (this.state.pinned) {
			this.scrollTo(frame, math.huge);
		}
	}

	private showEarlier(): void {
		const frame = this.frame.getValue();
		if (frame !== undefined) this.anchorFromEnd = frame.AbsoluteCanvasSize.Y - frame.CanvasPosition.Y;
		// Unpinned, so the window holds still; `start` moves back by a page.
		this.start = math.max(0, this.start - this.pageSize());
		this.setState({ pinned: false, shown: this.props.items.size() - this.start });
	}

	private jumpToLatest(): void {
		this.anchorFromEnd = undefined;
		this.setState({ pinned: true, shown: this.pageSize() });
		const frame = this.frame.getValue();
		if (frame !== undefined) this.scrollTo(frame, math.huge);
	}
}
