/// <reference types="@rbxts/testez/globals" />
import { locateJsonError } from "./locate-json-error";

export = () => {
	const at = (text: string) => {
		const found = locateJsonError(text);
		return found === undefined ? "valid" : `${found.offset}: ${found.message}`;
	};

	it("accepts valid JSON of every kind", () => {
		for (const text of [
			"{}",
			"[]",
			' { "a" : [1, -2.5, 3e10, 0.5E-3, true, false, null, "x\\n\\u00e9\\"" ] , "b": {} } ',
			'"just a string"',
			"0",
			"-0.0",
		]) {
			expect(at(text)).to.equal("valid");
		}
	});

	it("points at a missing comma between members", () => {
		expect(at('{"line": 3 "character": 0}')).to.equal(`12: expected ',' or '}' after an object member, found '"'`);
	});

	it("points at a trailing comma and at unquoted names", () => {
		expect(at('{"a": 1,}')).to.equal(`9: expected a '"'-quoted member name, found '}'`);
		expect(at("{path: 1}")).to.equal(`2: expected a '"'-quoted member name, found 'p'`);
		expect(at("[1, 2,]")).to.equal(
			"7: expected a value (object, array, string, number, true, false or null), found ']'",
		);
	});

	it("finds unclosed strings, raw line breaks and bad escapes", () => {
		expect(at('{"a": "open}')).to.equal(`7: this string is never closed with '"'`);
		expect(at('{"a": "two\nlines"}')).to.equal(
			"11: a raw control character (such as a line break) inside a string; write it as \\n, \\t…",
		);
		expect(at('{"a": "\\q"}')).to.equal('8: invalid escape "\\q" in a string');
		expect(at('{"a": "\\u12"}')).to.equal("8: \\u must be followed by four hex digits");
	});

	it("finds malformed numbers and words", () => {
		expect(at("[01]")).to.equal("2: numbers must not start with a 0 followed by digits");
		expect(at("[1.]")).to.equal("4: expected a digit after the decimal point");
		expect(at("[1e]")).to.equal("4: expected a digit in the exponent");
		expect(at("[-]")).to.equal("3: expected a digit in this number");
		expect(at("[True]")).to.equal(
			"2: expected a value (object, array, string, number, true, false or null), found 'T'",
		);
	});

	it("finds truncated text and text after the value", () => {
		expect(at('{"a": [1, 2')).to.equal("12: expected ',' or ']' after an array item, found the end of the text");
		expect(at("")).to.equal(
			"1: expected a value (object, array, string, number, true, false or null), found the end of the text",
		);
		expect(at('{"a": 1} {"b": 2}')).to.equal("10: unexpected '{' after the end of the JSON value");
	});

	it("stops on absurd nesting instead of overflowing", () => {
		expect(at(string.rep("[", 500))).to.equal("202: nesting is too deep");
	});
};
