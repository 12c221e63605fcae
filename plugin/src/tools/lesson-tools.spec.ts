/// <reference types="@rbxts/testez/globals" />
import { callTool, contains, errorOf, resultOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio, makeScript, SpecStudio } from "./dev/spec-studio";
import { ToolContext } from "./tool";
import { QUIZ_MODULE } from "../lesson/kit-names";
import { quizModuleSource } from "../lesson/quiz-module-source";
import { validateQuizContent } from "../lesson/quiz-schema";

const PLAN = {
	title: "Fractions in the Classroom",
	subject: "Fractions",
	gradeLevel: "5th grade",
	objectives: ["Compare fractions with unlike denominators", "Add fractions"],
	environment: "classroom",
	includeQuiz: true,
	stages: [
		{ id: "environment", name: "Classroom and lighting", changesPlace: true },
		{ id: "quiz", name: "Quiz content", changesPlace: true },
		{ id: "summary", name: "Summary for the teacher", changesPlace: false },
	],
};

const QUIZ = {
	title: "Fractions",
	stations: [
		{
			id: "halves",
			title: "Halves",
			questions: [
				{ prompt: "What is 1/2 + 1/2?", choices: ["1", "2/4", "1/4"], answer: "1", explanation: "Two halves make a whole.", difficulty: 1 },
				{ prompt: "Which is bigger, 1/2 or 1/3?", choices: ["1/2", "1/3"], answer: "1/2", explanation: "Halves are bigger pieces.", difficulty: 2 },
			],
		},
	],
};

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	const serverStorage = game.GetService("ServerStorage");
	beforeEach(() => {
		studio = createSpecStudio();
		context = createSpecContext(studio);
	});
	afterEach(() => serverStorage.FindFirstChild(QUIZ_MODULE)?.Destroy());

	describe("plan_lesson", () => {
		it("records the plan and answers with the stages and how to build each kind", () => {
			const text = resultOf(callTool(context, "plan_lesson", PLAN));
			expect(contains(text, 'Lesson plan "Fractions in the Classroom" recorded: 3 stages.')).to.equal(true);
			expect(contains(text, "1. environment: Classroom and lighting")).to.equal(true);
			expect(contains(text, "3. summary: Summary for the teacher (no changes)")).to.equal(true);
			expect(contains(text, "propose_changes call with `stage` set to its id")).to.equal(true);
			expect(contains(text, 'tagged "VectorQuizStation"')).to.equal(true);
		});

		it("is offered in Plan mode (it changes nothing)", () => {
			expect(contains(resultOf(callTool(context, "plan_lesson", PLAN, "plan")), "recorded")).to.equal(true);
		});

		it("refuses duplicate and malformed stage ids, and a plan without stages", () => {
			const twice = { ...PLAN, stages: [PLAN.stages[0], PLAN.stages[0]] };
			expect(errorOf(callTool(context, "plan_lesson", twice))).to.equal(
				'stages[1].id: "environment" is used by an earlier stage',
			);
			const spaced = { ...PLAN, stages: [{ id: "the room", name: "Room", changesPlace: true }] };
			expect(contains(errorOf(callTool(context, "plan_lesson", spaced)), 'stages[0].id: use letters, digits')).to.equal(true);
			expect(contains(errorOf(callTool(context, "plan_lesson", { ...PLAN, stages: [] })), "stages")).to.equal(true);
		});
	});

	describe("write_quiz", () => {
		it("proposes the quiz module in ServerStorage, creating nothing yet", () => {
			const outcome = callTool(context, "write_quiz", { quiz: QUIZ });
			if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
			expect(outcome.summary).to.equal('Write the quiz "Fractions": 1 station, 2 questions');
			const operation = outcome.operations[0];
			if (operation.kind !== "create_script") throw "expected create_script";
			expect(operation.parentPath).to.equal("ServerStorage");
			expect(operation.name).to.equal(QUIZ_MODULE);
			expect(contains(operation.source, "Two halves make a whole.")).to.equal(true);
			expect(serverStorage.FindFirstChild(QUIZ_MODULE)).to.equal(undefined);
		});

		it("names the question at fault when the answer is not one of the choices", () => {
			const wrong = {
				...QUIZ,
				stations: [{ ...QUIZ.stations[0], questions: [{ ...QUIZ.stations[0].questions[0], answer: "one" }] }],
			};
			const message = errorOf(callTool(context, "write_quiz", { quiz: wrong }));
			expect(contains(message, "quiz: ")).to.equal(true);
			expect(contains(message, "stations[0].questions[0]")).to.equal(true);
		});

		it("replaces an existing quiz as a script edit, and says when the quiz is already exactly this", () => {
			const validated = validateQuizContent(QUIZ);
			if (!validated.ok) throw validated.message;
			const module = makeScript(studio, "ModuleScript", QUIZ_MODULE, serverStorage, "return {}\n");
			const outcome = callTool(context, "write_quiz", { quiz: QUIZ });
			if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
			expect(outcome.operations[0].kind).to.equal("edit_script");
			studio.texts.set(module, quizModuleSource(validated.content));
			expect(contains(errorOf(callTool(context, "write_quiz", { quiz: QUIZ })), "already holds exactly this quiz")).to.equal(true);
		});
	});

	describe("install_lesson_kit", () => {
		it("proposes copying the plugin's kit into the place's services, by version, without its text", () => {
			const outcome = callTool(context, "install_lesson_kit", {});
			if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
			expect(contains(outcome.summary, "Install the Vector lesson kit 1.")).to.equal(true);
			const operation = outcome.operations[outcome.operations.size() - 1];
			if (operation.kind !== "install_kit") throw `expected install_kit, got ${operation.kind}`;
			const parents = operation.roots.map((root) => root.parentPath);
			expect(parents.includes("ServerScriptService")).to.equal(true);
			expect(parents.includes("ReplicatedStorage")).to.equal(true);
			let scripts = 0;
			for (const root of operation.roots) scripts += root.scripts;
			expect(scripts > 5).to.equal(true);
		});

		it("says so when the plugin carries no kit", () => {
			const bare: ToolContext = { ...context, studio: { ...studio, lessonKit: undefined } };
			expect(contains(errorOf(callTool(bare, "install_lesson_kit", {})), "carries no lesson kit")).to.equal(true);
		});
	});
};
