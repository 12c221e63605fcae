/**
 * JSON ⇄ property values. The model writes property values as JSON (`"Size": [4, 1, 2]`); Roblox
 * wants typed values (Vector3). Plugins have no reflection API, so the codec goes by the type of
 * the value the property holds right now on the target instance: a property holding a Vector3 takes
 * a Vector3, one holding an EnumItem of Enum.Material takes a Material name, one holding an instance
 * (or nil) takes an instance path. `encodeValue` renders values in the same forms, so whatever
 * `get_properties` shows can be written back unchanged.
 *
 * Forms (every decode error names the property, the expected type and an example):
 *   number            0.5                     string   "Door"  (numbers become strings, as in Roblox)
 *   boolean           true                    Vector3  [x, y, z] or {"x":…,"y":…,"z":…}
 *   Vector2           [x, y] or {"x","y"}     Color3   [r, g, b] 0–255 or "#rrggbb"
 *   UDim              [scale, offset]         UDim2    [xScale, xOffset, yScale, yOffset] or
 *                                                      {"x":{"scale","offset"},"y":{…}}
 *   CFrame            {"position":[x,y,z],"rotation":[rx,ry,rz]} (degrees, as Part.Orientation;
 *                     rotation optional), [x, y, z], or the 12 numbers of CFrame.new
 *   EnumItem          "Neon", "Enum.Material.Neon" or the item's number
 *   BrickColor        "Bright red" or its number (21)
 *   NumberRange       [min, max] or a number   Rect     [minX, minY, maxX, maxY]
 *   NumberSequence    [[time, value, envelope?], …] or a number
 *   ColorSequence     [[time, color], …] or a color
 *   PhysicalProperties {"density","friction","elasticity","frictionWeight"?,"elasticityWeight"?}
 *                     or "nil" (CustomPhysicalProperties)
 *   Font              {"family": "rbxasset://fonts/families/…json", "weight": "Bold", "style": "Italic"}
 *   instance          an instance path (studio/instance-path.ts), or "nil" for none
 * JSON has `null`, but Roblox's JSONDecode drops null members from objects, so "nil" is the spelling.
 *
 * Read-only properties: a short list of the ones a model commonly tries (computed sizes, masses,
 * ClassName…) is refused before anything is written, so a tool can refuse at proposal time; the
 * authority is Studio itself: `writeProperty` makes the assignment in a pcall and turns Studio's
 * refusal ("Property is read only", "X expected, got Y") into a precise error.
 */
import { formatPath, resolvePath } from "./instance-path";
import { JsonValue } from "../proposals/operation";

export type CodecErrorCode =
	/** The class has no property of that name (it may be a child, method or event). */
	| "unknown_property"
	/** Studio does not let plugins read the property. */
	| "unreadable_property"
	/** The property cannot be written (engine-computed or Studio refused it as read only). */
	| "read_only"
	/** Parent and Source have their own operations (move_instance, edit_script). */
	| "use_other_operation"
	/** The JSON does not fit the property's type. */
	| "invalid_value"
	/** An instance path that names nothing. */
	| "instance_not_found"
	/** The instance given is not of the class the property holds. */
	| "class_mismatch"
	/** A property type the codec does not convert. */
	| "unsupported_type"
	/** Studio refused the assignment for another reason (its message is included). */
	| "write_refused";

/** A precise failure: a code to branch on, the property, and a message the model or user can act on. */
export interface CodecError {
	readonly code: CodecErrorCode;
	readonly property: string;
	readonly message: string;
}

export type CodecResult<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodecError };

/** The JSON spelling of "no value" for instance references and CustomPhysicalProperties. */
export const NIL_VALUE = "nil";

/** Properties other operations own: writing them through set_properties would bypass those checks. */
const OWNED_BY_OPERATION: ReadonlyMap<string, string> = new Map([
	["Parent", "use move_instance to change an instance's parent"],
	["Source", "use an edit_script or create_script operation to write script text"],
]);

/**
 * Read-only properties refused up front (the write itself is still checked; see the header).
 * Chosen from the engine reference: computed GUI geometry, physics readouts, sound state, identity.
 */
