/**
 * A proposal as the user decides on it: its state badge, what it changes (kinds and target paths),
 * the model's note, each operation drawn by kind, what happened to it (the failure reason, the
 * stale conflicts, the rejection reason) and the buttons its state allows, which mirror the
 * proposal state machine: pending → Approve / Reject (with an optional reason) and Open script on
 * each script edit; applied → Revert; failed → Retry; nothing while approved or applying, nor once
 * final. An insert whose scan found something dangerous needs a second, explicit "Insert anyway".
 *
 * The card only reports decisions (callbacks with the proposal id); the store changes the state
 * and the new proposal comes back as a prop. Everything wraps to the card's width, and a proposal
 * with many operations shows them a page at a time.
 */
import Roact from "@rbxts/roact";
import { Proposal } from "../../proposals/proposal";
import { InstancePath } from "../../proposals/operation";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { buttonRow } from "../theme/button-row";
import { ThemedButton } from "../theme/themed-button";
import { wrappedLabel } from "../theme/wrapped-label";
import { oldPropertyValues, proposalKinds, targetPaths } from "./operation-text";
import { OperationView } from "./operation-view";
import { StateBadge } from "./state-badge";
import { padding } from "../theme/padding";

export interface ProposalCardProps {
	readonly proposal: Proposal;
	readonly onApprove: (proposalId: string) => void;
	/** `reason` is the user's text, trimmed; undefined when they gave none. */
	readonly onReject: (proposalId: string, reason?: string) => void;
	readonly onRevert: (proposalId: string) => void;
	readonly onRetry: (proposalId: string) => void;
	/** Open the script at `path` with the cursor on `line` (1-based, the first changed line). */
	readonly onOpenScript: (proposalId: string, path: InstancePath, line: number) => void;
	/** Operations per page (default 10). */
	readonly operationPageSize?: number;
	readonly layoutOrder?: number;
}

interface ProposalCardState {
	/** The reason field is open (the first click on Reject). */
	readonly rejecting: boolean;
	readonly reason: string;
	/** Approve was clicked once on an insert with dangerous findings. */
	readonly confirmingDanger: boolean;
	readonly operationPages: number;
}

const DEFAULT_OPERATION_PAGE = 10;

/** Whether any insert of the proposal has a finding of severity "danger". */
export function hasDangerousFindings(proposal: Proposal): boolean {
	return proposal.operations.some(
		(operation) =>
			operation.kind === "insert_asset" && operation.findings.some((finding) => finding.severity === "danger"),
	);
}

function trim(text: string): string {
	return text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
}

@Roact.ClassComponent
export class ProposalCard extends Roact.Component<ProposalCardProps, ProposalCardState> {
	state: ProposalCardState = { rejecting: false, reason: "", confirmingDanger: false, operationPages: 1 };

	didUpdate(previous: ProposalCardProps) {
		const changed =
			previous.proposal.id !== this.props.proposal.id || previous.proposal.state !== this.props.proposal.state;
		if (changed && (this.state.rejecting || this.state.confirmingDanger)) {
			this.setState({ rejecting: false, reason: "", confirmingDanger: false });
		}
	}

	private approve = () => {
		if (hasDangerousFindings(this.props.proposal) && !this.state.confirmingDanger) {
			this.setState({ confirmingDanger: true });
			return;
		}
		this.props.onApprove(this.props.proposal.id);
	};

	private reject(text: string) {
		const reason = trim(text);
		this.props.onReject(this.props.proposal.id, reason !== "" ? reason : undefined);
	}

	/** What happened to the proposal, under its operations. */
	private renderOutcome(theme: Theme): Map<string, Roact.Element> {
		const { proposal } = this.props;
		const colors = theme.colors;
		const lines = new Map<string, Roact.Element>();
		const add = (key: string, order: number, text: string, color: Color3) =>
			lines.set(key, wrappedLabel(theme, theme.textSize.body, key, order, text, color));
		if (proposal.state === "failed") {
			add("Reason", 1, `Failed: ${proposal.reason ?? "no reason was given."}`, colors.errorText);
		} else if (proposal.state === "stale") {
			add("Reason", 1, `Stale: ${proposal.reason ?? "the script changed since."}`, colors.warningText);
			(proposal.conflicts ?? []).forEach((conflict, index) =>
				add(`Conflict${index}`, 2 + index, `Conflict in ${conflict.path}: ${conflict.detail}`, colors.warningText),
			);
		} else if (proposal.state === "rejected" && proposal.reason !== undefined && proposal.reason !== "") {
			add("Reason", 1, `Rejected: ${proposal.reason}`, colors.subText);
		} else if (proposal.state === "applied" && proposal.waypoint !== undefined) {
			add("Reason", 1, `Applied as one undo step ("${proposal.waypoint}").`, colors.subText);
		}
		return lines;
	}

