/**
 * `ui/lesson/`: the "New lesson" form (the Lesson tab) and the progress of the lesson being built
 * (atop Chat). Both render data they are given (lesson/lesson-request.ts, lesson/lesson-progress.ts).
 */
export { LessonForm } from "./lesson-form";
export type { LessonFormProps } from "./lesson-form";
export { LessonProgressPanel, progressSummary, stageStatusText } from "./lesson-progress-panel";
export type { LessonProgressPanelProps } from "./lesson-progress-panel";
