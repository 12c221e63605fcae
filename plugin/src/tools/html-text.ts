/**
 * Plain text from the HTML Canvas stores for pages and assignment descriptions, for the model to
 * read: tags removed (block ends become line breaks, list items "- "), scripts, styles and
 * comments dropped whole, character references decoded (named ones common in course text, and
 * every numeric one, `&#NNN;` and `&#xHH;`, as UTF-8), runs of spaces collapsed. Not an HTML
 * parser: course pages are teacher-written rich text, and the result only has to read well.
 * Data in, data out.
 */
import { characterToByte } from "../diff/characters";

const NAMED_ENTITIES = new Map<string, string>([
	["amp", "&"],
	["lt", "<"],
	["gt", ">"],
	["quot", '"'],
	["apos", "'"],
	["nbsp", " "],
	["ndash", "–"],
	["mdash", "—"],
	["hellip", "…"],
	["lsquo", "‘"],
	["rsquo", "’"],
	["ldquo", "“"],
	["rdquo", "”"],
	["times", "×"],
	["divide", "÷"],
	["deg", "°"],
	["frac12", "½"],
	["frac14", "¼"],
	["frac34", "¾"],
	["copy", "©"],
	["middot", "·"],
	["bull", "•"],
	["le", "≤"],
	["ge", "≥"],
	["ne", "≠"],
	["minus", "−"],
	["plusmn", "±"],
]);

/** Tags whose end (or, for void ones, whose presence) breaks the line. */
const BLOCK_TAGS = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "hr", "section", "article"]);

function decodeNumeric(code: number | undefined, original: string): string {
	if (code === undefined || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return original;
	return utf8.char(code);
}

/** Decodes character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
	const [decoded] = text.gsub("&(#?[%w]+);", (reference: string) => {
		const original = `&${reference};`;
		if (reference.sub(1, 2).lower() === "#x") return decodeNumeric(tonumber(reference.sub(3), 16), original);
		if (reference.sub(1, 1) === "#") return decodeNumeric(tonumber(reference.sub(2)), original);
		return NAMED_ENTITIES.get(reference) ?? NAMED_ENTITIES.get(reference.lower()) ?? original;
	});
	return decoded;
}

/** The readable text of an HTML fragment (see the module header). */
export function htmlToText(html: string): string {
	let text = html;
	text = text.gsub("<!%-%-.-%-%->", "")[0];
	for (const element of ["script", "style", "noscript", "iframe"]) {
		// Lua patterns have no case-insensitive flag; Canvas's editor writes tags in lower case, and
		// upper-case ones are caught as well.
		text = text.gsub(`<${element}[^>]*>.-</${element}%s*>`, "")[0];
		text = text.gsub(`<${element.upper()}[^>]*>.-</${element.upper()}%s*>`, "")[0];
	}
	text = text.gsub("<(/?)(%a[%w]*)[^>]*>", (closing: string, name: string) => {
		const tag = name.lower();
		if (tag === "li" && closing === "") return "\n- ";
		if (BLOCK_TAGS.has(tag)) return "\n";
		return "";
	})[0];
	// A stray "<" that opens no tag stays; a leftover tag fragment (unclosed "<a href=…") goes.
	text = text.gsub("<%a[^>]*$", "")[0];
	text = decodeEntities(text);
	text = text.gsub("\r", "")[0];
	text = text.gsub("[ \t\f\v]+", " ")[0];
	text = text.gsub(" *\n *", "\n")[0];
	text = text.gsub("\n\n+", "\n")[0];
	text = text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
	return text;
}

/** `text` on one line (line breaks as " / "), cut to about `limit` characters at a word with "…". */
export function excerpt(text: string, limit: number): string {
	let line = text.gsub("\n%- ", " / ")[0].gsub("\n", " / ")[0];
	line = line.gsub("%s+", " ")[0];
	const cutAt = characterToByte(line, limit);
	if (cutAt === undefined || cutAt >= line.size()) return line;
	let kept = line.sub(1, cutAt);
	const [lastSpace] = kept.find(" [^ ]*$");
	if (lastSpace !== undefined && lastSpace > cutAt * 0.6) kept = kept.sub(1, lastSpace - 1);
	return kept.gsub("[%s/]+$", "")[0] + "…";
}
