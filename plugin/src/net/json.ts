/**
 * JSON text ⇄ Luau values, written out because HttpService's codec cannot serve the wire format.
 *
 * `HttpService:JSONEncode` turns every empty table into `[]`, so a tool without arguments
 * (`"parameters": {"type": "object", "properties": {}}`) would reach the provider with
 * `"properties": []` and be refused. Here an empty table is an object unless its key names a list
 * (the caller says which keys do: `WIRE_LIST_KEYS` in wire-types.ts for the proxy's format), keys
 * are sorted so the same value always gives the same text, and anything JSON cannot hold (NaN,
 * infinities, mixed or sparse tables, cycles, functions) is refused with the path to it instead of
 * being silently mangled. Decoding is strict RFC 8259 and returns errors as data with the byte
 * offset, so a malformed answer from the network never throws; JSON `null` becomes nil (an array
 * keeps its length bookkeeping, leaving a hole). Being plain Luau, it also lets modules that must not
 * touch HttpService (settings/) store JSON.
 */

/** How to encode: which object keys hold lists, so an empty table under them becomes `[]`. */
export interface JsonEncodeOptions {
	readonly emptyArrayKeys?: ReadonlySet<string>;
}

/** Encoded text, or why the value cannot be JSON. */
export type JsonEncodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Decoded value (JSON null and an empty text's absence are distinct: only `null` gives undefined), or the error. */
export type JsonDecodeResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const MAX_DEPTH = 200;

const ESCAPES = new Map<string, string>([
	['"', '\\"'],
	["\\", "\\\\"],
	["\b", "\\b"],
	["\f", "\\f"],
	["\n", "\\n"],
	["\r", "\\r"],
	["\t", "\\t"],
]);

function escapeCharacter(character: string): string {
	const known = ESCAPES.get(character);
	if (known !== undefined) return known;
	const [code] = string.byte(character);
	return string.format("\\u%04x", code);
}

function encodeString(text: string): string {
	const [escaped] = string.gsub(text, '[%c"\\]', escapeCharacter);
	return '"' + escaped + '"';
}

function encodeNumber(value: number): string | undefined {
	if (value !== value || value === math.huge || value === -math.huge) return undefined;
	if (value === math.floor(value) && math.abs(value) < 2 ** 53) return string.format("%d", value);
	const short = string.format("%.15g", value);
	return tonumber(short) === value ? short : string.format("%.17g", value);
}

function describePath(path: ReadonlyArray<string>): string {
	return path.size() === 0 ? "the value" : path.join("");
}

/**
 * Encodes `value` as JSON. Arrays are tables with keys 1..n; objects are tables with string keys
 * (written in sorted order); an empty table is `{}` unless its key is in `emptyArrayKeys`.
 */
export function encodeJson(value: unknown, options?: JsonEncodeOptions): JsonEncodeResult {
	const emptyArrayKeys = options?.emptyArrayKeys;
	const parts = new Array<string>();
	const path = new Array<string>();
	const open = new Set<object>();
	let failure: string | undefined;

	const fail = (message: string) => {
		failure = `${describePath(path)}: ${message}`;
		return false;
	};

	const encode = (item: unknown, key: string | undefined): boolean => {
		if (item === undefined) {
			parts.push("null");
		} else if (typeIs(item, "boolean")) {
			parts.push(item ? "true" : "false");
		} else if (typeIs(item, "number")) {
			const text = encodeNumber(item);
			if (text === undefined) return fail(`${item} has no JSON form`);
			parts.push(text);
		} else if (typeIs(item, "string")) {
			parts.push(encodeString(item));
		} else if (typeIs(item, "table")) {
			if (open.has(item)) return fail("the table contains itself");
			if (path.size() >= MAX_DEPTH) return fail(`nested deeper than ${MAX_DEPTH} levels`);
			open.add(item);
			const ok = encodeTable(item, key);
			open.delete(item);
			return ok;
		} else {
			return fail(`a ${typeOf(item)} has no JSON form`);
		}
		return true;
	};

	const encodeTable = (item: object, key: string | undefined): boolean => {
		const stringKeys = new Array<string>();
		let count = 0;
		let maxIndex = 0;
		let hasNumberKey = false;
		for (const [k] of pairs(item as Record<string, unknown>)) {
			count += 1;
			const index = k as unknown;
			if (typeIs(index, "string")) {
				stringKeys.push(index);
			} else if (typeIs(index, "number") && index >= 1 && index === math.floor(index)) {
				hasNumberKey = true;
				maxIndex = math.max(maxIndex, index);
			} else {
				return fail(`a key of type ${typeOf(index)} (${tostring(index)}) has no JSON form`);
			}
		}
		if (count === 0) {
			parts.push(key !== undefined && emptyArrayKeys?.has(key) ? "[]" : "{}");
			return true;
		}
		if (hasNumberKey) {
			if (stringKeys.size() > 0) return fail(`a table mixes list items with the key "${stringKeys[0]}"`);
			if (maxIndex !== count) return fail(`a list has holes (${count} items, highest index ${maxIndex})`);
			const list = item as Array<unknown>;
			parts.push("[");
			for (let i = 0; i < count; i++) {
				if (i > 0) parts.push(",");
				path.push(`[${i}]`);
				const ok = encode(list[i], undefined);
				path.pop();
				if (!ok) return false;
			}
			parts.push("]");
			return true;
		}
		stringKeys.sort();
		const record = item as Record<string, unknown>;
		parts.push("{");
		for (let i = 0; i < stringKeys.size(); i++) {
			const name = stringKeys[i];
			if (i > 0) parts.push(",");
			parts.push(encodeString(name), ":");
			path.push(path.size() === 0 ? name : `.${name}`);
			const ok = encode(record[name], name);
			path.pop();
			if (!ok) return false;
		}
		parts.push("}");
		return true;
	};

	if (!encode(value, undefined)) return { ok: false, message: failure ?? "cannot encode" };
	return { ok: true, text: parts.join("") };
}

/** A decoding failure, thrown inside the decoder only and returned as data by `decodeJson`. */
interface DecodeFailure {
	readonly jsonDecodeFailure: string;
}

const HEX_DIGITS = "^%x%x%x%x";

/** Decodes strict JSON text. Never throws. */
export function decodeJson(text: string): JsonDecodeResult {
	const size = text.size();
	let pos = 1;

	const fail = (message: string): never => {
		const failure: DecodeFailure = { jsonDecodeFailure: `invalid JSON at byte ${pos}: ${message}` };
		throw failure;
	};

	const skipWhitespace = () => {
		const [, last] = string.find(text, "^[ \t\n\r]*", pos);
		pos = (last ?? pos - 1) + 1;
	};

	const peek = () => text.sub(pos, pos);

	const expectLiteral = (literal: string, value: unknown): unknown => {
		if (text.sub(pos, pos + literal.size() - 1) !== literal) fail(`unexpected "${peek()}"`);
		pos += literal.size();
		return value;
	};

	const readHex4 = (): number => {
		const [start] = string.find(text, HEX_DIGITS, pos);
		if (start === undefined) fail("\\u needs four hex digits");
		const code = tonumber(text.sub(pos, pos + 3), 16)!;
		pos += 4;
		return code;
	};

	const readString = (): string => {
		pos += 1; // opening quote
		const pieces = new Array<string>();
		for (;;) {
			const [special] = string.find(text, '[%c"\\]', pos);
			if (special === undefined) fail("unterminated string");
			const [byte] = string.byte(text, special!);
			if (byte === 127) {
				// DEL is a control character to Lua but plain text to JSON.
				pieces.push(text.sub(pos, special!));
				pos = special! + 1;
				continue;
			}
			pieces.push(text.sub(pos, special! - 1));
			pos = special!;
			if (byte === 34) {
				pos += 1;
				return pieces.join("");
			}
			if (byte !== 92) fail("control characters must be escaped inside strings");
			const escape = text.sub(pos + 1, pos + 1);
			pos += 2;
			if (escape === '"') pieces.push('"');
			else if (escape === "\\") pieces.push("\\");
			else if (escape === "/") pieces.push("/");
			else if (escape === "b") pieces.push("\b");
			else if (escape === "f") pieces.push("\f");
			else if (escape === "n") pieces.push("\n");
			else if (escape === "r") pieces.push("\r");
			else if (escape === "t") pieces.push("\t");
			else if (escape === "u") {
				let code = readHex4();
				if (code >= 0xd800 && code <= 0xdbff && text.sub(pos, pos + 1) === "\\u") {
					const save = pos;
					pos += 2;
					const low = readHex4();
					if (low >= 0xdc00 && low <= 0xdfff) {
						code = 0x10000 + (code - 0xd800) * 0x400 + (low - 0xdc00);
					} else {
						pos = save;
					}
				}
				// A lone surrogate has no UTF-8 form: it becomes U+FFFD, as decoders of UTF-16 text do.
				pieces.push(utf8.char(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code));
			} else {
				pos -= 2;
				fail(`unknown escape "\\${escape}"`);
			}
		}
	};

	const readNumber = (): number => {
		const start = pos;
		if (peek() === "-") pos += 1;
		const [, intEnd] = string.find(text, "^%d+", pos);
		if (intEnd === undefined) fail("a number needs digits");
		if (text.sub(pos, pos) === "0" && intEnd! > pos) fail("numbers cannot have leading zeros");
		pos = intEnd! + 1;
		if (peek() === ".") {
			const [, fracEnd] = string.find(text, "^%d+", pos + 1);
			if (fracEnd === undefined) fail("a decimal point needs digits after it");
			pos = fracEnd! + 1;
		}
		if (peek() === "e" || peek() === "E") {
			const [, expEnd] = string.find(text, "^[-+]?%d+", pos + 1);
			if (expEnd === undefined) fail("an exponent needs digits");
			pos = expEnd! + 1;
		}
		return tonumber(text.sub(start, pos - 1))!;
	};

	const readValue = (depth: number): unknown => {
		if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
		skipWhitespace();
		const c = peek();
		if (c === "{") {
			pos += 1;
			const object = new Map<string, unknown>();
			skipWhitespace();
			if (peek() === "}") {
				pos += 1;
				return object;
			}
			for (;;) {
				skipWhitespace();
				if (peek() !== '"') fail("expected a string key");
				const key = readString();
				skipWhitespace();
				if (peek() !== ":") fail(`expected ":" after the key "${key}"`);
				pos += 1;
				object.set(key, readValue(depth + 1));
				skipWhitespace();
				const separator = peek();
				pos += 1;
				if (separator === "}") return object;
				if (separator !== ",") {
					pos -= 1;
					fail('expected "," or "}" after an object member');
				}
			}
		} else if (c === "[") {
			pos += 1;
			const list = new Array<unknown>();
			skipWhitespace();
			if (peek() === "]") {
				pos += 1;
				return list;
			}
			let index = 0;
			for (;;) {
				// Assigning by index keeps positions right when an item is null (a hole).
				list[index] = readValue(depth + 1) as defined;
				index += 1;
				skipWhitespace();
				const separator = peek();
				pos += 1;
				if (separator === "]") return list;
				if (separator !== ",") {
					pos -= 1;
					fail('expected "," or "]" after a list item');
				}
			}
		} else if (c === '"') {
			return readString();
		} else if (c === "t") {
			return expectLiteral("true", true);
		} else if (c === "f") {
			return expectLiteral("false", false);
		} else if (c === "n") {
			return expectLiteral("null", undefined);
		} else if (c === "-" || string.find(c, "^%d")[0] !== undefined) {
			return readNumber();
		}
		return fail(c === "" ? "unexpected end of text" : `unexpected "${c}"`);
	};

	try {
		const value = readValue(0);
		skipWhitespace();
		if (pos <= size) fail(`unexpected "${peek()}" after the value`);
		return { ok: true, value };
	} catch (err) {
		if (typeIs(err, "table") && typeIs((err as DecodeFailure).jsonDecodeFailure, "string")) {
			return { ok: false, message: (err as DecodeFailure).jsonDecodeFailure };
		}
		throw err;
	}
}
