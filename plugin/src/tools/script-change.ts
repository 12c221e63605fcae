/**
 * What the script-editing tools (apply_edit, show_diff, replace_in_script) produce once they know the
 * new text: an `edit_script` proposal against the editor text it was computed from, or a unified-diff
 * preview of the same change. A change that changes nothing is refused, so no empty proposal reaches
 * the user.
 */
import { renderUnifiedDiff } from "../diff/unified-diff";
import { formatPath } from "../studio/instance-path";
import { summarize } from "./reason";
import { ToolOutcome } from "./tool";

/** Preview diffs stay under the registry's result cap. */
const PREVIEW_BYTES = 10000;

function lines(n: number): string {
	return `${n} line${n === 1 ? "" : "s"}`;
}

/** Refusal of an edit that leaves the text as it is, or undefined when the text changes. */
export function unchanged(base: string, after: string): ToolOutcome | undefined {
	if (base !== after) return undefined;
	return { kind: "error", message: "the edit changes nothing: the result equals the script's current text" };
}

/** An edit_script proposal from `base` (the editor text now) to `after`. */
export function scriptEditProposal(
	container: LuaSourceContainer,
	base: string,
	after: string,
	reason: string | undefined,
): ToolOutcome {
	const path = formatPath(container);
	const diff = renderUnifiedDiff(base, after, { maxLines: 1, maxBytes: 1 }); // counts only
	return {
		kind: "proposal",
		summary: summarize(`Edit ${path} (+${lines(diff.added)}, −${lines(diff.removed)})`, reason),
		operations: [{ kind: "edit_script", path, base, after }],
	};
}

/** The unified diff from `base` to `after`, as show_diff returns it. */
export function scriptEditPreview(container: LuaSourceContainer, base: string, after: string): ToolOutcome {
	const path = formatPath(container);
	const diff = renderUnifiedDiff(base, after, {
		oldLabel: `a/${path}`,
		newLabel: `b/${path}`,
		maxBytes: PREVIEW_BYTES,
	});
	const header = `Preview only, nothing changed: ${path} +${lines(diff.added)}, −${lines(diff.removed)}. Line numbers in the hunks are 1-based.`;
	return { kind: "preview", text: `${header}\n${diff.text}` };
}
