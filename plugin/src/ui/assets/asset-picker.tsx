/**
 * The Creator Store picker: a search box (Enter or Search runs it), then either a line saying where
 * the search stands (a hint before the first search, "Searching…", no results, or the error with Try
 * again) or a scrolling grid of results. The grid fits as many columns of at least `MIN_CELL_WIDTH` pixels as
 * the width allows (one in a narrow widget), and shows results a page at a time so a long result
 * list stays cheap to draw. The picker only reports what the user asks for (onSearch, onInsert);
 * whoever owns the proxy client runs the search and passes results and state back.
 */
import Roact from "@rbxts/roact";
import { AssetSearchResult } from "../../../../shared/src/proxy-api";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { AssetResultCard, RESULT_HEIGHT } from "./asset-result-card";

/** Where the search stands; `query` is the search the state is about. */
export type AssetPickerState =
	| { readonly status: "idle" }
	| { readonly status: "loading"; readonly query: string }
	| { readonly status: "ready"; readonly query: string }
	| { readonly status: "error"; readonly query: string; readonly message: string };

export interface AssetPickerProps {
	readonly results: ReadonlyArray<AssetSearchResult>;
	readonly state: AssetPickerState;
	readonly onSearch: (query: string) => void;
	readonly onInsert: (result: AssetSearchResult) => void;
	/** Results per page (default 24). */
	readonly pageSize?: number;
}

interface AssetPickerComponentState {
	readonly query: string;
	readonly width: number;
	readonly pages: number;
}

/** Narrowest a result cell may be. */
export const MIN_CELL_WIDTH = 120;
const GAP = 6;
const SEARCH_BUTTON_WIDTH = 72;
const DEFAULT_PAGE_SIZE = 24;

function trim(text: string): string {
	return text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
}

/** How many result columns fit in `width` pixels (at least one). */
export function columnsFor(width: number): number {
	return math.max(1, math.floor((width + GAP) / (MIN_CELL_WIDTH + GAP)));
}

@Roact.ClassComponent
export class AssetPicker extends Roact.Component<AssetPickerProps, AssetPickerComponentState> {
	state: AssetPickerComponentState = { query: "", width: 0, pages: 1 };

	didUpdate(previous: AssetPickerProps) {
		if (previous.results !== this.props.results && this.state.pages !== 1) this.setState({ pages: 1 });
	}

	private search(text: string) {
		const query = trim(text);
		if (query !== "") this.props.onSearch(query);
	}

