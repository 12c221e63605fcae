import { describe, expect, it } from "vitest";
import { decodeAttributes, decodeTags, encodeAttributes, encodeTags, rotationFromId, rotationToId } from "./attributes.js";
import type { PropValue } from "./tree.js";

const hex = (bytes: Buffer): string => bytes.toString("hex").replace(/(..)/g, "$1 ").trim();

/** Encodes one attribute and returns only its value bytes (after count, name and type id). */
function valueBytes(value: PropValue): { typeId: number; bytes: string } {
	const encoded = encodeAttributes({ a: value });
	// u32 count (4) + u32 name length (4) + "a" (1), then the type id
	return { typeId: encoded[9], bytes: hex(encoded.subarray(10)) };
}

describe("attribute binary format", () => {
	it("matches the documented byte layouts", () => {
		// Examples from rbx-dom's docs/attributes.md.
		expect(valueBytes({ type: "Vector3", value: [10, 20, 30] })).toEqual({ typeId: 0x11, bytes: "00 00 20 41 00 00 a0 41 00 00 f0 41" });
		expect(valueBytes({ type: "Vector2", value: [10, 20] })).toEqual({ typeId: 0x10, bytes: "00 00 20 41 00 00 a0 41" });
		expect(valueBytes({ type: "UDim", value: [123, 456] })).toEqual({ typeId: 0x09, bytes: "00 00 f6 42 c8 01 00 00" });
		expect(valueBytes({ type: "UDim2", value: [1, 2, 3, 4] })).toEqual({
			typeId: 0x0a,
			bytes: "00 00 80 3f 02 00 00 00 00 00 40 40 04 00 00 00",
		});
		expect(valueBytes({ type: "NumberRange", value: [5, 10] }).bytes).toBe("00 00 a0 40 00 00 20 41");
		expect(valueBytes({ type: "Rect", value: [10, 20, 30, 40] }).bytes).toBe("00 00 20 41 00 00 a0 41 00 00 f0 41 00 00 20 42");
		// CFrame.new(1, 2, 3): axis-aligned, so a rotation id (0x02 = identity) instead of nine floats.
		expect(valueBytes({ type: "CFrame", value: [1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1] })).toEqual({
			typeId: 0x14,
			bytes: "00 00 80 3f 00 00 00 40 00 00 40 40 02",
		});
		expect(valueBytes({ type: "double", value: 1 })).toEqual({ typeId: 0x06, bytes: "00 00 00 00 00 00 f0 3f" });
		expect(valueBytes({ type: "bool", value: true })).toEqual({ typeId: 0x03, bytes: "01" });
		expect(valueBytes({ type: "string", value: "hi" })).toEqual({ typeId: 0x02, bytes: "02 00 00 00 68 69" });
		expect(valueBytes({ type: "ColorSequence", value: [[0, 1, 0, 0]] }).typeId).toBe(0x19);
		expect(valueBytes({ type: "Font", value: { family: "x", weight: 400, style: "Italic" } })).toEqual({
			typeId: 0x21,
			bytes: "90 01 01 01 00 00 00 78 00 00 00 00",
		});
	});

	it("writes the attribute count and names in byte order", () => {
		const encoded = encodeAttributes({ b: { type: "bool", value: false }, a: { type: "bool", value: true } });
		expect(hex(encoded)).toBe("02 00 00 00 01 00 00 00 61 03 01 01 00 00 00 62 03 00");
	});

	it("round-trips every supported type", () => {
		const attributes: Record<string, PropValue> = {
			Str: { type: "string", value: "héllo" },
			Bool: { type: "bool", value: true },
			Float: { type: "float", value: 0.5 },
			Double: { type: "double", value: 0.1 },
			UDim: { type: "UDim", value: [0.5, -3] },
			UDim2: { type: "UDim2", value: [0.25, 10, 0.75, -20] },
			Brick: { type: "BrickColor", value: 194 },
			Color: { type: "Color3", value: [1, 0.5, 0] },
			V2: { type: "Vector2", value: [1.5, -2] },
			V3: { type: "Vector3", value: [1, 2, 3] },
			Axis: { type: "CFrame", value: [1, 2, 3, 0, 0, 1, 0, 1, 0, -1, 0, 0] },
			Free: { type: "CFrame", value: [0, 0, 0, 0.5, 0.25, 0.125, 0, 1, 0, 0, 0, 1] },
			Item: { type: "token", value: 3, enum: "RunContext" },
			NumSeq: { type: "NumberSequence", value: [[0, 1, 0], [1, 0.5, 0.25]] },
			ColSeq: { type: "ColorSequence", value: [[0, 1, 0, 0], [1, 0, 0, 1]] },
			Range: { type: "NumberRange", value: [-1, 1] },
			Rect: { type: "Rect", value: [0, 0, 16, 8] },
			Font: { type: "Font", value: { family: "rbxasset://fonts/families/SourceSansPro.json", weight: 700, style: "Normal" } },
		};
		expect(decodeAttributes(encodeAttributes(attributes))).toEqual(attributes);
	});

	it("stores ints as doubles and non-UTF-8 strings as BinaryString", () => {
		expect(decodeAttributes(encodeAttributes({ n: { type: "int", value: 7 } }))).toEqual({ n: { type: "double", value: 7 } });
		const raw = Buffer.from([0xff, 0x00, 0x41]).toString("base64");
		expect(decodeAttributes(encodeAttributes({ b: { type: "BinaryString", value: raw } }))).toEqual({
			b: { type: "BinaryString", value: raw },
		});
	});

	it("rejects types attributes cannot hold and truncated data", () => {
		expect(() => encodeAttributes({ r: { type: "Ref", value: null } })).toThrow(/attribute "r".*cannot be stored/);
		expect(() => encodeAttributes({ e: { type: "token", value: 1 } })).toThrow(/enum name/);
		const good = encodeAttributes({ v: { type: "Vector3", value: [1, 2, 3] } });
		expect(() => decodeAttributes(good.subarray(0, good.length - 2))).toThrow(/ends in the middle/);
		expect(() => decodeAttributes(Buffer.from("0100000001000000617f", "hex"))).toThrow(/unknown attribute type id 0x7f/);
		expect(decodeAttributes(Buffer.alloc(0))).toEqual({});
	});

	it("maps all 24 axis-aligned rotations to ids and back", () => {
		let count = 0;
		for (let id = 0; id < 40; id++) {
			const rotation = rotationFromId(id);
			if (rotation === undefined) continue;
			count++;
			expect(rotationToId(rotation)).toBe(id);
		}
		expect(count).toBe(24);
		// Documented ids: 0x03 is a 90° turn about X.
		expect(rotationFromId(0x03)).toEqual([1, 0, 0, 0, 0, -1, 0, 1, 0]);
		expect(rotationToId([0.6, 0.8, 0, -0.8, 0.6, 0, 0, 0, 1])).toBe(0);
	});
});

describe("tags format", () => {
	it("joins with NUL, no trailing separator", () => {
		expect(encodeTags(["a", "bc"]).toString("hex")).toBe("61006263");
		expect(decodeTags(Buffer.from("a\0bc"))).toEqual(["a", "bc"]);
		expect(decodeTags(Buffer.alloc(0))).toEqual([]);
		expect(() => encodeTags(["a\0b"])).toThrow(/NUL/);
	});
});
