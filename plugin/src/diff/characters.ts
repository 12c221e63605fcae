/**
 * Characters inside one line: counting them and mapping character indices to byte offsets.
 *
 * The model addresses text in characters, Luau strings (and Studio's ScriptDocument) in UTF-8 bytes.
 * A "character" here is one Unicode code point ("é" is one, "🙂" is one, "中" is one), which is
 * what a model that reads the text as characters counts. Scripts can still hold bytes that are not
 * UTF-8; each such byte counts as one character of its own (as if replaced by U+FFFD), so every
 * text has a well-defined character count and no function here ever fails on bad input.
 *
 * Decoding follows RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
 */

let nonAsciiPattern: string | undefined;

/** Whether `s` has no byte ≥ 0x80 (then characters and bytes coincide: the fast path). */
function isAscii(s: string): boolean {
	if (nonAsciiPattern === undefined) {
		// Built at run time: "\x80" means U+0080 to TypeScript but byte 0x80 to Luau; avoid the ambiguity.
		nonAsciiPattern = "[" + string.char(128) + "-" + string.char(255) + "]";
	}
	return string.find(s, nonAsciiPattern)[0] === undefined;
}

/** Byte length (1–4) of the character starting at 1-based byte `i` of `s` (`size` = `s.size()`). */
function sequenceLength(s: string, i: number, size: number): number {
	const [lead] = string.byte(s, i);
	if (lead < 0x80) {
		return 1;
	}
	let continuation: number;
	let low = 0x80;
	let high = 0xbf;
	if (lead >= 0xc2 && lead <= 0xdf) {
		continuation = 1;
	} else if (lead >= 0xe0 && lead <= 0xef) {
		continuation = 2;
		if (lead === 0xe0) low = 0xa0; // overlong
		if (lead === 0xed) high = 0x9f; // surrogates
	} else if (lead >= 0xf0 && lead <= 0xf4) {
		continuation = 3;
		if (lead === 0xf0) low = 0x90; // overlong
		if (lead === 0xf4) high = 0x8f; // above U+10FFFF
	} else {
		return 1;
	}
	if (i + continuation > size) {
		return 1;
	}
	const [second] = string.byte(s, i + 1);
	if (second < low || second > high) {
		return 1;
	}
	for (let k = 2; k <= continuation; k++) {
		const [b] = string.byte(s, i + k);
		if (b < 0x80 || b > 0xbf) {
			return 1;
		}
	}
	return continuation + 1;
}

/** Number of characters (code points; stray non-UTF-8 bytes count one each) in `s`. */
export function characterCount(s: string): number {
	const size = s.size();
	if (isAscii(s)) {
		return size;
	}
	let count = 0;
	let i = 1;
	while (i <= size) {
		i += sequenceLength(s, i, size);
		count += 1;
	}
	return count;
}

/**
 * Zero-based byte offset where zero-based character `character` of `s` starts (`characterCount(s)`
 * maps to `s.size()`, the end). Undefined when `character` is past the end or not a whole number ≥ 0.
 */
export function characterToByte(s: string, character: number): number | undefined {
	if (character < 0 || character % 1 !== 0) {
		return undefined;
	}
	const size = s.size();
	if (isAscii(s)) {
		return character <= size ? character : undefined;
	}
	let i = 1;
	let seen = 0;
	while (seen < character) {
		if (i > size) {
			return undefined;
		}
		i += sequenceLength(s, i, size);
		seen += 1;
	}
	return i - 1;
}

/**
 * Zero-based character index that starts at zero-based byte offset `byteOffset` of `s` (`s.size()`
 * maps to the character count). Undefined when the offset is past the end, not a whole number ≥ 0,
 * or inside a multi-byte character.
 */
export function byteToCharacter(s: string, byteOffset: number): number | undefined {
	const size = s.size();
	if (byteOffset < 0 || byteOffset > size || byteOffset % 1 !== 0) {
		return undefined;
	}
	if (isAscii(s)) {
		return byteOffset;
	}
	let i = 1;
	let count = 0;
	while (i - 1 < byteOffset) {
		i += sequenceLength(s, i, size);
		count += 1;
	}
	return i - 1 === byteOffset ? count : undefined;
}

/** `s` cut to at most `maxCharacters` characters (never inside a character), with "…" when cut. */
export function truncateCharacters(s: string, maxCharacters: number): string {
	const cut = characterToByte(s, maxCharacters);
	if (cut === undefined || cut >= s.size()) {
		return s;
	}
	return string.sub(s, 1, cut) + "…";
}
