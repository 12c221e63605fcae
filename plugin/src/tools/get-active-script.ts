/**
 * get_active_script: the script the user is editing right now (StudioService.ActiveScript), with its
 * editor text (unsaved drafts included) numbered — what "this script" means in the user's message.
 */
import * as s from "./schema";
import { scriptExcerpt, scriptLines } from "./script-excerpt";
import { ToolDefinition } from "./tool";

const args = s.object({}, { description: "No arguments." });

export const getActiveScript: ToolDefinition<s.Infer<typeof args>> = {
	name: "get_active_script",
	description:
		"Returns the script open in the focused Studio editor tab: its instance path, class, line count and the " +
		"editor text (unsaved changes included) with 1-based line numbers. Long scripts are cut; read the rest " +
		'with read_script. Use it when the user says "this script".',
	kind: "read",
	args,
	execute(_, context) {
		const active = context.studio.activeScript();
		if (active === undefined) {
			return {
				kind: "result",
				text: "No script is active in Studio's editor. Use list_open_documents or search_scripts to find a script.",
			};
		}
		const lines = scriptLines(context.studio.getEditorSource(active));
		return { kind: "result", text: scriptExcerpt(active, lines, 1, lines.size()) };
	},
};
