/**
 * A script change as Studio's diff viewer shows it: hunks with old and new line numbers, added and
 * removed lines on Studio's DiffText* colours, monospace, scrollable both ways inside a window of at
 * most `maxVisibleRows` rows, collapsible (collapsed from the start past `collapseAfter` rows).
 *
 * Large diffs are virtualised: the canvas is as tall as every row, but only the rows in the window
 * (plus a few on each side) exist as instances, chosen from the scroll position, so a 10,000-line
 * rewrite costs the same few dozen instances as a one-line fix and scrolling re-renders only when a
 * new row comes into view. The diff itself is computed once per (before, after) pair, with caps
 * far above what a person reads (a cut diff ends with a note saying how much was left out). Widths
 * come from character counts and the monospace font's advance, so nothing has to be measured.
 */
import Roact from "@rbxts/roact";
import { renderUnifiedDiff, UnifiedDiff } from "../../diff/unified-diff";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { DiffRow, DiffRows, diffRows, firstChangedLine, visibleWindow } from "./diff-rows";
import { padding } from "../theme/padding";

export interface DiffViewProps {
	/** What changes, e.g. "Edit Workspace/Door/Main" (the header's first line). */
	readonly title: string;
	readonly before: string;
	readonly after: string;
	/** When given, an "Open script" button calls it with the first changed line (1-based). */
	readonly onOpenScript?: (line: number) => void;
	/** Diffs with more rows than this start collapsed (default 40). */
	readonly collapseAfter?: number;
	/** Height of the scrolling window, in rows (default 20). */
	readonly maxVisibleRows?: number;
	readonly layoutOrder?: number;
}

interface DiffViewState {
	/** Set once the person toggles; until then the size of the diff decides. */
	readonly expanded?: boolean;
	/** Index of the row at the top of the window. */
	readonly topRow: number;
	/** Width of the scrolling window's frame, once laid out. */
	readonly frameWidth: number;
}

interface Computed {
	readonly before: string;
	readonly after: string;
	readonly diff: UnifiedDiff;
	readonly rows: DiffRows;
	readonly firstLine?: number;
}

/** Monospace advance: RobotoMono's is 0.6 em and Code's 0.5 em, so 0.6 em never undersizes the canvas. */
const CHAR_EM = 0.6;
/** Rows drawn beyond each edge of the window. */
const OVERSCAN = 6;
const DEFAULT_COLLAPSE_AFTER = 40;
const DEFAULT_VISIBLE_ROWS = 20;
/** Caps for the preview: far beyond reading, still bounded (see unified-diff's options). */
const MAX_DIFF_LINES = 100000;
const MAX_DIFF_BYTES = 8 * 1024 * 1024;

/** One diff row: the code text size and a little air. */
function rowHeightOf(theme: Theme): number {
	return theme.textSize.code + 4;
}

const MARKERS: { readonly [kind in DiffRow["kind"]]: string } = {
	context: " ",
	removed: "-",
	added: "+",
	hunk: "",
	note: "",
};

@Roact.ClassComponent
export class DiffView extends Roact.Component<DiffViewProps, DiffViewState> {
	state: DiffViewState = { topRow: 0, frameWidth: 0 };
	private computed?: Computed;

