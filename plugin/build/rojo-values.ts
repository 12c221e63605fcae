// Turns property and attribute values written in Rojo project / meta / model JSON into IR values, following
// Rojo 7's rules (src/resolution.rs): a one-key object naming a type is the explicit form ({"Vector3": [1,2,3]});
// anything else is an implicit form resolved against the property's declared type — here taken from
// @rbxts/types. Where those declarations cannot decide (a bare number: int, float or double?), the value is
// rejected with a message that shows the explicit form, instead of guessing a type Studio might reject.

import { isJsonObject, type Json } from "./json-file.js";
import { enumNameOf, findPropertyType, type Reflection } from "./reflection.js";
import type { PropValue } from "./tree.js";

/** What one entry of `$properties` / `properties` resolves to: a property, or the special Tags/Attributes. */
export type ResolvedProperty =
	| { kind: "property"; value: PropValue }
	| { kind: "tags"; tags: string[] }
	| { kind: "attributes"; attributes: Record<string, PropValue> };

function fail(message: string): never {
	throw new Error(message);
}

function numberArray(value: Json, length: number, what: string): number[] {
	if (!Array.isArray(value) || value.length !== length || value.some((v) => typeof v !== "number")) {
		fail(`${what} must be an array of ${length} numbers, got ${JSON.stringify(value)}`);
	}
	return value as number[];
}

function nestedNumbers(value: Json, shape: number[], what: string): number[] {
	if (!Array.isArray(value) || value.length !== shape.length) {
		fail(`${what} must be ${JSON.stringify(shape.map((n) => Array(n).fill(0)))}-shaped, got ${JSON.stringify(value)}`);
	}
	return value.flatMap((part, i) => numberArray(part, shape[i], what));
}

function expectNumber(value: Json, what: string): number {
	if (typeof value !== "number") fail(`${what} must be a number, got ${JSON.stringify(value)}`);
	return value;
}

function expectInteger(value: Json, what: string): number {
	const n = expectNumber(value, what);
	if (!Number.isInteger(n)) fail(`${what} must be an integer, got ${n}`);
	return n;
}

function expectString(value: Json, what: string): string {
	if (typeof value !== "string") fail(`${what} must be a string, got ${JSON.stringify(value)}`);
	return value;
}

function resolveFontWeight(weight: Json, reflection: Reflection): number {
	if (typeof weight === "number") return expectInteger(weight, "Font weight");
	const name = expectString(weight, "Font weight");
	const items = reflection.enums.get("FontWeight");
	// rbx-dom writes weights in lowercase ("regular"), Rojo's docs in PascalCase ("Regular"): accept both.
	for (const [itemName, value] of items ?? []) {
		if (itemName.toLowerCase() === name.toLowerCase()) return value;
	}
	return fail(`unknown font weight ${JSON.stringify(name)} (expected one of ${[...(items?.keys() ?? [])].join(", ")})`);
}

function resolveFont(value: Json, reflection: Reflection): PropValue {
	if (!isJsonObject(value)) fail(`a Font must be an object with family, weight and style, got ${JSON.stringify(value)}`);
	const family = expectString(value.family, "Font family");
	const weight = value.weight === undefined ? 400 : resolveFontWeight(value.weight, reflection);
	const styleName = value.style === undefined ? "Normal" : expectString(value.style, "Font style");
	const style = styleName.toLowerCase() === "italic" ? "Italic" : styleName.toLowerCase() === "normal" ? "Normal" : undefined;
	if (style === undefined) fail(`unknown font style ${JSON.stringify(styleName)} (expected Normal or Italic)`);
	return { type: "Font", value: { family, weight, style } };
}

function resolveEnum(name: string, enumName: string, reflection: Reflection, where: string): PropValue {
	const items = reflection.enums.get(enumName);
	if (items === undefined) fail(`${where}: unknown enum ${enumName}`);
	const value = items.get(name);
	if (value === undefined) {
		const names = [...items.keys()].sort();
		const examples = names.length > 8 ? `${names.slice(0, 8).join(", ")}, or ${names.length - 8} more` : names.join(", ");
		fail(`${where}: got ${JSON.stringify(name)} but expected a member of the ${enumName} enum such as ${examples}`);
	}
	return { type: "token", value, enum: enumName };
}

/** The type names Rojo accepts as the one key of an explicit value, and what each becomes. */
const EXPLICIT_TYPES = new Set([
	"String", "Bool", "Int32", "Int64", "Float32", "Float64", "Enum", "Vector2", "Vector3", "Color3", "Color3uint8",
	"CFrame", "UDim", "UDim2", "Rect", "NumberRange", "NumberSequence", "ColorSequence", "BrickColor", "Content",
	"ContentId", "BinaryString", "Font", "Tags", "Attributes", "ProtectedString",
	// Known to Rojo but with no IR shape: recognised so the error says so instead of "unknown property".
	"Ref", "Axes", "Faces", "PhysicalProperties", "Ray", "Region3", "Region3int16", "Vector2int16", "Vector3int16",
	"SharedString", "UniqueId", "OptionalCFrame", "SecurityCapabilities", "MaterialColors", "NetAssetRef", "SmoothGrid",
]);

