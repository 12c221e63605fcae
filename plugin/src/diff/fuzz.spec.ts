/// <reference types="@rbxts/testez/globals" />
/**
 * Randomised checks of the merger, the line diff and the rebase against simple reference
 * implementations. A seeded PRNG makes every run identical, so a failure names a reproducible
 * case; the counts are printed so the run log shows how much was covered.
 */
import { applyRangeEdits } from "./merge";
import { fromDocumentPosition, toDocumentPosition } from "./positions";
import { rebase } from "./rebase";
import { createTextModel, splitLineTokens } from "./text-model";
import { renderUnifiedDiff } from "./unified-diff";
import { RangeEdit } from "./validate-edits";

/** Park–Miller minimal standard generator: products stay below 2^53, so exact in doubles. */
class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed % 2147483647;
		if (this.state <= 0) this.state += 2147483646;
	}
	/** A whole number in [0, n). */
	int(n: number): number {
		this.state = (this.state * 48271) % 2147483647;
		return this.state % n;
	}
	chance(p: number): boolean {
		return this.int(1000000) < p * 1000000;
	}
	pick<T extends defined>(list: ReadonlyArray<T>): T {
		return list[this.int(list.size())];
	}
}

// ---------------------------------------------------------------------------------------------
// Text as an array of units: one code point each, except that "\r\n" is one unit (a caret can
// never sit inside it). Positions are unit indices; the reference works on these arrays only.
// ---------------------------------------------------------------------------------------------

const UNITS = ["a", "b", "x", " ", "\t", "é", "🙂", "中", "\n", "\r\n"];
const WEIGHTED = [...UNITS, "a", "b", "x", " ", "\n", "\n", "\r\n"];

function isBreak(unit: string): boolean {
	return unit === "\n" || unit === "\r\n";
}

function randomUnits(random: Random, maxLength: number, lineEnding?: string): Array<string> {
	const units = new Array<string>();
	for (let i = random.int(maxLength + 1); i > 0; i--) {
		const unit = random.pick(WEIGHTED);
		units.push(isBreak(unit) && lineEnding !== undefined ? lineEnding : unit);
	}
	return units;
}

function referencePosition(units: ReadonlyArray<string>, index: number): [number, number] {
	let line = 0;
	let lineStart = 0;
	for (let i = 0; i < index; i++) {
		if (isBreak(units[i])) {
			line += 1;
			lineStart = i + 1;
		}
	}
	return [line, index - lineStart];
}

/** Lengths (in units, terminator excluded) of each line. */
function lineLengths(units: ReadonlyArray<string>): Array<number> {
	const lengths = [0];
	for (const unit of units) {
		if (isBreak(unit)) lengths.push(0);
		else lengths[lengths.size() - 1] += 1;
	}
	return lengths;
}

interface UnitEdit {
	start: number;
	finish: number;
	text: Array<string>;
}

/** The reference merger: a forward scan over the unit array, no lines, no bytes. */
function referenceMerge(units: ReadonlyArray<string>, edits: ReadonlyArray<UnitEdit>): string {
	let lf = 0;
	let crlf = 0;
	for (const unit of units) {
		if (unit === "\n") lf += 1;
		if (unit === "\r\n") crlf += 1;
	}
	const eol = crlf > lf ? "\r\n" : lf > 0 ? "\n" : undefined;
	const out = new Array<string>();
	const emitText = (text: ReadonlyArray<string>) => {
		for (const unit of text) out.push(isBreak(unit) && eol !== undefined ? eol : unit);
	};
	let p = 0;
	while (p <= units.size()) {
		for (const edit of edits) {
			if (edit.start === p && edit.finish === p) emitText(edit.text);
		}
		let replaced: UnitEdit | undefined;
		for (const edit of edits) {
			if (edit.start === p && edit.finish > p) replaced = edit;
		}
		if (replaced !== undefined) {
			emitText(replaced.text);
			p = replaced.finish;
		} else {
			if (p < units.size()) out.push(units[p]);
			p += 1;
		}
	}
	return out.join("");
}

function toRangeEdit(units: ReadonlyArray<string>, edit: UnitEdit): RangeEdit {
	const [sl, sc] = referencePosition(units, edit.start);
	const [el, ec] = referencePosition(units, edit.finish);
	return { start: { line: sl, character: sc }, end: { line: el, character: ec }, newText: edit.text.join("") };
}

// ---------------------------------------------------------------------------------------------
// Line texts for the diff and the rebase.
// ---------------------------------------------------------------------------------------------

const VOCABULARY = ["local x = 1", "end", "", "print(x)", "\tif a then", "é = 'é'", "🙂 中文", "return x"];

