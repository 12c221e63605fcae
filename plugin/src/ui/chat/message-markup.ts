/**
 * The little Markdown a chat message gets: fenced ``` code blocks (drawn in the code font on a code
 * background), inline `code` and **bold**, everything else as plain wrapped text. Pure text in,
 * blocks and RichText markup out, so it is specced without a GUI. Anything the model writes is
 * escaped before markup is added, so a message can never break the label's RichText.
 *
 * A streaming message may end inside an open fence: that block is code up to the end of the text
 * (`closed` false) and becomes a normal code block once the closing fence arrives.
 */

export type MessageBlock =
	| { readonly kind: "text"; readonly text: string }
	| { readonly kind: "code"; readonly code: string; readonly language: string; readonly closed: boolean };

/** Splits a message into text and fenced code blocks, in order; blank text between them is dropped. */
export function parseMessage(text: string): Array<MessageBlock> {
	const blocks = new Array<MessageBlock>();
	const lines = text.gsub("\r\n", "\n")[0].split("\n");
	let prose = new Array<string>();
	let code: Array<string> | undefined;
	let language = "";
	let fence = "";

	const flushProse = () => {
		const joined = prose.join("\n").gsub("^%s*\n", "")[0].gsub("%s+$", "")[0];
		if (joined.gsub("%s", "")[0] !== "") blocks.push({ kind: "text", text: joined });
		prose = [];
	};

	for (const line of lines) {
		if (code === undefined) {
			const [indent, ticks, info] = line.match("^(%s?%s?%s?)(```+)%s*([^`]*)$") as LuaTuple<
				[string | undefined, string | undefined, string | undefined]
			>;
			if (indent !== undefined && ticks !== undefined) {
				flushProse();
				code = [];
				fence = ticks;
				language = (info ?? "").gsub("%s+$", "")[0];
			} else {
				prose.push(line);
			}
		} else {
			const [closing] = line.match("^%s?%s?%s?(```+)%s*$") as LuaTuple<[string | undefined]>;
			if (closing !== undefined && closing.size() >= fence.size()) {
				blocks.push({ kind: "code", code: code.join("\n"), language, closed: true });
				code = undefined;
			} else {
				code.push(line);
			}
		}
	}
	if (code !== undefined) blocks.push({ kind: "code", code: code.join("\n"), language, closed: false });
	else flushProse();
	return blocks;
}

/** Escapes the characters RichText treats as markup. */
export function escapeRichText(text: string): string {
	return text
		.gsub("&", "&amp;")[0]
		.gsub("<", "&lt;")[0]
		.gsub(">", "&gt;")[0]
		.gsub('"', "&quot;")[0]
		.gsub("'", "&apos;")[0];
}

/** How inline code looks: the RichText face name of the code font and the span's background. */
export interface InlineCodeStyle {
	readonly face: string;
	/** "#rrggbb". */
	readonly background: string;
}

type Token =
	| { readonly kind: "prose"; readonly text: string }
	| { readonly kind: "code"; readonly text: string }
	| { readonly kind: "star" };

/** The text a token shows, for looking at a "**"'s neighbours (a code span counts as a word). */
function edgeText(token: Token | undefined): string {
	if (token === undefined) return " ";
	return token.kind === "prose" ? token.text : token.kind === "code" ? "x" : "*";
}

/**
 * Which "**" tokens become <b> and </b>: an opener must touch a word on its right, a closer on its
 * left (as Markdown wants), pairs are taken in order, and whatever is left stays literal.
 */
function pairStars(tokens: ReadonlyArray<Token>): Map<number, string> {
	const tags = new Map<number, string>();
	let opener: number | undefined;
	tokens.forEach((token, index) => {
		if (token.kind !== "star") return;
		const before = edgeText(tokens[index - 1]);
		const after = edgeText(tokens[index + 1]);
		const touchesLeft = before.sub(-1).match("%s")[0] === undefined && index > 0;
		const touchesRight = after.sub(1, 1).match("%s")[0] === undefined && index < tokens.size() - 1;
		if (opener !== undefined && touchesLeft) {
			tags.set(opener, "<b>");
			tags.set(index, "</b>");
			opener = undefined;
		} else if (touchesRight) {
			opener = index;
		}
	});
	return tags;
}

/**
 * RichText markup for one text block: `code` spans in the code face on a marked background,
 * **bold** as <b> (also around code spans), the rest escaped. An unpaired backtick or ** stays as
 * typed.
 */
export function inlineMarkup(text: string, style: InlineCodeStyle): string {
	const parts = text.split("`");
	const last = parts.size() - 1;
	// An odd number of backticks leaves the last one without a partner: it stays a literal.
	const unpaired = last % 2 === 1;
	const tokens = new Array<Token>();
	for (let i = 0; i <= last; i++) {
		if (i % 2 === 1 && !(unpaired && i === last)) {
			tokens.push({ kind: "code", text: parts[i] });
			continue;
		}
		const prose = (i % 2 === 1 ? "`" : "") + parts[i];
		prose.split("**").forEach((piece, j) => {
			if (j > 0) tokens.push({ kind: "star" });
			if (piece !== "") tokens.push({ kind: "prose", text: piece });
		});
	}
	const tags = pairStars(tokens);
	let out = "";
	tokens.forEach((token, index) => {
		if (token.kind === "prose") out += escapeRichText(token.text);
		else if (token.kind === "code")
			out += `<font face="${style.face}"><mark color="${style.background}" transparency="0">${escapeRichText(token.text)}</mark></font>`;
		else out += tags.get(index) ?? "**";
	});
	return out;
}

/** The first `limit` characters of `text` (whole UTF-8 characters) and how many were left out. */
export function capText(text: string, limit: number): LuaTuple<[string, number]> {
	const length = utf8.len(text)[0];
	if (length === undefined || length === false) {
		// Not valid UTF-8: cut by bytes.
		if (text.size() <= limit) return $tuple(text, 0);
		return $tuple(text.sub(1, limit), text.size() - limit);
	}
	if (length <= limit) return $tuple(text, 0);
	const cut = utf8.offset(text, limit + 1)!;
	return $tuple(text.sub(1, cut - 1), length - limit);
}
