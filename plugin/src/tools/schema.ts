/**
 * A tiny schema builder for tool arguments. Each tool declares its arguments once, and that one
 * declaration yields both the JSON schema sent to the model and the validator run on what the model
 * sends back, so the two cannot drift apart.
 *
 * Validation messages are written for the model, which reads them verbatim and retries: each names
 * the field path and what was expected and received ("edits[2].start.line: expected an integer ≥ 0,
 * got -1"). Up to five problems are reported at once, so one retry can fix them all.
 *
 * Luau facts shape the details. Decoded JSON is a Luau table, so an empty `{}` and an empty `[]` are
 * the same value (both are accepted wherever either is expected); JSON null arrives as nil, i.e. a
 * missing field; and a Luau table has no key order, so object fields are validated and listed in
 * alphabetical order. An object schema always has `properties`, empty for a tool without arguments
 * (providers expect `"properties": {}`): the wire encoder (net/json.ts) writes an empty table as an
 * object unless its key names a list, which HttpService:JSONEncode could not (it writes `[]`).
 */
import { t } from "@rbxts/t";
import { characterCount, truncateCharacters } from "../diff/characters";
import { ArgSchema } from "./tool";

/** The outcome of checking one value. */
export type CheckResult<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** One declared value: its JSON schema, its validator, and whether an object may omit it. */
export interface Schema<T, Optional extends boolean = false> {
	readonly optional: Optional;
	/** What the model reads about this value (every field carries one). */
	readonly description: string;
	/** What is expected, in words, for error messages ("an integer ≥ 0"). */
	readonly expected: string;
	/** The JSON schema (draft 2020-12 subset OpenAI accepts). */
	toJsonSchema(): Record<string, unknown>;
	/** Checks a decoded JSON value found at `path` ("" for the whole arguments object). */
	validate(value: unknown, path: string): CheckResult<T>;
}

/** Any schema, whatever it holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySchema = Schema<any, boolean>;

/** The value type a schema checks. */
export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;

/** An object's fields: name → schema. */
export type Shape = { readonly [field: string]: AnySchema };

type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K]["optional"] extends true ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] };

