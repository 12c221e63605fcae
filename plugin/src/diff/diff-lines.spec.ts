/// <reference types="@rbxts/testez/globals" />
import { diffLines, LineChange } from "./diff-lines";

function show(changes: ReadonlyArray<LineChange>): string {
	return changes.map((c) => `${c.oldStart},${c.oldCount}>${c.newStart},${c.newCount}`).join(" ");
}

function chars(s: string): Array<string> {
	return s === "" ? [] : s.split("");
}

/** Length of the longest common subsequence, by dynamic programming (the reference for minimality). */
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

export = () => {
	it("finds nothing between equal lists", () => {
		expect(diffLines(["a", "b"], ["a", "b"]).changes.size()).to.equal(0);
		expect(diffLines([], []).changes.size()).to.equal(0);
	});

	it("reports pure insertions and deletions", () => {
		expect(show(diffLines([], ["a", "b"]).changes)).to.equal("0,0>0,2");
		expect(show(diffLines(["a", "b"], []).changes)).to.equal("0,2>0,0");
		expect(show(diffLines(["a", "c"], ["a", "b", "c"]).changes)).to.equal("1,0>1,1");
		expect(show(diffLines(["a", "b", "c"], ["a", "c"]).changes)).to.equal("1,1>1,0");
	});

	it("groups a replacement into one change", () => {
		expect(show(diffLines(["a", "b", "c"], ["a", "x", "y", "c"]).changes)).to.equal("1,1>1,2");
	});

	it("finds separate changes in a longer text", () => {
		const changes = diffLines(chars("abcdefghij"), chars("abXdefgYZhij")).changes;
		expect(show(changes)).to.equal("2,1>2,1 7,0>7,2");
	});

	it("is minimal on the classic Myers example", () => {
		const a = chars("ABCABBA");
		const b = chars("CBABAC");
		let edits = 0;
		for (const change of diffLines(a, b).changes) edits += change.oldCount + change.newCount;
		expect(edits).to.equal(5);
	});

	it("matches the LCS length on small random lists", () => {
		let seed = 7; // Park–Miller: products stay below 2^53, so exact in doubles
		const nextInt = (n: number) => {
			seed = (seed * 48271) % 2147483647;
			return seed % n;
		};
		for (let round = 0; round < 200; round++) {
			const a = new Array<string>();
			const b = new Array<string>();
			for (let i = nextInt(12); i > 0; i--) a.push("abc".sub(nextInt(3) + 1, nextInt(3) + 1));
			for (let i = nextInt(12); i > 0; i--) b.push("abc".sub(nextInt(3) + 1, nextInt(3) + 1));
			const result = diffLines(a, b);
			let removed = 0;
			let added = 0;
			for (const change of result.changes) {
				removed += change.oldCount;
				added += change.newCount;
			}
			const common = lcsLength(a, b);
			expect(a.size() - removed).to.equal(common);
			expect(b.size() - added).to.equal(common);
			expect(result.minimal).to.equal(true);
		}
	});

	it("stays correct, and says it is not minimal, when maxCost cuts the search", () => {
		const a = chars("abcdefghijklmnopqrstuvwxyz");
		const b = chars("zyxwvutsrqponmlkjihgfedcba");
		const result = diffLines(a, b, { maxCost: 2 });
		expect(result.minimal).to.equal(false);
		// every old line is either removed or kept in order, and the kept ones match
		let i = 0;
		let j = 0;
		for (const change of result.changes) {
			for (; i < change.oldStart; i++, j++) expect(a[i]).to.equal(b[j]);
			i += change.oldCount;
			j += change.newCount;
		}
		expect(a.size() - i).to.equal(b.size() - j);
	});

	it("leaves lines found on one side only out of the search and stays minimal", () => {
		// 10,000 lines, 100 regions replaced: the replaced lines occur on one side only
		const a = new Array<string>();
		for (let i = 0; i < 10000; i++) a.push(i % 10 === 9 ? "end" : `line ${i}`);
		const b = new Array<string>();
		for (let i = 0; i < 10000; i++) {
			if (i % 100 === 50) {
				b.push(`new ${i}`);
				b.push("end");
			} else if (i % 100 !== 51) {
				b.push(a[i]);
			}
		}
		const result = diffLines(a, b);
		expect(result.minimal).to.equal(true);
		// 2 removed + 2 added per region is minimal; where the new "end" may align with the one
		// just above, a region can come out as two changes of the same total size
		let removed = 0;
		let added = 0;
		for (const change of result.changes) {
			removed += change.oldCount;
			added += change.newCount;
		}
		expect(removed).to.equal(200);
		expect(added).to.equal(200);
	});

	it("compares whole lines, line endings included", () => {
		expect(show(diffLines(["a\n", "b\n"], ["a\r\n", "b\n"]).changes)).to.equal("0,1>0,1");
	});
};
