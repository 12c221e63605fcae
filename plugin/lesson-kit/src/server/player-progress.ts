/**
 * One player's play through the quiz, as rules over plain data: which question a station asks next,
 * whether an answer counts, the points, the streak, the adaptive difficulty, and the achievements.
 * Pure (no services, no time), so every rule is specified without a game running.
 *
 * The rules that keep answers honest:
 * - A question is answerable only while it is shown: the station showed it to this player and the
 *   player has not answered it yet. Anything else is refused: "not_shown" for a question this player
 *   was never shown (or that is not in the quiz), "already_answered" for a second answer.
 * - Each question is asked once per player, so points for it are awarded at most once.
 * - A station shown again while its question is unanswered shows the same question, so closing the
 *   panel cannot be used to draw an easier one.
 */
import { Achievement, newAchievements } from "./achievements";
import { nextDifficulty, pickByDifficulty, START_DIFFICULTY } from "./adaptive-difficulty";
import { choiceOrder } from "./choice-order";
import { BankQuestion, BankStation, QuizBank } from "./quiz-content";
import { pointsFor, progressPercent } from "./scoring";
import { AnswerResult, ClientQuestion } from "../shared/protocol";

/** Results kept for the adaptive difficulty (only the last two matter today). */
const RECENT_KEPT = 5;

/** What a player keeps between sessions (progress-record.ts stores it). */
export interface ProgressData {
	/** Question id → whether the answer was right. */
	readonly answered: ReadonlyMap<string, boolean>;
	readonly points: number;
	readonly streak: number;
	readonly difficulty: number;
	readonly recent: ReadonlyArray<boolean>;
	readonly achievements: ReadonlyArray<string>;
}

export type ShowOutcome =
	| { readonly kind: "question"; readonly question: ClientQuestion }
	| { readonly kind: "station_complete"; readonly station: BankStation }
	| { readonly kind: "unknown_station" };

export interface AnswerOutcome {
	readonly result: AnswerResult;
	/** Achievements this answer earned. */
	readonly achievements: ReadonlyArray<Achievement>;
	/** The station this answer finished, if any. */
	readonly stationCompleted?: BankStation;
}

interface Shown {
	readonly question: BankQuestion;
	/** order[i] = quiz index of the choice shown at position i. */
	readonly order: ReadonlyArray<number>;
}

export class PlayerProgress {
	private readonly answered = new Map<string, boolean>();
	/** Shown and unanswered, by station id. */
	private readonly shown = new Map<string, Shown>();
	private readonly earned = new Set<string>();
	private recent = new Array<boolean>();
	private points = 0;
	private streak = 0;
	private difficulty = START_DIFFICULTY;

	constructor(
		private readonly bank: QuizBank,
		private readonly userId: number,
		saved?: ProgressData,
	) {
		if (saved) {
			for (const [id, correct] of saved.answered) this.answered.set(id, correct);
			for (const id of saved.achievements) this.earned.add(id);
			this.recent = [...saved.recent];
			this.points = saved.points;
			this.streak = saved.streak;
			this.difficulty = saved.difficulty;
		}
	}

	/** The player triggered station `stationId`: the question to show, or why there is none. */
	show(stationId: string): ShowOutcome {
		const station = this.bank.stationById.get(stationId);
		if (station === undefined) return { kind: "unknown_station" };
		let shown = this.shown.get(stationId);
		if (shown === undefined) {
			const remaining = station.questions.filter((q) => !this.answered.has(q.id));
			const question = pickByDifficulty(remaining, this.difficulty);
			if (question === undefined) return { kind: "station_complete", station };
			shown = { question, order: choiceOrder(question.choices.size(), this.userId, question.id) };
			this.shown.set(stationId, shown);
		}
		const { question, order } = shown;
		return {
			kind: "question",
			question: {
				questionId: question.id,
				stationId: station.id,
				stationTitle: station.title,
				prompt: question.prompt,
				choices: order.map((i) => question.choices[i]),
				difficulty: question.difficulty,
				answeredAtStation: this.answeredAt(station),
				questionsAtStation: station.questions.size(),
			},
		};
	}

	/** The player answers `questionId` with the choice at `choice` (0-based, in the order shown). */
	answer(questionId: string, choice: number): AnswerOutcome {
		if (this.answered.has(questionId)) {
			return reject("already_answered", "You already answered this question.");
		}
		const question = this.bank.questionById.get(questionId);
		const shown = question && this.shown.get(question.stationId);
		if (question === undefined || shown === undefined || shown.question !== question) {
			return reject("not_shown", "That question was not shown to you.");
		}
		if (choice < 0 || choice >= shown.order.size()) {
			return reject("invalid_choice", "That is not one of the choices.");
		}
		const correct = shown.order[choice] === question.answerIndex;
		const station = this.bank.stationById.get(question.stationId)!;
		const wasComplete = this.isComplete(station);
		this.shown.delete(question.stationId);
		this.answered.set(question.id, correct);
		const awarded = correct ? pointsFor(question.difficulty) : 0;
		this.points += awarded;
		this.streak = correct ? this.streak + 1 : 0;
		this.recent.push(correct);
		if (this.recent.size() > RECENT_KEPT) this.recent.remove(0);
		this.difficulty = nextDifficulty(this.difficulty, this.recent);
		const stationComplete = this.isComplete(station);
		const achievements = newAchievements(this.stats(), this.earned);
		for (const achievement of achievements) this.earned.add(achievement.id);
		return {
			result: {
				accepted: true,
				questionId: question.id,
				correct,
				correctChoice: shown.order.indexOf(question.answerIndex),
				explanation: question.explanation,
				pointsAwarded: awarded,
				points: this.points,
				progress: this.progress(),
				nextDifficulty: this.difficulty,
				stationComplete,
			},
			achievements,
			stationCompleted: stationComplete && !wasComplete ? station : undefined,
		};
	}

	getPoints(): number {
		return this.points;
	}

	/** Percent of the lesson's questions answered (0–100). */
	progress(): number {
		let answered = 0;
		for (const [id] of this.answered) if (this.bank.questionById.has(id)) answered += 1;
		return progressPercent(answered, this.bank.questionCount);
	}

	getDifficulty(): number {
		return this.difficulty;
	}

	hasAchievement(id: string): boolean {
		return this.earned.has(id);
	}

	/** What to save. */
	data(): ProgressData {
		const achievements = new Array<string>();
		for (const id of this.earned) achievements.push(id);
		achievements.sort();
		return {
			answered: table.clone(this.answered),
			points: this.points,
			streak: this.streak,
			difficulty: this.difficulty,
			recent: [...this.recent],
			achievements,
		};
	}

	private answeredAt(station: BankStation): number {
		return station.questions.filter((q) => this.answered.has(q.id)).size();
	}

	private isComplete(station: BankStation): boolean {
		return this.answeredAt(station) === station.questions.size();
	}

	private stats() {
		let correct = 0;
		for (const [id, right] of this.answered) if (right && this.bank.questionById.has(id)) correct += 1;
		let stationsComplete = 0;
		let perfectStations = 0;
		for (const station of this.bank.stations) {
			if (!this.isComplete(station)) continue;
			stationsComplete += 1;
			if (station.questions.every((q) => this.answered.get(q.id) === true)) perfectStations += 1;
		}
		return { correct, streak: this.streak, stationsComplete, perfectStations, stationCount: this.bank.stations.size() };
	}
}

function reject(reason: "already_answered" | "not_shown" | "invalid_choice", message: string): AnswerOutcome {
	return { result: { accepted: false, reason, message }, achievements: [] };
}
