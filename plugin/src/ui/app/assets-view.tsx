/**
 * The Assets tab: the Creator Store picker, and above it the insert proposals it made (each card
 * shows the asset and what the backdoor scan found in its scripts, with Approve / Reject), plus a
 * line while an asset is being loaded and scanned or why it could not be. The proposals area grows
 * with its cards up to 60% of the tab's height and scrolls past that; the picker takes the rest.
 */
import Roact from "@rbxts/roact";
import { AssetsView as AssetsData } from "../../app/app-state";
import { AssetPicker, AssetPickerState } from "../assets/asset-picker";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { wrappedLabel } from "../theme/wrapped-label";
import { ProposalActions, ProposalSlot } from "./proposal-slot";

export interface AssetActions extends ProposalActions {
	searchAssets(query: string): void;
	insertAsset(assetId: number): void;
}

export interface AssetsViewProps {
	readonly assets: AssetsData;
	readonly actions: AssetActions;
	readonly layoutOrder?: number;
}

/** Share of the tab's height the insert proposals may take before they scroll. */
const PROPOSALS_SHARE = 0.6;

/** Where the search stands, as the picker shows it. */
export function pickerState(assets: AssetsData): AssetPickerState {
	if (assets.searching) return { status: "loading", query: assets.query };
	if (!assets.searched) return { status: "idle" };
	if (assets.searchError !== undefined) return { status: "error", query: assets.query, message: assets.searchError };
	return { status: "ready", query: assets.query };
}

@Roact.ClassComponent
export class AssetsView extends Roact.Component<AssetsViewProps> {
	private readonly contentHeight: Roact.Binding<number>;
	private readonly setContentHeight: (height: number) => void;
	private readonly viewHeight: Roact.Binding<number>;
	private readonly setViewHeight: (height: number) => void;

	constructor(props: AssetsViewProps) {
		super(props);
		[this.contentHeight, this.setContentHeight] = Roact.createBinding(0);
		[this.viewHeight, this.setViewHeight] = Roact.createBinding(0);
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { assets, actions } = this.props;
		const padding = theme.spacing.m;
		const lines = new Map<string, Roact.Element>();
		const note = (key: string, order: number, text: string, color: Color3) =>
			lines.set(
				key,
				wrappedLabel(theme, theme.textSize.body, key, order, text, color),
			);
		if (assets.inserting !== undefined) {
			note(
				"Inserting",
				0,
				`Loading asset ${string.format("%d", assets.inserting)} and scanning its scripts…`,
				theme.colors.subText,
			);
		}
		if (assets.insertError !== undefined) note("InsertError", 1, assets.insertError, theme.colors.errorText);
		assets.proposals.forEach((view, index) =>
			lines.set(
				`Proposal_${view.proposal.id}`,
				<ProposalSlot view={view} actions={actions} layoutOrder={10 + index} />,
			),
		);
		const hasTop = lines.size() > 0;
		const topHeight = Roact.joinBindings([this.contentHeight, this.viewHeight]).map(([content, view]) =>
			math.min(content, math.floor(view * PROPOSALS_SHARE)),
		);
		return (
			<frame
				Size={UDim2.fromScale(1, 1)}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder}
				Change={{ AbsoluteSize: (rbx) => this.setViewHeight(rbx.AbsoluteSize.Y - 2 * padding) }}
			>
				<uipadding
					PaddingLeft={new UDim(0, padding)}
					PaddingRight={new UDim(0, padding)}
					PaddingTop={new UDim(0, padding)}
					PaddingBottom={new UDim(0, padding)}
				/>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, padding)} />
				{hasTop ? (
					<scrollingframe
						Key="Inserts"
						LayoutOrder={1}
						Size={topHeight.map((height) => new UDim2(1, 0, 0, height))}
						CanvasSize={new UDim2(0, 0, 0, 0)}
						AutomaticCanvasSize={Enum.AutomaticSize.Y}
						ScrollingDirection={Enum.ScrollingDirection.Y}
						VerticalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
						ScrollBarThickness={theme.scrollBarThickness}
						ScrollBarImageColor3={theme.colors.scrollBar}
						BackgroundTransparency={1}
						BorderSizePixel={0}
					>
						<uilistlayout
							SortOrder={Enum.SortOrder.LayoutOrder}
							Padding={new UDim(0, theme.spacing.m)}
							Change={{ AbsoluteContentSize: (rbx) => this.setContentHeight(rbx.AbsoluteContentSize.Y) }}
						/>
						{lines}
					</scrollingframe>
				) : undefined}
				<frame Key="Picker" LayoutOrder={2} Size={UDim2.fromScale(1, 0)} BackgroundTransparency={1}>
					{Roact.createElement("UIFlexItem", { FlexMode: Enum.UIFlexMode.Fill })}
					<AssetPicker
						results={assets.results}
						state={pickerState(assets)}
						onSearch={(query) => actions.searchAssets(query)}
						onInsert={(result) => actions.insertAsset(result.id)}
					/>
				</frame>
			</frame>
		);
	}
}
