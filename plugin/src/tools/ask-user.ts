/**
 * ask_user: a question to the user when the task cannot go on without their answer (which script,
 * which design); the loop waits for the answer. Options make answering one click.
 */
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		question: s.text({ description: "One clear question.", minLength: 1, maxLength: 1000 }),
		options: s.optional(
			s.array(s.text({ description: "A possible answer.", minLength: 1, maxLength: 200 }), {
				description: "Up to 6 suggested answers the user can pick (they may still type their own).",
				minItems: 2,
				maxItems: 6,
			}),
		),
	},
	{ description: "The question." },
);

export const askUser: ToolDefinition<s.Infer<typeof args>> = {
	name: "ask_user",
	description:
		"Asks the user a question and waits for the answer. Use it only when the place and scripts cannot answer it " +
		"(read them first); offer options when the answer is a choice.",
	kind: "control",
	args,
	execute(a) {
		return { kind: "question", question: a.question, options: a.options };
	},
};
