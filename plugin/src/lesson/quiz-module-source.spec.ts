/// <reference types="@rbxts/testez/globals" />
import { luauString, QUIZ_FORMAT_VERSION, quizModuleSource } from "./quiz-module-source";
import { QuizContent } from "./quiz-schema";

const TRICKY = [
	'He said "half"',
	"back\\slash and \\n literally",
	"line one\nline two\r\n\tindented",
	"]] return nil --[[",
	'"); game:GetService("Players"):ClearAllChildren() --',
	"½ of 8 is 4 — ça va, 你好",
	"nul\0byte and bell\x07 and del\x7f",
	"\\0123 digits after an escape",
];

function content(): QuizContent {
	return {
		title: TRICKY[0],
		saveProgress: true,
		stations: [
			{
				id: "halves",
				title: TRICKY[3],
				questions: [
					{
						id: "halves-1",
						prompt: TRICKY[4],
						choices: [TRICKY[1], TRICKY[2], TRICKY[5]],
						answer: TRICKY[2],
						explanation: TRICKY[6],
						difficulty: 2,
					},
					{ id: "halves-2", prompt: TRICKY[7], choices: ["a", "b"], answer: "b", explanation: "b.", difficulty: 1 },
				],
			},
		],
	};
}

/** Runs `source` as a ModuleScript and returns what it returns. */
function requireSource(source: string): unknown {
	const module = new Instance("ModuleScript");
	module.Name = "VectorQuizSourceSpec";
	module.Source = source;
	module.Parent = game.GetService("ServerStorage");
	const [ok, value] = pcall(() => require(module));
	module.Destroy();
	if (!ok) error(`the generated source did not load: ${value}`);
	return value;
}

export = () => {
	describe("luauString", () => {
		it("escapes quotes, backslashes, line breaks and tabs", () => {
			expect(luauString('a"b\\c\nd\re\tf')).to.equal('"a\\"b\\\\c\\nd\\re\\tf"');
		});

		it("writes other control bytes as three-digit decimal escapes, so digits after them stay text", () => {
			expect(luauString("\0" + "1")).to.equal('"\\0001"');
			expect(luauString("\x7f")).to.equal('"\\127"');
		});

		it("keeps UTF-8 text as it is", () => {
			expect(luauString("½ — 你好")).to.equal('"½ — 你好"');
		});

		it("reads back as exactly the text it was given", () => {
			for (const text of TRICKY) {
				expect(requireSource(`return ${luauString(text)}`)).to.equal(text);
			}
		});
	});

	describe("quizModuleSource", () => {
		it("returns the quiz as the kit reads it, every text back exactly as written", () => {
			const quiz = requireSource(quizModuleSource(content())) as {
				formatVersion: number;
				title: string;
				saveProgress: boolean;
				stations: Array<{
					id: string;
					title: string;
					questions: Array<{
						id: string;
						prompt: string;
						choices: Array<string>;
						answer: string;
						explanation: string;
						difficulty: number;
					}>;
				}>;
			};
			const expected = content();
			expect(quiz.formatVersion).to.equal(QUIZ_FORMAT_VERSION);
			expect(quiz.title).to.equal(expected.title);
			expect(quiz.saveProgress).to.equal(true);
			expect(quiz.stations.size()).to.equal(1);
			const station = quiz.stations[0];
			expect(station.id).to.equal("halves");
			expect(station.title).to.equal(TRICKY[3]);
			expect(station.questions.size()).to.equal(2);
			const [first, second] = station.questions;
			const want = expected.stations[0].questions[0];
			expect(first.id).to.equal(want.id);
			expect(first.prompt).to.equal(want.prompt);
			expect(first.choices.size()).to.equal(3);
			for (let i = 0; i < 3; i++) expect(first.choices[i]).to.equal(want.choices[i]);
			expect(first.answer).to.equal(want.answer);
			expect(first.explanation).to.equal(want.explanation);
			expect(first.difficulty).to.equal(2);
			expect(second.prompt).to.equal(TRICKY[7]);
		});

		it("keeps the model's text out of the header comment (text that ends a comment cannot turn into code)", () => {
			const [header] = quizModuleSource(content()).match("^%-%-%[%[.-%]%]");
			for (const text of TRICKY) expect((header as string).find(text, 1, true)[0]).to.equal(undefined);
		});

		it("is the same text for the same content", () => {
			expect(quizModuleSource(content())).to.equal(quizModuleSource(content()));
		});
	});
};