function joinTokens(lines: ReadonlyArray<string>, random: Random, mixed: boolean, finalNewline: boolean): string {
	const eol = random.chance(0.5) ? "\n" : "\r\n";
	const parts = new Array<string>();
	for (let i = 0; i < lines.size(); i++) {
		parts.push(lines[i]);
		if (i < lines.size() - 1 || finalNewline) parts.push(mixed && random.chance(0.3) ? "\r\n" : eol);
	}
	return parts.join("");
}

function mutateLines(random: Random, lines: ReadonlyArray<string>, vocabulary: ReadonlyArray<string>): Array<string> {
	const out = [...lines];
	for (let n = random.int(4); n >= 0; n--) {
		const at = random.int(out.size() + 1);
		const op = random.int(3);
		if (op === 0) out.insert(at, random.pick(vocabulary));
		else if (op === 1 && at < out.size()) out.remove(at);
		else if (at < out.size()) out[at] = random.pick(vocabulary);
	}
	return out;
}

function lcsLength(a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
	let previous = new Array<number>(b.size() + 1, 0);
	for (let i = 1; i <= a.size(); i++) {
		const row = new Array<number>(b.size() + 1, 0);
		for (let j = 1; j <= b.size(); j++) {
			row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : math.max(previous[j], row[j - 1]);
		}
		previous = row;
	}
	return previous[b.size()];
}

function sliceTokens(tokens: ReadonlyArray<string>, from: number, count: number): string {
	const parts = new Array<string>();
	for (let i = from; i < from + count; i++) parts.push(tokens[i]);
	return parts.join("");
}

