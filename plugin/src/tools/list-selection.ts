/**
 * list_selection: what the user has selected in the Explorer or viewport — what "this", "these parts"
 * or "the selected model" means in the user's message.
 */
import { describeInstance } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object({}, { description: "No arguments." });

/** Most selected instances listed. */
const SELECTION_CAP = 100;

export const listSelection: ToolDefinition<s.Infer<typeof args>> = {
	name: "list_selection",
	description: "Lists the instances selected in Studio (Explorer or viewport): instance path and class of each.",
	kind: "read",
	args,
	execute(_, context) {
		const selection = context.studio.getSelection();
		if (selection.size() === 0) return { kind: "result", text: "Nothing is selected in Studio." };
		const lines = new Array<string>();
		for (let i = 0; i < math.min(selection.size(), SELECTION_CAP); i++) lines.push(describeInstance(selection[i]));
		let text = `${selection.size()} selected:\n${lines.join("\n")}`;
		if (selection.size() > SELECTION_CAP) {
			text += `\n[cut: ${selection.size() - SELECTION_CAP} more selected instances not listed]`;
		}
		return { kind: "result", text };
	},
};
