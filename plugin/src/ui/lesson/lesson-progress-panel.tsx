/**
 * How far the lesson being built has come, atop the Chat tab: its title, "Stage 2 of 5" (or "All 5
 * stages done"), and a row per planned stage with a coloured dot and what the teacher should know
 * about it — waiting for approval, done, or why it failed, went stale or was rejected and what to
 * do about it. Compact for a ~400 px dock: one small line per stage under its name, all wrapping,
 * on the title bar's colour with a rule under it, set off from the conversation below.
 * It renders a LessonProgress (lesson/lesson-progress.ts) and nothing else; the cards in the
 * transcript carry the actions. Once every stage is done it folds to its title and summary, so the
 * finished lesson stops taking the chat's room; "Show stages" / "Hide stages" toggles the rows.
 */
import Roact from "@rbxts/roact";
import { LessonProgress, LessonStageStatus, LessonStageView } from "../../lesson/lesson-progress";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { wrappedLabel } from "../theme/wrapped-label";
import { padding } from "../theme/padding";
import { ThemedButton } from "../theme/themed-button";

export interface LessonProgressPanelProps {
	readonly progress: LessonProgress;
	readonly layoutOrder?: number;
}

const DOT = 10;

/** The line under a stage's name. */
export function stageStatusText(stage: LessonStageView): string {
	const reason = stage.reason === undefined ? undefined : stage.reason.gsub("[%s%.]+$", "")[0];
	const because = reason === undefined || reason === "" ? "" : `: ${reason}`;
	switch (stage.status) {
		case "waiting":
			return "Waiting";
		case "proposed":
			return "Waiting for your approval";
		case "applying":
			return "Applying…";
		case "done":
			return "Done";
		case "failed":
			return `Failed${because}. ${stage.canRetry ? "Retry it on its card." : "Ask Vector to propose it again."}`;
		case "stale":
			return "The place changed; ask Vector to propose it again.";
		case "rejected":
			return `Rejected${because}`;
		case "reverted":
			return "Reverted";
		case "skipped":
			return "Skipped";
	}
}

/** "Stage 2 of 5", or "All 5 stages done". */
export function progressSummary(progress: LessonProgress): string {
	const total = progress.stages.size();
	if (progress.done === total) return total === 1 ? "The stage is done" : `All ${total} stages done`;
	return `Stage ${math.min(progress.current, total)} of ${total}`;
}

/** The dot's colour and whether it is filled (an outline for what has not happened). */
function dotStyle(theme: Theme, status: LessonStageStatus): [Color3, boolean] {
	const colors = theme.colors;
	switch (status) {
		case "waiting":
			return [colors.dimmedText, false];
		case "proposed":
		case "applying":
			return [colors.mainButton.default, true];
		case "done":
			return [colors.success, true];
		case "failed":
			return [colors.errorText, true];
		case "stale":
			return [colors.warningText, true];
		case "rejected":
		case "reverted":
		case "skipped":
			return [colors.dimmedText, true];
	}
}

function statusColor(theme: Theme, status: LessonStageStatus): Color3 {
	const colors = theme.colors;
	switch (status) {
		case "failed":
			return colors.errorText;
		case "stale":
			return colors.warningText;
		case "proposed":
		case "applying":
			return colors.text.default;
		case "done":
			return colors.success;
		default:
			return colors.dimmedText;
	}
}

