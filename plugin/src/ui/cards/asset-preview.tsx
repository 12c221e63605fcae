/**
 * What an asset insert brings into the place: the Creator Store thumbnail (an `rbxthumb://` image,
 * which Studio loads without any HTTP request), the asset id and destination, and what the backdoor
 * scan found in the asset's scripts, dangerous findings first, coloured by severity. The scan can
 * report up to a few hundred findings, so they are listed a page at a time.
 */
import Roact from "@rbxts/roact";
import { InstancePath, ScanFinding } from "../../proposals/operation";
import { RULE_LABELS } from "../../studio/asset-scan";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { showMoreRow } from "./show-more-row";
import { padding } from "../theme/padding";

export interface AssetPreviewProps {
	readonly assetId: number;
	readonly parentPath: InstancePath;
	readonly findings: ReadonlyArray<ScanFinding>;
	/** Findings per page (default 10). */
	readonly pageSize?: number;
	readonly layoutOrder?: number;
}

interface AssetPreviewState {
	readonly pages: number;
}

const THUMBNAIL = 64;
const DEFAULT_PAGE_SIZE = 10;

/** The thumbnail Studio shows for an asset (150 px, the size the Creator Store serves). */
export function assetThumbnail(assetId: number): string {
	return `rbxthumb://type=Asset&id=${string.format("%d", assetId)}&w=150&h=150`;
}

/** "2 dangerous findings, 1 warning" or that the scan found nothing. */
export function findingsSummary(findings: ReadonlyArray<ScanFinding>): string {
	const danger = findings.filter((finding) => finding.severity === "danger").size();
	const warning = findings.size() - danger;
	if (findings.size() === 0) return "The script scan found nothing suspicious.";
	const parts = new Array<string>();
	if (danger > 0) parts.push(`${danger} dangerous finding${danger === 1 ? "" : "s"}`);
	if (warning > 0) parts.push(`${warning} warning${warning === 1 ? "" : "s"}`);
	return `Script scan: ${parts.join(", ")}`;
}

@Roact.ClassComponent
export class AssetPreview extends Roact.Component<AssetPreviewProps, AssetPreviewState> {
	state: AssetPreviewState = { pages: 1 };

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { assetId, findings } = this.props;
		const ordered = [
			...findings.filter((finding) => finding.severity === "danger"),
			...findings.filter((finding) => finding.severity !== "danger"),
		];
		const pageSize = this.props.pageSize ?? DEFAULT_PAGE_SIZE;
		const shown = math.min(ordered.size(), this.state.pages * pageSize);
		const hasDanger = ordered.size() > 0 && ordered[0].severity === "danger";
		const line = (key: string, order: number, text: string, color: Color3, code = false) => (
			<textlabel
				Key={key}
				LayoutOrder={order}
				Text={text}
				FontFace={code ? theme.fonts.code : theme.fonts.ui}
				TextSize={code ? theme.textSize.code : theme.textSize.body}
				TextColor3={color}
				TextXAlignment={Enum.TextXAlignment.Left}
				TextWrapped={true}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			/>
		);

		const rows = new Map<string, Roact.Element>();
		for (let index = 0; index < shown; index++) {
			const finding = ordered[index];
			const danger = finding.severity === "danger";
			const where = finding.line > 0 ? `${finding.script}, line ${finding.line}` : finding.script;
			rows.set(
				`Finding${index}`,
				<frame
					LayoutOrder={index + 1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundColor3={danger ? theme.colors.errorBackground : theme.colors.background}
					BackgroundTransparency={danger ? 0.5 : 1}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, theme.radius)} />
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
					{padding(theme, "xs", "s")}
					{line(
						"Severity",
						1,
						`${danger ? "Danger" : "Warning"}: ${where} ${RULE_LABELS[finding.rule]}`,
						danger ? theme.colors.errorText : theme.colors.warningText,
					)}
					{finding.excerpt !== "" && line("Excerpt", 2, finding.excerpt, theme.colors.subText, true)}
				</frame>,
			);
		}

		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
				<frame
					Key="Asset"
					LayoutOrder={0}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<imagelabel
						Key="Thumbnail"
						Image={assetThumbnail(assetId)}
						Size={UDim2.fromOffset(THUMBNAIL, THUMBNAIL)}
						BackgroundColor3={theme.colors.inputBackground.default}
						BorderSizePixel={0}
						ScaleType={Enum.ScaleType.Fit}
					/>
					<frame
						Key="About"
						Position={new UDim2(0, THUMBNAIL + theme.spacing.m, 0, 0)}
						Size={new UDim2(1, -(THUMBNAIL + theme.spacing.m), 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
						{line("Id", 1, `Asset ${string.format("%d", assetId)}`, theme.colors.text.default)}
						{line("Parent", 2, `Into ${this.props.parentPath}`, theme.colors.subText)}
						{line(
							"Summary",
							3,
							findingsSummary(ordered),
							hasDanger ? theme.colors.errorText : ordered.size() > 0 ? theme.colors.warningText : theme.colors.subText,
						)}
					</frame>
				</frame>
				{rows}
				{shown < ordered.size() &&
					showMoreRow(shown + 1, pageSize, ordered.size() - shown, () =>
						this.setState({ pages: this.state.pages + 1 }),
					)}
			</frame>
		);
	}
}