const KNOWN_READ_ONLY: ReadonlySet<string> = new Set([
	"ClassName",
	"AbsolutePosition",
	"AbsoluteSize",
	"AbsoluteRotation",
	"AbsoluteCanvasSize",
	"AbsoluteWindowSize",
	"AbsoluteContentSize",
	"TextBounds",
	"TextFits",
	"AssemblyMass",
	"AssemblyRootPart",
	"AssemblyCenterOfMass",
	"Mass",
	"CenterOfMass",
	"CurrentPhysicalProperties",
	"ExtentsCFrame",
	"ExtentsSize",
	"ReceiveAge",
	"ResizeIncrement",
	"ResizeableFaces",
	"SpecificGravity",
	"TimeLength",
	"IsLoaded",
	"PlaybackLoudness",
	"DataCost",
]);

/** Properties whose value may be nil without being an instance reference. */
const NULLABLE_VALUES: ReadonlyMap<string, string> = new Map([["CustomPhysicalProperties", "PhysicalProperties"]]);

type Dict = { readonly [key: string]: JsonValue };

interface Form {
	readonly expected: string;
	readonly example: string;
}

const FORMS: { readonly [kind: string]: Form } = {
	number: { expected: "a number", example: "0.5" },
	string: { expected: "a string", example: '"Door"' },
	boolean: { expected: "true or false", example: "true" },
	Vector3: { expected: '[x, y, z] or {"x", "y", "z"}', example: "[4, 1, 2]" },
	Vector2: { expected: '[x, y] or {"x", "y"}', example: "[0.5, 0.5]" },
	Color3: { expected: '[r, g, b] with 0–255 components, or "#rrggbb"', example: '[255, 0, 0] or "#ff0000"' },
	UDim: { expected: "[scale, offset]", example: "[0, 8]" },
	UDim2: {
		expected: '[xScale, xOffset, yScale, yOffset] or {"x": {"scale", "offset"}, "y": {"scale", "offset"}}',
		example: "[0.5, 0, 0, 40]",
	},
	CFrame: {
		expected:
			'{"position": [x, y, z], "rotation": [rx, ry, rz]} (degrees, rotation optional), [x, y, z], or 12 numbers',
		example: '{"position": [0, 5, 0], "rotation": [0, 90, 0]}',
	},
	BrickColor: { expected: "a BrickColor name or number", example: '"Bright red" or 21' },
	NumberRange: { expected: "[min, max] or a number", example: "[1, 3]" },
	Rect: { expected: "[minX, minY, maxX, maxY]", example: "[0, 0, 64, 64]" },
	NumberSequence: {
		expected: "[[time, value, envelope?], …] from time 0 to 1, or a number",
		example: "[[0, 1], [1, 0]]",
	},
	ColorSequence: {
		expected: "[[time, color], …] from time 0 to 1, or a color",
		example: '[[0, "#ff0000"], [1, "#0000ff"]]',
	},
	PhysicalProperties: {
		expected: '{"density", "friction", "elasticity", "frictionWeight"?, "elasticityWeight"?} or "nil"',
		example: '{"density": 0.7, "friction": 0.3, "elasticity": 0.5}',
	},
	Font: {
		expected:
			'{"family": "rbxasset://fonts/families/<Name>.json", "weight"?: FontWeight name, "style"?: "Normal" | "Italic"}',
		example: '{"family": "rbxasset://fonts/families/GothamSSm.json", "weight": "Bold"}',
	},
	Instance: { expected: 'an instance path, or "nil" for none', example: '"Workspace/Map/Door"' },
};

function describeInstance(instance: Instance): string {
	return `${instance.ClassName} "${formatPath(instance)}"`;
}

function failure<T>(code: CodecErrorCode, property: string, message: string): CodecResult<T> {
	return { ok: false, error: { code, property, message } };
}

function success<T>(value: T): CodecResult<T> {
	return { ok: true, value };
}

/** Renders what the model sent, briefly, for error messages. */
function show(json: unknown, depth = 0): string {
	let text: string;
	if (typeIs(json, "string")) {
		text = `"${json}"`;
	} else if (typeIs(json, "table")) {
		if (depth > 2) return "…";
		const list = json as Array<unknown>;
		const parts = new Array<string>();
		if (list.size() > 0) {
			for (const item of list) parts.push(show(item, depth + 1));
			text = `[${parts.join(", ")}]`;
		} else {
			for (const [key, value] of pairs(json as object)) parts.push(`"${tostring(key)}": ${show(value, depth + 1)}`);
			text = parts.size() === 0 ? "[]" : `{${parts.join(", ")}}`;
		}
	} else if (json === undefined) {
		text = "nothing";
	} else {
		text = tostring(json);
	}
	return text.size() > 80 ? text.sub(1, 77) + "..." : text;
}

