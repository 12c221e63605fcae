// Roblox's binary attribute format (the `AttributesSerialize` property) and the null-separated `Tags` format,
// both carried base64-encoded in BinaryString properties of place and model files. Layout as documented by
// rbx-dom (docs/attributes.md) and as Studio writes it: u32 count, then per attribute a u32-length-prefixed
// name, a u8 type id and the value, all little-endian.

import { compareUtf8, type PropValue } from "./tree.js";

const TYPE_STRING = 0x02;
const TYPE_BOOL = 0x03;
const TYPE_FLOAT32 = 0x05;
const TYPE_FLOAT64 = 0x06;
const TYPE_UDIM = 0x09;
const TYPE_UDIM2 = 0x0a;
const TYPE_BRICKCOLOR = 0x0e;
const TYPE_COLOR3 = 0x0f;
const TYPE_VECTOR2 = 0x10;
const TYPE_VECTOR3 = 0x11;
const TYPE_CFRAME = 0x14;
const TYPE_ENUMITEM = 0x15;
const TYPE_NUMBERSEQUENCE = 0x17;
const TYPE_COLORSEQUENCE = 0x19;
const TYPE_NUMBERRANGE = 0x1b;
const TYPE_RECT = 0x1c;
const TYPE_FONT = 0x21;

const FONT_STYLES = ["Normal", "Italic"] as const;

class ByteWriter {
	private chunks: Buffer[] = [];

	u8(value: number): void {
		const b = Buffer.alloc(1);
		b.writeUInt8(value);
		this.chunks.push(b);
	}
	u16(value: number): void {
		const b = Buffer.alloc(2);
		b.writeUInt16LE(value);
		this.chunks.push(b);
	}
	u32(value: number): void {
		const b = Buffer.alloc(4);
		b.writeUInt32LE(value);
		this.chunks.push(b);
	}
	i32(value: number): void {
		const b = Buffer.alloc(4);
		b.writeInt32LE(value);
		this.chunks.push(b);
	}
	f32(value: number): void {
		const b = Buffer.alloc(4);
		b.writeFloatLE(value);
		this.chunks.push(b);
	}
	f64(value: number): void {
		const b = Buffer.alloc(8);
		b.writeDoubleLE(value);
		this.chunks.push(b);
	}
	bytes(value: Buffer): void {
		this.u32(value.length);
		this.chunks.push(value);
	}
	string(value: string): void {
		this.bytes(Buffer.from(value, "utf8"));
	}
	finish(): Buffer {
		return Buffer.concat(this.chunks);
	}
}

class ByteReader {
	private offset = 0;
	constructor(private readonly buffer: Buffer) {}

	get done(): boolean {
		return this.offset >= this.buffer.length;
	}
	private take(size: number, what: string): number {
		if (this.offset + size > this.buffer.length) {
			throw new Error(`attribute data ends in the middle of ${what} (offset ${this.offset})`);
		}
		const at = this.offset;
		this.offset += size;
		return at;
	}
	u8(what: string): number {
		return this.buffer.readUInt8(this.take(1, what));
	}
	u16(what: string): number {
		return this.buffer.readUInt16LE(this.take(2, what));
	}
	u32(what: string): number {
		return this.buffer.readUInt32LE(this.take(4, what));
	}
	i32(what: string): number {
		return this.buffer.readInt32LE(this.take(4, what));
	}
	f32(what: string): number {
		return this.buffer.readFloatLE(this.take(4, what));
	}
	f64(what: string): number {
		return this.buffer.readDoubleLE(this.take(8, what));
	}
	bytes(what: string): Buffer {
		const size = this.u32(`${what} length`);
		const at = this.take(size, what);
		return this.buffer.subarray(at, at + size);
	}
	f32s(count: number, what: string): number[] {
		const out: number[] = [];
		for (let i = 0; i < count; i++) out.push(this.f32(what));
		return out;
	}
}

// Axis-aligned rotations are stored as one id instead of nine floats. The id packs the normal ids of the right
// and up vectors (matrix columns): id = 6 * right + up + 1, normal ids being +X +Y +Z -X -Y -Z = 0..5.
function normalVector(id: number): [number, number, number] {
	return [id === 0 ? 1 : id === 3 ? -1 : 0, id === 1 ? 1 : id === 4 ? -1 : 0, id === 2 ? 1 : id === 5 ? -1 : 0];
}

function normalId(v: readonly number[]): number | undefined {
	const nonZero = v.filter((c) => c !== 0);
	if (nonZero.length !== 1 || Math.abs(nonZero[0]) !== 1) return undefined;
	const axis = v.findIndex((c) => c !== 0);
	return nonZero[0] > 0 ? axis : axis + 3;
}

