/**
 * Where a piece of JSON goes wrong. HttpService:JSONDecode only says "Can't parse JSON", which gives a
 * model nothing to fix; this strict RFC 8259 syntax check (no values are built) finds the first
 * offending byte and says what was expected there, so the tool error can quote the spot.
 */

/** The first syntax error: 1-based byte offset into the text and what was expected there. */
export interface JsonSyntaxError {
	readonly offset: number;
	readonly message: string;
}

const MAX_DEPTH = 200;

class Scanner {
	i = 1;
	constructor(readonly s: string) {}

	byte(): string {
		return this.s.sub(this.i, this.i);
	}

	skipSpace() {
		const [, last] = this.s.find("^[ \t\r\n]*", this.i);
		this.i = (last as number) + 1;
	}
}

/** Thrown inside the scan only; caught by {@link locateJsonError}. */
interface Stop {
	readonly stop: JsonSyntaxError;
}

function stop(offset: number, message: string): never {
	throw { stop: { offset, message } } as Stop;
}

function describeHere(scanner: Scanner): string {
	const c = scanner.byte();
	if (c === "") return "the end of the text";
	return `'${c}'`;
}

function scanString(scanner: Scanner) {
	const start = scanner.i;
	scanner.i += 1; // opening quote
	while (true) {
		const c = scanner.byte();
		if (c === "") stop(start, `this string is never closed with '"'`);
		const [code] = string.byte(c);
		if (c === '"') {
			scanner.i += 1;
			return;
		}
		if (code < 0x20)
			stop(scanner.i, "a raw control character (such as a line break) inside a string; write it as \\n, \\t…");
		if (c === "\\") {
			const escaped = scanner.s.sub(scanner.i + 1, scanner.i + 1);
			if (escaped === "u") {
				const [hex] = scanner.s.match("^%x%x%x%x", scanner.i + 2);
				if (hex === undefined) stop(scanner.i, "\\u must be followed by four hex digits");
				scanner.i += 6;
			} else if (escaped !== "" && '"\\/bfnrt'.find(escaped, 1, true)[0] !== undefined) {
				scanner.i += 2;
			} else {
				stop(scanner.i, `invalid escape "\\${escaped}" in a string`);
			}
		} else {
			scanner.i += 1;
		}
	}
}

function isDigit(s: string, i: number): boolean {
	const c = s.sub(i, i);
	return c !== "" && c >= "0" && c <= "9";
}

function scanNumber(scanner: Scanner) {
	const s = scanner.s;
	let i = scanner.i;
	if (s.sub(i, i) === "-") i += 1;
	if (s.sub(i, i) === "0") {
		i += 1;
		if (isDigit(s, i)) stop(i - 1, "numbers must not start with a 0 followed by digits");
	} else if (isDigit(s, i)) {
		while (isDigit(s, i)) i += 1;
	} else {
		stop(i, "expected a digit in this number");
	}
	if (s.sub(i, i) === ".") {
		i += 1;
		if (!isDigit(s, i)) stop(i, "expected a digit after the decimal point");
		while (isDigit(s, i)) i += 1;
	}
	const e = s.sub(i, i);
	if (e === "e" || e === "E") {
		i += 1;
		const sign = s.sub(i, i);
		if (sign === "+" || sign === "-") i += 1;
		if (!isDigit(s, i)) stop(i, "expected a digit in the exponent");
		while (isDigit(s, i)) i += 1;
	}
	scanner.i = i;
}

function scanValue(scanner: Scanner, depth: number) {
	if (depth > MAX_DEPTH) stop(scanner.i, "nesting is too deep");
	scanner.skipSpace();
	const c = scanner.byte();
	if (c === "{") {
		scanner.i += 1;
		scanner.skipSpace();
		if (scanner.byte() === "}") {
			scanner.i += 1;
			return;
		}
		while (true) {
			scanner.skipSpace();
			if (scanner.byte() !== '"') stop(scanner.i, `expected a '"'-quoted member name, found ${describeHere(scanner)}`);
			scanString(scanner);
			scanner.skipSpace();
			if (scanner.byte() !== ":") stop(scanner.i, `expected ':' after the member name, found ${describeHere(scanner)}`);
			scanner.i += 1;
			scanValue(scanner, depth + 1);
			scanner.skipSpace();
			const after = scanner.byte();
			if (after === "}") {
				scanner.i += 1;
				return;
			}
			if (after !== ",") stop(scanner.i, `expected ',' or '}' after an object member, found ${describeHere(scanner)}`);
			scanner.i += 1;
		}
	}
	if (c === "[") {
		scanner.i += 1;
		scanner.skipSpace();
		if (scanner.byte() === "]") {
			scanner.i += 1;
			return;
		}
		while (true) {
			scanValue(scanner, depth + 1);
			scanner.skipSpace();
			const after = scanner.byte();
			if (after === "]") {
				scanner.i += 1;
				return;
			}
			if (after !== ",") stop(scanner.i, `expected ',' or ']' after an array item, found ${describeHere(scanner)}`);
			scanner.i += 1;
		}
	}
	if (c === '"') return scanString(scanner);
	if (c === "-" || isDigit(c, 1)) return scanNumber(scanner);
	for (const word of ["true", "false", "null"]) {
		if (scanner.s.sub(scanner.i, scanner.i + word.size() - 1) === word) {
			scanner.i += word.size();
			return;
		}
	}
	stop(
		scanner.i,
		`expected a value (object, array, string, number, true, false or null), found ${describeHere(scanner)}`,
	);
}

/** The first syntax error in `text` as JSON, or undefined when `text` is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
	const scanner = new Scanner(text);
	const [ok, thrown] = pcall(() => {
		scanValue(scanner, 0);
		scanner.skipSpace();
		if (scanner.i <= text.size())
			stop(scanner.i, `unexpected ${describeHere(scanner)} after the end of the JSON value`);
	});
	if (ok) return undefined;
	if (typeIs(thrown, "table") && (thrown as Stop).stop !== undefined) return (thrown as Stop).stop;
	throw thrown;
}
