/**
 * show_diff: the unified diff apply_edit would propose, without proposing it — for checking range
 * edits before committing to them. Nothing changes and the user is not asked anything.
 */
import { rangeEditArgs, RangeEditArgs, resolveRangeEditArgs } from "./range-edits";
import { scriptEditPreview, unchanged } from "./script-change";
import { ToolDefinition } from "./tool";

export const showDiff: ToolDefinition<RangeEditArgs> = {
	name: "show_diff",
	description:
		"Previews apply_edit: same arguments, returns the unified diff the edits would make, changes nothing and " +
		"asks the user nothing. Use it to check zero-based positions before apply_edit.",
	kind: "read",
	args: rangeEditArgs,
	execute(a, context) {
		const resolved = resolveRangeEditArgs(a, context);
		if (!resolved.ok) return { kind: "error", message: resolved.message };
		return (
			unchanged(resolved.base, resolved.after) ?? scriptEditPreview(resolved.container, resolved.base, resolved.after)
		);
	},
};
