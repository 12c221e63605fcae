/// <reference types="@rbxts/testez/globals" />
import { rebase, RebaseConflict, RebaseResult } from "./rebase";

function lines(...list: Array<string>): string {
	return list.join("\n") + "\n";
}

function merged(result: RebaseResult): string {
	if (result.status !== "merged") {
		error(`expected a merge, got ${result.conflicts.size()} conflict(s)`);
	}
	return result.text;
}

function conflicts(result: RebaseResult): ReadonlyArray<RebaseConflict> {
	if (result.status !== "stale") {
		error("expected a stale result");
	}
	return result.conflicts;
}

export = () => {
	const base = lines("local a = 1", "local b = 2", "local c = 3", "local d = 4", "local e = 5", "local f = 6");
	const ours = lines("local a = 1", "local b = 20", "local c = 3", "local d = 4", "local e = 5", "local f = 6");

	it("returns ours when the user changed nothing", () => {
		const result = rebase(base, ours, base);
		expect(merged(result)).to.equal(ours);
		expect(result.status === "merged" && result.rebased).to.equal(false);
	});

	it("returns theirs when the proposal changes nothing", () => {
		const theirs = lines("-- user", "local a = 1");
		expect(merged(rebase(base, base, theirs))).to.equal(theirs);
	});

	it("accepts a user who already made the same change", () => {
		expect(merged(rebase(base, ours, ours))).to.equal(ours);
	});

	it("keeps a user edit elsewhere and moves the proposal onto it", () => {
		const theirs = lines("local a = 1", "local b = 2", "local c = 3", "local d = 4", "local e = 50", "local f = 6");
		const result = rebase(base, ours, theirs);
		expect(merged(result)).to.equal(
			lines("local a = 1", "local b = 20", "local c = 3", "local d = 4", "local e = 50", "local f = 6"),
		);
		expect(result.status === "merged" && result.rebased).to.equal(true);
	});

	it("shifts the proposal when the user inserted lines above it", () => {
		const theirs = lines(
			"-- header",
			"-- more",
			"local a = 1",
			"local b = 2",
			"local c = 3",
			"local d = 4",
			"local e = 5",
			"local f = 6",
		);
		expect(merged(rebase(base, ours, theirs))).to.equal(
			lines(
				"-- header",
				"-- more",
				"local a = 1",
				"local b = 20",
				"local c = 3",
				"local d = 4",
				"local e = 5",
				"local f = 6",
			),
		);
	});

	it("keeps an edit on the line right next to the proposal's change", () => {
		const theirs = lines("local a = 1", "local b = 2", "local c = 30", "local d = 4", "local e = 5", "local f = 6");
		expect(merged(rebase(base, ours, theirs))).to.equal(
			lines("local a = 1", "local b = 20", "local c = 30", "local d = 4", "local e = 5", "local f = 6"),
		);
	});

	it("goes stale when the user changed the same line, with the hunks of all three texts", () => {
		const theirs = lines("local a = 1", "local b = 200", "local c = 3", "local d = 4", "local e = 5", "local f = 6");
		const found = conflicts(rebase(base, ours, theirs));
		expect(found.size()).to.equal(1);
		const conflict = found[0];
		expect(conflict.base.start).to.equal(1);
		expect(conflict.base.count).to.equal(1);
		expect(conflict.base.text).to.equal("local b = 2\n");
		expect(conflict.ours.text).to.equal("local b = 20\n");
		expect(conflict.theirs.text).to.equal("local b = 200\n");
		expect(conflict.theirs.start).to.equal(1);
	});

	it("reports conflict ranges in each side's own line numbers", () => {
		const theirs = lines("-- new", "local a = 1", "local c = 3", "local d = 4", "local e = 5", "local f = 6");
		const conflict = conflicts(rebase(base, ours, theirs))[0]; // the user deleted line b
		expect(conflict.base.start).to.equal(1);
		expect(conflict.ours.start).to.equal(1);
		expect(conflict.ours.count).to.equal(1);
		expect(conflict.theirs.start).to.equal(2);
		expect(conflict.theirs.count).to.equal(0);
		expect(conflict.theirs.text).to.equal("");
	});

	it("goes stale when both insert at the same point, but not when they insert the same", () => {
		const oursInsert = lines(
			"local a = 1",
			"-- ours",
			"local b = 2",
			"local c = 3",
			"local d = 4",
			"local e = 5",
			"local f = 6",
		);
		const theirsInsert = lines(
			"local a = 1",
			"-- theirs",
			"local b = 2",
			"local c = 3",
			"local d = 4",
			"local e = 5",
			"local f = 6",
		);
		expect(conflicts(rebase(base, oursInsert, theirsInsert)).size()).to.equal(1);
		expect(merged(rebase(base, oursInsert, oursInsert))).to.equal(oursInsert);
	});

	it("reports every conflict, and keeps none of the proposal", () => {
		const oursTwo = lines("local a = 10", "local b = 2", "local c = 3", "local d = 4", "local e = 5", "local f = 60");
		const theirsTwo = lines("local a = 11", "local b = 2", "local c = 3", "local d = 4", "local e = 5", "local f = 61");
		expect(conflicts(rebase(base, oursTwo, theirsTwo)).size()).to.equal(2);
	});

	it("orders an insertion before a replacement starting at the same line", () => {
		const oursInsert = lines(
			"local a = 1",
			"-- about b",
			"local b = 2",
			"local c = 3",
			"local d = 4",
			"local e = 5",
			"local f = 6",
		);
		const theirs = lines("local a = 1", "local B = 2", "local c = 3", "local d = 4", "local e = 5", "local f = 6");
		expect(merged(rebase(base, oursInsert, theirs))).to.equal(
			lines("local a = 1", "-- about b", "local B = 2", "local c = 3", "local d = 4", "local e = 5", "local f = 6"),
		);
	});

	it("goes stale on an insertion inside a range the other side replaced", () => {
		const oursInsert = lines(
			"local a = 1",
			"local b = 2",
			"-- between",
			"local c = 3",
			"local d = 4",
			"local e = 5",
			"local f = 6",
		);
		const theirs = lines("local a = 1", "local bc = 23", "local d = 4", "local e = 5", "local f = 6");
		expect(conflicts(rebase(base, oursInsert, theirs)).size()).to.equal(1);
	});

	it("keeps CRLF line endings and a missing final newline byte for byte", () => {
		const crlfBase = "a\r\nb\r\nc\r\nd";
		const crlfOurs = "a\r\nB\r\nc\r\nd";
		const crlfTheirs = "a\r\nb\r\nc\r\nD";
		expect(merged(rebase(crlfBase, crlfOurs, crlfTheirs))).to.equal("a\r\nB\r\nc\r\nD");
	});

	it("merges edits to multibyte lines", () => {
		const mbBase = lines("s = 'é'", "t = '🙂'", "u = '中'");
		const mbOurs = lines("s = 'è'", "t = '🙂'", "u = '中'");
		const mbTheirs = lines("s = 'é'", "t = '🙂'", "u = '中文'");
		expect(merged(rebase(mbBase, mbOurs, mbTheirs))).to.equal(lines("s = 'è'", "t = '🙂'", "u = '中文'"));
	});

	it("handles empty texts", () => {
		expect(merged(rebase("", "print(1)\n", ""))).to.equal("print(1)\n");
		expect(conflicts(rebase("", "print(1)\n", "print(2)\n")).size()).to.equal(1);
		expect(merged(rebase("a\n", "", "a\nb\n"))).to.equal("b\n");
	});

	it("is a pure function: the same inputs give the same answer", () => {
		const theirs = lines("local a = 1", "local b = 2", "local c = 3", "local d = 4", "local e = 50", "local f = 6");
		expect(merged(rebase(base, ours, theirs))).to.equal(merged(rebase(base, ours, theirs)));
	});
};
