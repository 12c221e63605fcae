// Why this exists: the headless Studio needs Roblox's class tree, property types, read-only flags, creatable and
// service classes, and every enum. @rbxts/types already carries all of that in its generated .d.ts files, so this
// module reads them with the TypeScript compiler API and turns them into a plain data model (see `ClassDb`).
// emit.ts writes that model out as Luau; the tests check it against facts of the real engine.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Security = "None" | "PluginSecurity";

export interface PropInfo {
	/** "string" | "number" | "boolean" | "Enum" | "Instance" | a datatype name ("Vector3", "UDim2", ...) | "unknown" */
	type: string;
	/** Enum name, for type "Enum". */
	enum?: string;
	/** Instance class the value must be (IsA), for type "Instance"; the common ancestor when the .d.ts allows several. */
	class?: string;
	/** The classes the .d.ts lists when it allows several (`Humanoid | BasePart | undefined`). */
	classes?: string[];
	/** The TS type includes `undefined` (the property can be nil). */
	nullable?: boolean;
	/** No script can write it (`readonly`, or a getter without a setter in either security level). */
	readOnly?: boolean;
	/** Reading (and writing) needs PluginSecurity: the property is only declared in PluginSecurity.d.ts. */
	security?: Security;
	/** Everyone can read it but only PluginSecurity can write it (getter in None.d.ts, setter in PluginSecurity.d.ts). */
	writeSecurity?: Security;
}

export interface ClassInfo {
	name: string;
	/** undefined only for Instance (Roblox's `Object` root is folded into Instance). */
	superclass?: string;
	creatable: boolean;
	service: boolean;
	/** "PluginSecurity" when the class only exists in PluginSecurity.d.ts. */
	security: Security;
	properties: Record<string, PropInfo>;
	/** Own methods (not inherited), sorted, overloads collapsed. */
	methods: string[];
	/** Own RBXScriptSignal members, sorted. */
	events: string[];
	/** Own callback members (assignable functions such as RemoteFunction.OnServerInvoke), sorted. */
	callbacks: string[];
}

export interface EnumItemInfo {
	name: string;
	value: number;
}

export interface ClassDb {
	version: string;
	classes: Record<string, ClassInfo>;
	enums: Record<string, EnumItemInfo[]>;
	/** Things the generator met and could not map; reported, and kept out of the DB or mapped to "unknown". */
	notes: string[];
}

/** The `@rbxts/types` interfaces that are maps of class names, not classes. */
const MAP_INTERFACES = new Set(["Services", "CreatableInstances", "Instances", "Objects"]);

/** TS aliases of `string` in roblox.d.ts that are Luau strings at runtime. */
const STRING_ALIASES = new Set(["ContentId", "ProtectedString", "BinaryString"]);

export function typesRoot(repoRoot: string): string {
	return path.join(repoRoot, "node_modules", "@rbxts", "types");
}

