/// <reference types="@rbxts/testez/globals" />
import { decodeJson, encodeJson } from "./json";

export = () => {
	const encoded = (value: unknown, emptyArrayKeys?: ReadonlySet<string>) => {
		const result = encodeJson(value, { emptyArrayKeys });
		if (!result.ok) throw result.message;
		return result.text;
	};
	const encodeError = (value: unknown) => {
		const result = encodeJson(value);
		return result.ok ? "encoded" : result.message;
	};
	const decoded = (text: string) => {
		const result = decodeJson(text);
		if (!result.ok) throw result.message;
		return result.value;
	};
	const decodeError = (text: string) => {
		const result = decodeJson(text);
		return result.ok ? "decoded" : result.message;
	};

	describe("encodeJson", () => {
		it("writes scalars, lists and objects with sorted keys", () => {
			expect(encoded(true)).to.equal("true");
			expect(encoded(undefined)).to.equal("null");
			expect(encoded(42)).to.equal("42");
			expect(encoded(-0.5)).to.equal("-0.5");
			expect(encoded(0.1)).to.equal("0.1");
			expect(encoded(1 / 3)).to.equal("0.33333333333333331");
			expect(encoded(1e300)).to.equal("1e+300");
			expect(encoded([1, "two", false])).to.equal('[1,"two",false]');
			expect(encoded({ b: 1, a: { c: [] as unknown[] } })).to.equal('{"a":{"c":{}},"b":1}');
		});

		it("writes an empty table as {} unless its key names a list", () => {
			const tool = { parameters: { type: "object", properties: {}, required: [] as string[] } };
			expect(encoded(tool, new Set(["required"]))).to.equal(
				'{"parameters":{"properties":{},"required":[],"type":"object"}}',
			);
		});

		it("escapes quotes, backslashes and control characters and keeps UTF-8 as is", () => {
			expect(encoded('say "hi"\\\n\t' + string.char(1) + string.char(127) + "é🙂")).to.equal(
				'"say \\"hi\\"\\\\\\n\\t\\u0001\\u007fé🙂"',
			);
		});

		it("round-trips through decodeJson", () => {
			const value = { text: 'a\r\nb"c', list: [1, 2.5, -3e-7], nested: { deep: [{ x: true }] } };
			const again = decoded(encoded(value)) as typeof value;
			expect(again.text).to.equal(value.text);
			expect(again.list[2]).to.equal(-3e-7);
			expect(again.nested.deep[0].x).to.equal(true);
		});

		it("refuses what JSON cannot hold, naming where it is", () => {
			expect(encodeError({ a: { b: 0 / 0 } })).to.equal("a.b: nan has no JSON form");
			expect(encodeError({ list: [1, math.huge] })).to.equal("list[1]: inf has no JSON form");
			const mixed = [1, 2] as unknown as Record<string, unknown>;
			mixed.x = 3;
			expect(encodeError({ mixed })).to.equal('mixed: a table mixes list items with the key "x"');
			const sparse = [] as unknown[];
			sparse[0] = 1;
			sparse[2] = 3;
			expect(encodeError(sparse)).to.equal("the value: a list has holes (2 items, highest index 3)");
			const cyclic: Record<string, unknown> = {};
			cyclic.self = cyclic;
			expect(encodeError(cyclic)).to.equal("self: the table contains itself");
			expect(encodeError({ f: () => 1 })).to.equal("f: a function has no JSON form");
		});
	});

	describe("decodeJson", () => {
		it("reads objects, lists, strings, numbers, booleans and null", () => {
			const value = decoded(' {"a": [1, -2.5e2, 0.25, true, false], "s": "x", "n": null, "o": {}} ') as {
				a: unknown[];
				s: string;
				n: undefined;
				o: object;
			};
			expect(value.a[0]).to.equal(1);
			expect(value.a[1]).to.equal(-250);
			expect(value.a[2]).to.equal(0.25);
			expect(value.a[3]).to.equal(true);
			expect(value.a[4]).to.equal(false);
			expect(value.s).to.equal("x");
			expect(value.n).to.equal(undefined);
			expect(typeIs(value.o, "table")).to.equal(true);
		});

		it("decodes escapes, surrogate pairs and lone surrogates", () => {
			expect(decoded('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude42"')).to.equal('"\\/\b\f\n\r\té🙂');
			expect(decoded('"\\ud800x"')).to.equal("\u{fffd}x");
			expect(decoded('"' + string.char(127) + '"')).to.equal(string.char(127));
		});

		it("keeps list positions when an item is null", () => {
			const list = decoded("[1,null,3]") as Array<number | undefined>;
			expect(list[0]).to.equal(1);
			expect(list[1]).to.equal(undefined);
			expect(list[2]).to.equal(3);
		});

		it("returns errors with the byte offset instead of throwing", () => {
			expect(decodeError("")).to.equal("invalid JSON at byte 1: unexpected end of text");
			expect(decodeError('{"a":1,}')).to.equal("invalid JSON at byte 8: expected a string key");
			expect(decodeError('{"a" 1}')).to.equal('invalid JSON at byte 6: expected ":" after the key "a"');
			expect(decodeError("[1 2]")).to.equal('invalid JSON at byte 4: expected "," or "]" after a list item');
			expect(decodeError('"abc')).to.equal("invalid JSON at byte 2: unterminated string");
			expect(decodeError('"a\nb"')).to.equal("invalid JSON at byte 3: control characters must be escaped inside strings");
			expect(decodeError('"\\x"')).to.equal('invalid JSON at byte 2: unknown escape "\\x"');
			expect(decodeError("01")).to.equal("invalid JSON at byte 1: numbers cannot have leading zeros");
			expect(decodeError("1.")).to.equal("invalid JSON at byte 2: a decimal point needs digits after it");
			expect(decodeError("tru")).to.equal('invalid JSON at byte 1: unexpected "t"');
			expect(decodeError("{} x")).to.equal('invalid JSON at byte 4: unexpected "x" after the value');
			expect(decodeError("NaN")).to.equal('invalid JSON at byte 1: unexpected "N"');
		});

		it("refuses nesting past its depth limit", () => {
			expect(decodeError(string.rep("[", 300) + string.rep("]", 300))).to.equal(
				"invalid JSON at byte 202: nested deeper than 200 levels",
			);
		});
	});
};
