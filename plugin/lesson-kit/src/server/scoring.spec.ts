/// <reference types="@rbxts/testez/globals" />
import { pointsFor, progressPercent } from "./scoring";

export = () => {
	it("gives 10 points per difficulty level", () => {
		expect(pointsFor(1)).to.equal(10);
		expect(pointsFor(2)).to.equal(20);
		expect(pointsFor(3)).to.equal(30);
	});

	it("rounds progress down so 100 means everything was answered", () => {
		expect(progressPercent(0, 5)).to.equal(0);
		expect(progressPercent(2, 3)).to.equal(66);
		expect(progressPercent(199, 200)).to.equal(99);
		expect(progressPercent(5, 5)).to.equal(100);
		expect(progressPercent(3, 0)).to.equal(0);
	});
};
