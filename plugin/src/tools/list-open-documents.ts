/**
 * list_open_documents: the script tabs open in Studio — the scripts the user is working on, which is
 * usually where a request is about.
 */
import { describeInstance } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object({}, { description: "No arguments." });

export const listOpenDocuments: ToolDefinition<s.Infer<typeof args>> = {
	name: "list_open_documents",
	description:
		"Lists the script tabs open in Studio's editor (not the command bar): instance path, class, line count, " +
		"whether the tab has unsaved changes, and which tab is active.",
	kind: "read",
	args,
	execute(_, context) {
		const documents = context.studio.openDocuments();
		if (documents.size() === 0) return { kind: "result", text: "No script tabs are open in Studio." };
		const active = context.studio.activeScript();
		const lines = documents.map((document) => {
			let line = `${describeInstance(document.script)}, ${document.lineCount} line${document.lineCount === 1 ? "" : "s"}`;
			if (document.hasDraft) line += ", unsaved changes";
			if (document.script === active) line += ", active";
			return line;
		});
		return {
			kind: "result",
			text: `${documents.size()} open script tab${documents.size() === 1 ? "" : "s"}:\n${lines.join("\n")}`,
		};
	},
};