// ---------------------------------------------------------------------------------------------
// Numbers

function float32(value: number): number {
	const [unpacked] = string.unpack("f", string.pack("f", value));
	return unpacked as number;
}

/**
 * The shortest decimal that reads back as the same value: as a float32 when the value is one
 * (most engine properties are stored as float32, so 0.3 reads as 0.30000001192…), else as a double.
 */
function tidyNumber(value: number): number {
	if (value !== value || value === math.huge || value === -math.huge) return value;
	if (value % 1 === 0 && math.abs(value) < 2 ** 53) return value;
	if (float32(value) === value) {
		for (let digits = 1; digits <= 9; digits++) {
			const candidate = tonumber(string.format(`%.${digits}g`, value))!;
			if (float32(candidate) === value) return candidate;
		}
	}
	for (let digits = 1; digits <= 17; digits++) {
		const candidate = tonumber(string.format(`%.${digits}g`, value))!;
		if (candidate === value) return candidate;
	}
	return value;
}

/** Rounds to `places` decimals (for degrees and 0–255 colour channels, where the noise is meaningless). */
function rounded(value: number, places: number): number {
	const scale = 10 ** places;
	return tidyNumber(math.round(value * scale) / scale);
}

function isFiniteNumber(value: unknown): value is number {
	return typeIs(value, "number") && value === value && value !== math.huge && value !== -math.huge;
}

// ---------------------------------------------------------------------------------------------
// JSON shapes

/** A JSON array of `count` finite numbers (or of `counts` any of several lengths). */
function numbers(json: unknown, ...counts: Array<number>): Array<number> | undefined {
	if (!typeIs(json, "table")) return undefined;
	const list = json as Array<unknown>;
	const size = list.size();
	if (!counts.includes(size)) return undefined;
	// An array, not an object with extra keys.
	let keys = 0;
	for (const [_] of pairs(json as object)) keys += 1;
	if (keys !== size) return undefined;
	const result = new Array<number>();
	for (const item of list) {
		if (!isFiniteNumber(item)) return undefined;
		result.push(item);
	}
	return result;
}

/** Reads `key` from a JSON object, accepting any capitalisation ("x", "X"). */
function field(json: unknown, key: string): unknown {
	if (!typeIs(json, "table")) return undefined;
	const record = json as { [key: string]: unknown };
	if (record[key] !== undefined) return record[key];
	const lower = key.lower();
	for (const [k, v] of pairs(record)) {
		if (typeIs(k, "string") && k.lower() === lower) return v;
	}
	return undefined;
}