	private renderActions(theme: Theme): Roact.Element | undefined {
		const { proposal } = this.props;
		const id = proposal.id;
		const buttons = new Map<string, Roact.Element>();
		if (proposal.state === "pending") {
			if (this.state.rejecting) {
				buttons.set(
					"ConfirmReject",
					<ThemedButton text="Confirm reject" layoutOrder={1} onActivated={() => this.reject(this.state.reason)} />,
				);
				buttons.set(
					"CancelReject",
					<ThemedButton
						text="Cancel"
						layoutOrder={2}
						onActivated={() => this.setState({ rejecting: false, reason: "" })}
					/>,
				);
			} else {
				buttons.set(
					"Approve",
					this.state.confirmingDanger ? (
						<ThemedButton
							text="Insert anyway"
							textColor={theme.colors.errorText}
							layoutOrder={1}
							onActivated={this.approve}
						/>
					) : (
						<ThemedButton text="Approve" style="main" layoutOrder={1} onActivated={this.approve} />
					),
				);
				buttons.set(
					"Reject",
					<ThemedButton
						text="Reject"
						layoutOrder={2}
						onActivated={() => this.setState({ rejecting: true, confirmingDanger: false })}
					/>,
				);
			}
		} else if (proposal.state === "applied") {
			buttons.set("Revert", <ThemedButton text="Revert" layoutOrder={1} onActivated={() => this.props.onRevert(id)} />);
		} else if (proposal.state === "failed") {
			buttons.set(
				"Retry",
				<ThemedButton text="Retry" style="main" layoutOrder={1} onActivated={() => this.props.onRetry(id)} />,
			);
		}
		if (buttons.size() === 0) return undefined;
		return buttonRow(theme, "Actions", 8, buttons);
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { proposal } = this.props;
		const colors = theme.colors;
		const pending = proposal.state === "pending";
		const pageSize = this.props.operationPageSize ?? DEFAULT_OPERATION_PAGE;
		const total = proposal.operations.size();
		const shown = math.min(total, this.state.operationPages * pageSize);

		const operations = new Map<string, Roact.Element>();
		for (let index = 0; index < shown; index++) {
			const operation = proposal.operations[index];
			const openScript =
				pending && operation.kind === "edit_script"
					? (line: number) => this.props.onOpenScript(proposal.id, operation.path, line)
					: undefined;
			operations.set(
				`Operation${index}`,
				<OperationView
					operation={operation}
					oldValues={oldPropertyValues(proposal.operations, proposal.applied, index)}
					onOpenScript={openScript}
					layoutOrder={index}
				/>,
			);
		}
		if (shown < total) {
			operations.set(
				"MoreOperations",
				<frame LayoutOrder={shown} Size={new UDim2(1, 0, 0, theme.rowHeight)} BackgroundTransparency={1}>
					<uilistlayout FillDirection={Enum.FillDirection.Horizontal} />
					<ThemedButton
						text={`Show ${math.min(pageSize, total - shown)} more of ${total - shown} changes`}
						onActivated={() => this.setState({ operationPages: this.state.operationPages + 1 })}
					/>
				</frame>,
			);
		}

		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundColor3={colors.background}
				BorderSizePixel={0}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uicorner CornerRadius={new UDim(0, theme.radius)} />
				<uistroke Color={colors.border} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				{padding(theme, "m")}
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
				<frame
					Key="Header"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout
						SortOrder={Enum.SortOrder.LayoutOrder}
						FillDirection={Enum.FillDirection.Horizontal}
						VerticalAlignment={Enum.VerticalAlignment.Center}
						Padding={new UDim(0, 6)}
						Wraps={true}
					/>
					<StateBadge Key="Badge" state={proposal.state} layoutOrder={1} />
					<textlabel
						Key="Kinds"
						LayoutOrder={2}
						Text={proposalKinds(proposal.operations)}
						FontFace={theme.fonts.uiSemiBold}
						TextSize={theme.textSize.body}
						TextColor3={colors.brightText}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(0, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.XY}
						BackgroundTransparency={1}
					/>
				</frame>
				{wrappedLabel(theme, theme.textSize.body, "Targets", 2, targetPaths(proposal.operations).join(", "), colors.subText)}
				{proposal.summary !== "" && wrappedLabel(theme, theme.textSize.body, "Summary", 3, proposal.summary, colors.text.default)}
				<frame
					Key="Operations"
					LayoutOrder={4}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
					{operations}
				</frame>
				<frame
					Key="Outcome"
					LayoutOrder={5}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 2)} />
					{this.renderOutcome(theme)}
				</frame>
				{pending &&
					this.state.confirmingDanger &&
					wrappedLabel(
						theme,
						theme.textSize.body,
						"DangerNote",
						6,
						"The scan found dangerous code in this asset's scripts. Click Insert anyway to insert it regardless.",
						colors.errorText,
					)}
				{pending && this.state.rejecting && (
					<textbox
						Key="RejectReason"
						LayoutOrder={7}
						Text={this.state.reason}
						PlaceholderText="Reason for rejecting (optional)"
						ClearTextOnFocus={false}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={colors.text.default}
						PlaceholderColor3={colors.dimmedText}
						BackgroundColor3={colors.inputBackground.default}
						BorderSizePixel={0}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(1, 0, 0, theme.rowHeight)}
						AutomaticSize={Enum.AutomaticSize.Y}
						Change={{ Text: (rbx) => this.setState({ reason: rbx.Text }) }}
						Event={{
							FocusLost: (rbx, enterPressed) => {
								if (enterPressed) this.reject(rbx.Text);
							},
						}}
					>
						<uipadding PaddingLeft={new UDim(0, theme.spacing.s)} PaddingRight={new UDim(0, theme.spacing.s)} />
						<uicorner CornerRadius={new UDim(0, theme.radius)} />
						<uistroke Color={colors.inputBorder.default} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					</textbox>
				)}
				{this.renderActions(theme)}
			</frame>
		);
	}
}
