import { describe, expect, it } from "vitest";
import { parseJsonc } from "./json-file.js";
import { formatRustF64, jsonToLuau } from "./json-to-luau.js";

describe("JSON → Luau modules", () => {
	it("matches Rojo's own snapshot byte for byte", () => {
		// rojo-rbx/rojo src/snapshot_middleware/snapshots/…json__test__instance_from_vfs.snap
		const input = `{
			"array": [1, 2, 3],
			"object": { "hello": "world" },
			"true": true,
			"false": false,
			"null": null,
			"int": 1234,
			"float": 1234.5452,
			"1invalidident": "nice"
		}`;
		expect(jsonToLuau(parseJsonc(input, "foo.json"))).toBe(
			'return {\n\t["1invalidident"] = "nice",\n\tarray = {1, 2, 3},\n\t["false"] = false,\n\tfloat = 1234.5452,\n\t' +
				'int = 1234,\n\tnull = nil,\n\tobject = {\n\t\thello = "world",\n\t},\n\t["true"] = true,\n}',
		);
	});

	it("formats nesting, empty tables, arrays of tables and string escapes like Rojo's LuaStream", () => {
		expect(jsonToLuau([])).toBe("return {}");
		expect(jsonToLuau({})).toBe("return {\n}");
		expect(jsonToLuau({ a: {} })).toBe("return {\n\ta = {\n\t},\n}");
		expect(jsonToLuau([{ a: 1 }, [2]])).toBe("return {{\n\ta = 1,\n}, {2}}");
		expect(jsonToLuau('"\r\n\t\\')).toBe('return "\\"\\r\\n\\t\\\\"');
		expect(jsonToLuau({ "with space": 1, é: 2, _ok1: 3 })).toBe('return {\n\t_ok1 = 3,\n\t["with space"] = 1,\n\t["é"] = 2,\n}');
	});

	it("prints numbers like Rust's f64 Display (no exponent)", () => {
		expect([1, 1.5, -0, 1e21, 1.5e-7, 123456789012345680000, -2.5e-10].map(formatRustF64)).toEqual([
			"1", "1.5", "-0", "1000000000000000000000", "0.00000015", "123456789012345680000", "-0.00000000025",
		]);
		expect([NaN, Infinity, -Infinity].map(formatRustF64)).toEqual(["0/0", "math.huge", "-math.huge"]);
	});

	it("reads JSON with comments and trailing commas, and reports syntax errors with a position", () => {
		expect(parseJsonc('{ "a": 1, // note\n "b": [1, 2,], }', "x.json")).toEqual({ a: 1, b: [1, 2] });
		expect(() => parseJsonc('{ "a": }', "x.json")).toThrow(/^x\.json:1:8: invalid JSON/);
		expect(() => parseJsonc("  ", "x.json")).toThrow(/empty/);
	});
});
