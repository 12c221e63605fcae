/// <reference types="@rbxts/testez/globals" />
import { DiffError, Result } from "./result";
import { createTextModel } from "./text-model";
import { RangeEdit, ResolvedEdit, resolveRangeEdits } from "./validate-edits";

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

function order(edits: ReadonlyArray<ResolvedEdit>): string {
	return edits.map((e) => `${e.index}@${e.startByte}-${e.endByte}`).join(" ");
}

export = () => {
	const model = createTextModel("first\nsecond\nthird");

	it("resolves edits to byte offsets in application order", () => {
		const resolved = value(resolveRangeEdits(model, [edit(2, 0, 2, 5, "x"), edit(0, 0, 0, 5, "y")]));
		expect(order(resolved)).to.equal("1@0-5 0@13-18");
	});

	it("accepts empty and no-op edits", () => {
		const resolved = value(resolveRangeEdits(model, [edit(1, 2, 1, 2), edit(0, 0, 0, 0, "")]));
		expect(resolved.size()).to.equal(2);
		expect(value(resolveRangeEdits(model, [])).size()).to.equal(0);
	});

	it("names the edit and the valid range for a line out of bounds", () => {
		const problem = failure(resolveRangeEdits(model, [edit(0, 0, 0, 1), edit(1, 0, 3, 0)]));
		expect(problem.code).to.equal("out_of_bounds");
		expect(problem.message).to.equal("edits[1].end: line 3 is outside the text (valid lines: 0–2, zero-based)");
		expect(problem.edits?.[0]).to.equal(1);
	});

	it("names the edit and the valid range for a character out of bounds", () => {
		const problem = failure(resolveRangeEdits(model, [edit(2, 6, 2, 6, "!")]));
		expect(problem.message).to.equal("edits[0].start: character 6 is outside line 2 (valid characters: 0–5)");
	});

	it("rejects a range whose end comes before its start", () => {
		const problem = failure(resolveRangeEdits(model, [edit(1, 3, 1, 1)]));
		expect(problem.code).to.equal("inverted_range");
		expect(problem.message).to.equal("edits[0]: end 1:1 comes before start 1:3");
		expect(failure(resolveRangeEdits(model, [edit(2, 0, 1, 4)])).code).to.equal("inverted_range");
	});

	it("fails as data, not by throwing, on edits of the wrong shape", () => {
		const junk = [{ start: { line: 0, character: 0 }, newText: "x" }] as unknown as Array<RangeEdit>;
		const problem = failure(resolveRangeEdits(model, junk));
		expect(problem.code).to.equal("invalid_edit");
		expect(problem.message).to.equal("edits[0] must be { start, end, newText } with a string newText");
		const notText = [edit(0, 0, 0, 0, 5 as unknown as string)];
		expect(failure(resolveRangeEdits(model, notText)).code).to.equal("invalid_edit");
		const stringLine = [{ start: { line: "1", character: 0 }, end: { line: 1, character: 0 }, newText: "" }];
		expect(failure(resolveRangeEdits(model, stringLine as unknown as Array<RangeEdit>)).code).to.equal(
			"invalid_position",
		);
	});

	it("rejects overlapping edits, naming both", () => {
		const problem = failure(resolveRangeEdits(model, [edit(0, 0, 0, 2), edit(1, 0, 1, 3), edit(0, 1, 1, 1)]));
		expect(problem.code).to.equal("overlap");
		expect(problem.message).to.equal(
			"edits[0] (0:0–0:2) and edits[2] (0:1–1:1) overlap; edits must not cover the same text",
		);
		expect(problem.edits?.[0]).to.equal(0);
		expect(problem.edits?.[1]).to.equal(2);
	});

	it("rejects an insertion strictly inside a replaced range", () => {
		const problem = failure(resolveRangeEdits(model, [edit(1, 0, 1, 6, "x"), edit(1, 3, 1, 3, "y")]));
		expect(problem.code).to.equal("overlap");
	});

	it("rejects two replacements of the same range, and one nested in another", () => {
		expect(failure(resolveRangeEdits(model, [edit(0, 1, 0, 2), edit(0, 1, 0, 2)])).code).to.equal("overlap");
		expect(failure(resolveRangeEdits(model, [edit(0, 0, 2, 0), edit(1, 1, 1, 2)])).code).to.equal("overlap");
	});

	it("allows adjacent edits and insertions at a range's edges", () => {
		const resolved = value(
			resolveRangeEdits(model, [
				edit(0, 2, 0, 4, "b"),
				edit(0, 0, 0, 2, "a"),
				edit(0, 4, 0, 4, "c"),
				edit(0, 2, 0, 2, "i"),
			]),
		);
		// the insertion at 2 goes before the replacement starting at 2, whatever the array order
		expect(order(resolved)).to.equal("1@0-2 3@2-2 0@2-4 2@4-4");
	});

	it("keeps insertions at one point in array order", () => {
		const resolved = value(
			resolveRangeEdits(model, [edit(1, 0, 1, 0, "a"), edit(1, 0, 1, 0, "b"), edit(1, 0, 1, 0, "c")]),
		);
		expect(order(resolved)).to.equal("0@6-6 1@6-6 2@6-6");
	});
};
