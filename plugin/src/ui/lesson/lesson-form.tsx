/**
 * The "New lesson" form: subject, grade level, learning objectives (one per line), the environment,
 * whether to include a quiz and an optional Canvas course, and Build lesson. The form edits a draft
 * its owner keeps (so what was typed survives switching tabs) and hands over a checked request
 * (lesson/lesson-request.ts); it never talks to the agent itself. Messages under the fields appear
 * once Build lesson was pressed with something missing, and follow the edits from then on. While
 * the agent cannot start a lesson the button is disabled and a note says why.
 */
import Roact from "@rbxts/roact";
import { LESSON_ENVIRONMENTS } from "../../lesson/lesson-progress";
import { checkLessonRequest, LessonDraft, LessonRequest } from "../../lesson/lesson-request";
import { ChoiceField, ChoiceOption } from "../settings/choice-field";
import { TextField } from "../settings/text-field";
import { ToggleField } from "../settings/toggle-field";
import { buttonRow } from "../theme/button-row";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { wrappedLabel } from "../theme/wrapped-label";
import { padding } from "../theme/padding";

export interface LessonFormProps {
	readonly draft: LessonDraft;
	readonly onDraft: (draft: LessonDraft) => void;
	/** Build lesson with a valid request. */
	readonly onBuild: (request: LessonRequest) => void;
	/** Why a lesson cannot start now (the button is disabled and this shows under it). */
	readonly blockedNote?: string;
}

interface LessonFormState {
	/** Build lesson was pressed: show what is wrong with each field. */
	readonly checked: boolean;
}

/** "space station" → "Space station". */
function capitalized(text: string): string {
	return text.sub(1, 1).upper() + text.sub(2);
}

const ENVIRONMENTS: ReadonlyArray<ChoiceOption<string>> = LESSON_ENVIRONMENTS.map((environment) => ({
	value: environment,
	label: capitalized(environment),
}));

const INTRO =
	"Vector plans the lesson in stages (the environment, the quiz, the stations, a summary) and proposes each one in Chat for your approval.";

@Roact.ClassComponent
export class LessonForm extends Roact.Component<LessonFormProps, LessonFormState> {
	state: LessonFormState = { checked: false };

	private edit(change: Partial<LessonDraft>): void {
		this.props.onDraft({ ...this.props.draft, ...change });
	}

	private build(): void {
		if (this.props.blockedNote !== undefined) return;
		const request = checkLessonRequest(this.props.draft).request;
		if (request === undefined) {
			this.setState({ checked: true });
			return;
		}
		this.props.onBuild(request);
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const colors = theme.colors;
		const draft = this.props.draft;
		const errors = this.state.checked ? checkLessonRequest(draft).errors : {};
		const blocked = this.props.blockedNote;
		const actions = new Map<string, Roact.Element>();
		actions.set(
			"Build",
			<ThemedButton
				Key="Build"
				text="Build lesson"
				style="main"
				layoutOrder={1}
				enabled={blocked === undefined}
				onActivated={() => this.build()}
			/>,
		);
		return (
			<scrollingframe
				Size={UDim2.fromScale(1, 1)}
				CanvasSize={new UDim2(0, 0, 0, 0)}
				AutomaticCanvasSize={Enum.AutomaticSize.Y}
				ScrollingDirection={Enum.ScrollingDirection.Y}
				VerticalScrollBarInset={Enum.ScrollBarInset.ScrollBar}
				ScrollBarThickness={theme.scrollBarThickness}
				ScrollBarImageColor3={colors.scrollBar}
				BackgroundTransparency={1}
				BorderSizePixel={0}
			>
				{padding(theme, "m")}
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
				<textlabel
					Key="Heading"
					LayoutOrder={1}
					Text="New lesson"
					FontFace={theme.fonts.uiSemiBold}
					TextSize={theme.textSize.title}
					TextColor3={colors.brightText}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextWrapped={true}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				/>
				{wrappedLabel(theme, theme.textSize.small, "Intro", 2, INTRO, colors.subText)}
				<TextField
					Key="Subject"
					layoutOrder={3}
					label="Subject"
					value={draft.subject}
					placeholder="e.g. Fractions"
					message={errors.subject}
					onChange={(text) => this.edit({ subject: text })}
				/>
				<TextField
					Key="GradeLevel"
					layoutOrder={4}
					label="Grade level"
					value={draft.gradeLevel}
					placeholder="e.g. 5th grade"
					message={errors.gradeLevel}
					onChange={(text) => this.edit({ gradeLevel: text })}
				/>
				<TextField
					Key="Objectives"
					layoutOrder={5}
					label="Learning objectives"
					value={draft.objectives}
					lines={4}
					placeholder="One per line, e.g. Compare fractions with unlike denominators"
					hint="One per line, up to 8."
					message={errors.objectives}
					onChange={(text) => this.edit({ objectives: text })}
				/>
				<ChoiceField
					Key="Environment"
					layoutOrder={6}
					label="Environment"
					options={ENVIRONMENTS}
					selected={draft.environment}
					description={errors.environment}
					onSelect={(environment) => this.edit({ environment })}
				/>
				<ToggleField
					Key="Quiz"
					layoutOrder={7}
					label="Include a quiz"
					description="Quiz stations in the world; answers are checked on the server."
					checked={draft.includeQuiz}
					onToggle={(checked) => this.edit({ includeQuiz: checked })}
				/>
				<TextField
					Key="CanvasCourse"
					layoutOrder={8}
					label="Canvas course (optional)"
					value={draft.canvasCourse}
					placeholder="1234 or https://school.instructure.com/courses/1234"
					hint="Vector reads the course's modules, pages and assignments to seed the objectives (Canvas connection in Settings)."
					message={errors.canvasCourse}
					onChange={(text) => this.edit({ canvasCourse: text })}
				/>
				{buttonRow(theme, "Actions", 9, actions)}
				{blocked !== undefined &&
					wrappedLabel(theme, theme.textSize.small, "BlockedNote", 10, blocked, colors.warningText)}
			</scrollingframe>
		);
	}
}
