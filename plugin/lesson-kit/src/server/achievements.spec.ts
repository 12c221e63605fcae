/// <reference types="@rbxts/testez/globals" />
import { ACHIEVEMENTS, newAchievements, PlayStats } from "./achievements";

export = () => {
	const stats = (overrides: Partial<PlayStats>): PlayStats => ({
		correct: 0,
		streak: 0,
		stationsComplete: 0,
		perfectStations: 0,
		stationCount: 2,
		...overrides,
	});
	const ids = (list: ReadonlyArray<{ id: string }>) => list.map((a) => a.id).join(",");

	it("has unique ids", () => {
		const seen = new Set<string>();
		for (const a of ACHIEVEMENTS) {
			expect(seen.has(a.id)).to.equal(false);
			seen.add(a.id);
		}
	});

	it("earns nothing before the first right answer", () => {
		expect(ids(newAchievements(stats({}), new Set()))).to.equal("");
	});

	it("earns first_correct at the first right answer, and only once", () => {
		expect(ids(newAchievements(stats({ correct: 1, streak: 1 }), new Set()))).to.equal("first_correct");
		expect(ids(newAchievements(stats({ correct: 2, streak: 2 }), new Set(["first_correct"])))).to.equal("");
	});

	it("earns streak_5 at five in a row, not four", () => {
		const earned = new Set(["first_correct"]);
		expect(ids(newAchievements(stats({ correct: 4, streak: 4 }), earned))).to.equal("");
		expect(ids(newAchievements(stats({ correct: 5, streak: 5 }), earned))).to.equal("streak_5");
	});

	it("earns perfect_station and all_stations at their thresholds, several at once in order", () => {
		const all = newAchievements(stats({ correct: 5, streak: 5, stationsComplete: 2, perfectStations: 1 }), new Set());
		expect(ids(all)).to.equal("first_correct,streak_5,perfect_station,all_stations");
		expect(ids(newAchievements(stats({ stationsComplete: 1 }), new Set()))).to.equal("");
	});
};
