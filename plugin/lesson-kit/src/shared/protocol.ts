/**
 * What crosses the network between the kit's server and its clients, as types. The server is the only
 * side that knows answers: a ClientQuestion carries the prompt and the choices in the order this
 * player sees them, and nothing that tells the right one; the correct choice and the explanation come
 * back only in the AnswerResult, after the player answered. Choices are 0-based indexes into the
 * order the player was shown.
 */

/** The most choices a question may have (the server rejects a choice index beyond it before anything else). */
export const MAX_CHOICES = 6;

/** Longest question id the server accepts from a client. */
export const MAX_QUESTION_ID_LENGTH = 64;

/** A question as the player sees it: no answer, no explanation. */
export interface ClientQuestion {
	readonly questionId: string;
	readonly stationId: string;
	readonly stationTitle: string;
	readonly prompt: string;
	/** In this player's order (shuffled per player, stable for a question). */
	readonly choices: ReadonlyArray<string>;
	/** 1 easy, 2 medium, 3 hard. */
	readonly difficulty: number;
	/** Questions of the station this player has answered so far, and how many it has. */
	readonly answeredAtStation: number;
	readonly questionsAtStation: number;
}

/** Sent instead of a question when the player triggers a station that has nothing left to ask. */
export interface StationNotice {
	readonly stationId: string;
	readonly stationTitle: string;
	readonly message: string;
}

/** The payload of the ShowQuestion event. */
export type ShowQuestionPayload =
	| { readonly kind: "question"; readonly question: ClientQuestion }
	| { readonly kind: "notice"; readonly notice: StationNotice };

/** Why the server refused an answer. */
export type RejectReason =
	/** Arguments of the wrong type or out of range. */
	| "invalid_arguments"
	/** Too many calls too fast; the call was dropped. */
	| "rate_limited"
	/** The question was never shown to this player (or is not in the quiz). */
	| "not_shown"
	/** This showing of the question was already answered. */
	| "already_answered"
	/** The choice index is not one of this question's choices. */
	| "invalid_choice"
	/** The player's progress is not ready yet (it is still loading). */
	| "not_ready";

export type AnswerResult =
	| {
			readonly accepted: true;
			readonly questionId: string;
			readonly correct: boolean;
			/** The right choice, as an index into the order this player was shown. */
			readonly correctChoice: number;
			readonly explanation: string;
			readonly pointsAwarded: number;
			readonly points: number;
			/** Percent of the lesson's questions answered, 0–100. */
			readonly progress: number;
			/** The difficulty the next question will aim at. */
			readonly nextDifficulty: number;
			readonly stationComplete: boolean;
	  }
	| { readonly accepted: false; readonly reason: RejectReason; readonly message: string };

/** A message to one player: an achievement earned or a milestone. */
export interface Announcement {
	readonly kind: "achievement" | "station_complete" | "lesson_complete";
	readonly id: string;
	readonly title: string;
	readonly description: string;
}