/** The value type of an object schema of shape `S`: optional fields may be absent. */
export type ObjectValue<S extends Shape> = Simplify<
	{ [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** An object schema; the top-level one of a tool is also its {@link ArgSchema}. */
export interface ObjectSchema<T> extends Omit<Schema<T>, "toJsonSchema">, ArgSchema<T> {
	toJsonSchema(): Record<string, unknown>;
	/** Field names in validation order (alphabetical). */
	readonly fields: ReadonlyArray<string>;
	/** Field names that must be present. */
	readonly required: ReadonlyArray<string>;
}

const MAX_PROBLEMS = 5;

/** Where a failure is reported: the field path, or "arguments" for the whole object. */
function at(path: string): string {
	return path === "" ? "arguments" : path;
}

function fieldPath(path: string, field: string): string {
	return path === "" ? field : `${path}.${field}`;
}

function failure<T>(path: string, expected: string, value: unknown): CheckResult<T> {
	return { ok: false, message: `${at(path)}: expected ${expected}, got ${describeValue(value)}` };
}

/** Whether a table's keys are exactly 1..n (an array; the empty table counts as one). */
function isArrayTable(value: object): boolean {
	let count = 0;
	for (const [key] of pairs(value)) {
		if (!typeIs(key, "number")) return false;
		count += 1;
	}
	for (let i = 1; i <= count; i++) {
		if (rawget(value, i) === undefined) return false;
	}
	return true;
}

function isEmptyTable(value: object): boolean {
	return next(value)[0] === undefined;
}

/** A short rendering of a received value for messages: -1, true, "text", an array, an object. */
export function describeValue(value: unknown): string {
	if (value === undefined) return "nothing";
	if (typeIs(value, "string")) {
		const shown = truncateCharacters(value, 40);
		return `"${shown}"`;
	}
	if (typeIs(value, "number") || typeIs(value, "boolean")) return tostring(value);
	if (typeIs(value, "table")) {
		if (isEmptyTable(value)) return "an empty object";
		return isArrayTable(value) ? "an array" : "an object";
	}
	return `a ${typeOf(value)}`;
}

function rangeWords(min: number | undefined, max: number | undefined, unit: string): string {
	if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${unit}` : `${min}–${max} ${unit}`;
	if (min !== undefined) return `at least ${min} ${unit}`;
	if (max !== undefined) return `at most ${max} ${unit}`;
	return "";
}

function bounds(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
	if (min !== undefined) return ` ≥ ${min}`;
	if (max !== undefined) return ` ≤ ${max}`;
	return "";
}

function quoteList(values: ReadonlyArray<string | number | boolean>): string {
	return values.map((v) => (typeIs(v, "string") ? `"${v}"` : tostring(v))).join(", ");
}

/** Options every schema takes. */
export interface BaseOptions {
	/** What the model reads about the value. Required: every field is described. */
	readonly description: string;
}

export interface StringOptions<E extends string> extends BaseOptions {
	/** Length bounds in characters (code points). */
	readonly minLength?: number;
	readonly maxLength?: number;
	/** The only values allowed. */
	readonly enum?: ReadonlyArray<E>;
}

/** A string, optionally bounded in length (characters) or limited to an enumeration. */
export function text<const E extends string>(
	options: StringOptions<E> & { readonly enum: ReadonlyArray<E> },
): Schema<E>;
export function text(options: StringOptions<never>): Schema<string>;
export function text<E extends string>(options: StringOptions<E>): Schema<E> {
	const { minLength, maxLength } = options;
	const values = options.enum;
	const expected =
		values !== undefined
			? `one of ${quoteList(values)}`
			: minLength === 1 && maxLength === undefined
				? "a non-empty string"
				: minLength !== undefined || maxLength !== undefined
					? `a string of ${rangeWords(minLength, maxLength, "characters")}`
					: "a string";
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			const json: Record<string, unknown> = { type: "string", description: options.description };
			if (values !== undefined) json.enum = [...values];
			if (minLength !== undefined) json.minLength = minLength;
			if (maxLength !== undefined) json.maxLength = maxLength;
			return json;
		},
		validate(value, path) {
			if (!t.string(value)) return failure(path, expected, value);
			if (values !== undefined && !values.includes(value as E)) return failure(path, expected, value);
			if (minLength !== undefined || maxLength !== undefined) {
				const length = characterCount(value);
				if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) {
					return {
						ok: false,
						message: `${at(path)}: expected ${expected}, got ${length === 0 ? "an empty string" : `${length} characters`}`,
					};
				}
			}
			return { ok: true, value: value as E };
		},
	};
}

export interface NumberOptions extends BaseOptions {
	/** Inclusive bounds. */
	readonly min?: number;
	readonly max?: number;
}

function numeric(options: NumberOptions, integer: boolean): Schema<number> {
	const { min, max } = options;
	const expected = `${integer ? "an integer" : "a number"}${bounds(min, max)}`;
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			const json: Record<string, unknown> = { type: integer ? "integer" : "number", description: options.description };
			if (min !== undefined) json.minimum = min;
			if (max !== undefined) json.maximum = max;
			return json;
		},
		validate(value, path) {
			// t.number rejects NaN; an integer is also finite.
			if (!t.number(value) || (integer && (value % 1 !== 0 || value === math.huge || value === -math.huge))) {
				return failure(path, expected, value);
			}
			if ((min !== undefined && value < min) || (max !== undefined && value > max))
				return failure(path, expected, value);
			return { ok: true, value };
		},
	};
}

/** A whole number, optionally bounded (inclusive). */
export function integer(options: NumberOptions): Schema<number> {
	return numeric(options, true);
}

/** Any finite number, optionally bounded (inclusive). */
export function number(options: NumberOptions): Schema<number> {
	return numeric(options, false);
}

/** true or false. */
export function boolean(options: BaseOptions): Schema<boolean> {
	const expected = "true or false";
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			return { type: "boolean", description: options.description };
		},
		validate(value, path) {
			return t.boolean(value) ? { ok: true, value } : failure(path, expected, value);
		},
	};
}

/** One of a fixed set of literal values (strings, numbers or booleans). */
export function literals<const L extends string | number | boolean>(
	values: ReadonlyArray<L>,
	options: BaseOptions,
): Schema<L> {
	const expected = values.size() === 1 ? quoteList(values) : `one of ${quoteList(values)}`;
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			const json: Record<string, unknown> = { enum: [...values], description: options.description };
			if (values.every((v) => typeIs(v, "string"))) json.type = "string";
			else if (values.every((v) => typeIs(v, "number"))) json.type = "number";
			else if (values.every((v) => typeIs(v, "boolean"))) json.type = "boolean";
			return json;
		},
		validate(value, path) {
			return values.includes(value as L) ? { ok: true, value: value as L } : failure(path, expected, value);
		},
	};
}

export interface ArrayOptions extends BaseOptions {
	readonly minItems?: number;
	readonly maxItems?: number;
}

/** An array whose items all match `items`; item paths read `field[0]`, `field[1]`… (zero-based). */
export function array<T extends defined>(items: Schema<T>, options: ArrayOptions): Schema<Array<T>> {
	const { minItems, maxItems } = options;
	const sized = rangeWords(minItems, maxItems, "items");
	const expected = sized === "" ? "an array" : `an array of ${sized}`;
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			const json: Record<string, unknown> = {
				type: "array",
				items: items.toJsonSchema(),
				description: options.description,
			};
			if (minItems !== undefined) json.minItems = minItems;
			if (maxItems !== undefined) json.maxItems = maxItems;
			return json;
		},
		validate(value, path) {
			if (!t.table(value) || !isArrayTable(value)) return failure(path, expected, value);
			const list = value as Array<unknown>;
			const size = list.size();
			if ((minItems !== undefined && size < minItems) || (maxItems !== undefined && size > maxItems)) {
				return { ok: false, message: `${at(path)}: expected ${expected}, got ${size} item${size === 1 ? "" : "s"}` };
			}
			const out = new Array<T>();
			const problems = new Array<string>();
			for (let i = 0; i < size; i++) {
				const item = items.validate(list[i], `${at(path)}[${i}]`);
				if (item.ok) out.push(item.value);
				else problems.push(item.message);
				if (problems.size() >= MAX_PROBLEMS) break;
			}
			if (problems.size() > 0) return { ok: false, message: problems.join("; ") };
			return { ok: true, value: out };
		},
	};
}

/** A JSON object whose keys are free (e.g. property names) and whose values all match `values`. */
export function record<T>(
	values: Schema<T>,
	options: BaseOptions & { readonly minEntries?: number; readonly maxEntries?: number },
): Schema<Record<string, T>> {
	const { minEntries, maxEntries } = options;
	const sized = rangeWords(minEntries, maxEntries, "entries");
	const expected = sized === "" ? "an object" : `an object of ${sized}`;
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			const json: Record<string, unknown> = {
				type: "object",
				additionalProperties: values.toJsonSchema(),
				description: options.description,
			};
			if (minEntries !== undefined) json.minProperties = minEntries;
			if (maxEntries !== undefined) json.maxProperties = maxEntries;
			return json;
		},
		validate(value, path) {
			if (!t.table(value) || (!isEmptyTable(value) && isArrayTable(value))) return failure(path, expected, value);
			const keys = new Array<string>();
			for (const [key] of pairs(value)) {
				if (!typeIs(key, "string")) return failure(path, expected, value);
				keys.push(key);
			}
			keys.sort();
			if (
				(minEntries !== undefined && keys.size() < minEntries) ||
				(maxEntries !== undefined && keys.size() > maxEntries)
			) {
				return { ok: false, message: `${at(path)}: expected ${expected}, got ${keys.size()} entries` };
			}
			const out: Record<string, T> = {};
			const problems = new Array<string>();
			for (const key of keys) {
				const entry = values.validate((value as Record<string, unknown>)[key], fieldPath(path, key));
				if (entry.ok) out[key] = entry.value;
				else problems.push(entry.message);
				if (problems.size() >= MAX_PROBLEMS) break;
			}
			if (problems.size() > 0) return { ok: false, message: problems.join("; ") };
			return { ok: true, value: out };
		},
	};
}

/** A JSON value: what decoded JSON can hold (nested tables are checked to be arrays or string-keyed objects). */
export type Json = string | number | boolean | ReadonlyArray<Json> | { readonly [key: string]: Json };

function isJson(value: unknown, depth: number): boolean {
	if (depth > 32) return false;
	if (typeIs(value, "string") || typeIs(value, "boolean")) return true;
	if (typeIs(value, "number")) return value === value && value !== math.huge && value !== -math.huge;
	if (!typeIs(value, "table")) return false;
	const array = isArrayTable(value);
	for (const [key, item] of pairs(value)) {
		if (!array && !typeIs(key, "string")) return false;
		if (!isJson(item, depth + 1)) return false;
	}
	return true;
}

/** Any JSON value (its meaning is checked later, e.g. by the property codec). No `type` in its schema. */
export function json(options: BaseOptions): Schema<Json> {
	const expected = "a JSON value";
	return {
		optional: false,
		description: options.description,
		expected,
		toJsonSchema() {
			return { description: options.description };
		},
		validate(value, path) {
			return isJson(value, 0) ? { ok: true, value: value as Json } : failure(path, expected, value);
		},
	};
}

/** The same schema, but an object may omit the field (JSON null counts as omitted). */
export function optional<T>(schema: Schema<T, boolean>): Schema<T, true> {
	return { ...schema, optional: true };
}

/**
 * An object with the given fields and no others (`additionalProperties: false`). Unknown fields are
 * errors that list the known ones, so a misspelt field name is caught instead of silently ignored.
 */
export function object<S extends Shape>(shape: S, options: BaseOptions): ObjectSchema<ObjectValue<S>> {
	const fields = new Array<string>();
	for (const [name] of pairs(shape)) fields.push(name as string);
	fields.sort();
	const required = fields.filter((name) => !shape[name].optional);
	const expected = "an object";

	const validate = (value: unknown, path: string): CheckResult<ObjectValue<S>> => {
		if (!t.table(value) || (!isEmptyTable(value) && isArrayTable(value))) return failure(path, expected, value);
		const problems = new Array<string>();
		const unknownKeys = new Array<string>();
		for (const [key] of pairs(value)) {
			if (!typeIs(key, "string") || shape[key] === undefined) unknownKeys.push(tostring(key));
		}
		unknownKeys.sort();
		for (const key of unknownKeys) {
			problems.push(
				`${fieldPath(path, key)}: unknown field; ${fields.size() === 0 ? "this takes no fields" : `the fields are ${fields.join(", ")}`}`,
			);
		}
		const out: Record<string, unknown> = {};
		for (const name of fields) {
			if (problems.size() >= MAX_PROBLEMS) break;
			const schema = shape[name];
			const field = (value as Record<string, unknown>)[name];
			if (field === undefined) {
				if (!schema.optional) problems.push(`${fieldPath(path, name)}: missing; expected ${schema.expected}`);
				continue;
			}
			const checked = schema.validate(field, fieldPath(path, name));
			if (checked.ok) out[name] = checked.value;
			else problems.push(checked.message);
		}
		if (problems.size() > 0) {
			const shown = problems.size() > MAX_PROBLEMS ? [...problems].filter((_, i) => i < MAX_PROBLEMS) : problems;
			return { ok: false, message: shown.join("; ") };
		}
		return { ok: true, value: out as ObjectValue<S> };
	};

	return {
		optional: false,
		description: options.description,
		expected,
		fields,
		required,
		toJsonSchema() {
			const json: Record<string, unknown> = {
				type: "object",
				description: options.description,
				additionalProperties: false,
			};
			const properties: Record<string, unknown> = {};
			for (const name of fields) properties[name] = shape[name].toJsonSchema();
			json.properties = properties;
			if (required.size() > 0) json.required = [...required];
			return json;
		},
		validate(value, path) {
			return validate(value, path);
		},
		check(value) {
			return validate(value, "");
		},
	};
}
