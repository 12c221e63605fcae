/// <reference types="@rbxts/testez/globals" />
import { findNearestCandidates, trimLine } from "./nearest-candidates";
import { createTextModel } from "./text-model";

export = () => {
	it("trims leading and trailing whitespace only", () => {
		expect(trimLine("\t  a b  \t")).to.equal("a b");
		expect(trimLine("   ")).to.equal("");
		expect(trimLine("")).to.equal("");
	});

	it("ranks windows by mean line similarity, ties to the earlier line", () => {
		const model = createTextModel("alpha()\nbeta()\ngamma()\nalpha()\nbeta()\n");
		const found = findNearestCandidates(model, ["alpha()", "betaa()"], 3);
		expect(found[0].line).to.equal(0);
		expect(found[1].line).to.equal(3);
		expect(found[0].similarity).to.be.near(found[1].similarity);
		expect(found.size()).to.equal(2); // windows 1 and 2 overlap these two places
		const third = findNearestCandidates(
			createTextModel("alpha()\nbeta()\ngamma()\ndelta()\nalpha()\nbeta()\n"),
			["alpha()", "betaa()"],
			3,
		);
		expect(third.size()).to.equal(3);
		expect(third[2].line).to.equal(2);
		expect(third[0].similarity > third[2].similarity).to.equal(true);
	});

	it("scores an identical window 1 even with different indentation", () => {
		const model = createTextModel("x\n\tif a then\n\t\tb()\n\tend\n");
		const found = findNearestCandidates(model, ["if a then", "    b()", "end"], 1);
		expect(found[0].line).to.equal(1);
		expect(found[0].similarity).to.be.near(1);
	});

	it("names each place once, not every overlapping window", () => {
		const model = createTextModel("a()\nb()\nc()\nd()\ne()\nf()\n");
		const found = findNearestCandidates(model, ["c()", "d()", "x()"], 3);
		expect(found[0].line).to.equal(2);
		for (const other of [found[1], found[2]]) {
			if (other !== undefined) expect(math.abs(other.line - 2) >= 3).to.equal(true);
		}
	});

	it("copes with a search longer than the text and with blank lines", () => {
		const model = createTextModel("a\n\nb");
		const found = findNearestCandidates(model, ["a", "", "b", "c", "d"], 3);
		expect(found.size()).to.equal(1);
		expect(found[0].lineCount).to.equal(3);
		expect(found[0].excerpt).to.equal("a");
	});

	it("cuts long excerpts on a character boundary", () => {
		const model = createTextModel(string.rep("é", 100));
		const found = findNearestCandidates(model, [string.rep("é", 99)], 1);
		expect(found[0].excerpt).to.equal(string.rep("é", 60) + "…");
	});

	it("returns nothing for an empty search", () => {
		expect(findNearestCandidates(createTextModel("a"), [], 3).size()).to.equal(0);
	});
};
