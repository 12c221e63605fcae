/**
 * The Lesson tab: the "New lesson" form (ui/lesson/lesson-form.tsx) over the draft its owner keeps,
 * with the view-model's notice above it when starting was refused. Build lesson hands the request
 * to the view-model, which sends it as a chat message and shows Chat; once it went, the draft is
 * cleared for the next lesson. The button waits while the agent cannot start a lesson
 * (app/lesson-start.ts).
 */
import Roact from "@rbxts/roact";
import { AppState } from "../../app/app-state";
import { lessonStartNote } from "../../app/lesson-start";
import { EMPTY_LESSON_DRAFT, LessonDraft, LessonRequest } from "../../lesson/lesson-request";
import { LessonForm } from "../lesson/lesson-form";
import { NoticeLine } from "./notice-line";

/** What the lesson view's controls do (the view-model's actions). */
export interface LessonActions {
	startLesson(request: LessonRequest): { readonly ok: boolean };
	dismissNotice(): void;
}

export interface LessonViewProps {
	readonly state: Pick<AppState, "loop" | "notice">;
	readonly draft: LessonDraft;
	readonly onDraft: (draft: LessonDraft) => void;
	readonly actions: LessonActions;
	readonly layoutOrder?: number;
}

export function LessonView(props: LessonViewProps): Roact.Element {
	const { state, actions } = props;
	return (
		<frame Size={UDim2.fromScale(1, 1)} BackgroundTransparency={1} LayoutOrder={props.layoutOrder}>
			<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} FillDirection={Enum.FillDirection.Vertical} />
			{state.notice !== undefined ? (
				<NoticeLine Key="Notice" layoutOrder={1} text={state.notice} onDismiss={() => actions.dismissNotice()} />
			) : undefined}
			<frame Key="Form" LayoutOrder={2} Size={UDim2.fromScale(1, 0)} BackgroundTransparency={1}>
				{Roact.createElement("UIFlexItem", { FlexMode: Enum.UIFlexMode.Fill })}
				<LessonForm
					draft={props.draft}
					onDraft={props.onDraft}
					blockedNote={lessonStartNote(state.loop.state)}
					onBuild={(request) => {
						if (actions.startLesson(request).ok) props.onDraft(EMPTY_LESSON_DRAFT);
					}}
				/>
			</frame>
		</frame>
	);
}