	/** The status line: what the person should know about the search, in its colour. */
	private status(theme: Theme): [string, Color3] | undefined {
		const state = this.props.state;
		switch (state.status) {
			case "idle":
				return ["Search the Creator Store for models to insert.", theme.colors.dimmedText];
			case "loading":
				return [`Searching for "${state.query}"…`, theme.colors.subText];
			case "error":
				return [`Search failed: ${state.message}`, theme.colors.errorText];
			case "ready":
				return this.props.results.size() === 0
					? [`No results for "${state.query}".`, theme.colors.dimmedText]
					: undefined;
		}
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { state, results } = this.props;
		const status = this.status(theme);
		const showResults = state.status === "ready" && results.size() > 0;
		const columns = columnsFor(this.state.width);
		const pageSize = this.props.pageSize ?? DEFAULT_PAGE_SIZE;
		const shown = math.min(results.size(), this.state.pages * pageSize);
		const cells = new Map<string, Roact.Element>();
		for (let index = 0; index < shown; index++) {
			const result = results[index];
			cells.set(
				`Result${index}`,
				<AssetResultCard result={result} onInsert={this.props.onInsert} layoutOrder={index} />,
			);
		}
		// The status line and the results never show together: both start under the search row.
		const top = theme.rowHeight + theme.spacing.s;

		return (
			<frame Size={new UDim2(1, 0, 1, 0)} BackgroundTransparency={1}>
				<textbox
					Key="Query"
					Text={this.state.query}
					PlaceholderText="Search models"
					ClearTextOnFocus={false}
					FontFace={theme.fonts.ui}
					TextSize={theme.textSize.body}
					TextColor3={theme.colors.text.default}
					PlaceholderColor3={theme.colors.dimmedText}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextTruncate={Enum.TextTruncate.AtEnd}
					BackgroundColor3={theme.colors.inputBackground.default}
					BorderSizePixel={0}
					Size={new UDim2(1, -(SEARCH_BUTTON_WIDTH + theme.spacing.s), 0, theme.rowHeight)}
					Change={{ Text: (rbx) => this.setState({ query: rbx.Text }) }}
					Event={{
						FocusLost: (rbx, enterPressed) => {
							if (enterPressed) this.search(rbx.Text);
						},
					}}
				>
					<uipadding PaddingLeft={new UDim(0, theme.spacing.s)} PaddingRight={new UDim(0, theme.spacing.s)} />
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uistroke Color={theme.colors.inputBorder.default} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				</textbox>
				<ThemedButton
					Key="Search"
					text="Search"
					style="main"
					position={new UDim2(1, -SEARCH_BUTTON_WIDTH, 0, 0)}
					size={new UDim2(0, SEARCH_BUTTON_WIDTH, 0, theme.rowHeight)}
					enabled={trim(this.state.query) !== "" && state.status !== "loading"}
					onActivated={() => this.search(this.state.query)}
				/>
				{status !== undefined && (
					<frame
						Key="Status"
						Position={new UDim2(0, 0, 0, top)}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
						<textlabel
							Key="Message"
							LayoutOrder={1}
							Text={status[0]}
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.body}
							TextColor3={status[1]}
							TextXAlignment={Enum.TextXAlignment.Left}
							TextWrapped={true}
							Size={new UDim2(1, 0, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
							BackgroundTransparency={1}
						/>
						{state.status === "error" && (
							<ThemedButton
								Key="Retry"
								text="Try again"
								layoutOrder={2}
								onActivated={() => this.props.onSearch(state.query)}
							/>
						)}
					</frame>
				)}
				{showResults && (
					<scrollingframe
						Key="Results"
						Position={new UDim2(0, 0, 0, top)}
						Size={new UDim2(1, 0, 1, -top)}
						CanvasSize={new UDim2(0, 0, 0, 0)}
						AutomaticCanvasSize={Enum.AutomaticSize.Y}
						ScrollingDirection={Enum.ScrollingDirection.Y}
						VerticalScrollBarInset={Enum.ScrollBarInset.Always}
						ScrollBarThickness={theme.scrollBarThickness}
						ScrollBarImageColor3={theme.colors.scrollBar}
						BackgroundTransparency={1}
						BorderSizePixel={0}
						Change={{
							AbsoluteWindowSize: (rbx) => {
								if (rbx.AbsoluteWindowSize.X !== this.state.width) {
									this.setState({ width: rbx.AbsoluteWindowSize.X });
								}
							},
						}}
					>
						<uigridlayout
							SortOrder={Enum.SortOrder.LayoutOrder}
							CellPadding={UDim2.fromOffset(GAP, GAP)}
							CellSize={new UDim2(1 / columns, -(GAP * (columns - 1)) / columns, 0, RESULT_HEIGHT)}
						/>
						<uipadding PaddingTop={new UDim(0, 1)} PaddingLeft={new UDim(0, 1)} PaddingRight={new UDim(0, 1)} />
						{cells}
						{shown < results.size() && (
							<frame Key="More" LayoutOrder={shown} BackgroundTransparency={1}>
								<ThemedButton
									text={`Show ${math.min(pageSize, results.size() - shown)} more`}
									size={new UDim2(1, 0, 0, theme.rowHeight)}
									onActivated={() => this.setState({ pages: this.state.pages + 1 })}
								/>
							</frame>
						)}
					</scrollingframe>
				)}
			</frame>
		);
	}
}
