/**
 * The kit's reading of the quiz module (ServerStorage.VectorLessonQuiz): checks the table it returns
 * and turns it into the question bank the server plays from. Vector writes that module from content it
 * validated already, but a teacher may edit it by hand, so the server checks again and reports every
 * problem with its place in the table (Luau's 1-based indexes: `stations[2].questions[1].answer`),
 * instead of failing later in the middle of a lesson.
 *
 * The format (version 1), a Luau table:
 *   { formatVersion = 1, title = "…", saveProgress = false?,
 *     stations = { { id = "halves", title = "…", questions = {
 *       { id = "halves-1", prompt = "…", choices = { "…", "…" }, answer = "<one of the choices>",
 *         explanation = "…", difficulty = 1 | 2 | 3 } } } } }
 */
import { t } from "@rbxts/t";
import { MAX_CHOICES, MAX_QUESTION_ID_LENGTH } from "../shared/protocol";

export const QUIZ_FORMAT_VERSION = 1;

export interface BankQuestion {
	readonly id: string;
	readonly stationId: string;
	readonly prompt: string;
	readonly choices: ReadonlyArray<string>;
	/** 0-based index of the right choice in `choices`. */
	readonly answerIndex: number;
	readonly explanation: string;
	readonly difficulty: number;
}

export interface BankStation {
	readonly id: string;
	readonly title: string;
	readonly questions: ReadonlyArray<BankQuestion>;
}

export interface QuizBank {
	readonly title: string;
	readonly saveProgress: boolean;
	readonly stations: ReadonlyArray<BankStation>;
	readonly stationById: ReadonlyMap<string, BankStation>;
	readonly questionById: ReadonlyMap<string, BankQuestion>;
	readonly questionCount: number;
}

export type ReadResult =
	| { readonly ok: true; readonly bank: QuizBank }
	| { readonly ok: false; readonly problems: ReadonlyArray<string> };

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 10;
const ID_PATTERN = "^[%w_%-]+$";

function describe(value: unknown): string {
	if (value === undefined) return "nothing";
	if (typeIs(value, "string")) return `"${value.size() > 40 ? value.sub(1, 37) + "..." : value}"`;
	if (typeIs(value, "number") || typeIs(value, "boolean")) return tostring(value);
	return `a ${typeOf(value)}`;
}

/** The items of a Luau array (keys exactly 1..n), or undefined when the table has other keys. */
function arrayItems(value: object): Array<defined> | undefined {
	let count = 0;
	for (const [key] of pairs(value)) {
		if (!typeIs(key, "number")) return undefined;
		count += 1;
	}
	const items = new Array<defined>();
	for (let i = 1; i <= count; i++) {
		const item = rawget(value, i);
		if (item === undefined) return undefined;
		items.push(item as defined);
	}
	return items;
}

class Problems {
	readonly list = new Array<string>();
	private extra = 0;

	add(path: string, message: string): void {
		if (this.list.size() < MAX_PROBLEMS) this.list.push(`${path}: ${message}`);
		else this.extra += 1;
	}

	result(): ReadonlyArray<string> {
		return this.extra > 0 ? [...this.list, `…and ${this.extra} more`] : this.list;
	}
}

function text(problems: Problems, path: string, value: unknown, maxLength: number): string | undefined {
	if (!t.string(value)) {
		problems.add(path, `expected text, got ${describe(value)}`);
		return undefined;
	}
	const [length] = utf8.len(value);
	if (!typeIs(length, "number")) {
		problems.add(path, "is not valid UTF-8 text");
		return undefined;
	}
	if (value.match("^%s*$")[0] !== undefined) {
		problems.add(path, "is empty");
		return undefined;
	}
	if (length > maxLength) {
		problems.add(path, `is ${length} characters long; at most ${maxLength} fit`);
		return undefined;
	}
	return value;
}

function id(problems: Problems, path: string, value: unknown): string | undefined {
	if (!t.string(value) || value.size() > MAX_QUESTION_ID_LENGTH || value.match(ID_PATTERN)[0] === undefined) {
		const expected = `an id of letters, digits, "_" and "-" (at most ${MAX_QUESTION_ID_LENGTH})`;
		problems.add(path, `expected ${expected}, got ${describe(value)}`);
		return undefined;
	}
	return value;
}

function list(problems: Problems, path: string, value: unknown, min: number, max: number): Array<defined> | undefined {
	const items = t.table(value) ? arrayItems(value) : undefined;
	if (items === undefined) {
		problems.add(path, `expected a list, got ${describe(value)}`);
		return undefined;
	}
	if (items.size() < min || items.size() > max) {
		problems.add(path, `has ${items.size()} item${items.size() === 1 ? "" : "s"}; expected ${min} to ${max}`);
		return undefined;
	}
	return items;
}

