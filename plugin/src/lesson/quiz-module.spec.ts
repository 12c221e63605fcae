/// <reference types="@rbxts/testez/globals" />
import { QUIZ_MODULE } from "./kit-names";
import { quizModuleOperations } from "./quiz-module";
import { quizModuleSource } from "./quiz-module-source";
import { QuizContent } from "./quiz-schema";
import { createSpecStudio } from "../tools/dev/spec-studio";

const ServerStorage = game.GetService("ServerStorage");

const CONTENT: QuizContent = {
	title: "Fractions",
	saveProgress: false,
	stations: [
		{
			id: "halves",
			title: "Halves",
			questions: [
				{ id: "h1", prompt: "Half of 8?", choices: ["2", "4"], answer: "4", explanation: "8 / 2 = 4", difficulty: 1 },
			],
		},
	],
};

export = () => {
	const existing = new Array<Instance>();
	const place = (className: "ModuleScript" | "Script", source = "return {}") => {
		const module = new Instance(className);
		module.Name = QUIZ_MODULE;
		module.Source = source;
		module.Parent = ServerStorage;
		existing.push(module);
		return module;
	};
	afterEach(() => {
		for (const instance of existing) instance.Destroy();
		existing.clear();
	});

	it("creates the quiz module in ServerStorage when there is none", () => {
		const result = quizModuleOperations(createSpecStudio(), CONTENT);
		if (!result.ok) error(result.message);
		expect(result.operations.size()).to.equal(1);
		const operation = result.operations[0];
		expect(operation.kind).to.equal("create_script");
		if (operation.kind !== "create_script") return;
		expect(operation.parentPath).to.equal("ServerStorage");
		expect(operation.name).to.equal(QUIZ_MODULE);
		expect(operation.className).to.equal("ModuleScript");
		expect(operation.source).to.equal(quizModuleSource(CONTENT));
	});

	it("replaces the text of an existing quiz module against what the editor shows", () => {
		const module = place("ModuleScript");
		const studio = createSpecStudio();
		studio.texts.set(module, "return { draft = true }");
		const result = quizModuleOperations(studio, CONTENT);
		if (!result.ok) error(result.message);
		const operation = result.operations[0];
		expect(operation.kind === "edit_script" && operation.path).to.equal(`ServerStorage/${QUIZ_MODULE}`);
		expect(operation.kind === "edit_script" && operation.base).to.equal("return { draft = true }");
		expect(operation.kind === "edit_script" && operation.after).to.equal(quizModuleSource(CONTENT));
	});

	it("proposes nothing when the module already holds this quiz", () => {
		place("ModuleScript", quizModuleSource(CONTENT));
		const result = quizModuleOperations(createSpecStudio(), CONTENT);
		expect(result.ok && result.operations.size()).to.equal(0);
	});

	it("refuses when the name is taken by something that is not one ModuleScript", () => {
		place("Script");
		const result = quizModuleOperations(createSpecStudio(), CONTENT);
		expect(!result.ok && result.message).to.equal(
			`ServerStorage/${QUIZ_MODULE} cannot hold the quiz: it is a Script; the kit reads one ModuleScript there`,
		);
	});
};