function stageRow(theme: Theme, stage: LessonStageView, order: number, current: boolean): Roact.Element {
	const [dot, filled] = dotStyle(theme, stage.status);
	const indent = DOT + theme.spacing.s;
	return (
		<frame
			Key={`Stage_${stage.id}`}
			LayoutOrder={order}
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			BackgroundTransparency={1}
		>
			<frame
				Key="Icon"
				Position={UDim2.fromOffset(0, math.floor((theme.textSize.body * 1.25 - DOT) / 2))}
				Size={UDim2.fromOffset(DOT, DOT)}
				BackgroundColor3={dot}
				BackgroundTransparency={filled ? 0 : 1}
				BorderSizePixel={0}
			>
				<uicorner CornerRadius={new UDim(0.5, 0)} />
				{!filled && <uistroke Color={dot} Thickness={1} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />}
			</frame>
			<frame
				Key="Text"
				Position={UDim2.fromOffset(indent, 0)}
				Size={new UDim2(1, -indent, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />
				<textlabel
					Key="Name"
					LayoutOrder={1}
					Text={stage.name}
					FontFace={current ? theme.fonts.uiSemiBold : theme.fonts.ui}
					TextSize={theme.textSize.body}
					TextColor3={current ? theme.colors.brightText : theme.colors.text.default}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextWrapped={true}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				/>
				{wrappedLabel(
					theme,
					theme.textSize.small,
					"Status",
					2,
					stageStatusText(stage),
					statusColor(theme, stage.status),
				)}
			</frame>
		</frame>
	);
}

interface LessonProgressPanelState {
	/** The teacher's choice; until they make one, the rows show while the lesson is being built. */
	readonly expanded?: boolean;
}

@Roact.ClassComponent
export class LessonProgressPanel extends Roact.Component<LessonProgressPanelProps, LessonProgressPanelState> {
	constructor(props: LessonProgressPanelProps) {
		super(props);
		this.state = {};
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const props = this.props;
		const { progress } = props;
		const colors = theme.colors;
		const allDone = progress.done === progress.stages.size();
		const expanded = this.state.expanded ?? !allDone;
		const rows = new Map<string, Roact.Element>();
		if (expanded) {
			progress.stages.forEach((stage, index) =>
				rows.set(`Stage_${stage.id}`, stageRow(theme, stage, index + 1, !allDone && index + 1 === progress.current)),
			);
		}
		return (
			<frame
				LayoutOrder={props.layoutOrder ?? 0}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundColor3={colors.titlebar}
				BorderSizePixel={0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />
				<frame
					Key="Body"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					{padding(theme, "s", "m")}
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs + 2)} />
					<frame
						Key="Header"
						LayoutOrder={0}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />
						<textlabel
							Key="Title"
							LayoutOrder={1}
							Text={progress.title}
							FontFace={theme.fonts.uiSemiBold}
							TextSize={theme.textSize.body}
							TextColor3={colors.brightText}
							TextXAlignment={Enum.TextXAlignment.Left}
							TextWrapped={true}
							Size={new UDim2(1, 0, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
							BackgroundTransparency={1}
						/>
						<frame
							Key="SummaryRow"
							LayoutOrder={2}
							Size={new UDim2(1, 0, 0, 0)}
							AutomaticSize={Enum.AutomaticSize.Y}
							BackgroundTransparency={1}
						>
							<uilistlayout
								SortOrder={Enum.SortOrder.LayoutOrder}
								FillDirection={Enum.FillDirection.Horizontal}
								VerticalAlignment={Enum.VerticalAlignment.Center}
								Padding={new UDim(0, theme.spacing.m)}
								Wraps={true}
							/>
							<textlabel
								Key="Summary"
								LayoutOrder={1}
								Text={progressSummary(progress)}
								FontFace={theme.fonts.ui}
								TextSize={theme.textSize.small}
								TextColor3={allDone ? colors.success : colors.subText}
								Size={new UDim2(0, 0, 0, 0)}
								AutomaticSize={Enum.AutomaticSize.XY}
								BackgroundTransparency={1}
							/>
							<ThemedButton
								Key="Toggle"
								text={expanded ? "Hide stages" : "Show stages"}
								layoutOrder={2}
								onActivated={() => this.setState({ expanded: !expanded })}
							/>
						</frame>
					</frame>
					{rows}
				</frame>
				<frame
					Key="Rule"
					LayoutOrder={2}
					Size={new UDim2(1, 0, 0, 1)}
					BackgroundColor3={colors.border}
					BorderSizePixel={0}
				/>
			</frame>
		);
	}
}
