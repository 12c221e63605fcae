/**
 * list_children: the instance tree below a path, a few levels deep — how the model learns a place's
 * layout. Big places are bounded twice: by depth, and by a node cap filled breadth-first (so the top
 * levels are complete before any deep branch), and the answer says what it left out.
 */
import { formatPath, PATH_FORMAT_HELP } from "../studio/instance-path";
import { resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

/** Most instances one answer lists. */
export const NODE_CAP = 200;

const args = s.object(
	{
		path: s.text({
			description: `The instance whose children to list ("game" lists the services). ${PATH_FORMAT_HELP}`,
			minLength: 1,
		}),
		depth: s.optional(s.integer({ description: "Levels below the path to list, 1–5 (default 1).", min: 1, max: 5 })),
	},
	{ description: "Where to look and how deep." },
);

function escapeName(name: string): string {
	return name.gsub("[\\/%[%]]", "\\%0")[0];
}

/** Children of `instance`, or undefined when Studio refuses to list them (e.g. a protected service). */
function childrenOf(instance: Instance): Array<Instance> | undefined {
	const [ok, children] = pcall(() => instance.GetChildren());
	return ok ? children : undefined;
}

/** The path segment of each child (name escaped, with [n] when siblings share the name). */
function segmentsOf(children: ReadonlyArray<Instance>): Map<Instance, string> {
	const counts = new Map<string, number>();
	for (const child of children) counts.set(child.Name, (counts.get(child.Name) ?? 0) + 1);
	const seen = new Map<string, number>();
	const segments = new Map<Instance, string>();
	for (const child of children) {
		const index = (seen.get(child.Name) ?? 0) + 1;
		seen.set(child.Name, index);
		const name = escapeName(child.Name);
		segments.set(child, counts.get(child.Name)! > 1 ? `${name}[${index}]` : name);
	}
	return segments;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : word === "child" ? "ren" : "s"}`;
}

export const listChildren: ToolDefinition<s.Infer<typeof args>> = {
	name: "list_children",
	description:
		'Lists the instance tree under a path, as indented lines "Segment (ClassName) — N children"; join the ' +
		`segments with "/" below the path to address an instance. Depth 1–5; at most ${NODE_CAP} instances per ` +
		"answer (top levels first), and the answer says what was left out.",
	kind: "read",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const root = target.instance;
		const depth = a.depth ?? 1;

		// Breadth-first: choose which children are listed, level by level, until the cap.
		const listed = new Map<Instance, { all: Array<Instance> | undefined; shown: Array<Instance> }>();
		const queue: Array<[Instance, number]> = [[root, 0]];
		let head = 0;
		let count = 0;
		let notListed = 0;
		while (head < queue.size()) {
			const [node, level] = queue[head];
			head += 1;
			if (level >= depth) continue;
			const all = childrenOf(node);
			const shown = new Array<Instance>();
			for (const child of all ?? []) {
				if (count >= NODE_CAP) break;
				shown.push(child);
				count += 1;
				queue.push([child, level + 1]);
			}
			if (all !== undefined) notListed += all.size() - shown.size();
			listed.set(node, { all, shown });
		}

		const lines = new Array<string>();
		const describe = (node: Instance, label: string, indent: number) => {
			const entry = listed.get(node);
			const all = entry?.all ?? childrenOf(node);
			let line = `${string.rep("  ", indent)}${label} (${node.ClassName})`;
			if (all === undefined) line += " — children not accessible";
			else if (all.size() > 0) {
				line += ` — ${plural(all.size(), "child")}`;
				if (entry !== undefined && entry.shown.size() < all.size()) line += `, ${entry.shown.size()} listed`;
			}
			lines.push(line);
			if (entry === undefined || all === undefined) return;
			const segments = segmentsOf(all);
			for (const child of entry.shown) describe(child, segments.get(child)!, indent + 1);
		};
		describe(root, formatPath(root), 0);

		let text = lines.join("\n");
		if (notListed > 0) {
			text +=
				`\n[cut: the ${NODE_CAP}-instance cap left ${plural(notListed, "child")} unlisted; narrow the request with ` +
				"list_children on a deeper path or a smaller depth]";
		}
		return { kind: "result", text };
	},
};
