/// <reference types="@rbxts/testez/globals" />
import { createTextModel, joinLines, normalizeLineEndings, splitLineTokens, splitTerminator } from "./text-model";

function show(list: ReadonlyArray<string | number>): string {
	const parts = new Array<string>();
	for (const item of list) {
		const [escaped] = string.gsub(string.gsub(tostring(item), "\r", "\\r")[0], "\n", "\\n");
		parts.push(escaped);
	}
	return parts.join("|");
}

export = () => {
	describe("createTextModel", () => {
		it("splits \\n text into lines with their endings and starts", () => {
			const model = createTextModel("a\nbc\n");
			expect(show(model.lines)).to.equal("a|bc|");
			expect(show(model.endings)).to.equal("\\n|\\n|");
			expect(show(model.starts)).to.equal("0|2|5");
			expect(model.eol).to.equal("\n");
		});

		it("keeps \\r\\n endings apart from the content", () => {
			const model = createTextModel("a\r\n\r\nb");
			expect(show(model.lines)).to.equal("a||b");
			expect(show(model.endings)).to.equal("\\r\\n|\\r\\n|");
			expect(show(model.starts)).to.equal("0|3|5");
			expect(model.eol).to.equal("\r\n");
		});

		it("gives a text without a final newline a last line with no ending", () => {
			const model = createTextModel("x\ny");
			expect(show(model.lines)).to.equal("x|y");
			expect(model.endings[1]).to.equal("");
		});

		it("gives the empty text one empty line and no line ending", () => {
			const model = createTextModel("");
			expect(model.lines.size()).to.equal(1);
			expect(model.lines[0]).to.equal("");
			expect(model.eol).to.equal(undefined);
		});

		it("treats a lone \\r as content", () => {
			const model = createTextModel("a\rb\n\r");
			expect(show(model.lines)).to.equal("a\\rb|\\r");
			expect(model.eol).to.equal("\n");
		});

		it("picks the more frequent ending of a mixed file, \\n on a tie", () => {
			expect(createTextModel("a\r\nb\r\nc\nd").eol).to.equal("\r\n");
			expect(createTextModel("a\r\nb\nc").eol).to.equal("\n");
		});

		it("round-trips through joinLines byte for byte", () => {
			for (const text of ["", "\n", "\r\n", "a", "a\n", "a\r\nb\nc", "é\r\n🙂\n\n中", "\r\r\n\n\r"]) {
				const model = createTextModel(text);
				expect(joinLines(model.lines, model.endings)).to.equal(text);
			}
		});
	});

	describe("splitLineTokens", () => {
		it("keeps terminators and drops the empty final line", () => {
			expect(show(splitLineTokens("a\nb\r\n"))).to.equal("a\\n|b\\r\\n");
			expect(show(splitLineTokens("a\nb"))).to.equal("a\\n|b");
			expect(splitLineTokens("").size()).to.equal(0);
			expect(show(splitLineTokens("\n\n"))).to.equal("\\n|\\n");
		});

		it("splits a token into content and terminator", () => {
			expect(show(splitTerminator("ab\r\n"))).to.equal("ab|\\r\\n");
			expect(show(splitTerminator("ab\n"))).to.equal("ab|\\n");
			expect(show(splitTerminator("ab"))).to.equal("ab|");
			expect(show(splitTerminator("\r\n"))).to.equal("|\\r\\n");
		});
	});

	describe("normalizeLineEndings", () => {
		it("rewrites both endings to the requested one", () => {
			expect(normalizeLineEndings("a\nb\r\nc", "\r\n")).to.equal("a\r\nb\r\nc");
			expect(normalizeLineEndings("a\nb\r\nc", "\n")).to.equal("a\nb\nc");
			expect(normalizeLineEndings("a\rb", "\r\n")).to.equal("a\rb");
		});
	});
};
