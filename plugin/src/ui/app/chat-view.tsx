/**
 * The Chat tab: the lesson being built, when there is one (its stages and how far each has come),
 * the conversation (Transcript, with each proposal's card at the place the model made it), the
 * error banner when a step failed, a note when an action was refused, and the composer
 * with the context chips. The conversation takes whatever height the composer leaves.
 *
 * Keyboard: when the widget is opened (`focusRequest` changes) the composer's text box captures
 * focus, so the user can type at once.
 */
import Roact from "@rbxts/roact";
import { AppState } from "../../app/app-state";
import { toTranscriptItems } from "../../app/transcript-items";
import { ErrorBanner } from "../chat/error-banner";
import { Transcript } from "../chat/transcript";
import { Composer } from "../composer/composer";
import { LessonProgressPanel } from "../lesson/lesson-progress-panel";
import { withTheme } from "../theme/theme-context";
import { NoticeLine } from "./notice-line";
import { ProposalActions, ProposalSlot } from "./proposal-slot";

/** What the chat view's controls do (the view-model's actions). */
export interface ChatActions extends ProposalActions {
	send(text: string): void;
	stop(): void;
	retry(): void;
	dismissError(): void;
	dismissNotice(): void;
	removeAttachment(id: string): void;
}

export interface ChatViewProps {
	readonly state: AppState;
	readonly actions: ChatActions;
	readonly layoutOrder?: number;
}

const EMPTY_TEXT =
	"Ask Vector to explain, build or fix something in your place. It reads what it needs and proposes every change as a card you approve or reject.";

const CHIP_KINDS = { script: "Script", selection: "Selected", more: "Selected" };

@Roact.ClassComponent
export class ChatView extends Roact.Component<ChatViewProps> {
	private readonly composerArea = Roact.createRef<Frame>();

	didMount(): void {
		if (this.props.state.focusRequest > 0) this.focusComposer();
	}

	didUpdate(previous: ChatViewProps): void {
		if (previous.state.focusRequest !== this.props.state.focusRequest) this.focusComposer();
	}

	render(): Roact.Element {
		const { state, actions } = this.props;
		const items = toTranscriptItems(state.items);
		const banner = state.banner;
		return withTheme((theme) => (
			<frame Size={UDim2.fromScale(1, 1)} BackgroundTransparency={1} LayoutOrder={this.props.layoutOrder}>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} FillDirection={Enum.FillDirection.Vertical} />
				{state.lesson !== undefined ? (
					<LessonProgressPanel Key="LessonProgress" layoutOrder={0} progress={state.lesson} />
				) : undefined}
				<frame Key="Conversation" LayoutOrder={1} Size={UDim2.fromScale(1, 0)} BackgroundTransparency={1}>
					{Roact.createElement("UIFlexItem", { FlexMode: Enum.UIFlexMode.Fill })}
					<Transcript
						Key="Transcript"
						items={items}
						emptyText={EMPTY_TEXT}
						size={UDim2.fromScale(1, 1)}
						renderProposal={(proposalId) => {
							const view = state.proposals.get(proposalId);
							return view === undefined ? undefined : <ProposalSlot view={view} actions={actions} />;
						}}
					/>
				</frame>
				{banner !== undefined ? (
					<frame
						Key="Banner"
						LayoutOrder={2}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						BackgroundTransparency={1}
					>
						<uipadding
							PaddingLeft={new UDim(0, theme.spacing.m)}
							PaddingRight={new UDim(0, theme.spacing.m)}
							PaddingTop={new UDim(0, theme.spacing.s)}
						/>
						<ErrorBanner
							message={banner.message}
							retryAt={banner.retryAt}
							onRetry={banner.canRetry ? () => actions.retry() : undefined}
							onDismiss={() => actions.dismissError()}
						/>
					</frame>
				) : undefined}
				{state.notice !== undefined ? (
					<NoticeLine
						Key="Notice"
						layoutOrder={3}
						text={state.notice}
						onDismiss={() => actions.dismissNotice()}
					/>
				) : undefined}
				<frame
					Key="ComposerArea"
					Ref={this.composerArea}
					LayoutOrder={4}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<Composer
						busy={state.loop.busy}
						placeholder={state.loop.placeholder}
						chips={state.attachments.map((attachment) => ({
							id: attachment.id,
							label: attachment.label,
							kind: CHIP_KINDS[attachment.kind],
						}))}
						onSend={(text) => actions.send(text)}
						onStop={() => actions.stop()}
						onRemoveChip={(id) => actions.removeAttachment(id)}
					/>
				</frame>
			</frame>
		));
	}

	private focusComposer(): void {
		const area = this.composerArea.getValue();
		const box = area?.FindFirstChildWhichIsA("TextBox", true);
		if (box !== undefined && box.TextEditable) box.CaptureFocus();
	}
}
