/// <reference types="@rbxts/testez/globals" />
import { renderUnifiedDiff } from "./unified-diff";

function lines(...list: Array<string>): string {
	return list.join("\n") + "\n";
}

export = () => {
	const old = lines("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

	it("renders nothing for equal texts", () => {
		const diff = renderUnifiedDiff(old, old);
		expect(diff.text).to.equal("");
		expect(diff.hunks.size()).to.equal(0);
		expect(diff.truncated).to.equal(false);
	});

	it("renders one change with 3 lines of context", () => {
		const changed = lines("one", "two", "three", "four", "FIVE", "six", "seven", "eight", "nine", "ten");
		const diff = renderUnifiedDiff(old, changed);
		expect(diff.text).to.equal(
			lines("@@ -2,7 +2,7 @@", " two", " three", " four", "-five", "+FIVE", " six", " seven", " eight"),
		);
		expect(diff.added).to.equal(1);
		expect(diff.removed).to.equal(1);
	});

	it("gives every line its old and new line numbers", () => {
		const changed = lines("one", "two", "2.5", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
		const hunk = renderUnifiedDiff(old, changed, { context: 1 }).hunks[0];
		expect(hunk.header).to.equal("@@ -2,2 +2,3 @@");
		const described = hunk.lines.map((l) => `${l.kind}:${l.oldLine ?? "-"}:${l.newLine ?? "-"}:${l.text}`).join(" ");
		expect(described).to.equal("context:2:2:two added:-:3:2.5 context:3:4:three");
	});

	it("merges changes whose context touches, splits the others", () => {
		const changed = lines("ONE", "two", "three", "four", "five", "six", "SEVEN", "eight", "nine", "TEN");
		const diff = renderUnifiedDiff(old, changed, { context: 2 });
		expect(diff.hunks.size()).to.equal(2);
		expect(diff.hunks[0].header).to.equal("@@ -1,3 +1,3 @@");
		expect(diff.hunks[1].header).to.equal("@@ -5,6 +5,6 @@");
		// context 3: the gaps of 5 and 2 lines are both ≤ 6, so one hunk
		expect(renderUnifiedDiff(old, changed).hunks.size()).to.equal(1);
	});

	it("uses the line before for an empty side, 0 at the top", () => {
		expect(renderUnifiedDiff("", "a\nb\n").hunks[0].header).to.equal("@@ -0,0 +1,2 @@");
		expect(renderUnifiedDiff("a\nb\n", "").hunks[0].header).to.equal("@@ -1,2 +0,0 @@");
		const inserted = renderUnifiedDiff(lines("a", "b"), lines("a", "x", "b"), { context: 0 });
		expect(inserted.hunks[0].header).to.equal("@@ -1,0 +2,1 @@");
		const removed = renderUnifiedDiff(lines("a", "x", "b"), lines("a", "b"), { context: 0 });
		expect(removed.hunks[0].header).to.equal("@@ -2,1 +1,0 @@");
	});

	it("marks a last line without a final newline", () => {
		const diff = renderUnifiedDiff("a\nb", "a\nb\n");
		expect(diff.text).to.equal(lines("@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b"));
		const last = diff.hunks[0].lines[1];
		expect(last.eol).to.equal("");
	});

	it("shows a line-ending change as a changed line and keeps CR out of the text", () => {
		const diff = renderUnifiedDiff("a\r\nb\r\n", "a\r\nb\n");
		expect(diff.text).to.equal(lines("@@ -1,2 +1,2 @@", " a", "-b", "+b"));
		expect(diff.hunks[0].lines[1].eol).to.equal("\r\n");
		expect(diff.hunks[0].lines[2].eol).to.equal("\n");
	});

	it("adds file headers when labels are given", () => {
		const diff = renderUnifiedDiff("a\n", "b\n", { oldLabel: "a/Script", newLabel: "b/Script" });
		expect(diff.text).to.equal(lines("--- a/Script", "+++ b/Script", "@@ -1,1 +1,1 @@", "-a", "+b"));
	});

	it("keeps multibyte text intact", () => {
		const diff = renderUnifiedDiff('print("é")\n', 'print("🙂中")\n');
		expect(diff.text).to.equal(lines("@@ -1,1 +1,1 @@", '-print("é")', '+print("🙂中")'));
	});

	it("cuts at maxLines and says so", () => {
		const many = new Array<string>();
		for (let i = 1; i <= 100; i++) many.push(`line ${i}`);
		const diff = renderUnifiedDiff("", many.join("\n") + "\n", { maxLines: 10 });
		expect(diff.truncated).to.equal(true);
		expect(diff.hunks[0].lines.size()).to.equal(9); // the header takes one of the 10
		expect(diff.omittedLines).to.equal(91);
		const rendered = diff.text.split("\n");
		expect(rendered[10]).to.equal("... diff cut: 91 more line(s) not shown (0 removed, 100 added in all)");
		expect(diff.added).to.equal(100);
	});

	it("cuts at maxBytes", () => {
		const diff = renderUnifiedDiff("", "aaaa\nbbbb\ncccc\n", { maxBytes: 20 });
		// "@@ -0,0 +1,3 @@\n" is 16 bytes, "+aaaa\n" would make 22
		expect(diff.truncated).to.equal(true);
		expect(diff.hunks[0].lines.size()).to.equal(0);
		expect(diff.omittedLines).to.equal(3);
	});
};
