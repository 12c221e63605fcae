/// <reference types="@rbxts/testez/globals" />
import { sampleBank } from "./dev/sample-quiz";
import { PlayerProgress } from "./player-progress";
import { QuizBank } from "./quiz-content";
import { ClientQuestion } from "../shared/protocol";

export = () => {
	let bank: QuizBank;
	beforeEach(() => {
		bank = sampleBank();
	});

	const ask = (progress: PlayerProgress, stationId: string): ClientQuestion => {
		const shown = progress.show(stationId);
		if (shown.kind !== "question") error(`expected a question at ${stationId}, got ${shown.kind}`);
		return shown.question;
	};
	/** The index of the right (or a wrong) choice in the order the player saw. */
	const choiceFor = (question: ClientQuestion, right: boolean): number => {
		const answer = bank.questionById.get(question.questionId)!;
		const text = answer.choices[answer.answerIndex];
		const index = question.choices.findIndex((c) => (right ? c === text : c !== text));
		return index;
	};
	const play = (progress: PlayerProgress, stationId: string, right: boolean) => {
		const question = ask(progress, stationId);
		return { question, outcome: progress.answer(question.questionId, choiceFor(question, right)) };
	};

	describe("showing questions", () => {
		it("starts easy and sends no answer and no explanation", () => {
			const question = ask(new PlayerProgress(bank, 1), "halves");
			expect(question.questionId).to.equal("halves-1");
			expect(question.difficulty).to.equal(1);
			expect(question.stationTitle).to.equal("Halves");
			expect(question.questionsAtStation).to.equal(3);
			expect(question.answeredAtStation).to.equal(0);
			const fields = new Array<string>();
			for (const [key] of pairs(question)) fields.push(key as string);
			fields.sort();
			expect(fields.join(",")).to.equal(
				"answeredAtStation,choices,difficulty,prompt,questionId,questionsAtStation,stationId,stationTitle",
			);
		});

		it("shows the same question, in the same order, until it is answered", () => {
			const progress = new PlayerProgress(bank, 1);
			const first = ask(progress, "halves");
			const again = ask(progress, "halves");
			expect(again.questionId).to.equal(first.questionId);
			expect(again.choices.join("|")).to.equal(first.choices.join("|"));
		});

		it("says when a station has nothing left, and knows no unknown station", () => {
			const progress = new PlayerProgress(bank, 1);
			for (let i = 0; i < 2; i++) play(progress, "quarters", true);
			expect(progress.show("quarters").kind).to.equal("station_complete");
			expect(progress.show("nowhere").kind).to.equal("unknown_station");
		});
	});

	describe("answering", () => {
		it("checks the answer, awards points by difficulty and reports progress", () => {
			const progress = new PlayerProgress(bank, 1);
			const { question, outcome } = play(progress, "halves", true);
			const result = outcome.result;
			if (!result.accepted) error(result.message);
			expect(result.correct).to.equal(true);
			expect(question.choices[result.correctChoice]).to.equal("4");
			expect(result.explanation).to.equal("8 split into 2 equal parts is 4 and 4.");
			expect(result.pointsAwarded).to.equal(10);
			expect(result.points).to.equal(10);
			expect(result.progress).to.equal(20);
			expect(progress.getPoints()).to.equal(10);
		});

		it("gives no points for a wrong answer and still shows the right choice", () => {
			const progress = new PlayerProgress(bank, 1);
			const { question, outcome } = play(progress, "halves", false);
			const result = outcome.result;
			if (!result.accepted) error(result.message);
			expect(result.correct).to.equal(false);
			expect(result.pointsAwarded).to.equal(0);
			expect(result.points).to.equal(0);
			expect(question.choices[result.correctChoice]).to.equal("4");
		});

		it("refuses a second answer to the same question and awards nothing more", () => {
			const progress = new PlayerProgress(bank, 1);
			const { question, outcome } = play(progress, "halves", true);
			expect(outcome.result.accepted).to.equal(true);
			const again = progress.answer(question.questionId, choiceFor(question, true)).result;
			expect(again.accepted).to.equal(false);
			expect(!again.accepted && again.reason).to.equal("already_answered");
			expect(progress.getPoints()).to.equal(10);
		});

		it("refuses a question it never showed, one not in the quiz, and one another station shows", () => {
			const progress = new PlayerProgress(bank, 1);
			const reason = (id: string) => {
				const result = progress.answer(id, 0).result;
				return result.accepted ? "accepted" : result.reason;
			};
			expect(reason("halves-3")).to.equal("not_shown");
			expect(reason("no-such-question")).to.equal("not_shown");
			ask(progress, "halves");
			expect(reason("halves-2")).to.equal("not_shown");
			expect(reason("quarters-1")).to.equal("not_shown");
			expect(progress.getPoints()).to.equal(0);
		});

		it("refuses a choice the question does not have, and the question stays answerable", () => {
			const progress = new PlayerProgress(bank, 1);
			const question = ask(progress, "halves");
			const result = progress.answer(question.questionId, 3).result;
			expect(!result.accepted && result.reason).to.equal("invalid_choice");
			expect(progress.answer(question.questionId, choiceFor(question, true)).result.accepted).to.equal(true);
		});
	});

	describe("adaptive difficulty", () => {
		it("asks harder after two right answers and easier after a wrong one", () => {
			const progress = new PlayerProgress(bank, 1);
			play(progress, "quarters", true);
			const second = play(progress, "halves", true);
			expect(second.question.difficulty).to.equal(1);
			expect(progress.getDifficulty()).to.equal(2);
			const third = play(progress, "halves", false);
			expect(third.question.questionId).to.equal("halves-2");
			expect(progress.getDifficulty()).to.equal(1);
			// halves-3 (difficulty 3) is all that is left there: the closest question still comes.
			expect(ask(progress, "halves").questionId).to.equal("halves-3");
		});
	});

	describe("achievements and stations", () => {
		it("earns first_correct once and announces a finished station with its last answer", () => {
			const progress = new PlayerProgress(bank, 1);
			const first = play(progress, "quarters", true).outcome;
			expect(first.achievements.map((a) => a.id).join(",")).to.equal("first_correct");
			expect(first.stationCompleted).to.equal(undefined);
			const last = play(progress, "quarters", true).outcome;
			expect(last.stationCompleted?.id).to.equal("quarters");
			expect(last.achievements.map((a) => a.id).join(",")).to.equal("perfect_station");
			expect(last.result.accepted && last.result.stationComplete).to.equal(true);
		});

		it("earns streak_5 and all_stations with the fifth right answer of the whole lesson", () => {
			const progress = new PlayerProgress(bank, 1);
			const earned = new Array<string>();
			for (const station of ["halves", "halves", "halves", "quarters", "quarters"]) {
				for (const a of play(progress, station, true).outcome.achievements) earned.push(a.id);
			}
			expect(earned.join(",")).to.equal("first_correct,perfect_station,streak_5,all_stations");
			expect(progress.progress()).to.equal(100);
			expect(progress.getPoints()).to.equal(10 + 20 + 30 + 10 + 20);
		});

		it("does not count a wrong answer toward a perfect station", () => {
			const progress = new PlayerProgress(bank, 1);
			play(progress, "quarters", false);
			const last = play(progress, "quarters", true).outcome;
			expect(last.stationCompleted?.id).to.equal("quarters");
			expect(last.achievements.map((a) => a.id).join(",")).to.equal("first_correct");
		});
	});

	describe("saved progress", () => {
		it("goes on from what was saved: answered questions stay answered, achievements are not earned again", () => {
			const first = new PlayerProgress(bank, 1);
			play(first, "quarters", true);
			play(first, "quarters", true);
			const data = first.data();
			expect(data.achievements.join(",")).to.equal("first_correct,perfect_station");
			const second = new PlayerProgress(bank, 1, data);
			expect(second.getPoints()).to.equal(30);
			expect(second.progress()).to.equal(40);
			expect(second.show("quarters").kind).to.equal("station_complete");
			const later = play(second, "halves", true).outcome;
			expect(later.achievements.size()).to.equal(0);
		});

		it("ignores answers to questions the quiz no longer has", () => {
			const saved = new PlayerProgress(bank, 1).data();
			const answered = new Map<string, boolean>([["retired-question", true]]);
			const progress = new PlayerProgress(bank, 1, { ...saved, answered });
			expect(progress.progress()).to.equal(0);
		});
	});
};
