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
import { ActionButton } from "./action-button";
import { CardColor, CardTheme, CONTROL_HEIGHT, PADDING, SPACING } from "./card-theme";
import { oldPropertyValues, proposalKinds, targetPaths } from "./operation-text";
import { OperationView } from "./operation-view";
import { StateBadge } from "./state-badge";

export interface ProposalCardProps {
	readonly theme: CardTheme;
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

	private text(key: string, order: number, text: string, color: CardColor): Roact.Element {
		const { theme } = this.props;
		return (
			<textlabel
				Key={key}
				LayoutOrder={order}
				Text={text}
				Font={theme.font}
				TextSize={theme.textSize}
				TextColor3={theme.color(color)}
				TextXAlignment={Enum.TextXAlignment.Left}
				TextWrapped={true}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			/>
		);
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
	private renderOutcome(): Map<string, Roact.Element> {
		const { proposal } = this.props;
		const lines = new Map<string, Roact.Element>();
		if (proposal.state === "failed") {
			lines.set("Reason", this.text("Reason", 1, `Failed: ${proposal.reason ?? "no reason was given."}`, "ErrorText"));
		} else if (proposal.state === "stale") {
			lines.set(
				"Reason",
				this.text("Reason", 1, `Stale: ${proposal.reason ?? "the script changed since."}`, "WarningText"),
			);
			(proposal.conflicts ?? []).forEach((conflict, index) =>
				lines.set(
					`Conflict${index}`,
					this.text(`Conflict${index}`, 2 + index, `Conflict in ${conflict.path}: ${conflict.detail}`, "WarningText"),
				),
			);
		} else if (proposal.state === "rejected" && proposal.reason !== undefined && proposal.reason !== "") {
			lines.set("Reason", this.text("Reason", 1, `Rejected: ${proposal.reason}`, "SubText"));
		} else if (proposal.state === "applied" && proposal.waypoint !== undefined) {
			lines.set("Reason", this.text("Reason", 1, `Applied as one undo step ("${proposal.waypoint}").`, "SubText"));
		}
		return lines;
	}

	private renderActions(): Roact.Element | undefined {
		const { theme, proposal } = this.props;
		const id = proposal.id;
		const buttons = new Map<string, Roact.Element>();
		if (proposal.state === "pending") {
			if (this.state.rejecting) {
				buttons.set(
					"ConfirmReject",
					<ActionButton
						theme={theme}
						text="Confirm reject"
						layoutOrder={1}
						onActivate={() => this.reject(this.state.reason)}
					/>,
				);
				buttons.set(
					"CancelReject",
					<ActionButton
						theme={theme}
						text="Cancel"
						layoutOrder={2}
						onActivate={() => this.setState({ rejecting: false, reason: "" })}
					/>,
				);
			} else {
				buttons.set(
					"Approve",
					this.state.confirmingDanger ? (
						<ActionButton
							theme={theme}
							text="Insert anyway"
							variant="danger"
							layoutOrder={1}
							onActivate={this.approve}
						/>
					) : (
						<ActionButton theme={theme} text="Approve" variant="main" layoutOrder={1} onActivate={this.approve} />
					),
				);
				buttons.set(
					"Reject",
					<ActionButton
						theme={theme}
						text="Reject"
						layoutOrder={2}
						onActivate={() => this.setState({ rejecting: true, confirmingDanger: false })}
					/>,
				);
			}
		} else if (proposal.state === "applied") {
			buttons.set(
				"Revert",
				<ActionButton theme={theme} text="Revert" layoutOrder={1} onActivate={() => this.props.onRevert(id)} />,
			);
		} else if (proposal.state === "failed") {
			buttons.set(
				"Retry",
				<ActionButton
					theme={theme}
					text="Retry"
					variant="main"
					layoutOrder={1}
					onActivate={() => this.props.onRetry(id)}
				/>,
			);
		}
		if (buttons.size() === 0) return undefined;
		return (
			<frame
				Key="Actions"
				LayoutOrder={8}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			>
				<uilistlayout
					SortOrder={Enum.SortOrder.LayoutOrder}
					FillDirection={Enum.FillDirection.Horizontal}
					Padding={new UDim(0, SPACING)}
					Wraps={true}
				/>
				{buttons}
			</frame>
		);
	}

	render() {
		const { theme, proposal } = this.props;
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
					theme={theme}
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
				<frame LayoutOrder={shown} Size={new UDim2(1, 0, 0, CONTROL_HEIGHT)} BackgroundTransparency={1}>
					<uilistlayout FillDirection={Enum.FillDirection.Horizontal} />
					<ActionButton
						theme={theme}
						text={`Show ${math.min(pageSize, total - shown)} more of ${total - shown} changes`}
						onActivate={() => this.setState({ operationPages: this.state.operationPages + 1 })}
					/>
				</frame>,
			);
		}

		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundColor3={theme.color("MainBackground")}
				BorderSizePixel={0}
				LayoutOrder={this.props.layoutOrder ?? 0}
			>
				<uicorner CornerRadius={new UDim(0, 4)} />
				<uistroke Color={theme.color("Border")} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				<uipadding
					PaddingLeft={new UDim(0, PADDING)}
					PaddingRight={new UDim(0, PADDING)}
					PaddingTop={new UDim(0, PADDING)}
					PaddingBottom={new UDim(0, PADDING)}
				/>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 6)} />
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
					<StateBadge Key="Badge" theme={theme} state={proposal.state} layoutOrder={1} />
					<textlabel
						Key="Kinds"
						LayoutOrder={2}
						Text={proposalKinds(proposal.operations)}
						Font={theme.font}
						TextSize={theme.textSize}
						TextColor3={theme.color("BrightText")}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(0, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.XY}
						BackgroundTransparency={1}
					/>
				</frame>
				{this.text("Targets", 2, targetPaths(proposal.operations).join(", "), "SubText")}
				{proposal.summary !== "" && this.text("Summary", 3, proposal.summary, "MainText")}
				<frame
					Key="Operations"
					LayoutOrder={4}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, PADDING)} />
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
					{this.renderOutcome()}
				</frame>
				{pending &&
					this.state.confirmingDanger &&
					this.text(
						"DangerNote",
						6,
						"The scan found dangerous code in this asset's scripts. Click Insert anyway to insert it regardless.",
						"ErrorText",
					)}
				{pending && this.state.rejecting && (
					<textbox
						Key="RejectReason"
						LayoutOrder={7}
						Text={this.state.reason}
						PlaceholderText="Reason for rejecting (optional)"
						ClearTextOnFocus={false}
						Font={theme.font}
						TextSize={theme.textSize}
						TextColor3={theme.color("MainText")}
						PlaceholderColor3={theme.color("DimmedText")}
						BackgroundColor3={theme.color("InputFieldBackground")}
						BorderSizePixel={0}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextWrapped={true}
						Size={new UDim2(1, 0, 0, CONTROL_HEIGHT)}
						AutomaticSize={Enum.AutomaticSize.Y}
						Change={{ Text: (rbx) => this.setState({ reason: rbx.Text }) }}
						Event={{
							FocusLost: (rbx, enterPressed) => {
								if (enterPressed) this.reject(rbx.Text);
							},
						}}
					>
						<uipadding PaddingLeft={new UDim(0, SPACING)} PaddingRight={new UDim(0, SPACING)} />
						<uistroke Color={theme.color("InputFieldBorder")} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
					</textbox>
				)}
				{this.renderActions()}
			</frame>
		);
	}
}