function explicitTypeOf(value: Json): string | undefined {
	if (!isJsonObject(value)) return undefined;
	const keys = Object.keys(value);
	return keys.length === 1 && EXPLICIT_TYPES.has(keys[0]) ? keys[0] : undefined;
}

function resolveExplicit(
	type: string,
	inner: Json,
	declared: string | undefined,
	reflection: Reflection,
	where: string,
): ResolvedProperty {
	const property = (value: PropValue): ResolvedProperty => ({ kind: "property", value });
	switch (type) {
		case "String":
		case "ProtectedString":
			// Rojo has one String variant; the XML tag comes from the property (Script.Source is ProtectedString).
			return property({
				type: type === "ProtectedString" || declared === "ProtectedString" ? "ProtectedString" : "string",
				value: expectString(inner, where),
			});
		case "Bool":
			if (typeof inner !== "boolean") fail(`${where}: Bool must be true or false`);
			return property({ type: "bool", value: inner });
		case "Int32":
			return property({ type: "int", value: expectInteger(inner, where) });
		case "Int64":
			return property({ type: "int64", value: expectInteger(inner, where) });
		case "Float32":
			return property({ type: "float", value: expectNumber(inner, where) });
		case "Float64":
			return property({ type: "double", value: expectNumber(inner, where) });
		case "Enum": {
			const enumName = enumNameOf(declared);
			const value = expectInteger(inner, where);
			return property(enumName === undefined ? { type: "token", value } : { type: "token", value, enum: enumName });
		}
		case "Vector2":
			return property({ type: "Vector2", value: numberArray(inner, 2, where) });
		case "Vector3":
			return property({ type: "Vector3", value: numberArray(inner, 3, where) });
		case "Color3":
			return property({ type: "Color3", value: numberArray(inner, 3, where) });
		case "Color3uint8":
			return property({ type: "Color3uint8", value: numberArray(inner, 3, where) });
		case "CFrame": {
			if (!isJsonObject(inner)) fail(`${where}: CFrame must be {"position": [x,y,z], "orientation": [[..],[..],[..]]}`);
			return property({
				type: "CFrame",
				value: [...numberArray(inner.position, 3, `${where} position`), ...nestedNumbers(inner.orientation, [3, 3, 3], `${where} orientation`)],
			});
		}
		case "UDim":
			return property({ type: "UDim", value: numberArray(inner, 2, where) });
		case "UDim2":
			return property({ type: "UDim2", value: nestedNumbers(inner, [2, 2], where) });
		case "Rect":
			return property({ type: "Rect", value: nestedNumbers(inner, [2, 2], where) });
		case "NumberRange":
			return property({ type: "NumberRange", value: numberArray(inner, 2, where) });
		case "NumberSequence": {
			if (!isJsonObject(inner) || !Array.isArray(inner.keypoints)) fail(`${where}: NumberSequence must be {"keypoints": [...]}`);
			return property({
				type: "NumberSequence",
				value: inner.keypoints.map((k): [number, number, number] => {
					if (!isJsonObject(k)) fail(`${where}: keypoints are {"time", "value", "envelope"} objects`);
					return [expectNumber(k.time, where), expectNumber(k.value, where), k.envelope === undefined ? 0 : expectNumber(k.envelope, where)];
				}),
			});
		}
		case "ColorSequence": {
			if (!isJsonObject(inner) || !Array.isArray(inner.keypoints)) fail(`${where}: ColorSequence must be {"keypoints": [...]}`);
			return property({
				type: "ColorSequence",
				value: inner.keypoints.map((k): [number, number, number, number] => {
					if (!isJsonObject(k)) fail(`${where}: keypoints are {"time", "color"} objects`);
					const [r, g, b] = numberArray(k.color, 3, `${where} color`);
					return [expectNumber(k.time, where), r, g, b];
				}),
			});
		}
		case "BrickColor":
			return property({ type: "BrickColor", value: expectInteger(inner, where) });
		case "ContentId":
			return property({ type: "Content", value: expectString(inner, where) });
		case "Content":
			// Rojo 7.5 serialises the new Content type as "None" or {"Uri": "..."}; older projects used a string.
			if (inner === "None") return property({ type: "Content", value: "" });
			if (isJsonObject(inner) && typeof inner.Uri === "string") return property({ type: "Content", value: inner.Uri });
			return property({ type: "Content", value: expectString(inner, where) });
		case "BinaryString": {
			const text = expectString(inner, where);
			if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) fail(`${where}: BinaryString must be base64`);
			return property({ type: "BinaryString", value: text });
		}
		case "Font":
			return property(resolveFont(inner, reflection));
		case "Tags":
			if (!Array.isArray(inner) || inner.some((t) => typeof t !== "string")) fail(`${where}: Tags must be an array of strings`);
			return { kind: "tags", tags: inner as string[] };
		case "Attributes":
			if (!isJsonObject(inner)) fail(`${where}: Attributes must be an object`);
			return { kind: "attributes", attributes: resolveAttributes(inner, reflection, where) };
		default:
			return fail(`${where}: ${type} values are not supported by this build (the instance tree has no ${type} type)`);
	}
}