function parseFile(file: string): ts.SourceFile {
	return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

/** Leading JSDoc text of a node, or "". */
function docText(node: ts.Node, sf: ts.SourceFile): string {
	const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
	return ranges.map((r) => sf.text.slice(r.pos, r.end)).join("\n");
}

function memberName(m: ts.TypeElement, sf: ts.SourceFile): string | undefined {
	if (!m.name) return undefined;
	if (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) return m.name.text;
	return m.name.getText(sf);
}

/** One declared member, before merging the two security levels and before inheritance is looked at. */
interface RawMember {
	kind: "property" | "method" | "event" | "callback" | "hiddenMethod" | "unknownEvent";
	type?: ts.TypeNode;
	readonly: boolean;
	/** For accessors: a getter was seen / a setter was seen. */
	getter?: boolean;
	setter?: boolean;
	sf: ts.SourceFile;
}

interface RawClass {
	name: string;
	superclass?: string;
	typeParams: Map<string, ts.TypeNode | undefined>;
	members: Map<string, { none?: RawMember; plugin?: RawMember }>;
	inNone: boolean;
	inPlugin: boolean;
}

function isSignal(t: ts.TypeNode | undefined): boolean {
	return !!t && ts.isTypeReferenceNode(t) && t.typeName.getText() === "RBXScriptSignal";
}

function stripUndefined(t: ts.TypeNode): { parts: ts.TypeNode[]; nullable: boolean } {
	if (ts.isParenthesizedTypeNode(t)) return stripUndefined(t.type);
	if (ts.isUnionTypeNode(t)) {
		const parts: ts.TypeNode[] = [];
		let nullable = false;
		for (const p of t.types) {
			if (p.kind === ts.SyntaxKind.UndefinedKeyword) nullable = true;
			else parts.push(ts.isParenthesizedTypeNode(p) ? p.type : p);
		}
		return { parts, nullable };
	}
	return { parts: [t], nullable: false };
}

function isCallbackType(t: ts.TypeNode, typeParams: Map<string, ts.TypeNode | undefined>): boolean {
	const { parts } = stripUndefined(t);
	return (
		parts.length > 0 &&
		parts.every(
			(p) =>
				ts.isFunctionTypeNode(p) ||
				(ts.isTypeReferenceNode(p) &&
					(p.typeName.getText() === "Callback" ||
						(typeParams.has(p.typeName.getText()) &&
							typeParams.get(p.typeName.getText())?.getText() === "Callback"))),
		)
	);
}

function classifyMember(m: ts.TypeElement, sf: ts.SourceFile, typeParams: RawClass["typeParams"]): RawMember | undefined {
	if (ts.isMethodSignature(m)) return { kind: "method", readonly: false, sf };
	if (ts.isGetAccessorDeclaration(m))
		return { kind: "property", type: m.type, readonly: true, getter: true, sf };
	if (ts.isSetAccessorDeclaration(m))
		return { kind: "property", type: m.parameters[0]?.type, readonly: false, setter: true, sf };
	if (!ts.isPropertySignature(m) || !m.type) return undefined;
	const readonly = !!m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
	if (isSignal(m.type)) return { kind: "event", readonly, sf };
	if (isCallbackType(m.type, typeParams)) return { kind: "callback", readonly, sf };
	const k = m.type.kind;
	if (readonly && (k === ts.SyntaxKind.UnknownKeyword || k === ts.SyntaxKind.NeverKeyword)) {
		// @rbxts/types hides some members behind `readonly X: unknown|never`: methods it cannot type (their JSDoc
		// documents `@param this`), deprecated methods it forbids, and Object.Changed (an event it cannot type).
		const doc = docText(m, sf);
		if (/@param this\b/.test(doc)) return { kind: "hiddenMethod", readonly, sf };
		if (/^\s*\*\s*Fires\b/m.test(doc)) return { kind: "unknownEvent", readonly, sf };
	}
	return { kind: "property", type: m.type, readonly, sf };
}

function collectClasses(files: { file: string; security: Security }[], notes: string[]) {
	const classes = new Map<string, RawClass>();
	const maps: Record<string, Set<string>> = {
		Services: new Set(),
		CreatableInstances: new Set(),
		Instances: new Set(),
		Objects: new Set(),
	};
	for (const { file, security } of files) {
		const sf = parseFile(file);
		for (const st of sf.statements) {
			if (!ts.isInterfaceDeclaration(st)) {
				notes.push(`${path.basename(file)}: skipped a top-level ${ts.SyntaxKind[st.kind]}`);
				continue;
			}
			const name = st.name.text;
			if (MAP_INTERFACES.has(name)) {
				for (const m of st.members) {
					const n = memberName(m, sf);
					if (n) maps[name].add(n);
				}
				continue;
			}
			let raw = classes.get(name);
			if (!raw) {
				const heritage = st.heritageClauses?.flatMap((h) => h.types) ?? [];
				if (heritage.length > 1) notes.push(`${name}: extends several interfaces; only the first is used`);
				raw = {
					name,
					superclass: heritage[0]?.expression.getText(sf),
					typeParams: new Map(),
					members: new Map(),
					inNone: false,
					inPlugin: false,
				};
				classes.set(name, raw);
			}
			for (const tp of st.typeParameters ?? []) raw.typeParams.set(tp.name.text, tp.constraint);
			if (security === "None") raw.inNone = true;
			else raw.inPlugin = true;
			for (const m of st.members) {
				const n = memberName(m, sf);
				if (!n || n.startsWith("_nominal_")) continue;
				const c = classifyMember(m, sf, raw.typeParams);
				if (!c) {
					notes.push(`${name}.${n}: unrecognised member kind ${ts.SyntaxKind[m.kind]}`);
					continue;
				}
				const slot = raw.members.get(n) ?? {};
				const key = security === "None" ? "none" : "plugin";
				const prev = slot[key];
				// Accessor pairs (get + set) and method overloads arrive as several declarations: merge them.
				if (prev && prev.kind === "property" && c.kind === "property") {
					slot[key] = {
						...prev,
						type: prev.getter ? prev.type : c.type,
						getter: prev.getter || c.getter,
						setter: prev.setter || c.setter,
						readonly: prev.readonly && c.readonly,
					};
				} else if (!prev) slot[key] = c;
				raw.members.set(n, slot);
			}
		}
	}
	return { classes, maps };
}

function datatypeNames(robloxDts: string): Set<string> {
	// Datatypes are the interfaces declared in roblox.d.ts that have a `XConstructor` (Vector3, CFrame, ...), plus
	// the few without constructors that still appear as property types (Content, DateTime, RBXScriptSignal...).
	const sf = parseFile(robloxDts);
	const names = new Set<string>();
	for (const st of sf.statements) if (ts.isInterfaceDeclaration(st)) names.add(st.name.text);
	return names;
}

function commonAncestor(classes: Map<string, RawClass>, names: string[]): string {
	const chain = (n: string) => {
		const out: string[] = [];
		for (let c: string | undefined = n; c; c = classes.get(c)?.superclass) out.push(c);
		return out;
	};
	let common = chain(names[0]);
	for (const n of names.slice(1)) {
		const set = new Set(chain(n));
		common = common.filter((c) => set.has(c));
	}
	return common[0] ?? "Instance";
}

export function buildClassDb(repoRoot: string): ClassDb {
	const root = typesRoot(repoRoot);
	const gen = path.join(root, "include", "generated");
	const notes: string[] = [];
	const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
	const { classes: raw, maps } = collectClasses(
		[
			{ file: path.join(gen, "None.d.ts"), security: "None" },
			{ file: path.join(gen, "PluginSecurity.d.ts"), security: "PluginSecurity" },
		],
		notes,
	);
	const datatypes = datatypeNames(path.join(root, "include", "roblox.d.ts"));
	const enums = buildEnums(path.join(gen, "enums.d.ts"), notes);

	// Roblox's root class `Object` (RBXObject here) only contributes ClassName, Changed, IsA and
	// GetPropertyChangedSignal; it is folded into Instance so that Instance is the root of the tree. Objects that are
	// not Instances (EditableImage, Capture, ...) cannot be created with Instance.new nor parented; they are left out.
	const isInstanceClass = (n: string): boolean => {
		for (let c: string | undefined = n; c; c = raw.get(c)?.superclass) if (c === "Instance") return true;
		return false;
	};
	const objectRoot = raw.get("RBXObject");
	const leftOut = [...raw.keys()].filter((n) => n !== "RBXObject" && !isInstanceClass(n)).sort();
	if (leftOut.length) notes.push(`non-Instance Objects left out: ${leftOut.join(", ")}`);

	const instanceNames = [...raw.keys()].filter(isInstanceClass).sort();
	const instanceSet = new Set(instanceNames);

	const mapType = (owner: string, prop: string, t: ts.TypeNode | undefined): PropInfo => {
		if (!t) return { type: "unknown" };
		const { parts, nullable } = stripUndefined(t);
		const out = (p: PropInfo): PropInfo => (nullable ? { ...p, nullable: true } : p);
		if (parts.length === 0) return out({ type: "unknown" });
		const one = (p: ts.TypeNode): PropInfo | undefined => {
			switch (p.kind) {
				case ts.SyntaxKind.StringKeyword:
					return { type: "string" };
				case ts.SyntaxKind.NumberKeyword:
					return { type: "number" };
				case ts.SyntaxKind.BooleanKeyword:
					return { type: "boolean" };
				case ts.SyntaxKind.UnknownKeyword:
					return { type: "unknown" };
			}
			if (ts.isTypeReferenceNode(p)) {
				const n = p.typeName.getText();
				if (n.startsWith("Enum.")) {
					const e = n.slice(5);
					if (!enums[e]) notes.push(`${owner}.${prop}: enum ${e} not found in enums.d.ts`);
					return { type: "Enum", enum: e };
				}
				if (instanceSet.has(n)) return { type: "Instance", class: n };
				if (STRING_ALIASES.has(n)) return { type: "string" };
				if (datatypes.has(n) && !raw.has(n)) return { type: n };
			}
			return undefined;
		};
		const mapped = parts.map(one);
		if (mapped.every((m) => m?.type === "Instance") && mapped.length > 1) {
			const list = mapped.map((m) => m!.class!).sort();
			return out({ type: "Instance", class: commonAncestor(raw, list), classes: list });
		}
		if (mapped.length === 1 && mapped[0]) return out(mapped[0]);
		notes.push(`${owner}.${prop}: type \`${t.getText()}\` mapped to "unknown"`);
		return out({ type: "unknown" });
	};

	// First pass: own members per class, without looking at ancestors.
	const result: Record<string, ClassInfo> = {};
	for (const name of instanceNames) {
		const rc = raw.get(name)!;
		const info: ClassInfo = {
			name,
			superclass: name === "Instance" ? undefined : rc.superclass,
			creatable: maps.CreatableInstances.has(name),
			service: maps.Services.has(name),
			security: rc.inNone ? "None" : "PluginSecurity",
			properties: {},
			methods: [],
			events: [],
			callbacks: [],
		};
		const members = new Map(rc.members);
		if (name === "Instance" && objectRoot) for (const [k, v] of objectRoot.members) if (!members.has(k)) members.set(k, v);
		for (const [mname, slot] of members) {
			const m = slot.none ?? slot.plugin!;
			switch (m.kind) {
				case "method":
				case "hiddenMethod":
					info.methods.push(mname);
					break;
				case "event":
				case "unknownEvent":
					info.events.push(mname);
					break;
				case "callback":
					info.callbacks.push(mname);
					break;
				case "property": {
					const p = mapType(name, mname, m.type);
					const writableNone = slot.none?.kind === "property" && (slot.none.setter || (!slot.none.getter && !slot.none.readonly));
					const writablePlugin =
						slot.plugin?.kind === "property" && (slot.plugin.setter || (!slot.plugin.getter && !slot.plugin.readonly));
					if (!slot.none) p.security = "PluginSecurity";
					if (!writableNone && !writablePlugin) p.readOnly = true;
					else if (!writableNone && slot.none) p.writeSecurity = "PluginSecurity";
					info.properties[mname] = p;
					break;
				}
			}
		}
		result[name] = info;
	}

	// Second pass: drop re-declarations of inherited members (TS narrows types in subclasses; Roblox has one member).
	const ancestors = (n: string): ClassInfo[] => {
		const out: ClassInfo[] = [];
		for (let c = result[n]?.superclass; c; c = result[c]?.superclass) out.push(result[c]);
		return out;
	};
	for (const name of instanceNames) {
		const info = result[name];
		const anc = ancestors(name);
		const inherited = (key: "methods" | "events" | "callbacks") => new Set(anc.flatMap((a) => a[key]));
		const im = inherited("methods");
		const ie = inherited("events");
		const ic = inherited("callbacks");
		info.methods = [...new Set(info.methods)].filter((m) => !im.has(m)).sort();
		info.events = [...new Set(info.events)].filter((m) => !ie.has(m)).sort();
		info.callbacks = [...new Set(info.callbacks)].filter((m) => !ic.has(m)).sort();
		for (const [pname, p] of Object.entries(info.properties)) {
			const base = anc.find((a) => a.properties[pname])?.properties[pname];
			// Keep a re-declared property only when it says something more precise (ValueBase.Value: unknown →
			// StringValue.Value: string); an identical re-declaration is inheritance.
			if (base && JSON.stringify(base) === JSON.stringify(p)) delete info.properties[pname];
			if (!base && (im.has(pname) || ie.has(pname) || ic.has(pname))) {
				notes.push(`${name}.${pname}: property shadows an inherited non-property member; dropped`);
				delete info.properties[pname];
			}
		}
		for (const m of info.methods) if (info.properties[m]) notes.push(`${name}.${m}: both a method and a property`);
	}

	for (const s of maps.Services) if (!result[s]) notes.push(`service ${s} has no class interface`);
	for (const c of maps.CreatableInstances) if (!result[c]) notes.push(`creatable ${c} has no class interface`);

	return { version, classes: result, enums, notes };
}

export function buildEnums(enumsDts: string, notes: string[]): Record<string, EnumItemInfo[]> {
	const sf = parseFile(enumsDts);
	const enums: Record<string, EnumItemInfo[]> = {};
	const ns = sf.statements.find(
		(s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.getText(sf) === "Enum",
	);
	if (!ns?.body || !ts.isModuleBlock(ns.body)) throw new Error("enums.d.ts: `declare namespace Enum` not found");
	for (const st of ns.body.statements) {
		if (!ts.isModuleDeclaration(st) || !st.body || !ts.isModuleBlock(st.body)) continue;
		const enumName = st.name.getText(sf);
		const items: (EnumItemInfo & { order: number })[] = [];
		for (const item of st.body.statements) {
			if (!ts.isInterfaceDeclaration(item)) continue;
			let name: string | undefined;
			let value: number | undefined;
			for (const m of item.members) {
				if (!ts.isPropertySignature(m) || !m.type || !ts.isLiteralTypeNode(m.type)) continue;
				const lit = m.type.literal;
				const key = memberName(m, sf);
				if (key === "Name" && ts.isStringLiteral(lit)) name = lit.text;
				if (key === "Value") {
					if (ts.isNumericLiteral(lit)) value = Number(lit.text);
					else if (ts.isPrefixUnaryExpression(lit) && ts.isNumericLiteral(lit.operand))
						value = lit.operator === ts.SyntaxKind.MinusToken ? -Number(lit.operand.text) : Number(lit.operand.text);
				}
			}
			if (name === undefined || value === undefined) {
				notes.push(`Enum.${enumName}.${item.name.text}: no literal Name/Value`);
				continue;
			}
			items.push({ name, value, order: items.length });
		}
		items.sort((a, b) => a.value - b.value || a.order - b.order);
		enums[enumName] = items.map(({ name, value }) => ({ name, value }));
	}
	return enums;
}
