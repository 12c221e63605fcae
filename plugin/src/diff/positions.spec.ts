/// <reference types="@rbxts/testez/globals" />
import { characterCount } from "./characters";
import {
	fromDocumentPosition,
	fromDocumentRange,
	offsetToPosition,
	positionToOffset,
	toDocumentPosition,
	toDocumentRange,
} from "./positions";
import { DiffError, Result } from "./result";
import { createTextModel } from "./text-model";

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

export = () => {
	// line 0: "local s = "é🙂中"" (bytes: é=2, 🙂=4, 中=3); line 1: "print(s)"; line 2: ""
	const text = 'local s = "é🙂中"\r\nprint(s)\r\n';
	const model = createTextModel(text);

	describe("positionToOffset", () => {
		it("maps code-point columns to byte offsets across CRLF lines", () => {
			expect(value(positionToOffset(model, { line: 0, character: 11 }))).to.equal(11); // before é
			expect(value(positionToOffset(model, { line: 0, character: 12 }))).to.equal(13); // before 🙂
			expect(value(positionToOffset(model, { line: 0, character: 13 }))).to.equal(17); // before 中
			expect(value(positionToOffset(model, { line: 0, character: 15 }))).to.equal(21); // end of line 0
			expect(value(positionToOffset(model, { line: 1, character: 0 }))).to.equal(23);
			expect(value(positionToOffset(model, { line: 2, character: 0 }))).to.equal(text.size());
		});

		it("names the label and the valid range when out of bounds", () => {
			const badLine = failure(positionToOffset(model, { line: 3, character: 0 }, "edits[4].end"));
			expect(badLine.code).to.equal("out_of_bounds");
			expect(badLine.message).to.equal("edits[4].end: line 3 is outside the text (valid lines: 0–2, zero-based)");
			const badCharacter = failure(positionToOffset(model, { line: 0, character: 16 }, "edits[0].start"));
			expect(badCharacter.code).to.equal("out_of_bounds");
			expect(badCharacter.message).to.equal("edits[0].start: character 16 is outside line 0 (valid characters: 0–15)");
			expect(failure(positionToOffset(model, { line: -1, character: 0 })).code).to.equal("out_of_bounds");
			expect(failure(positionToOffset(model, { line: 0, character: -1 })).code).to.equal("out_of_bounds");
		});

		it("rejects fractional and NaN positions", () => {
			expect(failure(positionToOffset(model, { line: 0.5, character: 0 })).code).to.equal("invalid_position");
			expect(failure(positionToOffset(model, { line: 0, character: 0 / 0 })).code).to.equal("invalid_position");
		});
	});

	describe("offsetToPosition", () => {
		it("inverts positionToOffset", () => {
			for (const [line, character] of [
				[0, 0],
				[0, 12],
				[0, 15],
				[1, 3],
				[2, 0],
			]) {
				const offset = value(positionToOffset(model, { line, character }));
				const back = offsetToPosition(model, offset);
				expect(back?.line).to.equal(line);
				expect(back?.character).to.equal(character);
			}
		});

		it("refuses offsets inside a terminator or a character", () => {
			expect(offsetToPosition(model, 22)).to.equal(undefined); // between \r and \n
			expect(offsetToPosition(model, 12)).to.equal(undefined); // inside é
			expect(offsetToPosition(model, text.size() + 1)).to.equal(undefined);
		});
	});

	describe("toDocumentPosition", () => {
		it("gives 1-based lines and 1-based UTF-8 byte columns", () => {
			const cases: Array<[number, number, number, number]> = [
				[0, 0, 1, 1],
				[0, 11, 1, 12], // é starts at byte 12
				[0, 12, 1, 14], // 🙂 after the 2 bytes of é
				[0, 13, 1, 18], // 中 after the 4 bytes of 🙂
				[0, 14, 1, 21], // the closing quote after the 3 bytes of 中
				[0, 15, 1, 22], // end of line
				[1, 8, 2, 9],
				[2, 0, 3, 1],
			];
			for (const [line, character, documentLine, documentColumn] of cases) {
				const position = value(toDocumentPosition(model, { line, character }));
				expect(position.line).to.equal(documentLine);
				expect(position.character).to.equal(documentColumn);
			}
		});

		it("fails on positions outside the text", () => {
			expect(failure(toDocumentPosition(model, { line: 1, character: 9 })).code).to.equal("out_of_bounds");
		});
	});

	describe("fromDocumentPosition", () => {
		it("converts Studio positions back, both ways consistent", () => {
			for (const line of [0, 1, 2]) {
				const content = model.lines[line];
				for (let character = 0; character <= characterCount(content); character++) {
					const document = value(toDocumentPosition(model, { line, character }));
					const back = value(fromDocumentPosition(model, document));
					expect(back.line).to.equal(line);
					expect(back.character).to.equal(character);
				}
			}
		});

		it("rejects byte columns that split a UTF-8 sequence", () => {
			for (const column of [13, 15, 16, 17, 19, 20]) {
				const problem = failure(fromDocumentPosition(model, { line: 1, character: column }));
				expect(problem.code).to.equal("split_utf8");
			}
			expect(failure(fromDocumentPosition(model, { line: 1, character: 13 })).message).to.equal(
				"document position: byte column 13 of line 1 falls inside a multi-byte UTF-8 character",
			);
		});

		it("rejects lines and columns outside the text", () => {
			const line0 = failure(fromDocumentPosition(model, { line: 0, character: 1 }));
			expect(line0.code).to.equal("out_of_bounds");
			expect(line0.message).to.equal("document position: line 0 is outside the text (valid lines: 1–3, 1-based)");
			expect(failure(fromDocumentPosition(model, { line: 4, character: 1 })).code).to.equal("out_of_bounds");
			const column = failure(fromDocumentPosition(model, { line: 2, character: 10 }));
			expect(column.message).to.equal("document position: byte column 10 is outside line 2 (valid columns: 1–9)");
			expect(failure(fromDocumentPosition(model, { line: 1, character: 0 })).code).to.equal("out_of_bounds");
			expect(failure(fromDocumentPosition(model, { line: 1.5, character: 1 })).code).to.equal("invalid_position");
		});

		it("counts a stray non-UTF-8 byte as one character", () => {
			const odd = createTextModel("a" + string.char(0xff) + "b");
			expect(value(fromDocumentPosition(odd, { line: 1, character: 3 })).character).to.equal(2);
			expect(value(toDocumentPosition(odd, { line: 0, character: 3 })).character).to.equal(4);
		});
	});

	describe("ranges", () => {
		it("convert both ends", () => {
			const range = value(
				toDocumentRange(model, { start: { line: 0, character: 12 }, end: { line: 1, character: 0 } }),
			);
			expect(range.start.line).to.equal(1);
			expect(range.start.character).to.equal(14);
			expect(range.end.line).to.equal(2);
			expect(range.end.character).to.equal(1);
			const back = value(fromDocumentRange(model, range));
			expect(back.start.character).to.equal(12);
			expect(back.end.line).to.equal(1);
			expect(failure(fromDocumentRange(model, { start: range.start, end: { line: 1, character: 19 } })).code).to.equal(
				"split_utf8",
			);
		});
	});
};
