/**
 * A proposal where the widget shows one (in the conversation, or under the asset picker): its card,
 * and under it what the user's last action on it left — "Applying…" while an approve, retry or
 * revert runs, the reason an action did not happen, or, when a revert would overwrite later
 * changes, the list of them with Revert anyway / Cancel.
 */
import Roact from "@rbxts/roact";
import { ProposalView } from "../../app/proposal-view";
import { ProposalCard } from "../cards/proposal-card";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { wrappedLabel } from "../theme/wrapped-label";

/** What the user can do to a proposal (the view-model's actions). */
export interface ProposalActions {
	approve(id: string): void;
	reject(id: string, reason?: string): void;
	revert(id: string, force?: boolean): void;
	cancelRevert(id: string): void;
	retryProposal(id: string): void;
	openScript(id: string, path?: string, line?: number): void;
}

export interface ProposalSlotProps {
	readonly view: ProposalView;
	readonly actions: ProposalActions;
	readonly layoutOrder?: number;
}

const BUSY_TEXT = {
	approving: "Applying…",
	rejecting: "Rejecting…",
	reverting: "Reverting…",
	retrying: "Applying again…",
};

/** Conflicts listed by name before "and N more". */
const CONFLICTS_SHOWN = 4;

export function ProposalSlot(props: ProposalSlotProps): Roact.Element {
	return withTheme((theme) => renderSlot(theme, props));
}

function renderSlot(theme: Theme, props: ProposalSlotProps): Roact.Element {
	const { view, actions } = props;
	const id = view.proposal.id;
	const activity = view.activity;
	const below = new Map<string, Roact.Element>();
	if (activity.busy !== undefined)
		below.set("Busy", wrappedLabel(theme, theme.textSize.small, "Busy", 2, BUSY_TEXT[activity.busy], theme.colors.subText));
	if (activity.error !== undefined) below.set("Error", wrappedLabel(theme, theme.textSize.small, "Error", 3, activity.error, theme.colors.errorText));
	const conflicts = activity.revertConflicts;
	if (conflicts !== undefined && conflicts.size() > 0) {
		const named = new Array<string>();
		for (let index = 0; index < math.min(conflicts.size(), CONFLICTS_SHOWN); index++) {
			named.push(`${conflicts[index].path} (${conflicts[index].detail})`);
		}
		const more = conflicts.size() > CONFLICTS_SHOWN ? ` and ${conflicts.size() - CONFLICTS_SHOWN} more` : "";
		below.set(
			"Conflicts",
			wrappedLabel(
				theme,
				theme.textSize.small,
				"Conflicts",
				4,
				`Reverting would overwrite changes made since: ${named.join("; ")}${more}.`,
				theme.colors.warningText,
			),
		);
		below.set(
			"ConfirmRevert",
			<frame
				LayoutOrder={5}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			>
				<uilistlayout
					FillDirection={Enum.FillDirection.Horizontal}
					SortOrder={Enum.SortOrder.LayoutOrder}
					Padding={new UDim(0, theme.spacing.s)}
				/>
				<ThemedButton
					Key="RevertAnyway"
					text="Revert anyway"
					textColor={theme.colors.errorText}
					layoutOrder={1}
					onActivated={() => actions.revert(id, true)}
				/>
				<ThemedButton Key="Cancel" text="Cancel" layoutOrder={2} onActivated={() => actions.cancelRevert(id)} />
			</frame>,
		);
	}
	return (
		<frame
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			BackgroundTransparency={1}
			LayoutOrder={props.layoutOrder}
		>
			<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
			<ProposalCard
				Key="Card"
				proposal={view.proposal}
				layoutOrder={1}
				onApprove={(proposalId) => actions.approve(proposalId)}
				onReject={(proposalId, reason) => actions.reject(proposalId, reason)}
				onRevert={(proposalId) => actions.revert(proposalId)}
				onRetry={(proposalId) => actions.retryProposal(proposalId)}
				onOpenScript={(proposalId, path, scriptLine) => actions.openScript(proposalId, path, scriptLine)}
			/>
			{below}
		</frame>
	);
}
