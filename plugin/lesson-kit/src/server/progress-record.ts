/**
 * The saved form of a player's progress (what goes into the DataStore) and its check on the way back:
 * a DataStore value is a boundary like a remote, so it is validated with t, and a value that does not
 * validate is not trusted (the player starts fresh and the server says why).
 */
import { t } from "@rbxts/t";
import { MAX_DIFFICULTY, MIN_DIFFICULTY } from "./adaptive-difficulty";
import { ProgressData } from "./player-progress";

export const RECORD_VERSION = 1;

/** A JSON-able table (DataStores store JSON). */
export interface ProgressRecord {
	readonly v: number;
	readonly answered: { readonly [questionId: string]: boolean };
	readonly points: number;
	readonly streak: number;
	readonly difficulty: number;
	readonly recent: ReadonlyArray<boolean>;
	readonly achievements: ReadonlyArray<string>;
}

const count = (value: unknown): value is number => t.integer(value) && value >= 0;
const level = (value: unknown): value is number =>
	t.integer(value) && value >= MIN_DIFFICULTY && value <= MAX_DIFFICULTY;

const isRecord = t.strictInterface({
	v: t.literal(RECORD_VERSION),
	answered: t.map(t.string, t.boolean),
	points: count,
	streak: count,
	difficulty: level,
	recent: t.array(t.boolean),
	achievements: t.array(t.string),
});

/** The record to save for `data`. */
export function toRecord(data: ProgressData): ProgressRecord {
	const answered: { [questionId: string]: boolean } = {};
	for (const [id, correct] of data.answered) answered[id] = correct;
	return {
		v: RECORD_VERSION,
		answered,
		points: data.points,
		streak: data.streak,
		difficulty: data.difficulty,
		recent: [...data.recent],
		achievements: [...data.achievements],
	};
}

/** Progress from a stored value; undefined when the value is not a record this kit wrote. */
export function fromRecord(value: unknown): ProgressData | undefined {
	if (!isRecord(value)) return undefined;
	const answered = new Map<string, boolean>();
	for (const [id, correct] of value.answered) answered.set(id, correct);
	return {
		answered,
		points: value.points,
		streak: value.streak,
		difficulty: value.difficulty,
		recent: value.recent,
		achievements: value.achievements,
	};
}
