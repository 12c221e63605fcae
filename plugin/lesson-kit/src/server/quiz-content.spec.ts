/// <reference types="@rbxts/testez/globals" />
import { sampleQuiz } from "./dev/sample-quiz";
import { readQuizContent } from "./quiz-content";

export = () => {
	const problemsOf = (value: unknown): Array<string> => {
		const read = readQuizContent(value);
		if (read.ok) error("expected problems, the quiz was accepted");
		return [...read.problems];
	};

	const changed = (change: (quiz: ReturnType<typeof sampleQuiz>) => void) => {
		const quiz = sampleQuiz();
		change(quiz);
		return quiz;
	};

	describe("a valid quiz", () => {
		it("becomes a bank with stations, questions by id and the answer as an index", () => {
			const read = readQuizContent(sampleQuiz());
			if (!read.ok) error(read.problems.join("; "));
			const bank = read.bank;
			expect(bank.title).to.equal("Fractions");
			expect(bank.stations.size()).to.equal(2);
			expect(bank.questionCount).to.equal(5);
			expect(bank.saveProgress).to.equal(false);
			const question = bank.questionById.get("halves-3")!;
			expect(question.stationId).to.equal("halves");
			expect(question.answerIndex).to.equal(1);
			expect(question.choices[question.answerIndex]).to.equal("3/4");
			expect(bank.stationById.get("quarters")!.questions.size()).to.equal(2);
		});

		it("reads saveProgress", () => {
			const read = readQuizContent(changed((q) => ((q as { saveProgress?: boolean }).saveProgress = true)));
			expect(read.ok && read.bank.saveProgress).to.equal(true);
		});
	});

	describe("problems, each named by its place in the table", () => {
		it("refuses something that is not a quiz table", () => {
			expect(problemsOf("quiz")[0]).to.equal('quiz: expected a table of fields, got "quiz"');
			expect(problemsOf(undefined)[0]).to.equal("quiz: expected a table of fields, got nothing");
		});

		it("refuses another format version and says what to do", () => {
			const problems = problemsOf(changed((q) => (q.formatVersion = 2)));
			expect(problems[0]).to.equal("formatVersion: expected 1, got 2 (update the lesson kit, or regenerate the quiz)");
		});

		it("names an answer that is not one of the choices", () => {
			const problems = problemsOf(changed((q) => (q.stations[1].questions[0].answer = "5")));
			expect(problems[0]).to.equal('stations[2].questions[1].answer: "5" is not one of the choices');
		});

		it("names duplicate choices, duplicate question ids and duplicate station ids", () => {
			const problems = problemsOf(
				changed((q) => {
					q.stations[0].questions[0].choices = ["2", "2", "4"];
					q.stations[1].questions[1].id = "halves-2";
					q.stations[1].id = "halves";
				}),
			);
			expect(problems.includes('stations[1].questions[1].choices[2]: "2" is listed twice')).to.equal(true);
			expect(problems.includes('stations[2].id: "halves" is used by another station')).to.equal(true);
			expect(problems.includes('stations[2].questions[2].id: "halves-2" is used by another question')).to.equal(true);
		});

		it("names a difficulty outside 1–3 or not whole", () => {
			const problems = problemsOf(
				changed((q) => {
					q.stations[0].questions[0].difficulty = 4;
					q.stations[0].questions[1].difficulty = 1.5;
				}),
			);
			expect(problems[0]).to.equal("stations[1].questions[1].difficulty: expected 1, 2 or 3, got 4");
			expect(problems[1]).to.equal("stations[1].questions[2].difficulty: expected 1, 2 or 3, got 1.5");
		});

		it("names empty and overlong text, and too few choices", () => {
			const problems = problemsOf(
				changed((q) => {
					q.stations[0].questions[0].prompt = "   ";
					q.stations[0].questions[1].explanation = string.rep("x", 501);
					q.stations[0].questions[2].choices = ["3/4"];
				}),
			);
			expect(problems.includes("stations[1].questions[1].prompt: is empty")).to.equal(true);
			expect(
				problems.includes("stations[1].questions[2].explanation: is 501 characters long; at most 500 fit"),
			).to.equal(true);
			expect(problems.includes("stations[1].questions[3].choices: has 1 item; expected 2 to 6")).to.equal(true);
		});

		it("names unknown fields and lists that are not lists", () => {
			const quiz = sampleQuiz() as unknown as { stations: unknown; colour?: string };
			quiz.colour = "red";
			quiz.stations = { first: 1 };
			const problems = problemsOf(quiz);
			expect(
				problems.includes("quiz.colour: unknown field; the fields are formatVersion, title, saveProgress, stations"),
			).to.equal(true);
			expect(problems.includes("stations: expected a list, got a table")).to.equal(true);
		});

		it("names ids that are not plain", () => {
			const problems = problemsOf(changed((q) => (q.stations[0].id = "two words")));
			expect(problems[0]).to.equal(
				'stations[1].id: expected an id of letters, digits, "_" and "-" (at most 64), got "two words"',
			);
		});

		it("lists ten problems at most and counts the rest", () => {
			const problems = problemsOf(
				changed((q) => {
					for (const station of q.stations) {
						for (const question of station.questions) {
							question.prompt = "";
							question.explanation = "";
							question.difficulty = 0;
						}
					}
				}),
			);
			expect(problems.size()).to.equal(11);
			expect(problems[10]).to.equal("…and 5 more");
		});
	});
};
