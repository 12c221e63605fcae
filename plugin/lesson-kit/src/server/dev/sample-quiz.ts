/**
 * Specs only (dev/ folders never ship): a small quiz in the quiz module's format, two stations with
 * questions at each difficulty, and helpers to build banks and variants of it.
 */
import { QuizBank, readQuizContent } from "../quiz-content";

export function sampleQuiz() {
	return {
		formatVersion: 1,
		title: "Fractions",
		stations: [
			{
				id: "halves",
				title: "Halves",
				questions: [
					{
						id: "halves-1",
						prompt: "What is half of 8?",
						choices: ["2", "4", "6"],
						answer: "4",
						explanation: "8 split into 2 equal parts is 4 and 4.",
						difficulty: 1,
					},
					{
						id: "halves-2",
						prompt: "Which fraction equals 1/2?",
						choices: ["2/4", "2/3", "3/4", "1/3"],
						answer: "2/4",
						explanation: "2/4 is 2 of 4 equal parts: half of the whole.",
						difficulty: 2,
					},
					{
						id: "halves-3",
						prompt: "What is 1/2 + 1/4?",
						choices: ["2/6", "3/4", "1/8"],
						answer: "3/4",
						explanation: "1/2 is 2/4, and 2/4 + 1/4 = 3/4.",
						difficulty: 3,
					},
				],
			},
			{
				id: "quarters",
				title: "Quarters",
				questions: [
					{
						id: "quarters-1",
						prompt: "How many quarters make a whole?",
						choices: ["2", "3", "4"],
						answer: "4",
						explanation: "Four quarters, 4/4, make one whole.",
						difficulty: 1,
					},
					{
						id: "quarters-2",
						prompt: "What is 3/4 - 1/4?",
						choices: ["1/2", "1/4", "2/8"],
						answer: "1/2",
						explanation: "3/4 - 1/4 = 2/4, which is 1/2.",
						difficulty: 2,
					},
				],
			},
		],
	};
}

/** The sample quiz as a bank (errors if the sample stops validating). */
export function sampleBank(change?: (quiz: ReturnType<typeof sampleQuiz>) => void): QuizBank {
	const quiz = sampleQuiz();
	change?.(quiz);
	const read = readQuizContent(quiz);
	if (!read.ok) error(`the sample quiz does not validate: ${read.problems.join("; ")}`);
	return read.bank;
}
