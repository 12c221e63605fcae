/**
 * search_scripts: find code across every script of the place (or below one path), in the editor's
 * text (unsaved drafts included), as `path:line: text` lines — the model's grep. Plain text by
 * default; Luau string patterns on request, with a malformed pattern reported as an error.
 */
import { truncateCharacters } from "../diff/characters";
import { trimLine } from "../diff/nearest-candidates";
import { formatPath, PATH_FORMAT_HELP } from "../studio/instance-path";
import { resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { scriptLines } from "./script-excerpt";
import { ToolContext, ToolDefinition } from "./tool";
import { thrownReason } from "./thrown-reason";

/** Most matching lines one answer lists. */
export const MATCH_CAP = 100;
const LINE_CHARACTERS = 200;

const args = s.object(
	{
		query: s.text({
			description: "The text to find (or a Luau string pattern when pattern is true).",
			minLength: 1,
			maxLength: 500,
		}),
		pattern: s.optional(
			s.boolean({
				description: 'Treat query as a Luau string pattern, e.g. "Remote%a+%(" (default false: plain text).',
			}),
		),
		caseSensitive: s.optional(s.boolean({ description: "Match letter case exactly (default false)." })),
		path: s.optional(
			s.text({
				description: `Search only this script or the scripts below this instance (default: the whole place). ${PATH_FORMAT_HELP}`,
				minLength: 1,
			}),
		),
	},
	{ description: "What to search for and where." },
);

/** The pattern lowered for a lowered text: letters of escapes ("%A", "%S"…) keep their case and meaning. */
function lowerPattern(pattern: string): string {
	const parts = new Array<string>();
	let i = 1;
	while (i <= pattern.size()) {
		const c = pattern.sub(i, i);
		if (c === "%") {
			parts.push(pattern.sub(i, i + 1));
			i += 2;
		} else {
			parts.push(c.lower());
			i += 1;
		}
	}
	return parts.join("");
}

/** Every script below `root` (the whole place for game), service by service (a service Studio will not list is skipped). */
function scriptsUnder(context: ToolContext, root: Instance): Array<LuaSourceContainer> {
	const scripts = new Array<LuaSourceContainer>();
	if (root.IsA("LuaSourceContainer")) scripts.push(root);
	const tops = root === context.studio.game ? root.GetChildren() : [root];
	for (const top of tops) {
		const [ok, descendants] = pcall(() => top.GetDescendants());
		if (!ok) continue;
		for (const instance of descendants) if (instance.IsA("LuaSourceContainer")) scripts.push(instance);
	}
	return scripts;
}

export const searchScripts: ToolDefinition<s.Infer<typeof args>> = {
	name: "search_scripts",
	description:
		"Searches the editor text of every Script, LocalScript and ModuleScript in the place (or below path) and " +
		`returns matching lines as "path:line: text" (1-based lines), at most ${MATCH_CAP}, with a count of the rest. ` +
		"Plain text, case-insensitive by default; set pattern for Luau string patterns (not regex).",
	kind: "read",
	args,
	execute(a, context) {
		let root: Instance = context.studio.game;
		if (a.path !== undefined) {
			const target = resolveTarget(context, "path", a.path);
			if (!target.ok) return { kind: "error", message: target.message };
			root = target.instance;
		}
		const plain = a.pattern !== true;
		const caseSensitive = a.caseSensitive === true;
		const query = caseSensitive ? a.query : plain ? a.query.lower() : lowerPattern(a.query);

		const scripts = scriptsUnder(context, root);
		const shown = new Array<string>();
		let matches = 0;
		let matchedScripts = 0;
		// A per-line match is also a match in the whole text unless the pattern is anchored, so one
		// search of the whole source skips the (many) scripts without a match before splitting lines.
		const anchored = !plain && (query.sub(1, 1) === "^" || (query.sub(-1) === "$" && query.sub(-2, -2) !== "%"));
		for (const container of scripts) {
			const source = context.studio.getEditorSource(container);
			const haystack = caseSensitive ? source : source.lower();
			if (!anchored) {
				const [ok, start] = pcall(() => haystack.find(query, 1, plain)[0]);
				if (ok && start === undefined) continue;
			}
			let path: string | undefined;
			if (plain && query.find("\n", 1, true)[0] === undefined) {
				// Plain text never spans lines: walk the matches in the whole text and count newlines
				// between them, instead of splitting half a million lines.
				let init = 1;
				let lineNumber = 1;
				let counted = 1;
				for (;;) {
					const [start] = haystack.find(query, init, true);
					if (start === undefined) break;
					for (;;) {
						const [newline] = source.find("\n", counted, true);
						if (newline === undefined || newline >= start) break;
						lineNumber += 1;
						counted = newline + 1;
					}
					const [lineEnd] = source.find("\n", start, true);
					const line = source.sub(counted, lineEnd === undefined ? -1 : lineEnd - 1);
					matches += 1;
					if (path === undefined) {
						path = formatPath(container);
						matchedScripts += 1;
					}
					if (shown.size() < MATCH_CAP)
						shown.push(`${path}:${lineNumber}: ${truncateCharacters(trimLine(line), LINE_CHARACTERS)}`);
					if (lineEnd === undefined) break;
					init = lineEnd + 1;
				}
				continue;
			}
			const lines = scriptLines(source);
			const searchLines = caseSensitive ? lines : scriptLines(haystack);
			for (let n = 1; n <= lines.size(); n++) {
				const line = lines[n - 1];
				const searched = searchLines[n - 1];
				const [ok, start] = pcall(() => searched.find(query, 1, plain)[0]);
				if (!ok) {
					const reason = thrownReason(start);
					return { kind: "error", message: `query is not a valid Luau string pattern: ${reason}` };
				}
				if (start === undefined) continue;
				matches += 1;
				if (path === undefined) {
					path = formatPath(container);
					matchedScripts += 1;
				}
				if (shown.size() < MATCH_CAP)
					shown.push(`${path}:${n}: ${truncateCharacters(trimLine(line), LINE_CHARACTERS)}`);
			}
		}
		const where = a.path !== undefined ? ` below "${a.path}"` : "";
		const searched = `${scripts.size()} script${scripts.size() === 1 ? "" : "s"}${where}`;
		if (matches === 0) return { kind: "result", text: `No matches in ${searched}.` };
		let text =
			`${matches} matching line${matches === 1 ? "" : "s"} in ${matchedScripts} of ${searched}:\n` + shown.join("\n");
		if (matches > shown.size()) {
			text += `\n[cut: ${matches - shown.size()} more matching lines not shown; narrow the request with a more specific query or a path]`;
		}
		return { kind: "result", text };
	},
};
