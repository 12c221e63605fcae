/// <reference types="@rbxts/testez/globals" />
import { nextDifficulty, pickByDifficulty } from "./adaptive-difficulty";

export = () => {
	describe("nextDifficulty", () => {
		it("steps up after two right answers in a row, not after one", () => {
			expect(nextDifficulty(1, [true])).to.equal(1);
			expect(nextDifficulty(1, [true, true])).to.equal(2);
			expect(nextDifficulty(2, [false, true])).to.equal(2);
		});

		it("steps down after a wrong answer", () => {
			expect(nextDifficulty(3, [true, true, false])).to.equal(2);
			expect(nextDifficulty(2, [false])).to.equal(1);
		});

		it("stays within 1–3", () => {
			expect(nextDifficulty(3, [true, true])).to.equal(3);
			expect(nextDifficulty(1, [false, false])).to.equal(1);
			expect(nextDifficulty(2, [])).to.equal(2);
		});
	});

	describe("pickByDifficulty", () => {
		const q = (id: string, difficulty: number) => ({ id, difficulty });

		it("asks the question at the target difficulty", () => {
			expect(pickByDifficulty([q("a", 1), q("b", 2), q("c", 3)], 2)!.id).to.equal("b");
		});

		it("takes the closest when none is at the target, the easier on a tie, then the earlier", () => {
			expect(pickByDifficulty([q("a", 1), q("c", 3)], 2)!.id).to.equal("a");
			expect(pickByDifficulty([q("c", 3), q("a", 1)], 2)!.id).to.equal("a");
			expect(pickByDifficulty([q("x", 3), q("y", 3)], 1)!.id).to.equal("x");
		});

		it("gives nothing when there is nothing left", () => {
			expect(pickByDifficulty([], 1)).to.equal(undefined);
		});
	});
};
