/**
 * The arguments apply_edit and show_diff share (a script and range edits in the seed protocol:
 * zero-based {line, character}, all against the current editor text), and their resolution into
 * the script, its current text and the text after the edits — or the precise reason they do not
 * apply (bounds, inverted range, overlap, from diff/).
 */
import { applyRangeEdits } from "../diff/merge";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField } from "./reason";
import { resolveScript } from "./resolve-target";
import * as s from "./schema";
import { ToolContext } from "./tool";

/** Most edits in one call. */
export const EDIT_CAP = 50;

const position = (description: string) =>
	s.object(
		{
			line: s.integer({ description: "Zero-based line (read_script's line N is line N-1 here).", min: 0 }),
			character: s.integer({ description: "Zero-based character (code point) within the line.", min: 0 }),
		},
		{ description },
	);

/** The arguments of apply_edit and show_diff. */
export const rangeEditArgs = s.object(
	{
		path: s.text({ description: `The script's instance path. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		edits: s.array(
			s.object(
				{
					start: position("Where the replaced text starts (inclusive)."),
					end: position("Where it ends (exclusive); equal to start to insert."),
					newText: s.text({ description: 'Replacement text ("" deletes the range). Use \\n for line breaks.' }),
				},
				{ description: "Replace the text from start to end with newText." },
			),
			{
				description: "Edits against the script's current text (not applied one after another); they must not overlap.",
				minItems: 1,
				maxItems: EDIT_CAP,
			},
		),
		reason: reasonField,
	},
	{ description: "A script and range edits to it." },
);

export type RangeEditArgs = s.Infer<typeof rangeEditArgs>;

/** The script, its editor text now, and the text the edits make of it. */
export type ResolvedRangeEdits =
	| { readonly ok: true; readonly container: LuaSourceContainer; readonly base: string; readonly after: string }
	| { readonly ok: false; readonly message: string };

/** Applies the edits to the script's current editor text, in memory only. */
export function resolveRangeEditArgs(args: RangeEditArgs, context: ToolContext): ResolvedRangeEdits {
	const target = resolveScript(context, "path", args.path);
	if (!target.ok) return target;
	const base = context.studio.getEditorSource(target.instance);
	const applied = applyRangeEdits(base, args.edits);
	if (!applied.ok) return { ok: false, message: applied.error.message };
	return { ok: true, container: target.instance, base, after: applied.value };
}
