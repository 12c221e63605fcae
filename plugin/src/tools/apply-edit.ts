/**
 * apply_edit: range edits to a script, proposed to the user. The edits are applied now, in memory,
 * to the editor text, so a proposal only exists when they apply cleanly; at approval the change is
 * rebased onto whatever the user typed meanwhile.
 */
import { rangeEditArgs, RangeEditArgs, resolveRangeEditArgs } from "./range-edits";
import { scriptEditProposal, unchanged } from "./script-change";
import { ToolDefinition } from "./tool";

export const applyEdit: ToolDefinition<RangeEditArgs> = {
	name: "apply_edit",
	description:
		"Proposes range edits to a Script, LocalScript or ModuleScript; the user approves or rejects the change. " +
		"Positions are zero-based {line, character} in the current editor text (line N of read_script is line N-1 " +
		"here); end is exclusive; all edits address the text as it is now and must not overlap. Prefer " +
		"replace_in_script for changes you can quote.",
	kind: "write",
	args: rangeEditArgs,
	execute(a, context) {
		const resolved = resolveRangeEditArgs(a, context);
		if (!resolved.ok) return { kind: "error", message: resolved.message };
		return (
			unchanged(resolved.base, resolved.after) ??
			scriptEditProposal(resolved.container, resolved.base, resolved.after, a.reason)
		);
	},
};
