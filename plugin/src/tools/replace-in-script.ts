/**
 * replace_in_script: search/replace blocks, the edit form models get right most often — quote the
 * code, give its replacement. Each quote must match exactly once (a whitespace-tolerant match is
 * tried next); a missing or ambiguous one is an error listing the nearest candidates (diff/).
 */
import { applySearchReplace } from "../diff/search-replace";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField } from "./reason";
import { resolveScript } from "./resolve-target";
import * as s from "./schema";
import { scriptEditProposal, unchanged } from "./script-change";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The script's instance path. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		blocks: s.array(
			s.object(
				{
					search: s.text({
						description: "Exact lines to find, copied from the current text (without line numbers); must occur once.",
						minLength: 1,
					}),
					replace: s.text({ description: 'What replaces them ("" deletes them).' }),
				},
				{ description: "One search/replace block." },
			),
			{
				description: "Blocks, each matched against the current text; they must not overlap.",
				minItems: 1,
				maxItems: 20,
			},
		),
		reason: reasonField,
	},
	{ description: "A script and search/replace blocks." },
);

export const replaceInScript: ToolDefinition<s.Infer<typeof args>> = {
	name: "replace_in_script",
	description:
		"Proposes search/replace edits to a Script, LocalScript or ModuleScript; the user approves or rejects. Each " +
		"search text is copied from the current editor text and must match exactly once (indentation differences " +
		"are tolerated); include enough surrounding lines to make it unique. Errors list the nearest candidates.",
	kind: "write",
	args,
	execute(a, context) {
		const target = resolveScript(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const base = context.studio.getEditorSource(target.instance);
		const replaced = applySearchReplace(base, a.blocks);
		if (!replaced.ok) return { kind: "error", message: replaced.error.message };
		return (
			unchanged(base, replaced.value.text) ?? scriptEditProposal(target.instance, base, replaced.value.text, a.reason)
		);
	},
};