	/** The diff of the current texts, computed again only when they change. */
	private compute(): Computed {
		const { before, after } = this.props;
		const cached = this.computed;
		if (cached !== undefined && cached.before === before && cached.after === after) return cached;
		const diff = renderUnifiedDiff(before, after, { maxLines: MAX_DIFF_LINES, maxBytes: MAX_DIFF_BYTES });
		const computed: Computed = { before, after, diff, rows: diffRows(diff), firstLine: firstChangedLine(diff) };
		this.computed = computed;
		return computed;
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const computed = this.compute();
		const total = computed.rows.rows.size();
		const expanded = this.state.expanded ?? total <= (this.props.collapseAfter ?? DEFAULT_COLLAPSE_AFTER);
		const onOpenScript = this.props.onOpenScript;
		const firstLine = computed.firstLine;
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} FillDirection={Enum.FillDirection.Vertical} />
				<frame
					Key="Header"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundColor3={theme.colors.diff.filePathBackground}
					BorderSizePixel={0}
				>
					<uistroke Color={theme.colors.diff.filePathBorder} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					{padding(theme, "s", "m")}
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
					<textlabel
						Key="Title"
						LayoutOrder={1}
						Text={this.props.title}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={theme.colors.diff.filePathText}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					/>
					<frame
						Key="Actions"
						LayoutOrder={2}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout
							SortOrder={Enum.SortOrder.LayoutOrder}
							FillDirection={Enum.FillDirection.Horizontal}
							VerticalAlignment={Enum.VerticalAlignment.Center}
							Padding={new UDim(0, theme.spacing.s)}
							Wraps={true}
						/>
						<textlabel
							Key="Stats"
							LayoutOrder={1}
							Text={total === 0 ? "No changes" : `+${computed.diff.added} -${computed.diff.removed}`}
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.body}
							TextColor3={theme.colors.subText}
							Size={new UDim2(0, 0, 0, theme.rowHeight)}
							AutomaticSize={Enum.AutomaticSize.X}
							BackgroundTransparency={1}
						/>
						{total > 0 && (
							<ThemedButton
								Key="Toggle"
								layoutOrder={2}
								text={expanded ? "Hide diff" : `Show diff (${total} lines)`}
								onActivated={() => this.setState({ expanded: !expanded })}
							/>
						)}
						{onOpenScript !== undefined && firstLine !== undefined && (
							<ThemedButton
								Key="OpenScript"
								layoutOrder={3}
								text="Open script"
								onActivated={() => onOpenScript(firstLine)}
							/>
						)}
					</frame>
				</frame>
				{expanded && total > 0 && this.renderLines(theme, computed.rows)}
			</frame>
		);
	}

	private renderLines(theme: Theme, measured: DiffRows): Roact.Element {
		const rowHeight = rowHeightOf(theme);
		const bar = theme.scrollBarThickness;
		const total = measured.rows.size();
		const maxRows = this.props.maxVisibleRows ?? DEFAULT_VISIBLE_ROWS;
		const shownRows = math.min(total, maxRows);
		const viewHeight = shownRows * rowHeight;
		const charWidth = theme.textSize.code * CHAR_EM;
		const numberWidth = math.ceil(tostring(math.max(1, measured.largestLine)).size() * charWidth) + theme.spacing.m;
		const gutterWidth = 2 * numberWidth;
		const textLeft = gutterWidth + theme.spacing.s;
		const contentWidth = math.ceil(textLeft + (measured.widestText + 2) * charWidth + theme.spacing.m);
		const windowWidth = this.state.frameWidth - (total > maxRows ? bar : 0);
		const needsHorizontalBar = this.state.frameWidth > 0 && contentWidth > windowWidth;
		const window = visibleWindow(this.state.topRow * rowHeight, viewHeight, rowHeight, total, OVERSCAN);

		const children = new Map<string, Roact.Element>();
		for (let index = window.first; index <= window.last; index++) {
			children.set(`Row${index}`, this.renderRow(theme, measured.rows[index], index, numberWidth, textLeft));
		}
		return (
			<scrollingframe
				Key="Lines"
				LayoutOrder={2}
				Size={new UDim2(1, 0, 0, viewHeight + (needsHorizontalBar ? bar : 0))}
				CanvasSize={new UDim2(0, contentWidth, 0, total * rowHeight)}
				ScrollingDirection={Enum.ScrollingDirection.XY}
				ScrollBarThickness={bar}
				ScrollBarImageColor3={theme.colors.scrollBar}
				VerticalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
				HorizontalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
				ElasticBehavior={Enum.ElasticBehavior.Never}
				BackgroundColor3={theme.colors.diff.background}
				BorderSizePixel={0}
				Change={{
					CanvasPosition: (rbx) => {
						const topRow = math.floor(rbx.CanvasPosition.Y / rowHeight);
						if (topRow !== this.state.topRow) this.setState({ topRow });
					},
					AbsoluteSize: (rbx) => {
						if (rbx.AbsoluteSize.X !== this.state.frameWidth) this.setState({ frameWidth: rbx.AbsoluteSize.X });
					},
				}}
			>
				{children}
			</scrollingframe>
		);
	}

	private renderRow(theme: Theme, row: DiffRow, index: number, numberWidth: number, textLeft: number): Roact.Element {
		const rowHeight = rowHeightOf(theme);
		const diff = theme.colors.diff;
		let background: Color3;
		let gutter: Color3;
		let foreground: Color3;
		if (row.kind === "added") {
			background = diff.additionBackground;
			gutter = diff.lineNumberAdditionBackground;
			foreground = diff.additionText;
		} else if (row.kind === "removed") {
			background = diff.deletionBackground;
			gutter = diff.lineNumberDeletionBackground;
			foreground = diff.deletionText;
		} else if (row.kind === "hunk") {
			background = diff.separatorBackground;
			gutter = diff.lineNumberSeparatorBackground;
			foreground = diff.hunkInfo;
		} else {
			background = diff.background;
			gutter = diff.lineNumberBackground;
			foreground = row.kind === "note" ? diff.hunkInfo : diff.text;
		}
		const number = (value: number | undefined, left: number, key: string) => (
			<textlabel
				Key={key}
				Text={value !== undefined ? tostring(value) : ""}
				FontFace={theme.fonts.code}
				TextSize={theme.textSize.code}
				TextColor3={diff.lineNumber}
				TextXAlignment={Enum.TextXAlignment.Right}
				Position={new UDim2(0, left, 0, 0)}
				Size={new UDim2(0, numberWidth - theme.spacing.s, 1, 0)}
				BackgroundTransparency={1}
			/>
		);
		const marker = MARKERS[row.kind];
		return (
			<frame
				Position={new UDim2(0, 0, 0, index * rowHeight)}
				Size={new UDim2(1, 0, 0, rowHeight)}
				BackgroundColor3={background}
				BorderSizePixel={0}
			>
				<frame Key="Gutter" Size={new UDim2(0, 2 * numberWidth, 1, 0)} BackgroundColor3={gutter} BorderSizePixel={0}>
					{number(row.oldLine, 0, "Old")}
					{number(row.newLine, numberWidth, "New")}
				</frame>
				<textlabel
					Key="Text"
					Text={marker === "" ? row.text : `${marker} ${row.text}`}
					FontFace={theme.fonts.code}
					TextSize={theme.textSize.code}
					TextColor3={foreground}
					TextXAlignment={Enum.TextXAlignment.Left}
					Position={new UDim2(0, textLeft, 0, 0)}
					Size={new UDim2(1, -textLeft, 1, 0)}
					BackgroundTransparency={1}
				/>
			</frame>
		);
	}
}
