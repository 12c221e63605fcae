/// <reference types="@rbxts/testez/globals" />
import { renderUnifiedDiff } from "../../diff/unified-diff";
import { diffRows, expandTabs, firstChangedLine, visibleWindow } from "./diff-rows";

export = () => {
	describe("diffRows", () => {
		it("gives a hunk row, then each line with its old and new numbers", () => {
			const diff = renderUnifiedDiff("a\nb\nc\n", "a\nB\nc\n");
			const { rows } = diffRows(diff);
			const kinds = rows.map((row) => row.kind).join(" ");
			expect(kinds).to.equal("hunk context removed added context");
			expect(rows[0].text).to.equal("@@ -1,3 +1,3 @@");
			expect(rows[2].text).to.equal("b");
			expect(rows[2].oldLine).to.equal(2);
			expect(rows[2].newLine).to.equal(undefined);
			expect(rows[3].text).to.equal("B");
			expect(rows[3].newLine).to.equal(2);
			expect(rows[3].oldLine).to.equal(undefined);
			expect(rows[4].oldLine).to.equal(3);
			expect(rows[4].newLine).to.equal(3);
		});

		it("adds git's marker after a last line without a newline", () => {
			const { rows } = diffRows(renderUnifiedDiff("a\n", "a\nb"));
			expect(rows[rows.size() - 1].kind).to.equal("note");
			expect(rows[rows.size() - 1].text).to.equal("\\ No newline at end of file");
		});

		it("ends a cut diff with a note saying how much is not shown", () => {
			const before = new Array<string>();
			for (let i = 1; i <= 50; i++) before.push(`line ${i}`);
			const diff = renderUnifiedDiff("", before.join("\n") + "\n", { maxLines: 10 });
			const { rows } = diffRows(diff);
			const last = rows[rows.size() - 1];
			expect(last.kind).to.equal("note");
			expect(last.text).to.equal("… 41 more diff line(s) not shown (0 removed, 50 added in all)");
		});

		it("measures the widest row in characters (tabs expanded) and the largest line number", () => {
			const diff = renderUnifiedDiff("x\n", "x\n\tlocal é = 1\n");
			const measured = diffRows(diff);
			expect(measured.widestText).to.equal(15); // "    local é = 1", as wide as its "@@ -1,1 +1,2 @@"
			const wide = diffRows(renderUnifiedDiff("", "\t\tlocal value = 'déjà vu'\n"));
			expect(wide.widestText).to.equal(8 + 23);
			expect(wide.largestLine).to.equal(1);
		});

		it("gives no rows for equal texts", () => {
			expect(diffRows(renderUnifiedDiff("same\n", "same\n")).rows.size()).to.equal(0);
		});
	});

	describe("expandTabs", () => {
		it("moves to the next tab stop of 4 columns, counting characters", () => {
			expect(expandTabs("\tx")).to.equal("    x");
			expect(expandTabs("ab\tc")).to.equal("ab  c");
			expect(expandTabs("abcd\te")).to.equal("abcd    e");
			expect(expandTabs("é\tx")).to.equal("é   x");
			expect(expandTabs("no tabs")).to.equal("no tabs");
		});
	});

	describe("firstChangedLine", () => {
		it("is the first added line", () => {
			expect(firstChangedLine(renderUnifiedDiff("a\nb\nc\nd\n", "a\nb\nX\nd\n"))).to.equal(3);
		});

		it("is the line after the context before a removal", () => {
			expect(firstChangedLine(renderUnifiedDiff("a\nb\nc\nd\n", "a\nb\nd\n"))).to.equal(3);
		});

		it("is line 1 when the first line goes or everything goes", () => {
			expect(firstChangedLine(renderUnifiedDiff("a\nb\n", "b\n"))).to.equal(1);
			expect(firstChangedLine(renderUnifiedDiff("a\nb\n", ""))).to.equal(1);
		});

		it("is undefined when nothing changed", () => {
			expect(firstChangedLine(renderUnifiedDiff("a\n", "a\n"))).to.equal(undefined);
		});
	});

	describe("visibleWindow", () => {
		it("covers the rows in view plus the overscan", () => {
			const window = visibleWindow(160, 320, 16, 10000, 4);
			expect(window.first).to.equal(6);
			expect(window.last).to.equal(33);
		});

		it("stays within the rows", () => {
			const top = visibleWindow(0, 320, 16, 10, 4);
			expect(top.first).to.equal(0);
			expect(top.last).to.equal(9);
			const bottom = visibleWindow(16 * 9990, 320, 16, 10000, 4);
			expect(bottom.last).to.equal(9999);
		});

		it("is empty when there are no rows", () => {
			const window = visibleWindow(0, 320, 16, 0, 4);
			expect(window.last < window.first).to.equal(true);
		});
	});
};
