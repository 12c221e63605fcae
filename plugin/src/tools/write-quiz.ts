/**
 * write_quiz: the lesson's quiz as structured content (stations, questions, choices, the answer, an
 * explanation, a difficulty), checked by lesson/quiz-schema.ts and proposed as the ModuleScript the
 * lesson kit reads (lesson/quiz-module.ts: created, or its text replaced like any script edit). The
 * module lives in ServerStorage, which clients never see, so answers stay on the server.
 */
import { quizModuleOperations } from "../lesson/quiz-module";
import { quizContentSchema, validateQuizContent } from "../lesson/quiz-schema";
import { QUIZ_MODULE, QUIZ_MODULE_PARENT } from "../lesson/kit-names";
import { reasonField, summarize } from "./reason";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object({ quiz: quizContentSchema, reason: reasonField }, { description: "The quiz to write." });

export const writeQuiz: ToolDefinition<s.Infer<typeof args>> = {
	name: "write_quiz",
	description:
		`Proposes the lesson's quiz: stations, each with multiple-choice questions (choices, the right answer, an ` +
		`explanation, difficulty 1–3), written to ${QUIZ_MODULE_PARENT}/${QUIZ_MODULE} for the lesson kit. The content is ` +
		"checked first; an existing quiz is replaced.",
	kind: "write",
	args,
	execute(a, context) {
		const validated = validateQuizContent(a.quiz);
		if (!validated.ok) return { kind: "error", message: `quiz: ${validated.message}` };
		const content = validated.content;
		const made = quizModuleOperations(context.studio, content);
		if (!made.ok) return { kind: "error", message: made.message };
		if (made.operations.size() === 0) {
			return { kind: "error", message: `${QUIZ_MODULE_PARENT}/${QUIZ_MODULE} already holds exactly this quiz; nothing to change` };
		}
		let questions = 0;
		for (const station of content.stations) questions += station.questions.size();
		const what = `Write the quiz "${content.title}": ${content.stations.size()} station${content.stations.size() === 1 ? "" : "s"}, ${questions} question${questions === 1 ? "" : "s"}`;
		return { kind: "proposal", summary: summarize(what, a.reason), operations: made.operations };
	},
};
