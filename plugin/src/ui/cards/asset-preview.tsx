/**
 * What an asset insert brings into the place: the Creator Store thumbnail (an `rbxthumb://` image,
 * which Studio loads without any HTTP request), the asset id and destination, and what the backdoor
 * scan found in the asset's scripts, dangerous findings first, coloured by severity. The scan can
 * report up to a few hundred findings, so they are listed a page at a time.
 */
import Roact from "@rbxts/roact";
import { InstancePath, ScanFinding } from "../../proposals/operation";
import { RULE_LABELS } from "../../studio/asset-scan";
import { ActionButton } from "./action-button";
import { CardTheme, SPACING } from "./card-theme";

export interface AssetPreviewProps {
	readonly theme: CardTheme;
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

	render() {
		const { theme, assetId, findings } = this.props;
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
				Font={code ? theme.codeFont : theme.font}
				TextSize={code ? theme.codeTextSize : theme.textSize}
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
					BackgroundColor3={theme.color("TableItem")}
					BorderSizePixel={0}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 2)} />
					<uipadding PaddingLeft={new UDim(0, SPACING)} PaddingRight={new UDim(0, SPACING)} />
					{line(
						"Severity",
						1,
						`${danger ? "Danger" : "Warning"}: ${where} ${RULE_LABELS[finding.rule]}`,
						theme.color(danger ? "ErrorText" : "WarningText"),
					)}
					{finding.excerpt !== "" && line("Excerpt", 2, finding.excerpt, theme.color("SubText"), true)}
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
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, SPACING)} />
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
						BackgroundColor3={theme.color("InputFieldBackground")}
						BorderSizePixel={0}
						ScaleType={Enum.ScaleType.Fit}
					/>
					<frame
						Key="About"
						Position={new UDim2(0, THUMBNAIL + SPACING * 2, 0, 0)}
						Size={new UDim2(1, -(THUMBNAIL + SPACING * 2), 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 2)} />
						{line("Id", 1, `Asset ${string.format("%d", assetId)}`, theme.color("MainText"))}
						{line("Parent", 2, `Into ${this.props.parentPath}`, theme.color("SubText"))}
						{line(
							"Summary",
							3,
							findingsSummary(ordered),
							theme.color(hasDanger ? "ErrorText" : ordered.size() > 0 ? "WarningText" : "SubText"),
						)}
					</frame>
				</frame>
				{rows}
				{shown < ordered.size() && (
					<frame
						Key="More"
						LayoutOrder={shown + 1}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout FillDirection={Enum.FillDirection.Horizontal} />
						<ActionButton
							theme={theme}
							text={`Show ${math.min(pageSize, ordered.size() - shown)} more of ${ordered.size() - shown}`}
							onActivate={() => this.setState({ pages: this.state.pages + 1 })}
						/>
					</frame>
				)}
			</frame>
		);
	}
}
