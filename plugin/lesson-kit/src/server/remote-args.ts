/**
 * The checks on what clients send. Every argument of every remote is checked with t before the server
 * looks at it: a client can send anything (wrong types, NaN, huge strings, instances, tables, extra
 * arguments), and none of it may reach the quiz rules.
 */
import { t } from "@rbxts/t";
import { MAX_CHOICES, MAX_QUESTION_ID_LENGTH } from "../shared/protocol";

const isQuestionId = (value: unknown): value is string => t.string(value) && value.size() <= MAX_QUESTION_ID_LENGTH;
const isChoice = (value: unknown): value is number => t.integer(value) && value >= 0 && value < MAX_CHOICES;

export interface SubmitArgs {
	readonly questionId: string;
	readonly choice: number;
}

/** SubmitAnswer's arguments (questionId, choice), or undefined unless they are exactly those two. */
export function checkSubmitArgs(args: ReadonlyArray<unknown>): SubmitArgs | undefined {
	if (args.size() !== 2) return undefined;
	const [questionId, choice] = args;
	if (!isQuestionId(questionId) || !isChoice(choice)) return undefined;
	return { questionId, choice };
}
