/**
 * The lesson plan the model declares with plan_lesson before it builds anything: what the lesson is
 * (subject, grade level, objectives, environment, whether it has a quiz) and the stages it will
 * propose, in order. One declaration gives the JSON schema the model is shown and the checker used
 * both by the tool and by the view-model, which reads the plan back from the conversation to show
 * progress (lesson-progress.ts) — so what the widget shows is exactly what the tool accepted.
 */
import { HttpService } from "@rbxts/services";
import { LessonPlan, LessonStagePlan } from "./lesson-progress";
import { contentText } from "../agent/conversation";
import * as s from "../tools/schema";
import { ChatMessage } from "../../../shared/src/proxy-api";

export const PLAN_LIMITS = { stages: 8, objectives: 8, idLength: 40 } as const;

const ID_PATTERN = "^[%w_%-]+$";

export const lessonPlanSchema = s.object(
	{
		title: s.text({ description: 'The lesson\'s title for the teacher, e.g. "Fractions in the Classroom".', minLength: 1, maxLength: 80 }),
		subject: s.text({ description: "The subject, e.g. Fractions.", minLength: 1, maxLength: 80 }),
		gradeLevel: s.text({ description: 'The grade level, e.g. "5th grade".', minLength: 1, maxLength: 40 }),
		objectives: s.array(s.text({ description: "One learning objective.", minLength: 1, maxLength: 200 }), {
			description: "What students will be able to do after the lesson.",
			minItems: 1,
			maxItems: PLAN_LIMITS.objectives,
		}),
		environment: s.text({
			description: "The world: classroom, space station, forest, ocean, or what the teacher asked for.",
			minLength: 1,
			maxLength: 40,
		}),
		includeQuiz: s.boolean({ description: "Whether the lesson has a quiz (stations, questions, points)." }),
		stages: s.array(
			s.object(
				{
					id: s.text({
						description: 'A short id the stage\'s proposal names in propose_changes\' stage, e.g. "environment".',
						minLength: 1,
						maxLength: PLAN_LIMITS.idLength,
					}),
					name: s.text({ description: 'What the teacher reads, e.g. "Classroom and lighting".', minLength: 1, maxLength: 60 }),
					changesPlace: s.boolean({
						description: "False for a stage that proposes nothing (the closing summary for the teacher).",
					}),
				},
				{ description: "One stage, proposed as one proposal." },
			),
			{ description: "The stages in the order you will propose them.", minItems: 1, maxItems: PLAN_LIMITS.stages },
		),
	},
	{ description: "The lesson plan." },
);

export type LessonPlanCheck = { readonly ok: true; readonly plan: LessonPlan } | { readonly ok: false; readonly message: string };

/** Checks a plan (plan_lesson's arguments, decoded): the schema, then ids that are plain and unique. */
export function checkLessonPlan(value: unknown): LessonPlanCheck {
	const checked = lessonPlanSchema.check(value);
	if (!checked.ok) return { ok: false, message: checked.message };
	const raw = checked.value;
	const seen = new Set<string>();
	const stages = new Array<LessonStagePlan>();
	for (let i = 0; i < raw.stages.size(); i++) {
		const stage = raw.stages[i];
		if (stage.id.match(ID_PATTERN)[0] === undefined) {
			return { ok: false, message: `stages[${i}].id: use letters, digits, "_" and "-" only, got "${stage.id}"` };
		}
		if (seen.has(stage.id)) return { ok: false, message: `stages[${i}].id: "${stage.id}" is used by an earlier stage` };
		seen.add(stage.id);
		stages.push({ id: stage.id, name: stage.name, changesPlace: stage.changesPlace });
	}
	return {
		ok: true,
		plan: {
			title: raw.title,
			subject: raw.subject,
			gradeLevel: raw.gradeLevel,
			objectives: [...raw.objectives],
			environment: raw.environment,
			includeQuiz: raw.includeQuiz,
			stages,
		},
	};
}

/** How the agent marks a tool result that is an error (agent/loop-messages.ts toolErrorResult). */
const ERROR_PREFIX = "Error: ";

function decode(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	const [ok, value] = pcall(() => HttpService.JSONDecode(text));
	return ok ? value : undefined;
}

/**
 * The newest plan in `messages` (oldest first) that plan_lesson accepted, with the index of the
 * assistant message that made it; undefined when there is none (never planned, or compacted away).
 */
export function latestLessonPlan(
	messages: ReadonlyArray<ChatMessage>,
): { readonly plan: LessonPlan; readonly index: number } | undefined {
	const failedCalls = new Set<string>();
	for (const message of messages) {
		if (message.role === "tool" && contentText(message.content).sub(1, ERROR_PREFIX.size()) === ERROR_PREFIX) {
			failedCalls.add(message.tool_call_id);
		}
	}
	for (let index = messages.size() - 1; index >= 0; index--) {
		const message = messages[index];
		if (message.role !== "assistant") continue;
		const calls = message.tool_calls ?? [];
		for (let i = calls.size() - 1; i >= 0; i--) {
			const call = calls[i];
			if (call.function.name !== "plan_lesson" || failedCalls.has(call.id)) continue;
			const checked = checkLessonPlan(decode(call.function.arguments));
			if (checked.ok) return { plan: checked.plan, index };
		}
	}
	return undefined;
}
