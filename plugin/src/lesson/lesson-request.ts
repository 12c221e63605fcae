/**
 * What the "New lesson" form asks for, checked field by field, and the chat message it becomes.
 * The form does not call a tool of its own: it sends a message a teacher could have typed, so the
 * model plans the stages (plan_lesson) the same way for the form and for plain chat, and the
 * transcript shows what was asked in words. Data in, data out.
 */
import { LESSON_ENVIRONMENTS } from "./lesson-progress";

/**
 * A valid lesson request (every text trimmed, objectives one per entry). Objectives may be empty
 * only when a Canvas course is given: the model then takes them from the course (lms_lookup).
 */
export interface LessonRequest {
	readonly subject: string;
	readonly gradeLevel: string;
	readonly objectives: ReadonlyArray<string>;
	readonly environment: string;
	readonly includeQuiz: boolean;
	/** The Canvas course number to seed the objectives from (a URL is reduced to its number). */
	readonly canvasCourse?: string;
}

/** The form as typed: objectives one per line, the Canvas course as a number, a URL or nothing. */
export interface LessonDraft {
	readonly subject: string;
	readonly gradeLevel: string;
	readonly objectives: string;
	readonly environment: string;
	readonly includeQuiz: boolean;
	readonly canvasCourse: string;
}

export type LessonField = keyof LessonDraft;

export const EMPTY_LESSON_DRAFT: LessonDraft = {
	subject: "",
	gradeLevel: "",
	objectives: "",
	environment: LESSON_ENVIRONMENTS[0],
	includeQuiz: true,
	canvasCourse: "",
};

export const MAX_SUBJECT = 80;
export const MAX_GRADE_LEVEL = 40;
export const MAX_OBJECTIVES = 8;
export const MAX_OBJECTIVE = 200;

export interface LessonCheck {
	/** What is wrong with each field that breaks a rule. */
	readonly errors: { readonly [field in LessonField]?: string };
	/** The request, when every field passes. */
	readonly request?: LessonRequest;
}

/** `text` without leading and trailing white space, inner runs of it as one space. */
function tidy(text: string): string {
	return text.gsub("%s+", " ")[0].gsub("^ ", "")[0].gsub(" $", "")[0];
}

/** Characters, not bytes (a teacher's "é" counts once). */
function length(text: string): number {
	const [count] = utf8.len(text);
	return typeIs(count, "number") ? count : text.size();
}

function checkLine(label: string, text: string, max: number): string | undefined {
	if (text === "") return `${label} is required.`;
	const size = length(text);
	if (size > max) return `${label} is at most ${max} characters (this one has ${size}).`;
	return undefined;
}

/** A pasted list's bullet or number ("- ", "• ", "2. ", "3) ") is not part of the objective. */
function withoutMarker(line: string): string {
	return line.gsub("^[-*]%s+", "")[0].gsub("^•%s*", "")[0].gsub("^%d+[.)]%s+", "")[0];
}

/** The objectives typed one per line: blank lines ignored, list markers dropped. */
export function objectiveLines(text: string): Array<string> {
	const lines = new Array<string>();
	for (const line of text.gsub("\r\n?", "\n")[0].split("\n")) {
		const objective = tidy(withoutMarker(tidy(line)));
		if (objective !== "") lines.push(objective);
	}
	return lines;
}

/** Objectives may be left to the Canvas course, when one is given; otherwise at least one is needed. */
function checkObjectives(lines: ReadonlyArray<string>, fromCourse: boolean): string | undefined {
	if (lines.size() === 0 && !fromCourse)
		return "Write at least one learning objective, one per line (or give a Canvas course to take them from).";
	if (lines.size() > MAX_OBJECTIVES)
		return `At most ${MAX_OBJECTIVES} learning objectives (there are ${lines.size()}); merge or drop some.`;
	for (let index = 0; index < lines.size(); index++) {
		const size = length(lines[index]);
		if (size > MAX_OBJECTIVE)
			return `Objective ${index + 1} is ${size} characters; keep each to ${MAX_OBJECTIVE}.`;
	}
	return undefined;
}

/**
 * The course number in `text`: a number as typed, or the number in a Canvas course URL
 * (`https://school.instructure.com/courses/1234`, with or without a path after it). Canvas course
 * ids are positive integers; anything else is refused rather than guessed at.
 */
export function canvasCourseNumber(text: string): string | undefined {
	const lowered = text.lower();
	let digits: string | undefined;
	if (lowered.match("^%d+$")[0] !== undefined) {
		digits = lowered;
	} else {
		const prefix = "^https?://[%w%.%-]+:?%d*/courses/(%d+)";
		const [whole] = lowered.match(`${prefix}$`);
		const [followed] = lowered.match(`${prefix}[/?#]`);
		const found = whole ?? followed;
		digits = found === undefined ? undefined : tostring(found);
	}
	if (digits === undefined) return undefined;
	const [number] = digits.gsub("^0+", "");
	return number === "" ? undefined : number;
}

function environmentList(): string {
	return LESSON_ENVIRONMENTS.join(", ");
}

/** Checks the form (see the module header): a message per field that breaks a rule, or the request. */
export function checkLessonRequest(draft: LessonDraft): LessonCheck {
	const errors: { [field in LessonField]?: string } = {};
	const subject = tidy(draft.subject);
	const gradeLevel = tidy(draft.gradeLevel);
	const objectives = objectiveLines(draft.objectives);
	const environment = tidy(draft.environment).lower();
	const course = tidy(draft.canvasCourse);

	errors.subject = checkLine("Subject", subject, MAX_SUBJECT);
	errors.gradeLevel = checkLine("Grade level", gradeLevel, MAX_GRADE_LEVEL);
	if (!(LESSON_ENVIRONMENTS as ReadonlyArray<string>).includes(environment))
		errors.environment = `Choose an environment: ${environmentList()}.`;
	const courseNumber = course === "" ? undefined : canvasCourseNumber(course);
	if (course !== "" && courseNumber === undefined)
		errors.canvasCourse =
			"Canvas course is a course number (1234) or its URL (https://school.instructure.com/courses/1234).";
	errors.objectives = checkObjectives(objectives, courseNumber !== undefined);

	const failed =
		errors.subject ?? errors.gradeLevel ?? errors.objectives ?? errors.environment ?? errors.canvasCourse;
	if (failed !== undefined) return { errors };
	return {
		errors,
		request: { subject, gradeLevel, objectives, environment, includeQuiz: draft.includeQuiz, canvasCourse: courseNumber },
	};
}

/**
 * The chat message the form sends: plain English a teacher could have typed, so the model plans
 * the lesson from it exactly as from a typed request.
 */
export function lessonRequestMessage(request: LessonRequest): string {
	const lines = [
		`Build a lesson world: subject ${request.subject}, grade level ${request.gradeLevel}, ` +
			`environment ${request.environment}, ${request.includeQuiz ? "with a quiz" : "without a quiz"}.`,
	];
	if (request.objectives.size() > 0) {
		lines.push("Learning objectives:");
		for (const objective of request.objectives) lines.push(`- ${objective}`);
	}
	if (request.canvasCourse !== undefined)
		lines.push(`Start by reading Canvas course ${request.canvasCourse} with lms_lookup to seed the objectives.`);
	return lines.join("\n");
}
