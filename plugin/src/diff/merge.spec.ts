/// <reference types="@rbxts/testez/globals" />
import { applyRangeEdits } from "./merge";
import { DiffError, Result } from "./result";
import { RangeEdit } from "./validate-edits";

function value<T>(result: Result<T>): T {
	if (!result.ok) {
		error(`expected success, got ${result.error.code}: ${result.error.message}`);
	}
	return result.value;
}

function failure<T>(result: Result<T>): DiffError {
	if (result.ok) {
		error("expected a failure");
	}
	return result.error;
}

function edit(sl: number, sc: number, el: number, ec: number, newText = ""): RangeEdit {
	return { start: { line: sl, character: sc }, end: { line: el, character: ec }, newText };
}

export = () => {
	describe("applyRangeEdits", () => {
		it("applies many edits addressed to the original text", () => {
			const text = "local a = 1\nlocal b = 2\nlocal c = 3\n";
			const result = value(
				applyRangeEdits(text, [edit(2, 10, 2, 11, "30"), edit(0, 6, 0, 7, "alpha"), edit(1, 0, 2, 0, "")]),
			);
			expect(result).to.equal("local alpha = 1\nlocal c = 30\n");
		});

		it("returns the text unchanged for no edits and for no-op edits", () => {
			expect(value(applyRangeEdits("abc", []))).to.equal("abc");
			expect(value(applyRangeEdits("abc", [edit(0, 1, 0, 1, ""), edit(0, 1, 0, 2, "b")]))).to.equal("abc");
			expect(value(applyRangeEdits("", [edit(0, 0, 0, 0, "")]))).to.equal("");
		});

		it("writes into an empty text", () => {
			expect(value(applyRangeEdits("", [edit(0, 0, 0, 0, "print(1)\n")]))).to.equal("print(1)\n");
		});

		it("edits at the end of a file with a final newline", () => {
			expect(value(applyRangeEdits("a\nb\n", [edit(2, 0, 2, 0, "c\n")]))).to.equal("a\nb\nc\n");
			// deleting the last line including its newline
			expect(value(applyRangeEdits("a\nb\n", [edit(1, 0, 2, 0, "")]))).to.equal("a\n");
		});

		it("edits at the end of a file without a final newline", () => {
			expect(value(applyRangeEdits("a\nb", [edit(1, 1, 1, 1, "\nc")]))).to.equal("a\nb\nc");
			expect(value(applyRangeEdits("a\nb", [edit(0, 1, 1, 1, "")]))).to.equal("a");
			expect(value(applyRangeEdits("a\nb", [edit(1, 1, 1, 1, "\n")]))).to.equal("a\nb\n");
		});

		it("keeps a CRLF file CRLF, converting inserted \\n", () => {
			const text = "if x then\r\n\tprint(x)\r\nend\r\n";
			const result = value(applyRangeEdits(text, [edit(1, 0, 2, 0, "\tprint(x)\n\tprint(y)\n")]));
			expect(result).to.equal("if x then\r\n\tprint(x)\r\n\tprint(y)\r\nend\r\n");
		});

		it("keeps a LF file LF, converting inserted \\r\\n", () => {
			expect(value(applyRangeEdits("a\nb\n", [edit(1, 0, 1, 0, "x\r\ny\r\n")]))).to.equal("a\nx\ny\nb\n");
		});

		it("keeps inserted line endings as given when asked", () => {
			const result = value(applyRangeEdits("a\r\nb", [edit(1, 0, 1, 0, "x\n")], { keepLineEndings: true }));
			expect(result).to.equal("a\r\nx\nb");
		});

		it("leaves line endings of a file without any alone", () => {
			expect(value(applyRangeEdits("ab", [edit(0, 1, 0, 1, "\r\n")]))).to.equal("a\r\nb");
		});

		it("replaces a range spanning a CRLF line break", () => {
			expect(value(applyRangeEdits("ab\r\ncd\r\n", [edit(0, 1, 1, 1, "X")]))).to.equal("aXd\r\n");
		});

		it("counts characters as code points in multibyte lines", () => {
			const text = 's = "é🙂中"\n';
			expect(value(applyRangeEdits(text, [edit(0, 6, 0, 7, "😀")]))).to.equal('s = "é😀中"\n');
			expect(value(applyRangeEdits(text, [edit(0, 5, 0, 8, "")]))).to.equal('s = ""\n');
			expect(value(applyRangeEdits(text, [edit(0, 9, 0, 9, " -- ok")]))).to.equal('s = "é🙂中" -- ok\n');
		});

		it("applies insertions at the same point in array order", () => {
			const result = value(
				applyRangeEdits("ab", [edit(0, 1, 0, 1, "1"), edit(0, 1, 0, 1, "2"), edit(0, 1, 0, 1, "3")]),
			);
			expect(result).to.equal("a123b");
		});

		it("applies adjacent edits", () => {
			expect(value(applyRangeEdits("abcd", [edit(0, 2, 0, 4, "Y"), edit(0, 0, 0, 2, "X")]))).to.equal("XY");
			expect(
				value(applyRangeEdits("abcd", [edit(0, 1, 0, 3, "R"), edit(0, 1, 0, 1, "I"), edit(0, 3, 0, 3, "J")])),
			).to.equal("aIRJd");
		});

		it("reports overlaps and bounds errors instead of applying anything", () => {
			expect(failure(applyRangeEdits("abcd", [edit(0, 0, 0, 3, "x"), edit(0, 2, 0, 4, "y")])).code).to.equal("overlap");
			expect(failure(applyRangeEdits("abcd", [edit(0, 0, 0, 5, "x")])).code).to.equal("out_of_bounds");
		});
	});
};
