/**
 * The operation that puts quiz content into the place: the quiz ModuleScript in ServerStorage
 * (created, or its text replaced through the editor like any script edit), as one step of a proposal.
 */
import { QUIZ_MODULE, QUIZ_MODULE_PARENT } from "./kit-names";
import { quizModuleSource } from "./quiz-module-source";
import { QuizContent } from "./quiz-schema";
import { Operation } from "../proposals/operation";
import { childPath, formatPath } from "../studio/instance-path";
import { StudioApi } from "../studio/studio-api";

export type QuizModuleResult =
	/** No operation when the module already holds exactly this quiz. */
	| { readonly ok: true; readonly operations: ReadonlyArray<Operation> }
	| { readonly ok: false; readonly message: string };

/** The operations that make ServerStorage.VectorLessonQuiz hold `content`. */
export function quizModuleOperations(studio: StudioApi, content: QuizContent): QuizModuleResult {
	const parent = studio.game.FindFirstChild(QUIZ_MODULE_PARENT);
	if (parent === undefined) return { ok: false, message: `the place has no ${QUIZ_MODULE_PARENT}` };
	const source = quizModuleSource(content);
	const existing = parent.GetChildren().filter((child) => child.Name === QUIZ_MODULE);
	if (existing.size() === 0) {
		return {
			ok: true,
			operations: [
				{ kind: "create_script", parentPath: formatPath(parent), name: QUIZ_MODULE, className: "ModuleScript", source },
			],
		};
	}
	const module = existing[0];
	if (existing.size() > 1 || !module.IsA("ModuleScript")) {
		const what =
			existing.size() > 1 ? `${existing.size()} instances are named ${QUIZ_MODULE}` : `it is a ${module.ClassName}`;
		return {
			ok: false,
			message: `${childPath(formatPath(parent), QUIZ_MODULE)} cannot hold the quiz: ${what}; the kit reads one ModuleScript there`,
		};
	}
	const base = studio.getEditorSource(module);
	if (base === source) return { ok: true, operations: [] };
	return { ok: true, operations: [{ kind: "edit_script", path: formatPath(module), base, after: source }] };
}
