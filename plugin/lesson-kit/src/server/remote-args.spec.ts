/// <reference types="@rbxts/testez/globals" />
import { checkSubmitArgs } from "./remote-args";

export = () => {
	it("accepts a question id and a whole choice index", () => {
		const args = checkSubmitArgs(["halves-1", 2]);
		expect(args?.questionId).to.equal("halves-1");
		expect(args?.choice).to.equal(2);
	});

	it("refuses wrong types, NaN, infinities, fractions and out-of-range choices", () => {
		const bad: Array<Array<unknown>> = [
			[1, 2],
			["halves-1", "2"],
			["halves-1", 0 / 0],
			["halves-1", math.huge],
			["halves-1", 1.5],
			["halves-1", -1],
			["halves-1", 6],
			[{}, 0],
			["halves-1", { 1: 1 }],
			[new Instance("Folder"), 0],
		];
		for (const args of bad) expect(checkSubmitArgs(args)).to.equal(undefined);
	});

	it("refuses overlong ids and a wrong number of arguments", () => {
		expect(checkSubmitArgs([string.rep("a", 65), 0])).to.equal(undefined);
		expect(checkSubmitArgs([string.rep("a", 64), 0])).never.to.equal(undefined);
		expect(checkSubmitArgs(["halves-1"])).to.equal(undefined);
		expect(checkSubmitArgs(["halves-1", 0, "extra"])).to.equal(undefined);
		expect(checkSubmitArgs([])).to.equal(undefined);
	});
};
