/**
 * `ui/cards/`: proposals as the user decides on them. The app renders a ProposalCard per proposal
 * and passes the decisions (approve, reject with a reason, revert, retry, open script) to the
 * proposal store; the parts are exported for views that show one on its own (a snapshot).
 */
export { AssetPreview, assetThumbnail, findingsSummary } from "./asset-preview";
export type { AssetPreviewProps } from "./asset-preview";
export { diffRows, expandTabs, firstChangedLine, visibleWindow } from "./diff-rows";
export type { DiffRow, DiffRows, RowWindow } from "./diff-rows";
export { DiffView } from "./diff-view";
export type { DiffViewProps } from "./diff-view";
export {
	formatValue,
	kindLabel,
	oldPropertyValues,
	operationSentence,
	proposalKinds,
	targetPaths,
} from "./operation-text";
export { OperationView } from "./operation-view";
export type { OperationViewProps } from "./operation-view";
export { hasDangerousFindings, ProposalCard } from "./proposal-card";
export type { ProposalCardProps } from "./proposal-card";
export { PropertyTable } from "./property-table";
export type { PropertyTableProps } from "./property-table";
export { BADGE_LABELS, badgeColors, StateBadge } from "./state-badge";
export type { StateBadgeProps } from "./state-badge";