function fields(
	problems: Problems,
	path: string,
	value: unknown,
	known: ReadonlyArray<string>,
): value is Record<string, unknown> {
	if (!t.table(value) || (next(value)[0] !== undefined && arrayItems(value) !== undefined)) {
		problems.add(path, `expected a table of fields, got ${describe(value)}`);
		return false;
	}
	for (const [key] of pairs(value)) {
		if (!typeIs(key, "string") || !known.includes(key)) {
			problems.add(`${path}.${tostring(key)}`, `unknown field; the fields are ${known.join(", ")}`);
		}
	}
	return true;
}

function readQuestion(
	problems: Problems,
	path: string,
	value: unknown,
	stationId: string,
	seen: Set<string>,
): BankQuestion | undefined {
	const known = ["id", "prompt", "choices", "answer", "explanation", "difficulty"];
	if (!fields(problems, path, value, known)) return undefined;
	const questionId = id(problems, `${path}.id`, value.id);
	const prompt = text(problems, `${path}.prompt`, value.prompt, 300);
	const explanation = text(problems, `${path}.explanation`, value.explanation, 500);
	const difficulty = value.difficulty;
	const difficultyOk = t.integer(difficulty) && difficulty >= 1 && difficulty <= 3;
	if (!difficultyOk) problems.add(`${path}.difficulty`, `expected 1, 2 or 3, got ${describe(difficulty)}`);
	const items = list(problems, `${path}.choices`, value.choices, 2, MAX_CHOICES);
	const choices = new Array<string>();
	let choicesOk = items !== undefined;
	items?.forEach((item, i) => {
		const choice = text(problems, `${path}.choices[${i + 1}]`, item, 120);
		if (choice === undefined) choicesOk = false;
		else if (choices.includes(choice)) {
			problems.add(`${path}.choices[${i + 1}]`, `"${choice}" is listed twice`);
			choicesOk = false;
		} else choices.push(choice);
	});
	let answerIndex = -1;
	if (!t.string(value.answer)) {
		problems.add(`${path}.answer`, `expected the text of the right choice, got ${describe(value.answer)}`);
	} else if (choicesOk) {
		answerIndex = choices.indexOf(value.answer);
		if (answerIndex < 0) problems.add(`${path}.answer`, `${describe(value.answer)} is not one of the choices`);
	}
	if (questionId !== undefined) {
		if (seen.has(questionId)) problems.add(`${path}.id`, `"${questionId}" is used by another question`);
		seen.add(questionId);
	}
	const complete = questionId !== undefined && prompt !== undefined && explanation !== undefined;
	if (!complete || !difficultyOk || answerIndex < 0) return undefined;
	return { id: questionId, stationId, prompt, choices, answerIndex, explanation, difficulty: difficulty as number };
}

/** Checks what the quiz module returned and builds the question bank, or lists what is wrong. */
export function readQuizContent(value: unknown): ReadResult {
	const problems = new Problems();
	if (!fields(problems, "quiz", value, ["formatVersion", "title", "saveProgress", "stations"])) {
		return { ok: false, problems: problems.result() };
	}
	if (value.formatVersion !== QUIZ_FORMAT_VERSION) {
		const got = describe(value.formatVersion);
		problems.add(
			"formatVersion",
			`expected ${QUIZ_FORMAT_VERSION}, got ${got} (update the lesson kit, or regenerate the quiz)`,
		);
		return { ok: false, problems: problems.result() };
	}
	const title = text(problems, "title", value.title, 80);
	if (value.saveProgress !== undefined && !t.boolean(value.saveProgress)) {
		problems.add("saveProgress", `expected true or false, got ${describe(value.saveProgress)}`);
	}
	const stations = new Array<BankStation>();
	const stationById = new Map<string, BankStation>();
	const questionById = new Map<string, BankQuestion>();
	const seenQuestions = new Set<string>();
	const items = list(problems, "stations", value.stations, 1, 12);
	items?.forEach((item, i) => {
		const path = `stations[${i + 1}]`;
		if (!fields(problems, path, item, ["id", "title", "questions"])) return;
		const stationId = id(problems, `${path}.id`, item.id);
		const stationTitle = text(problems, `${path}.title`, item.title, 60);
		if (stationId !== undefined && stationById.has(stationId)) {
			problems.add(`${path}.id`, `"${stationId}" is used by another station`);
		}
		const questions = new Array<BankQuestion>();
		const questionItems = list(problems, `${path}.questions`, item.questions, 1, 20);
		questionItems?.forEach((q, j) => {
			const question = readQuestion(problems, `${path}.questions[${j + 1}]`, q, stationId ?? "", seenQuestions);
			if (question) questions.push(question);
		});
		if (stationId === undefined || stationTitle === undefined || stationById.has(stationId)) return;
		const station: BankStation = { id: stationId, title: stationTitle, questions };
		stations.push(station);
		stationById.set(stationId, station);
		for (const question of questions) questionById.set(question.id, question);
	});
	if (problems.list.size() > 0 || title === undefined) return { ok: false, problems: problems.result() };
	return {
		ok: true,
		bank: {
			title,
			saveProgress: value.saveProgress === true,
			stations,
			stationById,
			questionById,
			questionCount: seenQuestions.size(),
		},
	};
}
