// Why this exists: hand-written defaults drift (a renamed property, a misspelt enum item, a Color3 given to a UDim2
// property) and the runtime would only fail when a spec happens to create that class. This cross-checks every default
// against the class database generated from @rbxts/types; generate.ts refuses to write output that fails it.

import type { ClassDb, PropInfo } from "./parse";
import type { DefaultValue, DefaultsTable } from "./defaults";

/** Finds a property on the class or the nearest ancestor that declares it. */
export function findProperty(db: ClassDb, className: string, prop: string): { owner: string; info: PropInfo } | undefined {
	for (let c: string | undefined = className; c; c = db.classes[c]?.superclass) {
		const info = db.classes[c]?.properties[prop];
		if (info) return { owner: c, info };
	}
	return undefined;
}

const ARITY: Record<string, number> = {
	Vector3: 3,
	Vector2: 2,
	Color3: 3,
	UDim: 2,
	UDim2: 4,
	CFrame: 12,
	BrickColor: 1,
	NumberRange: 2,
	Rect: 4,
};

function checkValue(db: ClassDb, where: string, p: PropInfo, v: DefaultValue): string[] {
	if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
		if (p.type !== typeof v) return [`${where}: ${typeof v} value for a ${p.type} property`];
		return [];
	}
	const [tag, ...rest] = v as readonly unknown[];
	if (tag === "Enum") {
		const [enumName, item] = rest as string[];
		if (p.type !== "Enum") return [`${where}: Enum value for a ${p.type} property`];
		if (enumName !== p.enum) return [`${where}: Enum.${enumName} given, property is Enum.${p.enum}`];
		if (!db.enums[enumName]?.some((i) => i.name === item)) return [`${where}: Enum.${enumName}.${item} does not exist`];
		return [];
	}
	if (tag !== p.type) return [`${where}: ${String(tag)} value for a ${p.type} property`];
	const errors: string[] = [];
	const arity = ARITY[tag as string];
	if (arity !== undefined) {
		if (rest.length !== arity || !rest.every((x) => typeof x === "number"))
			errors.push(`${where}: ${String(tag)} needs ${arity} numbers`);
	}
	if (tag === "Color3" && !(rest as number[]).every((x) => x >= 0 && x <= 1))
		errors.push(`${where}: Color3 components are 0..1`);
	if (tag === "Font") {
		const [family, weight, style] = rest as string[];
		if (typeof family !== "string") errors.push(`${where}: Font family must be a string`);
		if (!db.enums.FontWeight?.some((i) => i.name === weight)) errors.push(`${where}: Enum.FontWeight.${weight} does not exist`);
		if (!db.enums.FontStyle?.some((i) => i.name === style)) errors.push(`${where}: Enum.FontStyle.${style} does not exist`);
	}
	if (tag === "NumberSequence" || tag === "ColorSequence") {
		const size = tag === "NumberSequence" ? 3 : 4;
		const kps = rest as number[][];
		if (kps.length < 2 || kps[0][0] !== 0 || kps[kps.length - 1][0] !== 1)
			errors.push(`${where}: ${tag} needs keypoints from time 0 to time 1`);
		if (!kps.every((k) => Array.isArray(k) && k.length === size && k.every((x) => typeof x === "number")))
			errors.push(`${where}: ${tag} keypoints are {${size} numbers}`);
	}
	return errors;
}

/** Every problem found, as readable lines; empty when the defaults are consistent with the database. */
export function validateDefaults(db: ClassDb, defaults: DefaultsTable): string[] {
	const errors: string[] = [];
	for (const [cls, props] of Object.entries(defaults)) {
		if (!db.classes[cls]) {
			errors.push(`${cls}: no such class`);
			continue;
		}
		for (const [prop, v] of Object.entries(props)) {
			const found = findProperty(db, cls, prop);
			if (!found) {
				errors.push(`${cls}.${prop}: no such property on ${cls} or its ancestors`);
				continue;
			}
			if (found.info.type === "Instance") {
				errors.push(`${cls}.${prop}: Instance references default to nil and cannot be listed`);
				continue;
			}
			errors.push(...checkValue(db, `${cls}.${prop}`, found.info, v));
		}
	}
	return errors;
}
