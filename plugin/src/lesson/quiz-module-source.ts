/**
 * The quiz module's source: validated quiz content (quiz-schema.ts) written as the Luau table the lesson
 * kit's server reads (ServerStorage.VectorLessonQuiz, format version 1, see
 * plugin/lesson-kit/src/server/quiz-content.ts). Every string is written as a double-quoted Luau literal
 * with everything that could end or bend it escaped (quotes, backslashes, line breaks, control bytes as
 * three-digit \ddd), so no text the model wrote can become code. Text never goes into comments. The output
 * is deterministic and diff-friendly: one field per line, fields in a fixed order, tabs.
 */
import { QuizContent, QuizQuestion, QuizStation } from "./quiz-schema";

/** The format the kit reads (the kit refuses any other). */
export const QUIZ_FORMAT_VERSION = 1;

const ESCAPES: { readonly [character: string]: string } = {
	'"': '\\"',
	"\\": "\\\\",
	"\n": "\\n",
	"\r": "\\r",
	"\t": "\\t",
};

/** `text` as a Luau string literal. Bytes ≥ 0x80 (UTF-8) are kept as they are; Luau strings are bytes. */
export function luauString(text: string): string {
	const [escaped] = text.gsub(
		'[%c"\\]',
		(character) => ESCAPES[character] ?? string.format("\\%03d", character.byte()[0]),
	);
	return `"${escaped}"`;
}

function field(indent: string, name: string, value: string): string {
	return `${indent}${name} = ${value},`;
}

function questionLines(question: QuizQuestion, indent: string): Array<string> {
	const inner = indent + "\t";
	return [
		`${indent}{`,
		field(inner, "id", luauString(question.id)),
		field(inner, "prompt", luauString(question.prompt)),
		field(inner, "choices", `{ ${question.choices.map(luauString).join(", ")} }`),
		field(inner, "answer", luauString(question.answer)),
		field(inner, "explanation", luauString(question.explanation)),
		field(inner, "difficulty", tostring(question.difficulty)),
		`${indent}},`,
	];
}

function stationLines(station: QuizStation, indent: string): Array<string> {
	const inner = indent + "\t";
	const lines = [
		`${indent}{`,
		field(inner, "id", luauString(station.id)),
		field(inner, "title", luauString(station.title)),
	];
	lines.push(`${inner}questions = {`);
	for (const question of station.questions) for (const line of questionLines(question, inner + "\t")) lines.push(line);
	lines.push(`${inner}},`, `${indent}},`);
	return lines;
}

/** The full source of the quiz ModuleScript for `content` (already validated). */
export function quizModuleSource(content: QuizContent): string {
	const lines = [
		"--[[",
		"\tThe quiz of this lesson, read by the Vector lesson kit's server (ServerStorage.VectorLessonKit).",
		"\tIt stays in ServerStorage, so players never receive the answers. Written by Vector; you may edit it:",
		"\teach answer must be exactly one of its question's choices, difficulty is 1, 2 or 3, and the kit",
		"\tprints what is wrong in the Output window when the game starts.",
		"]]",
		"return {",
		field("\t", "formatVersion", tostring(QUIZ_FORMAT_VERSION)),
		field("\t", "title", luauString(content.title)),
		field("\t", "saveProgress", tostring(content.saveProgress)),
		"\tstations = {",
	];
	for (const station of content.stations) for (const line of stationLines(station, "\t\t")) lines.push(line);
	lines.push("\t},", "}", "");
	return lines.join("\n");
}
