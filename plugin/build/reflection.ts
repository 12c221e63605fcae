// What the build knows about Roblox's classes and enums, read from the `@rbxts/types` declaration files (the
// same source the rest of the project's tooling uses): each class's superclass and declared property types, and
// every enum's items. Rojo needs a reflection database to resolve implicit property values ("RunContext":
// "Plugin") and XML readers need one to tell BrickColor from int; this is ours. The declarations are parsed with
// the TypeScript compiler API, once per process.

import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

export interface ClassInfo {
	superclass?: string;
	/** Property name → the declared TypeScript type, as written (e.g. "Enum.RunContext", "Vector3", "number"). */
	properties: Map<string, string>;
}

export interface Reflection {
	classes: Map<string, ClassInfo>;
	/** Enum name → item name → value. */
	enums: Map<string, Map<string, number>>;
}

const cache = new Map<string, Reflection>();

function memberName(name: ts.PropertyName, sf: ts.SourceFile): string {
	return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(sf);
}

function readClasses(file: string, classes: Map<string, ClassInfo>): void {
	const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
	for (const statement of sf.statements) {
		if (!ts.isInterfaceDeclaration(statement)) continue;
		const name = statement.name.text;
		// Declaration merging: PluginSecurity.d.ts adds members to interfaces declared in None.d.ts.
		const info = classes.get(name) ?? { properties: new Map<string, string>() };
		const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
		const superclass = heritage?.types[0]?.expression.getText(sf);
		if (superclass !== undefined) info.superclass ??= superclass;
		for (const member of statement.members) {
			let type: ts.TypeNode | undefined;
			if (ts.isPropertySignature(member)) type = member.type;
			else if (ts.isGetAccessorDeclaration(member)) type = member.type;
			else continue;
			if (type === undefined) continue;
			const prop = memberName(member.name, sf);
			if (prop.startsWith("_nominal_")) continue;
			info.properties.set(prop, type.getText(sf));
		}
		classes.set(name, info);
	}
}

function readEnums(file: string): Map<string, Map<string, number>> {
	const enums = new Map<string, Map<string, number>>();
	const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
	for (const statement of sf.statements) {
		if (!ts.isModuleDeclaration(statement) || statement.name.getText(sf) !== "Enum") continue;
		const body = statement.body;
		if (body === undefined || !ts.isModuleBlock(body)) continue;
		for (const enumDecl of body.statements) {
			if (!ts.isModuleDeclaration(enumDecl) || enumDecl.body === undefined || !ts.isModuleBlock(enumDecl.body)) {
				continue;
			}
			const items = new Map<string, number>();
			for (const itemDecl of enumDecl.body.statements) {
				if (!ts.isInterfaceDeclaration(itemDecl)) continue;
				let itemName: string | undefined;
				let itemValue: number | undefined;
				for (const member of itemDecl.members) {
					if (!ts.isPropertySignature(member) || member.type === undefined) continue;
					if (!ts.isLiteralTypeNode(member.type)) continue;
					const literal = member.type.literal;
					const key = memberName(member.name, sf);
					if (key === "Name" && ts.isStringLiteral(literal)) itemName = literal.text;
					if (key === "Value") {
						if (ts.isNumericLiteral(literal)) itemValue = Number(literal.text);
						else if (
							ts.isPrefixUnaryExpression(literal) &&
							literal.operator === ts.SyntaxKind.MinusToken &&
							ts.isNumericLiteral(literal.operand)
						) {
							itemValue = -Number(literal.operand.text);
						}
					}
				}
				if (itemName !== undefined && itemValue !== undefined) items.set(itemName, itemValue);
			}
			enums.set(enumDecl.name.getText(sf), items);
		}
	}
	return enums;
}

/**
 * Loads (once per types directory) the reflection data from `node_modules/@rbxts/types/include/generated`.
 * @param root the repository root, whose node_modules holds @rbxts/types
 */
export function loadReflection(root: string): Reflection {
	const dir = path.join(root, "node_modules", "@rbxts", "types", "include", "generated");
	const cached = cache.get(dir);
	if (cached !== undefined) return cached;
	const classes = new Map<string, ClassInfo>();
	for (const file of ["None.d.ts", "PluginSecurity.d.ts"]) {
		const full = path.join(dir, file);
		if (fs.existsSync(full)) readClasses(full, classes);
	}
	const reflection: Reflection = { classes, enums: readEnums(path.join(dir, "enums.d.ts")) };
	if (!classes.has("Instance") || reflection.enums.size === 0) {
		throw new Error(`could not read Roblox classes and enums from ${dir}`);
	}
	cache.set(dir, reflection);
	return reflection;
}

/** Finds the declared type of a property on a class or its superclasses; undefined when it has none. */
export function findPropertyType(reflection: Reflection, className: string, property: string): string | undefined {
	let current: string | undefined = className;
	const seen = new Set<string>();
	while (current !== undefined && !seen.has(current)) {
		seen.add(current);
		const info = reflection.classes.get(current);
		if (info === undefined) return undefined;
		const type = info.properties.get(property);
		if (type !== undefined) return type;
		current = info.superclass;
	}
	return undefined;
}

/** For a declared type like "Enum.RunContext", the enum name; otherwise undefined. */
export function enumNameOf(declaredType: string | undefined): string | undefined {
	const match = declaredType === undefined ? null : /^Enum\.(\w+)$/.exec(declaredType.trim());
	return match?.[1];
}