export = () => {
	it("merges random range edits exactly like the reference, and rejects broken sets", () => {
		const random = new Random(20240611);
		let valid = 0;
		let overlaps = 0;
		let bounds = 0;
		let editsApplied = 0;
		for (let round = 0; round < 3000; round++) {
			const units = randomUnits(random, 40, round % 3 === 0 ? "\r\n" : undefined);
			const points = new Array<number>();
			for (let i = random.int(5) * 2; i > 0; i--) points.push(random.int(units.size() + 1));
			points.sort((a, b) => a < b);
			const edits = new Array<UnitEdit>();
			for (let i = 0; i < points.size(); i += 2) {
				edits.push({ start: points[i], finish: points[i + 1], text: randomUnits(random, 4) });
			}
			// shuffle: the edits' order must not matter except among insertions at one point
			for (let i = edits.size() - 1; i > 0; i--) {
				const j = random.int(i + 1);
				const swap = edits[i];
				edits[i] = edits[j];
				edits[j] = swap;
			}
			const text = units.join("");
			const rangeEdits = edits.map((edit) => toRangeEdit(units, edit));
			const mode = random.int(10);
			const wide = edits.filter((edit) => edit.finish - edit.start >= 2);
			if (mode === 0 && wide.size() > 0) {
				// an edit overlapping an existing one: a range, or an insertion strictly inside
				const target = random.pick(wide);
				const start = target.start + random.int(target.finish - target.start - 1) + 1;
				const finish = random.chance(0.5) ? start : start + 1 + random.int(units.size() - start);
				const injected = { start: math.min(start, finish), finish: math.max(start, finish), text: ["z"] };
				const at = random.int(rangeEdits.size() + 1);
				rangeEdits.insert(at, toRangeEdit(units, injected));
				const result = applyRangeEdits(text, rangeEdits);
				expect(result.ok).to.equal(false);
				if (!result.ok) {
					expect(result.error.code).to.equal("overlap");
					expect(result.error.edits!.includes(at)).to.equal(true);
				}
				overlaps += 1;
			} else if (mode === 1 && edits.size() > 0) {
				const at = random.int(rangeEdits.size());
				const lengths = lineLengths(units);
				const edit = rangeEdits[at];
				const broken: RangeEdit = random.chance(0.5)
					? { ...edit, end: { line: lengths.size() + random.int(3), character: 0 } }
					: { ...edit, start: { line: edit.start.line, character: lengths[edit.start.line] + 1 + random.int(3) } };
				rangeEdits[at] = broken;
				const result = applyRangeEdits(text, rangeEdits);
				expect(result.ok).to.equal(false);
				if (!result.ok) {
					expect(result.error.code).to.equal("out_of_bounds");
					expect(result.error.edits![0]).to.equal(at);
				}
				bounds += 1;
			} else {
				const result = applyRangeEdits(text, rangeEdits);
				const expected = referenceMerge(units, edits);
				if (!result.ok) {
					error(`round ${round}: unexpected ${result.error.code}: ${result.error.message}`);
				}
				if (result.value !== expected) {
					error(
						`round ${round}: merged ${string.format("%q", result.value)}, expected ${string.format("%q", expected)}`,
					);
				}
				valid += 1;
				editsApplied += edits.size();
			}
		}
		print(
			`diff fuzz: merger ${valid + overlaps + bounds} cases: ${valid} valid sets (${editsApplied} edits) equal to the reference, ` +
				`${overlaps} overlap and ${bounds} bounds errors detected`,
		);
	});

	it("converts random positions to Studio's byte columns and back", () => {
		const random = new Random(77);
		let checked = 0;
		let splits = 0;
		for (let round = 0; round < 400; round++) {
			const units = randomUnits(random, 30);
			const model = createTextModel(units.join(""));
			for (let probe = 0; probe < 5; probe++) {
				const index = random.int(units.size() + 1);
				const [line, character] = referencePosition(units, index);
				// reference byte column: bytes of the units between the line start and the position
				const lineStart = index - character;
				let column = 1;
				for (let i = lineStart; i < index; i++) column += units[i].size();
				const document = toDocumentPosition(model, { line, character });
				expect(document.ok && document.value.line === line + 1 && document.value.character === column).to.equal(true);
				const back = fromDocumentPosition(model, { line: line + 1, character: column });
				expect(back.ok && back.value.line === line && back.value.character === character).to.equal(true);
				checked += 1;
				// a column inside the next unit, if that unit is a multi-byte character
				if (index < units.size() && !isBreak(units[index]) && units[index].size() > 1) {
					const inside = fromDocumentPosition(model, {
						line: line + 1,
						character: column + 1 + random.int(units[index].size() - 1),
					});
					expect(!inside.ok && inside.error.code === "split_utf8").to.equal(true);
					splits += 1;
				}
			}
		}
		print(`diff fuzz: positions ${checked} round trips, ${splits} split UTF-8 columns rejected`);
	});

	it("renders diffs whose hunks turn the old text into the new one, minimally", () => {
		const random = new Random(4242);
		let cases = 0;
		let hunks = 0;
		let minimalChecked = 0;
		for (let round = 0; round < 1500; round++) {
			const vocabulary = random.chance(0.5) ? VOCABULARY : ["a", "b", "c"];
			const oldLines = new Array<string>();
			for (let i = random.int(25); i > 0; i--) oldLines.push(random.pick(vocabulary));
			const newLines = random.chance(0.2)
				? oldLines.map(() => random.pick(vocabulary))
				: mutateLines(random, oldLines, vocabulary);
			const oldText = joinTokens(oldLines, random, random.chance(0.2), random.chance(0.8));
			const newText = random.chance(0.1)
				? oldText + (random.chance(0.5) ? "\n" : "")
				: joinTokens(newLines, random, random.chance(0.2), random.chance(0.8));
			const context = random.int(5);
			const diff = renderUnifiedDiff(oldText, newText, { context, maxLines: math.huge, maxBytes: math.huge });
			const oldTokens = splitLineTokens(oldText);
			const out = new Array<string>();
			let i = 0;
			for (const hunk of diff.hunks) {
				const start = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
				expect(start >= i).to.equal(true);
				while (i < start) out.push(oldTokens[i++]);
				let oldSeen = 0;
				let newSeen = 0;
				for (const line of hunk.lines) {
					const token = line.text + line.eol;
					if (line.kind !== "added") {
						expect(oldTokens[i]).to.equal(token);
						expect(line.oldLine).to.equal(i + 1);
						i += 1;
						oldSeen += 1;
					}
					if (line.kind !== "removed") {
						expect(line.newLine).to.equal(out.size() + 1);
						out.push(token);
						newSeen += 1;
					}
				}
				expect(oldSeen).to.equal(hunk.oldCount);
				expect(newSeen).to.equal(hunk.newCount);
				hunks += 1;
			}
			while (i < oldTokens.size()) out.push(oldTokens[i++]);
			if (out.join("") !== newText) {
				error(`round ${round}: patched text differs from the new text`);
			}
			expect(diff.truncated).to.equal(false);
			expect(diff.text === "").to.equal(oldText === newText);
			const newTokens = splitLineTokens(newText);
			if (oldTokens.size() <= 30 && newTokens.size() <= 30) {
				const common = lcsLength(oldTokens, newTokens);
				expect(oldTokens.size() - diff.removed).to.equal(common);
				expect(newTokens.size() - diff.added).to.equal(common);
				minimalChecked += 1;
			}
			cases += 1;
		}
		print(
			`diff fuzz: unified diff ${cases} round trips (${hunks} hunks), ${minimalChecked} checked minimal against the LCS`,
		);
	});

	it("always merges disjoint (even touching) edits of both sides into both edits applied", () => {
		const random = new Random(99);
		let cases = 0;
		let rebased = 0;
		for (let round = 0; round < 1000; round++) {
			const baseLines = new Array<string>();
			const count = 1 + random.int(30);
			for (let i = 0; i < count; i++) baseLines.push(`base ${i} ${random.pick(["é", "🙂", "中", "x"])}`);
			// Disjoint line edits, often touching an edit of the other side (no line between them),
			// never two insertions at one point. Edits of one side keep a line between them (else
			// that side's diff sees one change, which an edit of the other side in between would
			// genuinely conflict with). The last line is left alone: appending after a last line
			// without a newline changes that line. Base and new lines are all distinct, so the
			// diffs find exactly these edits.
			const edits = new Array<{ from: number; to: number; lines: Array<string>; side: number }>();
			const lastTo = [-1, -1];
			let cursor = random.int(3);
			let afterInsertion = false;
			while (cursor < count - 1) {
				const to = math.min(count - 1, cursor + (afterInsertion ? 1 : 0) + random.int(3));
				const lines = new Array<string>();
				for (let n = random.int(3); n > 0; n--) lines.push(`new ${round} ${edits.size()} ${n}`);
				let side = random.int(2);
				if (lastTo[side] >= cursor) side = 1 - side;
				if ((to > cursor || lines.size() > 0) && lastTo[side] < cursor) {
					edits.push({ from: cursor, to, lines, side });
					lastTo[side] = to;
					afterInsertion = to === cursor;
				}
				const gap = random.int(3);
				if (gap > 0) afterInsertion = false;
				cursor = to + gap;
			}
			const build = (sides: ReadonlyArray<number>) => {
				const out = new Array<string>();
				let i = 0;
				for (const edit of edits) {
					if (!sides.includes(edit.side)) continue;
					while (i < edit.from) out.push(baseLines[i++]);
					for (const line of edit.lines) out.push(line);
					i = edit.to;
				}
				while (i < count) out.push(baseLines[i++]);
				return out;
			};
			const finalNewline = random.chance(0.7);
			const crlf = random.chance(0.3);
			const join = (lines: ReadonlyArray<string>) =>
				lines.join(crlf ? "\r\n" : "\n") + (finalNewline ? (crlf ? "\r\n" : "\n") : "");
			const base = join(baseLines);
			const ours = join(build([0]));
			const theirs = join(build([1]));
			const expected = join(build([0, 1]));
			const result = rebase(base, ours, theirs);
			if (result.status !== "merged") {
				error(`round ${round}: disjoint edits went stale (${result.conflicts.size()} conflicts)`);
			}
			if (result.text !== expected) {
				error(`round ${round}: merged text differs from both edits applied`);
			}
			if (result.rebased) rebased += 1;
			cases += 1;
		}
		print(`diff fuzz: rebase ${cases} disjoint edit sets merged exactly (${rebased} onto changed text)`);
	});

	it("rebases random overlapping edits consistently", () => {
		const random = new Random(31337);
		let merged = 0;
		let stale = 0;
		let conflictsChecked = 0;
		for (let round = 0; round < 1000; round++) {
			const vocabulary = random.chance(0.5) ? VOCABULARY : ["a", "b", "c", "d"];
			const baseLines = new Array<string>();
			for (let i = random.int(20); i > 0; i--) baseLines.push(random.pick(vocabulary));
			const finalNewline = random.chance(0.8);
			const mixed = random.chance(0.2);
			const base = joinTokens(baseLines, random, mixed, finalNewline);
			const ours = joinTokens(mutateLines(random, baseLines, vocabulary), random, mixed, finalNewline);
			const theirs = joinTokens(mutateLines(random, baseLines, vocabulary), random, mixed, finalNewline);

			const identity = [rebase(base, ours, base), rebase(base, base, theirs), rebase(base, ours, ours)];
			expect(identity[0].status === "merged" && identity[0].text === ours).to.equal(true);
			expect(identity[1].status === "merged" && identity[1].text === theirs).to.equal(true);
			expect(identity[2].status === "merged" && identity[2].text === ours).to.equal(true);

			const result = rebase(base, ours, theirs);
			const mirrored = rebase(base, theirs, ours);
			expect(result.status).to.equal(mirrored.status);
			if (result.status === "merged") {
				expect(mirrored.status === "merged" && mirrored.text === result.text).to.equal(true);
				merged += 1;
			} else {
				const texts = [splitLineTokens(base), splitLineTokens(ours), splitLineTokens(theirs)];
				for (const conflict of result.conflicts) {
					expect(conflict.base.text).to.equal(sliceTokens(texts[0], conflict.base.start, conflict.base.count));
					expect(conflict.ours.text).to.equal(sliceTokens(texts[1], conflict.ours.start, conflict.ours.count));
					expect(conflict.theirs.text).to.equal(sliceTokens(texts[2], conflict.theirs.start, conflict.theirs.count));
					expect(conflict.ours.text !== conflict.theirs.text).to.equal(true);
					conflictsChecked += 1;
				}
				stale += 1;
			}
		}
		print(
			`diff fuzz: rebase ${merged + stale} random edit pairs: ${merged} merged (symmetric), ` +
				`${stale} stale with ${conflictsChecked} conflict hunks checked against the three texts`,
		);
	});
};