/** Numbers from named fields of a JSON object; undefined when one is missing or not a number. */
function namedNumbers(json: unknown, keys: ReadonlyArray<string>): Array<number> | undefined {
	if (!typeIs(json, "table") || (json as Array<unknown>).size() > 0) return undefined;
	const result = new Array<number>();
	for (const key of keys) {
		const value = field(json, key);
		if (!isFiniteNumber(value)) return undefined;
		result.push(value);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Decoders per type: undefined means "does not fit" (the caller builds the message)

function decodeColor3(json: unknown): Color3 | undefined {
	if (typeIs(json, "string")) {
		const [r, g, b] = json.match("^#(%x%x)(%x%x)(%x%x)$");
		if (r === undefined) return undefined;
		return Color3.fromRGB(tonumber(r as string, 16)!, tonumber(g as string, 16)!, tonumber(b as string, 16)!);
	}
	const rgb = numbers(json, 3) ?? namedNumbers(json, ["r", "g", "b"]);
	if (!rgb) return undefined;
	for (const channel of rgb) {
		if (channel < 0 || channel > 255) return undefined;
	}
	return Color3.fromRGB(rgb[0], rgb[1], rgb[2]);
}

function decodeVector3(json: unknown): Vector3 | undefined {
	const xyz = numbers(json, 3) ?? namedNumbers(json, ["x", "y", "z"]);
	return xyz ? new Vector3(xyz[0], xyz[1], xyz[2]) : undefined;
}

function decodeCFrame(json: unknown): CFrame | undefined {
	const list = numbers(json, 3, 12);
	if (list) {
		if (list.size() === 3) return new CFrame(list[0], list[1], list[2]);
		const [x, y, z, r00, r01, r02, r10, r11, r12, r20, r21, r22] = list;
		return new CFrame(x, y, z, r00, r01, r02, r10, r11, r12, r20, r21, r22);
	}
	if (!typeIs(json, "table") || (json as Array<unknown>).size() > 0) return undefined;
	const position = decodeVector3(field(json, "position"));
	if (!position) return undefined;
	const rotationJson = field(json, "rotation");
	if (rotationJson === undefined) return new CFrame(position);
	const rotation = decodeVector3(rotationJson);
	if (!rotation) return undefined;
	return new CFrame(position).mul(
		CFrame.fromOrientation(math.rad(rotation.X), math.rad(rotation.Y), math.rad(rotation.Z)),
	);
}

function decodeUDim2(json: unknown): UDim2 | undefined {
	const list = numbers(json, 4);
	if (list) return new UDim2(list[0], list[1], list[2], list[3]);
	const x = numbers(field(json, "x"), 2) ?? namedNumbers(field(json, "x"), ["scale", "offset"]);
	const y = numbers(field(json, "y"), 2) ?? namedNumbers(field(json, "y"), ["scale", "offset"]);
	return x && y ? new UDim2(x[0], x[1], y[0], y[1]) : undefined;
}

function decodeNumberSequence(json: unknown): NumberSequence | undefined {
	if (isFiniteNumber(json)) return new NumberSequence(json);
	if (!typeIs(json, "table")) return undefined;
	const keypoints = new Array<NumberSequenceKeypoint>();
	for (const item of json as Array<unknown>) {
		const point = numbers(item, 2, 3);
		if (!point) return undefined;
		keypoints.push(new NumberSequenceKeypoint(point[0], point[1], point[2] ?? 0));
	}
	if (keypoints.size() < 2) return undefined;
	const [ok, sequence] = pcall(() => new NumberSequence(keypoints));
	return ok ? (sequence as NumberSequence) : undefined;
}

function decodeColorSequence(json: unknown): ColorSequence | undefined {
	const single = decodeColor3(json);
	if (single) return new ColorSequence(single);
	if (!typeIs(json, "table")) return undefined;
	const keypoints = new Array<ColorSequenceKeypoint>();
	for (const item of json as Array<unknown>) {
		if (!typeIs(item, "table") || (item as Array<unknown>).size() !== 2) return undefined;
		const [time, colorJson] = item as [unknown, unknown];
		const color = decodeColor3(colorJson);
		if (!isFiniteNumber(time) || !color) return undefined;
		keypoints.push(new ColorSequenceKeypoint(time, color));
	}
	if (keypoints.size() < 2) return undefined;
	const [ok, sequence] = pcall(() => new ColorSequence(keypoints));
	return ok ? (sequence as ColorSequence) : undefined;
}

function decodePhysicalProperties(json: unknown): PhysicalProperties | undefined {
	const required = namedNumbers(json, ["density", "friction", "elasticity"]);
	if (!required) return undefined;
	const frictionWeight = field(json, "frictionWeight") ?? 1;
	const elasticityWeight = field(json, "elasticityWeight") ?? 1;
	if (!isFiniteNumber(frictionWeight) || !isFiniteNumber(elasticityWeight)) return undefined;
	return new PhysicalProperties(required[0], required[1], required[2], frictionWeight, elasticityWeight);
}

function enumItemNamed(enumType: Enum, name: string): EnumItem | undefined {
	for (const item of enumType.GetEnumItems()) {
		if (item.Name === name) return item;
	}
	return undefined;
}

function decodeFont(json: unknown): Font | undefined {
	if (!typeIs(json, "table") || (json as Array<unknown>).size() > 0) return undefined;
	const family = field(json, "family");
	if (!typeIs(family, "string")) return undefined;
	const weightName = field(json, "weight") ?? "Regular";
	const styleName = field(json, "style") ?? "Normal";
	if (!typeIs(weightName, "string") || !typeIs(styleName, "string")) return undefined;
	const weight = enumItemNamed(Enum.FontWeight, weightName) as Enum.FontWeight | undefined;
	const style = enumItemNamed(Enum.FontStyle, styleName) as Enum.FontStyle | undefined;
	if (!weight || !style) return undefined;
	return new Font(family, weight, style);
}

function enumNames(enumType: Enum): string {
	const names = enumType.GetEnumItems().map((item) => item.Name);
	const shown = names.size() > 15 ? [...names.move(0, 14, 0, []), `… ${names.size() - 15} more`] : names;
	return shown.join(", ");
}

function decodeEnum(property: string, current: EnumItem, json: unknown): CodecResult<EnumItem> {
	const enumType = current.EnumType;
	const typeName = tostring(enumType);
	const valid = `one of ${enumNames(enumType)}`;
	if (typeIs(json, "number")) {
		for (const item of enumType.GetEnumItems()) {
			if (item.Value === json) return success(item);
		}
		return failure(
			"invalid_value",
			property,
			`${property} is an Enum.${typeName}: ${json} is not one of its values; use a name, ${valid}`,
		);
	}
	if (!typeIs(json, "string")) {
		return failure(
			"invalid_value",
			property,
			`${property} is an Enum.${typeName}: expected an item name such as "${enumType.GetEnumItems()[0].Name}" or "Enum.${typeName}.${enumType.GetEnumItems()[0].Name}", got ${show(json)}`,
		);
	}
	let name = json;
	const [enumName, itemName] = json.match("^Enum%.([^%.]+)%.(.+)$");
	if (enumName !== undefined) {
		if (enumName !== typeName) {
			return failure(
				"invalid_value",
				property,
				`${property} is an Enum.${typeName}, not an Enum.${enumName}; use ${valid}`,
			);
		}
		name = itemName as string;
	}
	const item = enumItemNamed(enumType, name);
	if (item) return success(item);
	for (const candidate of enumType.GetEnumItems()) {
		if (candidate.Name.lower() === name.lower()) {
			return failure(
				"invalid_value",
				property,
				`${property}: Enum.${typeName} has no item "${name}"; did you mean "${candidate.Name}"?`,
			);
		}
	}
	return failure("invalid_value", property, `${property}: Enum.${typeName} has no item "${name}"; use ${valid}`);
}

function decodeBrickColor(json: unknown): BrickColor | undefined {
	if (typeIs(json, "string")) {
		const color = new BrickColor(json as never);
		return color.Name === json ? color : undefined;
	}
	if (isFiniteNumber(json)) {
		const color = new BrickColor(json);
		return color.Number === json ? color : undefined;
	}
	return undefined;
}

function decodeInstance(property: string, json: unknown, root: DataModel): CodecResult<Instance | undefined> {
	if (!typeIs(json, "string")) {
		return failure(
			"invalid_value",
			property,
			`${property} holds an instance: expected ${FORMS.Instance.expected}, e.g. ${FORMS.Instance.example}; got ${show(json)}`,
		);
	}
	if (json === NIL_VALUE) return success(undefined);
	const resolved = resolvePath(root, json);
	if (!resolved.ok) {
		return failure("instance_not_found", property, `${property}: ${resolved.message}`);
	}
	return success(resolved.instance);
}

/** The type name the codec dispatches on for a property's current value (nil → "Instance"). */
export function valueKind(property: string, value: unknown): string {
	if (value === undefined) return NULLABLE_VALUES.get(property) ?? "Instance";
	return typeOf(value);
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Reads a property by name, telling a missing property (or a child, method or event of that name)
 * from one that holds nil, and a property Studio will not let a plugin read.
 */
export function readProperty(instance: Instance, property: string): CodecResult<unknown> {
	// GetPropertyChangedSignal accepts property names only: children, methods and events fail it.
	const [isProperty] = pcall(() => instance.GetPropertyChangedSignal(property as never));
	if (!isProperty) {
		return failure("unknown_property", property, `${describeInstance(instance)} has no property "${property}"`);
	}
	const [ok, value] = pcall(() => (instance as unknown as { [key: string]: unknown })[property]);
	if (!ok) {
		return failure(
			"unreadable_property",
			property,
			`${describeInstance(instance)}.${property} cannot be read by a plugin: ${value}`,
		);
	}
	return success(value);
}

/**
 * Refuses what must not go through set_properties before anything is written: unknown
 * properties, properties owned by other operations, and the known read-only ones.
 */
export function checkWritable(instance: Instance, property: string): CodecResult<unknown> {
	const owner = OWNED_BY_OPERATION.get(property);
	if (owner !== undefined) {
		return failure("use_other_operation", property, `${property} cannot be set as a property: ${owner}`);
	}
	const current = readProperty(instance, property);
	if (!current.ok) return current;
	if (KNOWN_READ_ONLY.has(property)) {
		return failure(
			"read_only",
			property,
			`${describeInstance(instance)}.${property} is read-only (Studio computes it)`,
		);
	}
	return current;
}

/**
 * Decodes `json` into a value for `instance[property]`, by the type of the property's current
 * value. `root` resolves instance paths. Nothing is written.
 */
export function decodeValue(
	instance: Instance,
	property: string,
	json: unknown,
	root: DataModel,
): CodecResult<unknown> {
	const current = checkWritable(instance, property);
	if (!current.ok) return current;
	return decodeAs(property, current.value, json, root);
}

/** Decodes `json` against an example value of the target type (the property's current value). */
export function decodeAs(property: string, current: unknown, json: unknown, root: DataModel): CodecResult<unknown> {
	const kind = valueKind(property, current);
	const form = FORMS[kind];
	const mismatch = (): CodecResult<unknown> =>
		failure(
			"invalid_value",
			property,
			`${property} is a ${kind}: expected ${form.expected}, e.g. ${form.example}; got ${show(json)}`,
		);
	switch (kind) {
		case "number":
			return isFiniteNumber(json) ? success(json) : mismatch();
		case "string":
			if (typeIs(json, "string")) return success(json);
			return isFiniteNumber(json) ? success(tostring(json)) : mismatch();
		case "boolean":
			return typeIs(json, "boolean") ? success(json) : mismatch();
		case "Vector3": {
			const value = decodeVector3(json);
			return value ? success(value) : mismatch();
		}
		case "Vector2": {
			const xy = numbers(json, 2) ?? namedNumbers(json, ["x", "y"]);
			return xy ? success(new Vector2(xy[0], xy[1])) : mismatch();
		}
		case "Color3": {
			const value = decodeColor3(json);
			return value ? success(value) : mismatch();
		}
		case "UDim": {
			const pair = numbers(json, 2) ?? namedNumbers(json, ["scale", "offset"]);
			return pair ? success(new UDim(pair[0], pair[1])) : mismatch();
		}
		case "UDim2": {
			const value = decodeUDim2(json);
			return value ? success(value) : mismatch();
		}
		case "CFrame": {
			const value = decodeCFrame(json);
			return value ? success(value) : mismatch();
		}
		case "EnumItem":
			return decodeEnum(property, current as EnumItem, json);
		case "BrickColor": {
			const value = decodeBrickColor(json);
			if (value) return success(value);
			return failure(
				"invalid_value",
				property,
				`${property} is a BrickColor: ${show(json)} is not a BrickColor name or number (names are exact, e.g. "Bright red", "Really black", "Medium stone grey")`,
			);
		}
		case "NumberRange": {
			if (isFiniteNumber(json)) return success(new NumberRange(json));
			const pair = numbers(json, 2) ?? namedNumbers(json, ["min", "max"]);
			if (!pair || pair[0] > pair[1]) return mismatch();
			return success(new NumberRange(pair[0], pair[1]));
		}
		case "Rect": {
			const list = numbers(json, 4);
			return list ? success(new Rect(list[0], list[1], list[2], list[3])) : mismatch();
		}
		case "NumberSequence": {
			const value = decodeNumberSequence(json);
			return value ? success(value) : mismatch();
		}
		case "ColorSequence": {
			const value = decodeColorSequence(json);
			return value ? success(value) : mismatch();
		}
		case "PhysicalProperties": {
			if (json === NIL_VALUE && NULLABLE_VALUES.has(property)) return success(undefined);
			const value = decodePhysicalProperties(json);
			return value ? success(value) : mismatch();
		}
		case "Font": {
			const value = decodeFont(json);
			return value ? success(value) : mismatch();
		}
		case "Instance":
			return decodeInstance(property, json, root);
		default:
			return failure(
				"unsupported_type",
				property,
				`${property} is a ${kind}, which Vector cannot set yet; ask the user to set it in the Properties window`,
			);
	}
}

/**
 * Assigns `value` to `instance[property]` in a pcall and turns Studio's refusal into a precise
 * error (read-only, wrong class for a reference, wrong type).
 */
export function writeProperty(instance: Instance, property: string, value: unknown): CodecResult<undefined> {
	const [ok, message] = pcall(() => {
		(instance as unknown as { [key: string]: unknown })[property] = value;
	});
	if (ok) return success(undefined);
	const text = tostring(message);
	const target = `${describeInstance(instance)}.${property}`;
	if (text.find("read only", 1, true)[0] !== undefined || text.find("read-only", 1, true)[0] !== undefined) {
		return failure("read_only", property, `${target} is read-only: Studio refused the write (${text})`);
	}
	if (typeIs(value, "Instance") && text.find("expected", 1, true)[0] !== undefined) {
		return failure("class_mismatch", property, `${target} cannot hold ${describeInstance(value)}: ${text}`);
	}
	return failure("write_refused", property, `${target}: Studio refused the value: ${text}`);
}

/** Decodes and writes in one step (the applier's path for each property). */
export function setPropertyFromJson(
	instance: Instance,
	property: string,
	json: unknown,
	root: DataModel,
): CodecResult<undefined> {
	const decoded = decodeValue(instance, property, json, root);
	if (!decoded.ok) return decoded;
	return writeProperty(instance, property, decoded.value);
}

function encodeColor(color: Color3): JsonValue {
	return [rounded(color.R * 255, 3), rounded(color.G * 255, 3), rounded(color.B * 255, 3)];
}

function encodeVector3(vector: Vector3): Array<number> {
	return [tidyNumber(vector.X), tidyNumber(vector.Y), tidyNumber(vector.Z)];
}

function encodeCFrame(cframe: CFrame): JsonValue {
	const [rx, ry, rz] = cframe.ToOrientation();
	const rotation = [rounded(math.deg(rx), 3), rounded(math.deg(ry), 3), rounded(math.deg(rz), 3)];
	const position = encodeVector3(cframe.Position);
	if (rotation[0] === 0 && rotation[1] === 0 && rotation[2] === 0) return { position };
	return { position, rotation };
}

/**
 * Renders a property value as JSON in the forms decodeValue accepts (see the header), so a value
 * read by get_properties can be written back. Instances become paths, nil becomes "nil"; types
 * the codec does not convert become `{"type": …, "text": …}` (shown, not writable).
 */
export function encodeValue(value: unknown): JsonValue {
	if (value === undefined) return NIL_VALUE;
	if (typeIs(value, "number")) return tidyNumber(value);
	if (typeIs(value, "string") || typeIs(value, "boolean")) return value;
	if (typeIs(value, "Vector3")) return encodeVector3(value);
	if (typeIs(value, "Vector2")) return [tidyNumber(value.X), tidyNumber(value.Y)];
	if (typeIs(value, "Color3")) return encodeColor(value);
	if (typeIs(value, "UDim")) return [tidyNumber(value.Scale), value.Offset];
	if (typeIs(value, "UDim2"))
		return [tidyNumber(value.X.Scale), value.X.Offset, tidyNumber(value.Y.Scale), value.Y.Offset];
	if (typeIs(value, "CFrame")) return encodeCFrame(value);
	if (typeIs(value, "EnumItem")) return tostring(value);
	if (typeIs(value, "BrickColor")) return value.Name;
	if (typeIs(value, "NumberRange")) return [tidyNumber(value.Min), tidyNumber(value.Max)];
	if (typeIs(value, "Rect"))
		return [tidyNumber(value.Min.X), tidyNumber(value.Min.Y), tidyNumber(value.Max.X), tidyNumber(value.Max.Y)];
	if (typeIs(value, "NumberSequence")) {
		return value.Keypoints.map((point) =>
			point.Envelope === 0
				? [tidyNumber(point.Time), tidyNumber(point.Value)]
				: [tidyNumber(point.Time), tidyNumber(point.Value), tidyNumber(point.Envelope)],
		);
	}
	if (typeIs(value, "ColorSequence"))
		return value.Keypoints.map((point) => [tidyNumber(point.Time), encodeColor(point.Value)]);
	if (typeIs(value, "PhysicalProperties")) {
		return {
			density: tidyNumber(value.Density),
			friction: tidyNumber(value.Friction),
			elasticity: tidyNumber(value.Elasticity),
			frictionWeight: tidyNumber(value.FrictionWeight),
			elasticityWeight: tidyNumber(value.ElasticityWeight),
		};
	}
	if (typeIs(value, "Font")) return { family: value.Family, weight: value.Weight.Name, style: value.Style.Name };
	if (typeIs(value, "Instance")) return formatPath(value);
	return { type: typeOf(value), text: tostring(value) };
}
