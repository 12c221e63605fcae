// Glob matching with the semantics of the Rust `globset` crate's defaults, which is what Rojo uses for
// `globIgnorePaths`: `*` and `?` also match `/`, `**` is recursive only as a whole path component
// (`**/x`, `x/**`, `x/**/y`), `{a,b}` alternates, `[...]` / `[!...]` are classes, `\` escapes. Paths are
// matched whole, with `/` separators, relative to the project folder.

function escapeRegex(ch: string): string {
	return /[\\^$.*+?()[\]{}|]/.test(ch) ? `\\${ch}` : ch;
}

function translate(glob: string): string {
	let out = "";
	let i = 0;
	let inAlternation = false;
	while (i < glob.length) {
		const ch = glob[i];
		if (ch === "*" && glob[i + 1] === "*") {
			const atStart = i === 0 || glob[i - 1] === "/";
			const end = i + 2;
			const atEnd = end === glob.length || glob[end] === "/";
			if (atStart && atEnd) {
				if (i === 0 && end === glob.length) out += ".*";
				else if (i === 0) {
					out += "(?:.*/)?"; // `**/x`: x at any depth, including the top
					i = end + 1;
					continue;
				} else if (end === glob.length) {
					out = out.slice(0, -1) + "/.*"; // `x/**`: anything below x, not x itself
				} else {
					out = out.slice(0, -1) + "(?:/|/.*/)"; // `x/**/y`
					i = end + 1;
					continue;
				}
				i = end;
				continue;
			}
			out += ".*";
			i = end;
			continue;
		}
		if (ch === "*") out += ".*";
		else if (ch === "?") out += ".";
		else if (ch === "\\" && i + 1 < glob.length) {
			out += escapeRegex(glob[i + 1]);
			i += 2;
			continue;
		} else if (ch === "[") {
			const close = glob.indexOf("]", i + 2);
			if (close === -1) throw new Error(`unclosed character class in glob ${JSON.stringify(glob)}`);
			let body = glob.slice(i + 1, close);
			const negated = body.startsWith("!") || body.startsWith("^");
			if (negated) body = body.slice(1);
			out += `[${negated ? "^" : ""}${body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]")}]`;
			i = close + 1;
			continue;
		} else if (ch === "{") {
			if (inAlternation) throw new Error(`nested alternation in glob ${JSON.stringify(glob)}`);
			inAlternation = true;
			out += "(?:";
		} else if (ch === "}" && inAlternation) {
			inAlternation = false;
			out += ")";
		} else if (ch === "," && inAlternation) out += "|";
		else out += escapeRegex(ch);
		i++;
	}
	if (inAlternation) throw new Error(`unclosed alternation in glob ${JSON.stringify(glob)}`);
	return out;
}

/** Compiles a glob into a predicate over `/`-separated relative paths. Throws on a malformed glob. */
export function compileGlob(glob: string): (path: string) => boolean {
	const regex = new RegExp(`^${translate(glob)}$`, "s");
	return (path) => regex.test(path);
}
