/**
 * Points and progress: a right answer earns 10 points per difficulty level (10, 20, 30), a wrong one
 * nothing; progress is the whole percentage of the lesson's questions the player has answered.
 */

export const POINTS_PER_LEVEL = 10;

/** Points for a right answer to a question of `difficulty`. */
export function pointsFor(difficulty: number): number {
	return POINTS_PER_LEVEL * difficulty;
}

/** 0–100, rounded down, so 100 means every question was answered. */
export function progressPercent(answered: number, total: number): number {
	if (total <= 0) return 0;
	return math.clamp(math.floor((100 * answered) / total), 0, 100);
}
