/**
 * plan_lesson: the model declares the lesson it is about to build — subject, grade level, objectives,
 * environment, quiz or not — and its stages in order, before proposing anything. Nothing in the place
 * changes; the plan is checked (lesson/lesson-plan.ts) and the widget shows it as the lesson's progress,
 * each stage following the proposal made for it (propose_changes with `stage`). The answer tells the
 * model how to build each kind of stage with the tools it has, so a lesson comes out the same whether
 * the teacher used the New lesson form or typed a request in chat.
 */
import { checkLessonPlan, lessonPlanSchema } from "../lesson/lesson-plan";
import { QUIZ_MODULE, QUIZ_MODULE_PARENT, STATION_ID_ATTRIBUTE, STATION_TAG } from "../lesson/kit-names";
import { ToolDefinition } from "./tool";
import * as s from "./schema";

/** How to build lesson stages with Vector's tools (sent back with every accepted plan). */
export const LESSON_BUILD_GUIDE = [
	"Propose the stages one at a time, in order, each as ONE propose_changes call with `stage` set to its id; wait for the teacher's decision before the next.",
	"- Environment: fill_terrain / clear_terrain for ground, water or hills; create_instance with nested children for the room or scenery (anchored parts), and set_properties on Lighting for the mood.",
	`- Quiz content: write_quiz with the stations and their questions (stored in ${QUIZ_MODULE_PARENT}/${QUIZ_MODULE}; answers stay on the server).`,
	"- Lesson kit: install_lesson_kit (the server and client scripts that run the quiz, points and progress).",
	`- Stations: one anchored part per quiz station, made with create_instance, tagged "${STATION_TAG}" and with the text attribute "${STATION_ID_ATTRIBUTE}" set to the station's id in the quiz; the kit adds the prompt players use.`,
	"- Summary: a stage without changes; finish with attempt_completion whose result is a short summary for the teacher (what was built, how to play it, objectives covered).",
	"If a stage fails or is rejected, fix what the teacher said and propose that stage again with the same id.",
].join("\n");

const args = lessonPlanSchema;

export const planLesson: ToolDefinition<s.Infer<typeof args>> = {
	name: "plan_lesson",
	description:
		"Declares the lesson world you are about to build for a teacher (subject, grade level, objectives, environment, " +
		"quiz or not) and its stages in order, before proposing any change. Changes nothing; the teacher sees the plan " +
		"and each stage's progress. Call it once per lesson, first.",
	kind: "read",
	args,
	execute(a) {
		const checked = checkLessonPlan(a);
		if (!checked.ok) return { kind: "error", message: checked.message };
		const plan = checked.plan;
		const stages = plan.stages.map((stage, index) => `${index + 1}. ${stage.id}: ${stage.name}${stage.changesPlace ? "" : " (no changes)"}`);
		return {
			kind: "result",
			text: `Lesson plan "${plan.title}" recorded: ${plan.stages.size()} stages.\n${stages.join("\n")}\n\n${LESSON_BUILD_GUIDE}`,
		};
	},
};
