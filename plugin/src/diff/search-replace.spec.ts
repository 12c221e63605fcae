/// <reference types="@rbxts/testez/globals" />
import { DiffError, Result } from "./result";
import { applySearchReplace, SearchMatch } from "./search-replace";

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

function apply(text: string, search: string, replace: string): string {
	return value(applySearchReplace(text, [{ search, replace }])).text;
}

function lines(...list: Array<string>): string {
	return list.join("\n") + "\n";
}

export = () => {
	const source = lines(
		'local Players = game:GetService("Players")',
		"",
		"local function onJoin(player)",
		'\tprint("hello", player.Name)',
		"\tplayer:LoadCharacter()",
		"end",
		"",
		"Players.PlayerAdded:Connect(onJoin)",
	);

	describe("exact matches", () => {
		it("replaces a unique exact match", () => {
			expect(apply(source, '"hello"', '"welcome"')).to.equal(string.gsub(source, '"hello"', '"welcome"')[0]);
		});

		it("reports the match kind and its range", () => {
			const result = value(applySearchReplace(source, [{ search: "player:LoadCharacter()", replace: "" }]));
			const match = result.matches[0] as SearchMatch;
			expect(match.kind).to.equal("exact");
			expect(match.range.start.line).to.equal(4);
			expect(match.range.start.character).to.equal(1);
			expect(match.range.end.character).to.equal(23);
		});

		it("matches across lines, and a \\n quote matches a CRLF file", () => {
			const crlf = "a = 1\r\nb = 2\r\nc = 3\r\n";
			expect(apply(crlf, "a = 1\nb = 2\n", "a = 10\nb = 20\n")).to.equal("a = 10\r\nb = 20\r\nc = 3\r\n");
		});

		it("applies several blocks against the original text", () => {
			const result = value(
				applySearchReplace(source, [
					{ search: "Players.PlayerAdded", replace: "game.Players.PlayerAdded" },
					{ search: "local function onJoin", replace: "local function onPlayerJoin" },
				]),
			);
			expect(result.text.find("local function onPlayerJoin", 1, true)[0]).to.be.ok();
			expect(result.text.find("game.Players.PlayerAdded", 1, true)[0]).to.be.ok();
			// application order, whatever the block order
			expect(result.matches[0].index).to.equal(1);
		});

		it("handles multibyte text and reports code-point ranges", () => {
			const text = 'local s = "é🙂"\nlocal t = "中"\n';
			const result = value(applySearchReplace(text, [{ search: '"中"', replace: '"文"' }]));
			expect(result.text).to.equal('local s = "é🙂"\nlocal t = "文"\n');
			expect(result.matches[0].range.start.line).to.equal(1);
			expect(result.matches[0].range.start.character).to.equal(10);
			const emoji = value(applySearchReplace(text, [{ search: "🙂", replace: "" }]));
			expect(emoji.matches[0].range.start.character).to.equal(12);
			expect(emoji.matches[0].range.end.character).to.equal(13);
		});

		it("edits at the end of a file without a final newline", () => {
			expect(apply("x = 1\ny = 2", "y = 2", "y = 3\n")).to.equal("x = 1\ny = 3\n");
		});

		it("fails as data on blocks of the wrong shape", () => {
			const junk = [{ search: "x" }] as unknown as Array<{ search: string; replace: string }>;
			expect(failure(applySearchReplace(source, junk)).code).to.equal("invalid_edit");
		});

		it("rejects an empty search", () => {
			expect(failure(applySearchReplace(source, [{ search: "", replace: "x" }])).code).to.equal("empty_search");
		});

		it("rejects an ambiguous exact match, naming the places", () => {
			const problem = failure(applySearchReplace(source, [{ search: "player", replace: "plr" }]));
			expect(problem.code).to.equal("ambiguous_match");
			expect(problem.message).to.equal(
				"blocks[0]: the search text occurs 3 times (zero-based lines 2, 3, 4); quote more surrounding lines so that it matches exactly once",
			);
			expect(problem.candidates!.size()).to.equal(3);
			expect(problem.candidates![1].line).to.equal(3);
		});

		it("names only the first few of many occurrences", () => {
			const many = string.rep("print(1)\n", 2000);
			const problem = failure(applySearchReplace(many, [{ search: "print(1)", replace: "" }]));
			expect(problem.message).to.equal(
				"blocks[0]: the search text occurs 1000+ times (zero-based lines 0, 1, 2, 3, 4, …); quote more surrounding lines so that it matches exactly once",
			);
			expect(problem.candidates!.size()).to.equal(5);
		});

		it("counts overlapping occurrences as ambiguous", () => {
			expect(failure(applySearchReplace("aaa", [{ search: "aa", replace: "b" }])).code).to.equal("ambiguous_match");
		});

		it("rejects overlapping blocks, naming both", () => {
			const problem = failure(
				applySearchReplace(source, [
					{ search: "local function onJoin(player)", replace: "" },
					{ search: "onJoin(player)\n\tprint", replace: "" },
				]),
			);
			expect(problem.code).to.equal("overlap");
			expect(problem.message).to.equal(
				"blocks[0] (lines 2–2) and blocks[1] (lines 2–3) overlap; edits must not cover the same text",
			);
		});
	});

	describe("whitespace-tolerant matches", () => {
		it("matches despite spaces instead of tabs, and re-indents the replacement with tabs", () => {
			const search = '    print("hello", player.Name)\n    player:LoadCharacter()\n';
			const replace = '    print("hi", player.Name)\n    if player then\n        player:LoadCharacter()\n    end\n';
			const result = value(applySearchReplace(source, [{ search, replace }]));
			expect(result.matches[0].kind).to.equal("whitespace");
			expect(result.text).to.equal(
				lines(
					'local Players = game:GetService("Players")',
					"",
					"local function onJoin(player)",
					'\tprint("hi", player.Name)',
					"\tif player then",
					"\t\tplayer:LoadCharacter()",
					"\tend",
					"end",
					"",
					"Players.PlayerAdded:Connect(onJoin)",
				),
			);
		});

		it("ignores trailing spaces and keeps the final line break out when the quote has none", () => {
			const text = "if x then  \n\tfoo()\nend\n";
			expect(apply(text, "if x then\n\tfoo()", "if y then\n\tbar()")).to.equal("if y then\n\tbar()\nend\n");
		});

		it("re-indents from tabs to spaces for a space-indented file", () => {
			const text = "do\n    a()\n        b()\nend\n";
			expect(apply(text, "\ta()\n\t\tb()", "\ta2()\n\t\tb2()")).to.equal("do\n    a2()\n        b2()\nend\n");
		});

		it("adds the file's indentation when the quote had none", () => {
			const text = "do\n\t\ta()\n\t\tb()\nend\n";
			expect(apply(text, "a()\nb()", "a()\nc()")).to.equal("do\n\t\ta()\n\t\tc()\nend\n");
		});

		it("works in a CRLF file", () => {
			const text = "do\r\n\ta()\r\nend\r\n";
			expect(apply(text, "    a() \n", "    b()\n")).to.equal("do\r\n\tb()\r\nend\r\n");
		});

		it("rejects an ambiguous tolerant match", () => {
			const text = "do\n\tx()\nend\ndo\n  x()\nend\n";
			const problem = failure(applySearchReplace(text, [{ search: "do\n x()\nend", replace: "" }]));
			expect(problem.code).to.equal("ambiguous_match");
			expect(problem.message.find("matches 2 places (zero-based lines 0, 3)", 1, true)[0]).to.be.ok();
		});
	});

	describe("missing matches", () => {
		it("lists the nearest candidates with line numbers and excerpts, best first", () => {
			const problem = failure(
				applySearchReplace(source, [
					{ search: 'local function onJoined(plr)\n\tprint("hello", plr.Name)', replace: "" },
				]),
			);
			expect(problem.code).to.equal("no_match");
			const best = problem.candidates![0];
			expect(best.line).to.equal(2);
			expect(best.lineCount).to.equal(2);
			expect(best.excerpt).to.equal("local function onJoin(player)");
			expect(best.similarity > problem.candidates![1].similarity).to.equal(true);
			expect(problem.message.find("Nearest candidates (zero-based lines): lines 2–3 (", 1, true)[0]).to.be.ok();
		});

		it("ranks a one-line search against each line", () => {
			const problem = failure(applySearchReplace(source, [{ search: "player:LoadCharacters()", replace: "" }]));
			expect(problem.candidates![0].line).to.equal(4);
			expect(problem.candidates!.size()).to.equal(3);
			expect(problem.message.find("line 4 (", 1, true)[0]).to.be.ok();
		});

		it("fails on an empty source with no candidates to show", () => {
			const problem = failure(applySearchReplace("", [{ search: "x", replace: "y" }]));
			expect(problem.code).to.equal("no_match");
		});
	});
};