/**
 * Resolves one `$properties` entry of an instance of `className`.
 * @param where a human-readable location for error messages (file and property)
 */
export function resolveProperty(
	raw: Json,
	className: string,
	name: string,
	reflection: Reflection,
	where: string,
): ResolvedProperty {
	const declared = findPropertyType(reflection, className, name);
	const explicitType = explicitTypeOf(raw);
	if (explicitType !== undefined) {
		return resolveExplicit(explicitType, (raw as Record<string, Json>)[explicitType], declared, reflection, where);
	}
	if (name === "Tags" && Array.isArray(raw)) return resolveExplicit("Tags", raw, declared, reflection, where);
	if (name === "Attributes" && isJsonObject(raw)) return resolveExplicit("Attributes", raw, declared, reflection, where);
	if (declared === undefined) {
		fail(`${where}: unknown property ${className}.${name} (not declared in @rbxts/types); use the explicit form, e.g. {"String": "..."}`);
	}
	const property = (value: PropValue): ResolvedProperty => ({ kind: "property", value });
	const wrongType = (): never =>
		fail(`${where}: wrong type of value for property ${className}.${name}: expected ${declared}, got ${JSON.stringify(raw)}`);

	const enumName = enumNameOf(declared);
	if (enumName !== undefined) {
		if (typeof raw !== "string") wrongType();
		return property(resolveEnum(raw as string, enumName, reflection, where));
	}
	switch (declared) {
		case "boolean":
			return typeof raw === "boolean" ? property({ type: "bool", value: raw }) : wrongType();
		case "string":
			return typeof raw === "string" ? property({ type: "string", value: raw }) : wrongType();
		case "ProtectedString":
			return typeof raw === "string" ? property({ type: "ProtectedString", value: raw }) : wrongType();
		case "Content":
		case "ContentId":
			return typeof raw === "string" ? property({ type: "Content", value: raw }) : wrongType();
		case "Vector2":
			return Array.isArray(raw) && raw.length === 2 ? property({ type: "Vector2", value: numberArray(raw, 2, where) }) : wrongType();
		case "Vector3":
			return Array.isArray(raw) && raw.length === 3 ? property({ type: "Vector3", value: numberArray(raw, 3, where) }) : wrongType();
		case "Color3":
			return Array.isArray(raw) && raw.length === 3 ? property({ type: "Color3", value: numberArray(raw, 3, where) }) : wrongType();
		case "CFrame":
			return Array.isArray(raw) && raw.length === 12 ? property({ type: "CFrame", value: numberArray(raw, 12, where) }) : wrongType();
		case "Font":
			return isJsonObject(raw) ? property(resolveFont(raw, reflection)) : wrongType();
		case "number":
			if (typeof raw !== "number") wrongType();
			return fail(
				`${where}: ${className}.${name} is a number, and @rbxts/types does not say whether Roblox stores it as ` +
					`int, float or double; write it explicitly, e.g. {"Float32": ${raw}}, {"Float64": ${raw}} or {"Int32": ${raw}}`,
			);
		default:
			// `Instance | undefined`-style declarations are Ref properties, which Rojo also refuses to set from text.
			if (/\|\s*undefined$/.test(declared)) {
				fail(`${where}: ${className}.${name} refers to an instance, which project files cannot set`);
			}
			return wrongType();
	}
}

/** Resolves an attribute value: Rojo allows only unambiguous implicit forms (bool, number → double, string). */
export function resolveAttribute(raw: Json, reflection: Reflection, where: string): PropValue {
	if (typeof raw === "boolean") return { type: "bool", value: raw };
	if (typeof raw === "number") return { type: "double", value: raw };
	if (typeof raw === "string") return { type: "string", value: raw };
	const explicitType = explicitTypeOf(raw);
	if (explicitType === undefined) {
		fail(`${where}: cannot tell the type of attribute value ${JSON.stringify(raw)}; use the explicit form, e.g. {"Vector3": [0, 0, 0]}`);
	}
	if (explicitType === "Tags" || explicitType === "Attributes") fail(`${where}: attributes cannot hold ${explicitType}`);
	const resolved = resolveExplicit(explicitType, (raw as Record<string, Json>)[explicitType], undefined, reflection, where);
	if (resolved.kind !== "property") fail(`${where}: invalid attribute value`);
	if (resolved.value.type === "token" && resolved.value.enum === undefined) {
		fail(`${where}: an Enum attribute needs its enum name, which the {"Enum": n} form does not carry`);
	}
	return resolved.value;
}

/** Resolves an `$attributes` / `attributes` map. */
export function resolveAttributes(raw: Record<string, Json>, reflection: Reflection, where: string): Record<string, PropValue> {
	const out: Record<string, PropValue> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (name.startsWith("Rojo_Target_") || name === "Rojo_Target") {
			fail(`${where}: attribute ${name}: Rojo's Ref linking (Rojo_Target_*) is not supported by this build`);
		}
		out[name] = resolveAttribute(value, reflection, `${where} attribute ${name}`);
	}
	return out;
}