function cross(a: readonly number[], b: readonly number[]): number[] {
	return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Returns the row-major 3x3 rotation for a basic rotation id, or undefined for an invalid id. */
export function rotationFromId(id: number): number[] | undefined {
	const raw = id - 1;
	if (raw < 0 || raw >= 36) return undefined;
	const rightId = Math.floor(raw / 6);
	const upId = raw % 6;
	if (rightId % 3 === upId % 3) return undefined;
	const right = normalVector(rightId);
	const up = normalVector(upId);
	const back = cross(right, up).map((c) => c + 0); // + 0 turns -0 into 0
	return [right[0], up[0], back[0], right[1], up[1], back[1], right[2], up[2], back[2]];
}

/** Returns the basic rotation id of a row-major rotation, or 0 when it is not exactly axis-aligned. */
export function rotationToId(m: readonly number[]): number {
	const right = [m[0], m[3], m[6]];
	const up = [m[1], m[4], m[7]];
	const rightId = normalId(right);
	const upId = normalId(up);
	if (rightId === undefined || upId === undefined) return 0;
	const id = 6 * rightId + upId + 1;
	const expected = rotationFromId(id);
	if (expected === undefined) return 0;
	return expected.every((c, i) => c === m[i]) ? id : 0;
}

function writeValue(w: ByteWriter, name: string, value: PropValue): void {
	const fail = (why: string): never => {
		throw new Error(`attribute "${name}": ${why}`);
	};
	switch (value.type) {
		case "string":
			w.u8(TYPE_STRING);
			w.string(value.value);
			return;
		case "BinaryString":
			w.u8(TYPE_STRING);
			w.bytes(Buffer.from(value.value, "base64"));
			return;
		case "bool":
			w.u8(TYPE_BOOL);
			w.u8(value.value ? 1 : 0);
			return;
		case "float":
			w.u8(TYPE_FLOAT32);
			w.f32(value.value);
			return;
		// Roblox stores every number attribute as a double; ints have no type of their own.
		case "double":
		case "int":
		case "int64":
			w.u8(TYPE_FLOAT64);
			w.f64(value.value);
			return;
		case "UDim":
			w.u8(TYPE_UDIM);
			w.f32(value.value[0]);
			w.i32(value.value[1]);
			return;
		case "UDim2":
			w.u8(TYPE_UDIM2);
			w.f32(value.value[0]);
			w.i32(value.value[1]);
			w.f32(value.value[2]);
			w.i32(value.value[3]);
			return;
		case "BrickColor":
			w.u8(TYPE_BRICKCOLOR);
			w.u32(value.value);
			return;
		case "Color3":
			w.u8(TYPE_COLOR3);
			value.value.forEach((c) => w.f32(c));
			return;
		case "Vector2":
			w.u8(TYPE_VECTOR2);
			value.value.forEach((c) => w.f32(c));
			return;
		case "Vector3":
			w.u8(TYPE_VECTOR3);
			value.value.forEach((c) => w.f32(c));
			return;
		case "CFrame": {
			w.u8(TYPE_CFRAME);
			const [x, y, z, ...rotation] = value.value;
			w.f32(x);
			w.f32(y);
			w.f32(z);
			const id = rotationToId(rotation);
			w.u8(id);
			if (id === 0) rotation.forEach((c) => w.f32(c));
			return;
		}
		case "token":
			if (value.enum === undefined) fail("an enum attribute needs its enum name (token.enum)");
			w.u8(TYPE_ENUMITEM);
			w.string(value.enum as string);
			w.u32(value.value);
			return;
		case "NumberSequence":
			w.u8(TYPE_NUMBERSEQUENCE);
			w.u32(value.value.length);
			for (const [time, v, envelope] of value.value) {
				w.f32(envelope);
				w.f32(time);
				w.f32(v);
			}
			return;
		case "ColorSequence":
			w.u8(TYPE_COLORSEQUENCE);
			w.u32(value.value.length);
			for (const [time, r, g, b] of value.value) {
				w.f32(0); // ColorSequence keypoints have an always-zero envelope slot
				w.f32(time);
				w.f32(r);
				w.f32(g);
				w.f32(b);
			}
			return;
		case "NumberRange":
			w.u8(TYPE_NUMBERRANGE);
			value.value.forEach((c) => w.f32(c));
			return;
		case "Rect":
			w.u8(TYPE_RECT);
			value.value.forEach((c) => w.f32(c));
			return;
		case "Font":
			w.u8(TYPE_FONT);
			w.u16(value.value.weight);
			w.u8(FONT_STYLES.indexOf(value.value.style));
			w.string(value.value.family);
			w.string(""); // CachedFaceId: Studio fills it in on load
			return;
		default:
			fail(`type ${value.type} cannot be stored as an attribute`);
	}
}

/**
 * Encodes attributes into the AttributesSerialize bytes. Names are written in UTF-8 byte order, so the output
 * depends only on the map's content.
 */
export function encodeAttributes(attributes: Readonly<Record<string, PropValue>>): Buffer {
	const w = new ByteWriter();
	const names = Object.keys(attributes).sort(compareUtf8);
	w.u32(names.length);
	for (const name of names) {
		w.string(name);
		writeValue(w, name, attributes[name]);
	}
	return w.finish();
}

function readValue(r: ByteReader, typeId: number): PropValue {
	switch (typeId) {
		case TYPE_STRING: {
			const bytes = r.bytes("string");
			const text = bytes.toString("utf8");
			// Attribute strings may hold arbitrary bytes; keep them exact when they are not UTF-8.
			return Buffer.from(text, "utf8").equals(bytes)
				? { type: "string", value: text }
				: { type: "BinaryString", value: bytes.toString("base64") };
		}
		case TYPE_BOOL:
			return { type: "bool", value: r.u8("bool") !== 0 };
		case TYPE_FLOAT32:
			return { type: "float", value: r.f32("float") };
		case TYPE_FLOAT64:
			return { type: "double", value: r.f64("double") };
		case TYPE_UDIM:
			return { type: "UDim", value: [r.f32("UDim scale"), r.i32("UDim offset")] };
		case TYPE_UDIM2:
			return {
				type: "UDim2",
				value: [r.f32("UDim2 X scale"), r.i32("UDim2 X offset"), r.f32("UDim2 Y scale"), r.i32("UDim2 Y offset")],
			};
		case TYPE_BRICKCOLOR:
			return { type: "BrickColor", value: r.u32("BrickColor") };
		case TYPE_COLOR3:
			return { type: "Color3", value: r.f32s(3, "Color3") };
		case TYPE_VECTOR2:
			return { type: "Vector2", value: r.f32s(2, "Vector2") };
		case TYPE_VECTOR3:
			return { type: "Vector3", value: r.f32s(3, "Vector3") };
		case TYPE_CFRAME: {
			const position = r.f32s(3, "CFrame position");
			const id = r.u8("CFrame rotation id");
			const rotation = id === 0 ? r.f32s(9, "CFrame rotation") : rotationFromId(id);
			if (rotation === undefined) throw new Error(`invalid CFrame rotation id ${id}`);
			return { type: "CFrame", value: [...position, ...rotation] };
		}
		case TYPE_ENUMITEM: {
			const enumName = r.bytes("EnumItem enum name").toString("utf8");
			return { type: "token", value: r.u32("EnumItem value"), enum: enumName };
		}
		case TYPE_NUMBERSEQUENCE: {
			const count = r.u32("NumberSequence length");
			const keypoints: [number, number, number][] = [];
			for (let i = 0; i < count; i++) {
				const envelope = r.f32("NumberSequence envelope");
				const time = r.f32("NumberSequence time");
				keypoints.push([time, r.f32("NumberSequence value"), envelope]);
			}
			return { type: "NumberSequence", value: keypoints };
		}
		case TYPE_COLORSEQUENCE: {
			const count = r.u32("ColorSequence length");
			const keypoints: [number, number, number, number][] = [];
			for (let i = 0; i < count; i++) {
				r.f32("ColorSequence envelope");
				const time = r.f32("ColorSequence time");
				const [cr, cg, cb] = r.f32s(3, "ColorSequence color");
				keypoints.push([time, cr, cg, cb]);
			}
			return { type: "ColorSequence", value: keypoints };
		}
		case TYPE_NUMBERRANGE:
			return { type: "NumberRange", value: r.f32s(2, "NumberRange") };
		case TYPE_RECT:
			return { type: "Rect", value: r.f32s(4, "Rect") };
		case TYPE_FONT: {
			const weight = r.u16("Font weight");
			const style = FONT_STYLES[r.u8("Font style")] ?? "Normal";
			const family = r.bytes("Font family").toString("utf8");
			r.bytes("Font cached face id");
			return { type: "Font", value: { family, weight, style } };
		}
		default:
			throw new Error(`unknown attribute type id 0x${typeId.toString(16).padStart(2, "0")}`);
	}
}

/** Decodes AttributesSerialize bytes. Throws on malformed or unknown data (the caller decides how to degrade). */
export function decodeAttributes(bytes: Buffer): Record<string, PropValue> {
	const out: Record<string, PropValue> = {};
	if (bytes.length === 0) return out;
	const r = new ByteReader(bytes);
	const count = r.u32("attribute count");
	for (let i = 0; i < count; i++) {
		const name = r.bytes("attribute name").toString("utf8");
		out[name] = readValue(r, r.u8(`type of attribute "${name}"`));
	}
	return out;
}

/** Encodes tags the way Studio stores them: UTF-8 names joined by NUL bytes, no trailing NUL. */
export function encodeTags(tags: readonly string[]): Buffer {
	for (const tag of tags) {
		if (tag.includes("\0")) throw new Error(`tag ${JSON.stringify(tag)} contains a NUL character`);
	}
	return Buffer.from(tags.join("\0"), "utf8");
}

/** Decodes the Tags property bytes. */
export function decodeTags(bytes: Buffer): string[] {
	if (bytes.length === 0) return [];
	return bytes
		.toString("utf8")
		.split("\0")
		.filter((tag) => tag !== "");
}
