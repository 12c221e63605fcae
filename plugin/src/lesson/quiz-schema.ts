/**
 * Quiz content as the model writes it and the plugin checks it, before it becomes the quiz module the
 * lesson kit reads (quiz-module-source.ts). One declaration (tools/schema.ts) gives the JSON schema the
 * model is shown and the validator (on @rbxts/t) with messages that name the field and what was expected
 * ("stations[0].questions[2].difficulty: expected an integer from 1 to 3, got 4"), so the model can fix
 * its content in one retry. The rules a schema cannot say are checked after it, in the same words:
 * ids are plain and unique, choices are distinct, and the answer is exactly one of the choices.
 *
 * Validated content is normalised: text is trimmed, and a question without an id gets
 * "<station id>-<n>" (1-based), since the kit keys saved progress by question id.
 *
 * The limits are the kit's (plugin/lesson-kit/src/server/quiz-content.ts): what passes here, the kit
 * accepts.
 */
import * as s from "../tools/schema";

export const LIMITS = {
	titleLength: 80,
	stations: 12,
	stationTitleLength: 60,
	questionsPerStation: 20,
	promptLength: 300,
	choices: { min: 2, max: 6 },
	choiceLength: 120,
	explanationLength: 500,
	idLength: 40,
} as const;

export interface QuizQuestion {
	readonly id: string;
	readonly prompt: string;
	readonly choices: ReadonlyArray<string>;
	/** Exactly one of `choices`. */
	readonly answer: string;
	readonly explanation: string;
	/** 1 easy, 2 medium, 3 hard. */
	readonly difficulty: number;
}

export interface QuizStation {
	readonly id: string;
	readonly title: string;
	readonly questions: ReadonlyArray<QuizQuestion>;
}

export interface QuizContent {
	readonly title: string;
	/** Keep players' progress between visits (DataStores; needs a published place with API access). */
	readonly saveProgress: boolean;
	readonly stations: ReadonlyArray<QuizStation>;
}

const ID_HELP = `letters, digits, "_" and "-", at most ${LIMITS.idLength}`;

const questionSchema = s.object(
	{
		id: s.optional(
			s.text({
				description: `A stable id for the question (${ID_HELP}); default "<station id>-<n>".`,
				minLength: 1,
				maxLength: LIMITS.idLength,
			}),
		),
		prompt: s.text({
			description: "The question as the player reads it.",
			minLength: 1,
			maxLength: LIMITS.promptLength,
		}),
		choices: s.array(s.text({ description: "A choice.", minLength: 1, maxLength: LIMITS.choiceLength }), {
			description: "The choices, all different; players see them shuffled.",
			minItems: LIMITS.choices.min,
			maxItems: LIMITS.choices.max,
		}),
		answer: s.text({
			description: "The right choice, copied exactly from choices.",
			minLength: 1,
			maxLength: LIMITS.choiceLength,
		}),
		explanation: s.text({
			description: "Why the answer is right, shown after the player answers.",
			minLength: 1,
			maxLength: LIMITS.explanationLength,
		}),
		difficulty: s.integer({ description: "1 easy, 2 medium, 3 hard.", min: 1, max: 3 }),
	},
	{ description: "One multiple-choice question." },
);

const stationSchema = s.object(
	{
		id: s.text({
			description: `The station's id (${ID_HELP}); the station in the world carries it in its StationId attribute.`,
			minLength: 1,
			maxLength: LIMITS.idLength,
		}),
		title: s.text({
			description: "The station's title, shown on its prompt and panel.",
			minLength: 1,
			maxLength: LIMITS.stationTitleLength,
		}),
		questions: s.array(questionSchema, {
			description: "The station's questions; mix difficulties so the adaptive order has a choice.",
			minItems: 1,
			maxItems: LIMITS.questionsPerStation,
		}),
	},
	{ description: "A quiz station in the world and its questions." },
);

