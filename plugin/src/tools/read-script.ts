/**
 * read_script: a range of lines of any script, numbered, from the editor's text (drafts included) —
 * how the model reads big scripts a piece at a time instead of all at once.
 */
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { resolveScript } from "./resolve-target";
import * as s from "./schema";
import { EXCERPT_LINE_CAP, scriptExcerpt, scriptLines } from "./script-excerpt";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The script's instance path. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		startLine: s.optional(s.integer({ description: "First line to read, 1-based (default 1).", min: 1 })),
		endLine: s.optional(
			s.integer({
				description: `Last line to read, 1-based, inclusive (default: startLine + ${EXCERPT_LINE_CAP - 1}; past the end means the end).`,
				min: 1,
			}),
		),
	},
	{ description: "Which script and which lines." },
);

export const readScript: ToolDefinition<s.Infer<typeof args>> = {
	name: "read_script",
	description:
		"Reads lines of a Script, LocalScript or ModuleScript as the editor holds them (unsaved changes included), " +
		`each prefixed with its 1-based line number. At most ${EXCERPT_LINE_CAP} lines per call; the answer says ` +
		"when lines were cut and where to continue.",
	kind: "read",
	args,
	execute(a, context) {
		const target = resolveScript(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const lines = scriptLines(context.studio.getEditorSource(target.instance));
		const total = lines.size();
		const from = a.startLine ?? 1;
		if (from > total) {
			return {
				kind: "error",
				message: `startLine ${from} is past the end: "${a.path}" has ${total} line${total === 1 ? "" : "s"}`,
			};
		}
		if (a.endLine !== undefined && a.endLine < from) {
			return { kind: "error", message: `endLine ${a.endLine} comes before startLine ${from}` };
		}
		const to = math.min(a.endLine ?? from + EXCERPT_LINE_CAP - 1, total);
		return { kind: "result", text: scriptExcerpt(target.instance, lines, from, to) };
	},
};
