// Turns JSON data into the Luau module Rojo generates for `x.json` files (a `return` of a table literal), byte for
// byte as Rojo's `lua_ast` does it: object keys in UTF-8 byte order (serde_json's BTreeMap), identifiers bare and
// other keys bracketed, arrays inline, tables one entry per line with tab indentation, numbers printed like
// Rust's `f64` Display (never in exponent notation).

import type { Json } from "./json-file.js";
import { compareUtf8 } from "./tree.js";

const KEYWORDS = new Set([
	"and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if", "in", "local", "nil", "not",
	"or", "repeat", "return", "then", "true", "until", "while",
]);

function isIdentifier(key: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key);
}

function escapeLuaString(value: string): string {
	let out = "";
	for (const ch of value) {
		if (ch === '"') out += '\\"';
		else if (ch === "\r") out += "\\r";
		else if (ch === "\n") out += "\\n";
		else if (ch === "\t") out += "\\t";
		else if (ch === "\\") out += "\\\\";
		else out += ch;
	}
	return `"${out}"`;
}

/** Formats a double the way Rust's `Display` for f64 does: shortest round-trip digits, no exponent. */
export function formatRustF64(value: number): string {
	if (Number.isNaN(value)) return "0/0";
	if (value === Infinity) return "math.huge";
	if (value === -Infinity) return "-math.huge";
	if (Object.is(value, -0)) return "-0";
	const text = String(value);
	const e = text.indexOf("e");
	if (e === -1) return text;
	const negative = text.startsWith("-");
	const mantissa = text.slice(negative ? 1 : 0, e);
	const exponent = Number(text.slice(e + 1));
	const [whole, fraction = ""] = mantissa.split(".");
	const digits = whole + fraction;
	const point = whole.length + exponent;
	let out: string;
	if (point <= 0) out = "0." + "0".repeat(-point) + digits;
	else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
	else out = digits.slice(0, point) + "." + digits.slice(point);
	return (negative ? "-" : "") + out;
}

/** Mirrors Rojo's LuaStream: indentation is written lazily at the first non-empty text of each line. */
class LuaStream {
	private out = "";
	private indentLevel = 0;
	private startOfLine = true;

	write(text: string): void {
		const lines = text.split("\n");
		lines.forEach((line, i) => {
			if (i > 0) {
				this.out += "\n";
				this.startOfLine = true;
			}
			if (line !== "") {
				if (this.startOfLine) {
					this.startOfLine = false;
					this.out += "\t".repeat(this.indentLevel);
				}
				this.out += line;
			}
		});
	}
	indent(): void {
		this.indentLevel++;
	}
	unindent(): void {
		this.indentLevel--;
	}
	toString(): string {
		return this.out;
	}
}

function writeValue(stream: LuaStream, value: Json): void {
	if (value === null) stream.write("nil");
	else if (typeof value === "boolean") stream.write(value ? "true" : "false");
	else if (typeof value === "number") stream.write(formatRustF64(value));
	else if (typeof value === "string") stream.write(escapeLuaString(value));
	else if (Array.isArray(value)) {
		stream.write("{");
		value.forEach((item, i) => {
			writeValue(stream, item);
			if (i < value.length - 1) stream.write(", ");
		});
		stream.write("}");
	} else {
		stream.write("{\n");
		stream.indent();
		for (const key of Object.keys(value).sort(compareUtf8)) {
			stream.write(isIdentifier(key) ? key : `[${escapeLuaString(key)}]`);
			stream.write(" = ");
			writeValue(stream, value[key]);
			stream.write(",\n");
		}
		stream.unindent();
		stream.write("}");
	}
}

/** The Luau source of the ModuleScript Rojo makes from a JSON value. */
export function jsonToLuau(value: Json): string {
	const stream = new LuaStream();
	stream.write("return ");
	writeValue(stream, value);
	return stream.toString();
}
