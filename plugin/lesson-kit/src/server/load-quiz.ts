/**
 * Finds and reads the quiz module (ServerStorage.VectorLessonQuiz): requires it in pcall (a teacher's
 * edit may not even compile) and checks what it returns (quiz-content.ts). The outcome says exactly
 * what is wrong, for the server to print where the teacher looks: the Output window.
 */
import { QuizBank, readQuizContent } from "./quiz-content";
import { QUIZ_MODULE } from "../shared/kit-names";

const ServerStorage = game.GetService("ServerStorage");

export type LoadQuizResult =
	| { readonly ok: true; readonly bank: QuizBank }
	| { readonly ok: false; readonly message: string };

export function loadQuiz(container: Instance = ServerStorage): LoadQuizResult {
	const module = container.FindFirstChild(QUIZ_MODULE);
	if (module === undefined || !module.IsA("ModuleScript")) {
		const what = module === undefined ? "is missing" : `is a ${module.ClassName}, not a ModuleScript`;
		return { ok: false, message: `no quiz: ${container.GetFullName()}.${QUIZ_MODULE} ${what}` };
	}
	const [required, value] = pcall(() => require(module));
	if (!required) return { ok: false, message: `the quiz module ${module.GetFullName()} failed to load: ${value}` };
	const read = readQuizContent(value);
	if (!read.ok) {
		return { ok: false, message: `the quiz in ${module.GetFullName()} has problems:\n  ${read.problems.join("\n  ")}` };
	}
	return { ok: true, bank: read.bank };
}
