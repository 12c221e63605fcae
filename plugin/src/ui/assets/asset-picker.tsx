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
import { ActionButton } from "../cards/action-button";
import { CardColor, CardTheme, CONTROL_HEIGHT, SPACING } from "../cards/card-theme";
import { AssetResultCard, RESULT_HEIGHT } from "./asset-result-card";

/** Where the search stands; `query` is the search the state is about. */
export type AssetPickerState =
	| { readonly status: "idle" }
	| { readonly status: "loading"; readonly query: string }
	| { readonly status: "ready"; readonly query: string }
	| { readonly status: "error"; readonly query: string; readonly message: string };

export interface AssetPickerProps {
	readonly theme: CardTheme;
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
const SCROLL_BAR = 8;
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
	private status(): [string, CardColor] | undefined {
		const state = this.props.state;
		switch (state.status) {
			case "idle":
				return ["Search the Creator Store for models to insert.", "DimmedText"];
			case "loading":
				return [`Searching for "${state.query}"…`, "SubText"];
			case "error":
				return [`Search failed: ${state.message}`, "ErrorText"];
			case "ready":
				return this.props.results.size() === 0 ? [`No results for "${state.query}".`, "DimmedText"] : undefined;
		}
	}

	render() {
		const { theme, state, results } = this.props;
		const status = this.status();
		const showResults = state.status === "ready" && results.size() > 0;
		const columns = columnsFor(this.state.width);
		const pageSize = this.props.pageSize ?? DEFAULT_PAGE_SIZE;
		const shown = math.min(results.size(), this.state.pages * pageSize);
		const cells = new Map<string, Roact.Element>();
		for (let index = 0; index < shown; index++) {
			const result = results[index];
			cells.set(
				`Result${index}`,
				<AssetResultCard theme={theme} result={result} onInsert={this.props.onInsert} layoutOrder={index} />,
			);
		}
		// The status line and the results never show together: both start under the search row.
		const top = CONTROL_HEIGHT + SPACING;

		return (
			<frame Size={new UDim2(1, 0, 1, 0)} BackgroundTransparency={1}>
				<textbox
					Key="Query"
					Text={this.state.query}
					PlaceholderText="Search models"
					ClearTextOnFocus={false}
					Font={theme.font}
					TextSize={theme.textSize}
					TextColor3={theme.color("MainText")}
					PlaceholderColor3={theme.color("DimmedText")}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextTruncate={Enum.TextTruncate.AtEnd}
					BackgroundColor3={theme.color("InputFieldBackground")}
					BorderSizePixel={0}
					Size={new UDim2(1, -(SEARCH_BUTTON_WIDTH + SPACING), 0, CONTROL_HEIGHT)}
					Change={{ Text: (rbx) => this.setState({ query: rbx.Text }) }}
					Event={{
						FocusLost: (rbx, enterPressed) => {
							if (enterPressed) this.search(rbx.Text);
						},
					}}
				>
					<uipadding PaddingLeft={new UDim(0, SPACING)} PaddingRight={new UDim(0, SPACING)} />
					<uistroke Color={theme.color("InputFieldBorder")} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				</textbox>
				<frame
					Key="SearchButton"
					Position={new UDim2(1, -SEARCH_BUTTON_WIDTH, 0, 0)}
					Size={new UDim2(0, SEARCH_BUTTON_WIDTH, 0, CONTROL_HEIGHT)}
					BackgroundTransparency={1}
				>
					<ActionButton
						theme={theme}
						text="Search"
						variant="main"
						fill={true}
						disabled={trim(this.state.query) === "" || state.status === "loading"}
						onActivate={() => this.search(this.state.query)}
					/>
				</frame>
				{status !== undefined && (
					<frame
						Key="Status"
						Position={new UDim2(0, 0, 0, top)}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, SPACING)} />
						<textlabel
							Key="Message"
							LayoutOrder={1}
							Text={status[0]}
							Font={theme.font}
							TextSize={theme.textSize}
							TextColor3={theme.color(status[1])}
							TextXAlignment={Enum.TextXAlignment.Left}
							TextWrapped={true}
							Size={new UDim2(1, 0, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
							BackgroundTransparency={1}
						/>
						{state.status === "error" && (
							<ActionButton
								Key="Retry"
								theme={theme}
								text="Try again"
								layoutOrder={2}
								onActivate={() => this.props.onSearch(state.query)}
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
						ScrollBarThickness={SCROLL_BAR}
						ScrollBarImageColor3={theme.color("ScrollBar")}
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
								<ActionButton
									theme={theme}
									text={`Show ${math.min(pageSize, results.size() - shown)} more`}
									fill={true}
									onActivate={() => this.setState({ pages: this.state.pages + 1 })}
								/>
							</frame>
						)}
					</scrollingframe>
				)}
			</frame>
		);
	}
}
