/// <reference types="@rbxts/testez/globals" />
import { LIMITS, quizContentSchema, validateQuizContent } from "./quiz-schema";

/** Content as the model would write it: plain tables, as decoded JSON arrives. */
function sample() {
	return {
		title: "  Fractions  ",
		stations: [
			{
				id: "halves",
				title: "Halves",
				questions: [
					{
						prompt: "What is half of 8?",
						choices: ["2", "4", "6"],
						answer: "4",
						explanation: "8 split into 2 equal parts is 4 and 4.",
						difficulty: 1,
					},
					{
						id: "halves-sum",
						prompt: "What is 1/2 + 1/4?",
						choices: ["2/6", " 3/4 ", "1/8"],
						answer: "3/4",
						explanation: "1/2 is 2/4, and 2/4 + 1/4 = 3/4.",
						difficulty: 3,
					},
				],
			},
		],
	};
}

export = () => {
	const messageOf = (value: unknown): string => {
		const result = validateQuizContent(value);
		if (result.ok) error("expected the content to be refused");
		return result.message;
	};

	describe("valid content", () => {
		it("is normalised: text trimmed, missing ids made from the station, saving off by default", () => {
			const result = validateQuizContent(sample());
			if (!result.ok) error(result.message);
			const { content } = result;
			expect(content.title).to.equal("Fractions");
			expect(content.saveProgress).to.equal(false);
			const [first, second] = content.stations[0].questions;
			expect(first.id).to.equal("halves-1");
			expect(second.id).to.equal("halves-sum");
			expect(second.choices[1]).to.equal("3/4");
			expect(second.answer).to.equal("3/4");
		});

		it("keeps saveProgress when given", () => {
			const result = validateQuizContent({ ...sample(), saveProgress: true });
			expect(result.ok && result.content.saveProgress).to.equal(true);
		});
	});

	describe("the schema the model is shown", () => {
		it("describes every field, requires the essentials and allows nothing else", () => {
			const json = quizContentSchema.toJsonSchema() as {
				required: Array<string>;
				additionalProperties: boolean;
				properties: {
					stations: { maxItems: number; items: { properties: { questions: { items: { required: Array<string> } } } } };
				};
			};
			expect(json.required.join(",")).to.equal("stations,title");
			expect(json.additionalProperties).to.equal(false);
			expect(json.properties.stations.maxItems).to.equal(LIMITS.stations);
			const question = json.properties.stations.items.properties.questions.items;
			expect(question.required.join(",")).to.equal("answer,choices,difficulty,explanation,prompt");
		});
	});

	describe("problems, named by field path", () => {
		it("reports the schema's findings: missing fields, wrong types, ranges", () => {
			const content = sample();
			const question = content.stations[0].questions[0] as { difficulty: unknown; explanation?: string };
			question.difficulty = 4;
			question.explanation = undefined;
			expect(messageOf(content)).to.equal(
				"stations[0].questions[0].difficulty: expected an integer from 1 to 3, got 4; " +
					"stations[0].questions[0].explanation: missing; expected a string of 1–500 characters",
			);
			expect(messageOf({ title: "x", stations: [] })).to.equal(
				"stations: expected an array of 1–12 items, got 0 items",
			);
		});

		it("names an answer that is not a choice, and suggests the exact spelling when only the case differs", () => {
			const content = sample();
			content.stations[0].questions[0].answer = "5";
			expect(messageOf(content)).to.equal(
				'stations[0].questions[0].answer: "5" is not one of the choices ("2", "4", "6")',
			);
			const cased = sample();
			cased.stations[0].questions[1].choices = ["Three quarters", "Half"];
			cased.stations[0].questions[1].answer = "three quarters";
			expect(messageOf(cased)).to.equal(
				'stations[0].questions[1].answer: "three quarters" is not one of the choices; copy it exactly: "Three quarters"',
			);
		});

		it("names repeated choices, ignoring case and spaces", () => {
			const content = sample();
			content.stations[0].questions[0].choices = ["4", "Four", " four"];
			expect(messageOf(content)).to.equal('stations[0].questions[0].choices[2]: "four" repeats choices[1]');
		});

		it("names ids used twice, including a made-up id that collides with a given one", () => {
			const content = sample();
			content.stations.push({ ...content.stations[0], title: "Again" });
			content.stations[0].questions[1].id = "halves-1";
			const message = messageOf(content);
			expect(message).to.equal(
				'stations[0].questions[1].id: "halves-1" is already the id of stations[0].questions[0]; ' +
					'stations[1].id: "halves" is already the id of stations[0]; ' +
					'stations[1].questions[0].id: "halves-1" is already the id of stations[0].questions[0]; ' +
					'stations[1].questions[1].id: "halves-1" is already the id of stations[0].questions[0]',
			);
		});

		it("names ids that are not plain, text that is only spaces, and control characters", () => {
			const content = sample();
			content.stations[0].id = "halves one";
			content.stations[0].title = "   ";
			content.stations[0].questions[0].prompt = "Half of 8?\0";
			expect(messageOf(content)).to.equal(
				'stations[0].id: expected an id of letters, digits, "_" and "-", at most 40, got "halves one"; ' +
					"stations[0].questions[0].prompt: contains control characters; use plain text (line breaks are fine); " +
					"stations[0].title: expected text, got only spaces",
			);
		});

		it("allows line breaks and tabs in text", () => {
			const content = sample();
			content.stations[0].questions[0].explanation = "Split 8:\n\t4 and 4.";
			expect(validateQuizContent(content).ok).to.equal(true);
		});
	});
};
