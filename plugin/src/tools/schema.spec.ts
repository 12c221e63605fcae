/// <reference types="@rbxts/testez/globals" />
import { encodeJson } from "../net/json";
import { WIRE_LIST_KEYS } from "../net/wire-types";
import * as s from "./schema";

/** The message of a failed check (or "ok" when it passed). */
function messageOf<T>(result: s.CheckResult<T>): string {
	return result.ok ? "ok" : result.message;
}

export = () => {
	describe("text", () => {
		it("emits a string schema with its bounds and description", () => {
			const json = s.text({ description: "A name.", minLength: 1, maxLength: 100 }).toJsonSchema();
			expect(json.type).to.equal("string");
			expect(json.description).to.equal("A name.");
			expect(json.minLength).to.equal(1);
			expect(json.maxLength).to.equal(100);
			expect(json.enum).to.equal(undefined);
		});

		it("emits an enumeration", () => {
			const json = s.text({ description: "A side.", enum: ["left", "right"] }).toJsonSchema();
			const values = json.enum as Array<string>;
			expect(values.size()).to.equal(2);
			expect(values[0]).to.equal("left");
			expect(values[1]).to.equal("right");
		});

		it("accepts strings within bounds, counting characters rather than bytes", () => {
			const name = s.text({ description: "d", minLength: 1, maxLength: 3 });
			expect(messageOf(name.validate("abc", "name"))).to.equal("ok");
			expect(messageOf(name.validate("日本語", "name"))).to.equal("ok");
		});

		it("rejects wrong types and lengths naming the field", () => {
			const name = s.text({ description: "d", minLength: 1, maxLength: 3 });
			expect(messageOf(name.validate(3, "name"))).to.equal("name: expected a string of 1–3 characters, got 3");
			expect(messageOf(name.validate("", "name"))).to.equal(
				"name: expected a string of 1–3 characters, got an empty string",
			);
			expect(messageOf(name.validate("abcd", "name"))).to.equal(
				"name: expected a string of 1–3 characters, got 4 characters",
			);
			expect(messageOf(s.text({ description: "d", minLength: 1 }).validate("", "q"))).to.equal(
				"q: expected a non-empty string, got an empty string",
			);
		});

		it("rejects values outside the enumeration", () => {
			const side = s.text({ description: "d", enum: ["left", "right"] });
			expect(messageOf(side.validate("right", "side"))).to.equal("ok");
			expect(messageOf(side.validate("up", "side"))).to.equal('side: expected one of "left", "right", got "up"');
		});

		it("quotes long received strings only in part", () => {
			const message = messageOf(s.integer({ description: "d" }).validate(string.rep("x", 100), "n"));
			expect(message).to.equal(`n: expected an integer, got "${string.rep("x", 40)}…"`);
		});
	});

	describe("integer and number", () => {
		it("emit their type and bounds", () => {
			const int = s.integer({ description: "Depth.", min: 1, max: 5 }).toJsonSchema();
			expect(int.type).to.equal("integer");
			expect(int.minimum).to.equal(1);
			expect(int.maximum).to.equal(5);
			const num = s.number({ description: "Scale.", min: 0 }).toJsonSchema();
			expect(num.type).to.equal("number");
			expect(num.minimum).to.equal(0);
			expect(num.maximum).to.equal(undefined);
		});

		it("accept values within bounds", () => {
			expect(messageOf(s.integer({ description: "d", min: 0 }).validate(0, "line"))).to.equal("ok");
			expect(messageOf(s.number({ description: "d", min: 0, max: 1 }).validate(0.5, "alpha"))).to.equal("ok");
		});

		it("reject fractions, out-of-range values and other types with the expected range", () => {
			const line = s.integer({ description: "d", min: 0 });
			expect(messageOf(line.validate(-1, "line"))).to.equal("line: expected an integer ≥ 0, got -1");
			expect(messageOf(line.validate(1.5, "line"))).to.equal("line: expected an integer ≥ 0, got 1.5");
			expect(messageOf(line.validate("3", "line"))).to.equal('line: expected an integer ≥ 0, got "3"');
			expect(messageOf(line.validate(math.huge, "line"))).to.equal("line: expected an integer ≥ 0, got inf");
			const depth = s.integer({ description: "d", min: 1, max: 5 });
			expect(messageOf(depth.validate(6, "depth"))).to.equal("depth: expected an integer from 1 to 5, got 6");
			expect(messageOf(s.number({ description: "d", max: 1 }).validate(2, "a"))).to.equal(
				"a: expected a number ≤ 1, got 2",
			);
			expect(
				messageOf(s.number({ description: "d" }).validate(0 / 0, "a")).find("a: expected a number, got", 1, true)[0],
			).to.equal(1);
		});
	});

	describe("boolean", () => {
		it("emits a boolean schema and accepts only booleans", () => {
			const flag = s.boolean({ description: "Whether." });
			expect(flag.toJsonSchema().type).to.equal("boolean");
			expect(messageOf(flag.validate(false, "pattern"))).to.equal("ok");
			expect(messageOf(flag.validate("true", "pattern"))).to.equal('pattern: expected true or false, got "true"');
		});
	});

	describe("literals", () => {
		it("emits an enum typed by its values", () => {
			const strings = s.literals(["Script", "LocalScript"], { description: "Class." }).toJsonSchema();
			expect(strings.type).to.equal("string");
			expect((strings.enum as Array<string>)[1]).to.equal("LocalScript");
			expect(s.literals([1, 2], { description: "d" }).toJsonSchema().type).to.equal("number");
			expect(s.literals(["a", 1], { description: "d" }).toJsonSchema().type).to.equal(undefined);
		});

		it("accepts a listed value and names the choices otherwise", () => {
			const className = s.literals(["Script", "LocalScript", "ModuleScript"], { description: "d" });
			expect(messageOf(className.validate("ModuleScript", "className"))).to.equal("ok");
			expect(messageOf(className.validate("Part", "className"))).to.equal(
				'className: expected one of "Script", "LocalScript", "ModuleScript", got "Part"',
			);
		});
	});

	describe("array", () => {
		const position = s.object(
			{
				line: s.integer({ description: "Zero-based line.", min: 0 }),
				character: s.integer({ description: "Zero-based character.", min: 0 }),
			},
			{ description: "A position." },
		);
		const edits = s.array(
			s.object({ start: position, newText: s.text({ description: "Text." }) }, { description: "An edit." }),
			{
				description: "Edits.",
				minItems: 1,
				maxItems: 3,
			},
		);

		it("emits items and bounds", () => {
			const json = edits.toJsonSchema();
			expect(json.type).to.equal("array");
			expect(json.minItems).to.equal(1);
			expect(json.maxItems).to.equal(3);
			expect((json.items as Record<string, unknown>).type).to.equal("object");
		});

		it("accepts a well-formed list (and an empty table where an empty array is allowed)", () => {
			const ok = edits.validate([{ start: { line: 0, character: 2 }, newText: "x" }], "edits");
			expect(messageOf(ok)).to.equal("ok");
			expect(messageOf(s.array(s.integer({ description: "d" }), { description: "d" }).validate({}, "xs"))).to.equal(
				"ok",
			);
		});

		it("names the item path of a nested failure, zero-based", () => {
			const bad = edits.validate(
				[
					{ start: { line: 0, character: 0 }, newText: "" },
					{ start: { line: 1, character: 0 }, newText: "" },
					{ start: { line: -1, character: 0 }, newText: "" },
				],
				"edits",
			);
			expect(messageOf(bad)).to.equal("edits[2].start.line: expected an integer ≥ 0, got -1");
		});

		it("rejects objects, and item counts outside the bounds", () => {
			expect(messageOf(edits.validate({ a: 1 }, "edits"))).to.equal(
				"edits: expected an array of 1–3 items, got an object",
			);
			expect(messageOf(edits.validate([], "edits"))).to.equal("edits: expected an array of 1–3 items, got 0 items");
			const four = [1, 2, 3, 4].map(() => ({ start: { line: 0, character: 0 }, newText: "" }));
			expect(messageOf(edits.validate(four, "edits"))).to.equal("edits: expected an array of 1–3 items, got 4 items");
		});
	});

	describe("record and json", () => {
		const properties = s.record(s.json({ description: "A value." }), { description: "Properties.", minEntries: 1 });

		it("emits an open object whose values follow the value schema", () => {
			const json = properties.toJsonSchema();
			expect(json.type).to.equal("object");
			expect(json.minProperties).to.equal(1);
			expect((json.additionalProperties as Record<string, unknown>).description).to.equal("A value.");
		});

		it("accepts any JSON values under string keys", () => {
			const checked = properties.validate(
				{ Anchored: true, Size: [4, 1, 2], Color: "#ff0000", CFrame: { position: [0, 1, 0] } },
				"properties",
			);
			expect(messageOf(checked)).to.equal("ok");
			if (checked.ok) expect((checked.value.Size as Array<number>)[2]).to.equal(2);
		});

		it("rejects arrays, empty objects below the minimum, and non-JSON values", () => {
			expect(messageOf(properties.validate([1, 2], "properties"))).to.equal(
				"properties: expected an object of at least 1 entries, got an array",
			);
			expect(messageOf(properties.validate({}, "properties"))).to.equal(
				"properties: expected an object of at least 1 entries, got 0 entries",
			);
			expect(messageOf(properties.validate({ Size: new Vector3(1, 2, 3) }, "properties"))).to.equal(
				"properties.Size: expected a JSON value, got a Vector3",
			);
		});
	});

	describe("object", () => {
		const args = s.object(
			{
				path: s.text({ description: "Instance path.", minLength: 1 }),
				depth: s.optional(s.integer({ description: "Levels.", min: 1, max: 5 })),
			},
			{ description: "Arguments." },
		);

		it("emits properties, required fields and additionalProperties false", () => {
			const json = args.toJsonSchema();
			expect(json.type).to.equal("object");
			expect(json.additionalProperties).to.equal(false);
			const properties = json.properties as Record<string, Record<string, unknown>>;
			expect(properties.path.type).to.equal("string");
			expect(properties.depth.type).to.equal("integer");
			const required = json.required as Array<string>;
			expect(required.size()).to.equal(1);
			expect(required[0]).to.equal("path");
		});

		it("keeps an empty properties object when it has no fields, and the wire encoder sends it as {}", () => {
			const json = s.object({}, { description: "No arguments." }).toJsonSchema();
			expect(next(json.properties as object)[0]).to.equal(undefined);
			expect(json.required).to.equal(undefined);
			const encoded = encodeJson(json, { emptyArrayKeys: WIRE_LIST_KEYS });
			expect(encoded.ok && encoded.text).to.equal(
				'{"additionalProperties":false,"description":"No arguments.","properties":{},"type":"object"}',
			);
		});

		it("accepts required fields with or without the optional ones", () => {
			const full = args.check({ path: "Workspace", depth: 2 });
			expect(messageOf(full)).to.equal("ok");
			if (full.ok) {
				expect(full.value.path).to.equal("Workspace");
				expect(full.value.depth).to.equal(2);
			}
			const bare = args.check({ path: "Workspace" });
			expect(messageOf(bare)).to.equal("ok");
			if (bare.ok) expect(bare.value.depth).to.equal(undefined);
		});

		it("reports a missing field, an unknown field and a bad value together", () => {
			expect(messageOf(args.check({ depth: 9, colour: 1 }))).to.equal(
				"colour: unknown field; the fields are depth, path; depth: expected an integer from 1 to 5, got 9; path: missing; expected a non-empty string",
			);
		});

		it("says when the arguments are not an object at all", () => {
			expect(messageOf(args.check("Workspace"))).to.equal('arguments: expected an object, got "Workspace"');
			expect(messageOf(args.check([1]))).to.equal("arguments: expected an object, got an array");
			expect(messageOf(s.object({}, { description: "d" }).check({ x: 1 }))).to.equal(
				"x: unknown field; this takes no fields",
			);
		});

		it("caps the number of problems reported", () => {
			const many = s.array(s.integer({ description: "d" }), { description: "d" });
			const message = messageOf(many.validate(["a", "b", "c", "d", "e", "f", "g"], "xs"));
			expect(message.split("; ").size()).to.equal(5);
		});

		it("lists fields alphabetically and marks the shape of nested objects", () => {
			expect(args.fields.join(",")).to.equal("depth,path");
			expect(args.required.join(",")).to.equal("path");
		});
	});
};
