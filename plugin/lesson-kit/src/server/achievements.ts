/**
 * Achievements earned at thresholds of a player's play: the first right answer, five right answers in
 * a row, a station with every answer right, and every question of every station answered. Pure: the
 * server passes the player's stats and what they already earned and announces what is new.
 */

export interface PlayStats {
	/** Right answers so far. */
	readonly correct: number;
	/** Right answers in a row, ending with the latest answer. */
	readonly streak: number;
	/** Stations whose questions were all answered, and of those, answered all right. */
	readonly stationsComplete: number;
	readonly perfectStations: number;
	readonly stationCount: number;
}

export interface Achievement {
	readonly id: string;
	readonly title: string;
	readonly description: string;
	readonly earned: (stats: PlayStats) => boolean;
}

export const STREAK_GOAL = 5;

export const ACHIEVEMENTS: ReadonlyArray<Achievement> = [
	{
		id: "first_correct",
		title: "First right answer",
		description: "You answered your first question correctly.",
		earned: (s) => s.correct >= 1,
	},
	{
		id: "streak_5",
		title: "On a roll",
		description: `${STREAK_GOAL} right answers in a row.`,
		earned: (s) => s.streak >= STREAK_GOAL,
	},
	{
		id: "perfect_station",
		title: "Perfect station",
		description: "Every answer at one station was right.",
		earned: (s) => s.perfectStations >= 1,
	},
	{
		id: "all_stations",
		title: "Lesson complete",
		description: "You answered every question at every station.",
		earned: (s) => s.stationCount > 0 && s.stationsComplete >= s.stationCount,
	},
];

/** The achievements `stats` reach that are not in `earned`, in the order above. */
export function newAchievements(stats: PlayStats, earned: ReadonlySet<string>): Array<Achievement> {
	return ACHIEVEMENTS.filter((a) => !earned.has(a.id) && a.earned(stats));
}

/** The achievement with this id, if the kit knows it (saved progress may name retired ones). */
export function achievementById(id: string): Achievement | undefined {
	return ACHIEVEMENTS.find((a) => a.id === id);
}
