/// <reference types="@rbxts/testez/globals" />
import { SUMMARY_CAP, oneLine } from "./tool-summary";

export = () => {
	describe("oneLine", () => {
		it("flattens whitespace", () => {
			expect(oneLine("  a\n\tb   c \n")).to.equal("a b c");
		});

		it("cuts long text with an ellipsis, never inside a UTF-8 character", () => {
			const long = oneLine(string.rep("é", 200));
			expect(long.size() <= SUMMARY_CAP + 3).to.equal(true);
			expect(long.sub(-3)).to.equal("…");
			expect(utf8.len(long)[0] !== undefined).to.equal(true);
			expect(oneLine("abcdef", 4)).to.equal("abc…");
		});
	});
};
