/**
 * attempt_completion: the model's way to end a task — the final answer shown to the user. Ending is
 * explicit so the loop never stops on a reply that merely forgot to call a tool.
 */
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		result: s.text({
			description: "What was done (or found), for the user; no question at the end.",
			minLength: 1,
			maxLength: 4000,
		}),
	},
	{ description: "The final result." },
);

export const attemptCompletion: ToolDefinition<s.Infer<typeof args>> = {
	name: "attempt_completion",
	description:
		"Ends the task with a short report to the user. Call it only when the task is done: every proposal you made " +
		"was approved or rejected and nothing is left to check.",
	kind: "control",
	args,
	execute(a) {
		return { kind: "completion", result: a.result };
	},
};