/** The schema of quiz content: its JSON schema is what the model is shown. */
export const quizContentSchema = s.object(
	{
		title: s.text({ description: "The lesson's title.", minLength: 1, maxLength: LIMITS.titleLength }),
		saveProgress: s.optional(
			s.boolean({ description: "Keep players' progress between visits (needs a published place). Default false." }),
		),
		stations: s.array(stationSchema, { description: "The quiz stations.", minItems: 1, maxItems: LIMITS.stations }),
	},
	{ description: "A lesson's quiz: stations, each with multiple-choice questions." },
);

export type QuizValidation =
	| { readonly ok: true; readonly content: QuizContent }
	| { readonly ok: false; readonly message: string };

const MAX_PROBLEMS = 5;

function trim(text: string): string {
	return text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
}

function quote(text: string): string {
	return `"${text}"`;
}

/** Control characters other than tab and line breaks: they have no place in quiz text. */
function hasControlCharacters(text: string): boolean {
	return text.gsub("[\t\r\n]", "")[0].find("%c")[0] !== undefined;
}

/** Checks content the model wrote and returns it normalised, or every problem found (up to five) in one message. */
export function validateQuizContent(value: unknown): QuizValidation {
	const checked = quizContentSchema.check(value);
	if (!checked.ok) return { ok: false, message: checked.message };
	const raw = checked.value;
	const problems = new Array<string>();
	const problem = (path: string, message: string) => {
		if (problems.size() < MAX_PROBLEMS) problems.push(`${path}: ${message}`);
	};
	const plainText = (path: string, text: string): string => {
		const trimmed = trim(text);
		if (trimmed === "") problem(path, "expected text, got only spaces");
		else if (hasControlCharacters(trimmed))
			problem(path, "contains control characters; use plain text (line breaks are fine)");
		return trimmed;
	};
	const plainId = (path: string, id: string): string => {
		if (id.match("^[%w_%-]+$")[0] === undefined) problem(path, `expected an id of ${ID_HELP}, got ${quote(id)}`);
		return id;
	};

	const title = plainText("title", raw.title);
	const stationIds = new Map<string, string>();
	const questionIds = new Map<string, string>();
	const stations = raw.stations.map((station, i): QuizStation => {
		const at = `stations[${i}]`;
		const id = plainId(`${at}.id`, trim(station.id));
		const earlier = stationIds.get(id);
		if (earlier !== undefined) problem(`${at}.id`, `${quote(id)} is already the id of ${earlier}`);
		else stationIds.set(id, at);
		const questions = station.questions.map((question, j): QuizQuestion => {
			const qAt = `${at}.questions[${j}]`;
			const questionId = question.id !== undefined ? plainId(`${qAt}.id`, trim(question.id)) : `${id}-${j + 1}`;
			const earlierQuestion = questionIds.get(questionId);
			if (earlierQuestion !== undefined) {
				problem(`${qAt}.id`, `${quote(questionId)} is already the id of ${earlierQuestion}`);
			} else questionIds.set(questionId, qAt);
			const choices = question.choices.map((choice, k) => plainText(`${qAt}.choices[${k}]`, choice));
			const seen = new Map<string, number>();
			choices.forEach((choice, k) => {
				const key = choice.lower();
				const first = seen.get(key);
				if (first !== undefined) problem(`${qAt}.choices[${k}]`, `${quote(choice)} repeats choices[${first}]`);
				else seen.set(key, k);
			});
			const answer = trim(question.answer);
			if (!choices.includes(answer)) {
				const near = choices.find((choice) => choice.lower() === answer.lower());
				problem(
					`${qAt}.answer`,
					near !== undefined
						? `${quote(answer)} is not one of the choices; copy it exactly: ${quote(near)}`
						: `${quote(answer)} is not one of the choices (${choices.map(quote).join(", ")})`,
				);
			}
			return {
				id: questionId,
				prompt: plainText(`${qAt}.prompt`, question.prompt),
				choices,
				answer,
				explanation: plainText(`${qAt}.explanation`, question.explanation),
				difficulty: question.difficulty,
			};
		});
		return { id, title: plainText(`${at}.title`, station.title), questions };
	});
	if (problems.size() > 0) return { ok: false, message: problems.join("; ") };
	return { ok: true, content: { title, saveProgress: raw.saveProgress ?? false, stations } };
}
