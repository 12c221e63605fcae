/**
 * Adaptive difficulty: the next question aims at a difficulty that follows the player's recent
 * answers. A wrong answer steps the target down one level; two right answers in a row step it up
 * one; anything else keeps it. Among a station's unanswered questions the one closest to the target
 * is asked (on a tie the easier one, then the station's order), so a station with no question at the
 * target still goes on.
 */

export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 3;
/** Where a new player starts: the easy end, so the first question builds confidence. */
export const START_DIFFICULTY = 1;

/** The target after an answer; `recent` holds the player's results, oldest first, this answer last. */
export function nextDifficulty(current: number, recent: ReadonlyArray<boolean>): number {
	const size = recent.size();
	if (size === 0) return current;
	if (!recent[size - 1]) return math.max(MIN_DIFFICULTY, current - 1);
	if (size >= 2 && recent[size - 2]) return math.min(MAX_DIFFICULTY, current + 1);
	return current;
}

/** The candidate closest to `target` (ties: the easier, then the earlier); undefined when there is none. */
export function pickByDifficulty<Q extends { readonly difficulty: number }>(
	candidates: ReadonlyArray<Q>,
	target: number,
): Q | undefined {
	let best: Q | undefined;
	for (const candidate of candidates) {
		if (best === undefined) {
			best = candidate;
			continue;
		}
		const distance = math.abs(candidate.difficulty - target);
		const bestDistance = math.abs(best.difficulty - target);
		const easierTie = distance === bestDistance && candidate.difficulty < best.difficulty;
		if (distance < bestDistance || easierTie) best = candidate;
	}
	return best;
}
