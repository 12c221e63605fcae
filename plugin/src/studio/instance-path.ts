/**
 * Instance paths as the model reads and writes them. Roblox's dotted full names are ambiguous (names
 * may contain dots, siblings may share a name), so Vector uses its own format:
 *
 *   Workspace/Map/Door            segments separated by "/", starting at a child of the DataModel
 *   Workspace/Part[2]             the 2nd child named "Part" (1-based, in GetChildren order); the
 *                                 index appears only when siblings share the name, and is required then
 *   ReplicatedStorage/a\/b        "\" escapes "/", "[", "]" and "\" inside a name
 *   game                          the DataModel itself
 *
 * Paths are resolved again whenever they are used, so a place that changed meanwhile gives a clear
 * error instead of the wrong instance.
 */

/** The format as tools describe it to the model. */
export const PATH_FORMAT_HELP =
	'Instance paths are "/"-separated names from a service, e.g. "Workspace/Map/Door" or ' +
	'"ServerScriptService/Main". When siblings share a name add a 1-based index: "Workspace/Part[2]". ' +
	'Escape "/", "[", "]" and "\\" inside names with "\\". "game" is the DataModel.';

export type PathResult = { readonly ok: true; readonly instance: Instance } | { readonly ok: false; readonly message: string };

function escapeName(name: string): string {
	return name.gsub("[\\/%[%]]", (c) => "\\" + c)[0];
}

function segmentFor(instance: Instance): string {
	const parent = instance.Parent;
	const name = escapeName(instance.Name);
	if (!parent) return name;
	let index = 0;
	let count = 0;
	for (const sibling of parent.GetChildren()) {
		if (sibling.Name === instance.Name) {
			count += 1;
			if (sibling === instance) index = count;
		}
	}
	return count > 1 ? `${name}[${index}]` : name;
}

/** The path of an instance inside the DataModel (or of a detached instance, from its root). */
export function formatPath(instance: Instance): string {
	if (instance.IsA("DataModel")) return "game";
	const segments = new Array<string>();
	let current: Instance | undefined = instance;
	while (current && !current.IsA("DataModel")) {
		segments.unshift(segmentFor(current));
		current = current.Parent;
	}
	return segments.join("/");
}

/**
 * The path of a child named `name` of the instance at `parentPath`, for instances that do not exist yet
 * (operations that create a tree name each new parent this way). The name is escaped; no index is added,
 * so the caller makes sure the name is unique among its siblings.
 */
export function childPath(parentPath: string, name: string): string {
	return parentPath === "game" ? escapeName(name) : `${parentPath}/${escapeName(name)}`;
}

interface Segment {
	readonly name: string;
	readonly index?: number;
}

function parse(path: string): { ok: true; segments: Array<Segment> } | { ok: false; message: string } {
	const segments = new Array<Segment>();
	let name = "";
	let index: number | undefined;
	let i = 1;
	const length = path.size();
	let afterIndex = false;
	while (i <= length) {
		const c = path.sub(i, i);
		if (c === "\\") {
			if (i === length) return { ok: false, message: `path "${path}" ends with a lone "\\"` };
			if (afterIndex) return { ok: false, message: `path "${path}": nothing may follow "[n]" inside a segment` };
			name += path.sub(i + 1, i + 1);
			i += 2;
		} else if (c === "/") {
			segments.push({ name, index });
			name = "";
			index = undefined;
			afterIndex = false;
			i += 1;
		} else if (c === "[") {
			const [digits] = path.match("^%[(%d+)%]", i);
			if (digits === undefined) return { ok: false, message: `path "${path}": "[" must start an index like [2] (escape it as "\\[" in a name)` };
			index = tonumber(digits)!;
			if (index < 1) return { ok: false, message: `path "${path}": indices start at 1` };
			i += (digits as string).size() + 2;
			afterIndex = true;
		} else if (c === "]") {
			return { ok: false, message: `path "${path}": unexpected "]" (escape it as "\\]" in a name)` };
		} else {
			if (afterIndex) return { ok: false, message: `path "${path}": nothing may follow "[n]" inside a segment` };
			name += c;
			i += 1;
		}
	}
	segments.push({ name, index });
	return { ok: true, segments };
}

function describeChildren(parent: Instance): string {
	const names = parent.GetChildren().map((child) => child.Name);
	if (names.size() === 0) return "it has no children";
	const shown = names.size() > 12 ? [...names.move(0, 11, 0, []), `… ${names.size() - 12} more`] : names;
	return `its children: ${shown.join(", ")}`;
}

/** Finds the instance a path names under `root`, or explains precisely why it cannot. */
export function resolvePath(root: DataModel, path: string): PathResult {
	if (path === "game") return { ok: true, instance: root };
	if (path === "") return { ok: false, message: "empty path: " + PATH_FORMAT_HELP };
	const parsed = parse(path);
	if (!parsed.ok) return parsed;
	let current: Instance = root;
	// How the place so far is named in messages; only worked out on the way to an error (formatPath
	// scans siblings at every level, which would make resolving a path in a wide parent quadratic).
	const here = () => (current === root ? "the DataModel" : `"${formatPath(current)}"`);
	for (const segment of parsed.segments) {
		const matches = current.GetChildren().filter((child) => child.Name === segment.name);
		if (matches.size() === 0) {
			return { ok: false, message: `no child named "${segment.name}" under ${here()}; ${describeChildren(current)}` };
		}
		let chosen: Instance;
		if (segment.index !== undefined) {
			if (segment.index > matches.size()) {
				return {
					ok: false,
					message: `${here()} has ${matches.size()} children named "${segment.name}", so [${segment.index}] does not exist`,
				};
			}
			chosen = matches[segment.index - 1];
		} else if (matches.size() > 1) {
			return {
				ok: false,
				message: `${here()} has ${matches.size()} children named "${segment.name}": add an index, e.g. "${segment.name}[1]" … "${segment.name}[${matches.size()}]"`,
			};
		} else {
			chosen = matches[0];
		}
		current = chosen;
	}
	return { ok: true, instance: current };
}
