/// <reference types="@rbxts/testez/globals" />
import { loadQuiz } from "./load-quiz";
import { QUIZ_MODULE } from "../shared/kit-names";

export = () => {
	const container = (source?: string, className: "ModuleScript" | "Script" = "ModuleScript") => {
		const folder = new Instance("Folder");
		folder.Name = "QuizSpec";
		if (source !== undefined) {
			const module = new Instance(className);
			module.Name = QUIZ_MODULE;
			module.Source = source;
			module.Parent = folder;
		}
		return folder;
	};
	const message = (folder: Folder) => {
		const result = loadQuiz(folder);
		if (result.ok) error("expected the quiz to be refused");
		return result.message;
	};

	const VALID = `return {
	formatVersion = 1,
	title = "Fractions",
	stations = {
		{ id = "halves", title = "Halves", questions = {
			{ id = "h1", prompt = "Half of 8?", choices = { "2", "4" }, answer = "4", explanation = "8 / 2 = 4", difficulty = 1 },
		} },
	},
}`;

	it("reads a valid quiz module", () => {
		const result = loadQuiz(container(VALID));
		expect(result.ok && result.bank.questionById.get("h1")?.answerIndex).to.equal(1);
	});

	it("says when the module is missing or is not a ModuleScript", () => {
		expect(message(container())).to.equal(`no quiz: QuizSpec.${QUIZ_MODULE} is missing`);
		expect(message(container("return {}", "Script"))).to.equal(
			`no quiz: QuizSpec.${QUIZ_MODULE} is a Script, not a ModuleScript`,
		);
	});

	it("says when the module does not load", () => {
		const text = message(container("return {"));
		expect(text.find(`the quiz module QuizSpec.${QUIZ_MODULE} failed to load: `, 1, true)[0]).to.equal(1);
	});

	it("lists the quiz's problems, one per line", () => {
		const text = message(container(VALID.gsub('answer = "4"', 'answer = "5"')[0]));
		expect(text).to.equal(
			`the quiz in QuizSpec.${QUIZ_MODULE} has problems:\n  stations[1].questions[1].answer: "5" is not one of the choices`,
		);
	});
};
