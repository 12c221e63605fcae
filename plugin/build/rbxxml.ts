// Reads and writes Roblox XML place/model files (.rbxlx/.rbxmx, `<roblox version="4">`) as instance-tree IR.
// The format follows what Studio writes and rbx-dom documents (docs/xml.md). Reading is forgiving, because real
// Studio files carry types the IR has no shape for (PhysicalProperties, SharedString, UniqueId…): those are
// skipped and reported in a warning list instead of failing. Writing is strict and byte-stable: a value the IR
// does not allow throws with the node's path, and the same tree always gives the same bytes.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeAttributes, decodeTags, encodeAttributes, encodeTags } from "./attributes.js";
import { enumNameOf, findPropertyType, type Reflection } from "./reflection.js";
import { compareUtf8, VECTOR_ARITY, type PropValue, type TreeNode } from "./tree.js";

export interface ReadOptions {
	/** Lets the reader recover types the XML tag does not carry: BrickColor stored as `int`, enum names of tokens. */
	reflection?: Reflection;
	/** Keep every Item's referent on its node; by default only referents that a Ref property points at are kept. */
	keepAllReferents?: boolean;
}

export interface ReadResult {
	nodes: TreeNode[];
	/** What was skipped or repaired, one line per kind of problem (counts aggregated). */
	warnings: string[];
}

export interface WriteOptions {
	/** "model" (default) adds the `ExplicitAutoJoints` Meta Studio writes in model files; "place" does not. */
	kind?: "model" | "place";
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface XmlElement {
	tag: string;
	attrs: Record<string, string>;
	children: XmlElement[];
	/** Concatenated text and CDATA directly inside the element, untrimmed. */
	text: string;
}

type FxpNode = Record<string, unknown>;

function toElements(nodes: FxpNode[]): XmlElement[] {
	const out: XmlElement[] = [];
	for (const node of nodes) {
		const tag = Object.keys(node).find((key) => key !== ":@");
		if (tag === undefined || tag === "#text" || tag === "#cdata") continue;
		const inner = (node[tag] as FxpNode[]) ?? [];
		let text = "";
		for (const child of inner) {
			if ("#text" in child) text += String(child["#text"]);
			else if ("#cdata" in child) {
				for (const part of child["#cdata"] as FxpNode[]) text += String(part["#text"] ?? "");
			}
		}
		out.push({
			tag,
			attrs: (node[":@"] as Record<string, string> | undefined) ?? {},
			children: toElements(inner),
			text,
		});
	}
	return out;
}

function parseXml(xml: string): XmlElement[] {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		throw new Error(`not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
	}
	const parser = new XMLParser({
		preserveOrder: true,
		ignoreAttributes: false,
		attributeNamePrefix: "",
		trimValues: false,
		parseTagValue: false,
		parseAttributeValue: false,
		cdataPropName: "#cdata",
		processEntities: true,
		htmlEntities: true,
		ignoreDeclaration: true,
		ignorePiTags: true,
	});
	return toElements(parser.parse(xml) as FxpNode[]);
}

class Warnings {
	private readonly counts = new Map<string, { count: number; example: string }>();

	add(kind: string, example: string): void {
		const entry = this.counts.get(kind);
		if (entry === undefined) this.counts.set(kind, { count: 1, example });
		else entry.count++;
	}

	list(): string[] {
		return [...this.counts].map(([kind, { count, example }]) =>
			count === 1 ? `${kind} (${example})` : `${kind} (${count} times, e.g. ${example})`,
		);
	}
}

/** Parses a number the way Roblox writes them, including INF, -INF and NAN. */
export function parseXmlNumber(text: string): number {
	const t = text.trim();
	const upper = t.toUpperCase();
	if (upper === "INF" || upper === "+INF" || upper === "INFINITY") return Infinity;
	if (upper === "-INF" || upper === "-INFINITY") return -Infinity;
	if (upper === "NAN" || upper.startsWith("-NAN") || upper.startsWith("NAN(")) return NaN;
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new Error(`not a number: ${JSON.stringify(text)}`);
	return Number(t);
}

function parseInteger(text: string): number {
	const t = text.trim();
	if (!/^[+-]?\d+$/.test(t)) throw new Error(`not an integer: ${JSON.stringify(text)}`);
	return Number(t);
}

function child(element: XmlElement, tag: string): XmlElement {
	const found = element.children.find((c) => c.tag === tag);
	if (found === undefined) throw new Error(`<${element.tag}> has no <${tag}>`);
	return found;
}

function numbers(element: XmlElement, tags: readonly string[]): number[] {
	return tags.map((tag) => parseXmlNumber(child(element, tag).text));
}

function spaceSeparated(text: string, group: number, what: string): number[][] {
	const values = text
		.trim()
		.split(/\s+/)
		.filter((s) => s !== "")
		.map(parseXmlNumber);
	if (values.length % group !== 0) throw new Error(`${what} has ${values.length} numbers, not a multiple of ${group}`);
	const out: number[][] = [];
	for (let i = 0; i < values.length; i += group) out.push(values.slice(i, i + group));
	return out;
}

function unpackColor(packed: number): number[] {
	return [(packed >>> 16) & 0xff, (packed >>> 8) & 0xff, packed & 0xff];
}

function readContent(element: XmlElement): string | undefined {
	const inner = element.children[0];
	if (inner === undefined) return element.text.trim(); // very old files store the URL as plain text
	if (inner.tag === "null") return "";
	if (inner.tag === "url" || inner.tag === "uri") return inner.text;
	return undefined;
}

/**
 * Decodes one property element. Returns undefined for types the IR cannot carry (the caller records a warning);
 * throws for malformed values.
 */
function readProperty(
	element: XmlElement,
	className: string,
	name: string,
	reflection: Reflection | undefined,
): PropValue | undefined {
	const declared = reflection === undefined ? undefined : findPropertyType(reflection, className, name);
	switch (element.tag) {
		case "string":
			return { type: "string", value: element.text };
		case "ProtectedString":
			return { type: "ProtectedString", value: element.text };
		case "BinaryString":
			return { type: "BinaryString", value: element.text.replace(/\s+/g, "") };
		case "bool": {
			const t = element.text.trim().toLowerCase();
			if (t !== "true" && t !== "false") throw new Error(`not a bool: ${JSON.stringify(element.text)}`);
			return { type: "bool", value: t === "true" };
		}
		case "int":
			// Studio writes BrickColor properties as <int>; only the class's declared type tells them apart.
			if (declared === "BrickColor") return { type: "BrickColor", value: parseInteger(element.text) };
			return { type: "int", value: parseInteger(element.text) };
		case "int64":
			return { type: "int64", value: parseInteger(element.text) };
		case "float":
			return { type: "float", value: parseXmlNumber(element.text) };
		case "double":
			return { type: "double", value: parseXmlNumber(element.text) };
		case "token": {
			const enumName = enumNameOf(declared);
			const value = parseInteger(element.text);
			return enumName === undefined ? { type: "token", value } : { type: "token", value, enum: enumName };
		}
		case "BrickColor":
			return { type: "BrickColor", value: parseInteger(element.text) };
		case "Vector3":
			return { type: "Vector3", value: numbers(element, ["X", "Y", "Z"]) };
		case "Vector2":
			return { type: "Vector2", value: numbers(element, ["X", "Y"]) };
		case "CoordinateFrame":
			return {
				type: "CFrame",
				value: numbers(element, ["X", "Y", "Z", "R00", "R01", "R02", "R10", "R11", "R12", "R20", "R21", "R22"]),
			};
		case "Color3":
			// Old files pack Color3 into one integer like Color3uint8.
			if (element.children.length === 0) {
				return { type: "Color3", value: unpackColor(parseInteger(element.text)).map((c) => c / 255) };
			}
			return { type: "Color3", value: numbers(element, ["R", "G", "B"]) };
		case "Color3uint8":
			return { type: "Color3uint8", value: unpackColor(parseInteger(element.text)) };
		case "UDim":
			return { type: "UDim", value: [parseXmlNumber(child(element, "S").text), parseInteger(child(element, "O").text)] };
		case "UDim2":
			return {
				type: "UDim2",
				value: [
					parseXmlNumber(child(element, "XS").text),
					parseInteger(child(element, "XO").text),
					parseXmlNumber(child(element, "YS").text),
					parseInteger(child(element, "YO").text),
				],
			};
		case "Rect2D":
			return {
				type: "Rect",
				value: [...numbers(child(element, "min"), ["X", "Y"]), ...numbers(child(element, "max"), ["X", "Y"])],
			};
		case "NumberRange": {
			const [range] = spaceSeparated(element.text, 2, "NumberRange");
			if (range === undefined) throw new Error("NumberRange is empty");
			return { type: "NumberRange", value: range };
		}
		case "NumberSequence":
			return {
				type: "NumberSequence",
				value: spaceSeparated(element.text, 3, "NumberSequence").map(([t, v, e]) => [t, v, e]),
			};
		case "ColorSequence":
			return {
				type: "ColorSequence",
				value: spaceSeparated(element.text, 5, "ColorSequence").map(([t, r, g, b]) => [t, r, g, b]),
			};
		case "Content":
		case "ContentId": {
			const url = readContent(element);
			return url === undefined ? undefined : { type: "Content", value: url };
		}
		case "Font": {
			const family = readContent(child(element, "Family")) ?? "";
			const weight = parseInteger(child(element, "Weight").text);
			const styleText = child(element, "Style").text.trim();
			if (styleText !== "Normal" && styleText !== "Italic") throw new Error(`unknown font style ${styleText}`);
			return { type: "Font", value: { family, weight, style: styleText } };
		}
		case "Ref": {
			const t = element.text.trim();
			return { type: "Ref", value: t === "" || t === "null" ? null : t };
		}
		default:
			return undefined;
	}
}

/**
 * Reads a .rbxmx / .rbxlx document into IR. Throws only when the text is not well-formed XML or has no
 * `<roblox>` root; everything else is repaired or skipped and listed in `warnings`.
 */
export function readRbxXml(xml: string, options: ReadOptions = {}): ReadResult {
	const warnings = new Warnings();
	const roots = parseXml(xml).filter((e) => e.tag === "roblox");
	const root = roots[0];
	if (root === undefined) throw new Error("not a Roblox XML file: no <roblox> root element");
	if (root.attrs.version !== "4") warnings.add(`unexpected format version ${root.attrs.version ?? "(none)"}`, "roblox");

	const referentTargets = new Set<string>();
	const refProps: { node: TreeNode; prop: string; path: string }[] = [];
	const allReferents = new Map<string, TreeNode>();

	const readItem = (item: XmlElement, parentPath: string): TreeNode | undefined => {
		const className = item.attrs.class;
		if (className === undefined || className === "") {
			warnings.add("skipped an Item without a class", parentPath === "" ? "(root)" : parentPath);
			return undefined;
		}
		const node: TreeNode = { name: className, className, properties: {}, children: [] };
		const referent = item.attrs.referent;
		if (referent !== undefined && referent !== "" && referent !== "null") {
			if (allReferents.has(referent)) warnings.add("duplicate referent, later one ignored", referent);
			else {
				allReferents.set(referent, node);
				node.referent = referent;
			}
		}
		let path = parentPath === "" ? className : `${parentPath}/${className}`;
		for (const section of item.children) {
			if (section.tag === "Item") continue;
			if (section.tag !== "Properties") {
				warnings.add(`skipped unknown element <${section.tag}> in an Item`, path);
				continue;
			}
			for (const propElement of section.children) {
				const propName = propElement.attrs.name;
				if (propName === undefined) {
					warnings.add("skipped a property without a name", path);
					continue;
				}
				let value: PropValue | undefined;
				try {
					value = readProperty(propElement, className, propName, options.reflection);
				} catch (error) {
					warnings.add(`skipped malformed ${propElement.tag} property`, `${path}.${propName}: ${(error as Error).message}`);
					continue;
				}
				if (value === undefined) {
					warnings.add(`skipped property of unsupported type ${propElement.tag}`, `${className}.${propName}`);
					continue;
				}
				if (propName === "Name" && value.type === "string") {
					node.name = value.value;
					path = parentPath === "" ? node.name : `${parentPath}/${node.name}`;
				} else if (propName === "AttributesSerialize" && value.type === "BinaryString") {
					try {
						const attributes = decodeAttributes(Buffer.from(value.value, "base64"));
						if (Object.keys(attributes).length > 0) node.attributes = attributes;
					} catch (error) {
						warnings.add("kept undecodable AttributesSerialize as a BinaryString", `${path}: ${(error as Error).message}`);
						node.properties[propName] = value;
					}
				} else if (propName === "Tags" && value.type === "BinaryString") {
					const tags = decodeTags(Buffer.from(value.value, "base64"));
					if (tags.length > 0) node.tags = tags;
				} else if (propName === "Name" || propName === "AttributesSerialize" || propName === "Tags") {
					warnings.add(`skipped ${propName} property of unexpected type ${propElement.tag}`, path);
				} else {
					node.properties[propName] = value;
					if (value.type === "Ref" && value.value !== null) {
						referentTargets.add(value.value);
						refProps.push({ node, prop: propName, path: `${path}.${propName}` });
					}
				}
			}
		}
		for (const childItem of item.children) {
			if (childItem.tag !== "Item") continue;
			const childNode = readItem(childItem, path);
			if (childNode !== undefined) node.children.push(childNode);
		}
		return node;
	};

	const nodes: TreeNode[] = [];
	for (const element of root.children) {
		if (element.tag === "Item") {
			const node = readItem(element, "");
			if (node !== undefined) nodes.push(node);
		} else if (element.tag !== "Meta" && element.tag !== "External" && element.tag !== "SharedStrings") {
			warnings.add(`skipped unknown element <${element.tag}>`, "roblox");
		}
	}

	// Refs that point outside the file (or at nothing) become nil, as Studio does when it loads such a file.
	for (const { node, prop, path } of refProps) {
		const value = node.properties[prop];
		if (value.type === "Ref" && value.value !== null && !allReferents.has(value.value)) {
			warnings.add("Ref to an Item not in the file set to nil", path);
			node.properties[prop] = { type: "Ref", value: null };
		}
	}
	if (options.keepAllReferents !== true) {
		for (const [referent, node] of allReferents) {
			if (!referentTargets.has(referent)) delete node.referent;
		}
	}
	return { nodes, warnings: warnings.list() };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Formats a number as Roblox does in XML: shortest round-trip decimal, INF / -INF / NAN for the specials. */
export function formatXmlNumber(value: number): string {
	if (Number.isNaN(value)) return "NAN";
	if (value === Infinity) return "INF";
	if (value === -Infinity) return "-INF";
	if (Object.is(value, -0)) return "-0";
	return String(value);
}

function escapeChar(ch: string): string {
	return `&#${ch.codePointAt(0)};`;
}

/** Escapes element text. Carriage returns and control characters become character references so they survive. */
function escapeText(text: string): string {
	return text
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\u007f]/g, escapeChar);
}

function escapeAttribute(text: string): string {
	return escapeText(text).replace(/"/g, "&quot;").replace(/[\t\n]/g, escapeChar);
}

/**
 * Writes text as CDATA, Roblox's convention for script sources. `]]>` cannot appear inside a CDATA section and
 * a raw carriage return would be normalised away by XML parsers, so both are emitted between sections.
 */
function cdata(text: string): string {
	if (text === "") return "<![CDATA[]]>";
	let out = "";
	for (const [i, piece] of text.split("\r").entries()) {
		if (i > 0) out += "&#13;";
		if (piece !== "") out += `<![CDATA[${piece.split("]]>").join("]]]]><![CDATA[>")}]]>`;
	}
	return out;
}

class XmlWriter {
	private readonly lines: string[] = [];
	private depth = 0;

	line(text: string): void {
		this.lines.push("\t".repeat(this.depth) + text);
	}
	open(text: string): void {
		this.line(text);
		this.depth++;
	}
	close(text: string): void {
		this.depth--;
		this.line(text);
	}
	toString(): string {
		return this.lines.join("\n") + "\n";
	}
}

function checkNumbers(values: readonly unknown[], where: string): void {
	for (const v of values) {
		if (typeof v !== "number") throw new Error(`${where}: expected numbers, got ${JSON.stringify(v)}`);
	}
}

function checkInteger(value: unknown, where: string, min: number, max: number): number {
	if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
		throw new Error(`${where}: expected an integer in ${min}..${max}, got ${JSON.stringify(value)}`);
	}
	return value;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function writeProperty(w: XmlWriter, name: string, value: PropValue, where: string, referents: ReadonlySet<string>): void {
	const n = escapeAttribute(name);
	const num = formatXmlNumber;
	const arity = VECTOR_ARITY[value.type];
	if (arity !== undefined) {
		const components = value.value as unknown;
		if (!Array.isArray(components) || components.length !== arity) {
			throw new Error(`${where}: ${value.type} needs ${arity} numbers, got ${JSON.stringify(components)}`);
		}
		checkNumbers(components, where);
	}
	const tagged = (tag: string, children: [string, number][]): void => {
		w.open(`<${tag} name="${n}">`);
		for (const [childTag, v] of children) w.line(`<${childTag}>${num(v)}</${childTag}>`);
		w.close(`</${tag}>`);
	};
	switch (value.type) {
		case "string":
			w.line(`<string name="${n}">${escapeText(value.value)}</string>`);
			return;
		case "ProtectedString":
			w.line(`<ProtectedString name="${n}">${cdata(value.value)}</ProtectedString>`);
			return;
		case "BinaryString":
			if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.value)) throw new Error(`${where}: BinaryString value is not base64`);
			w.line(`<BinaryString name="${n}">${value.value}</BinaryString>`);
			return;
		case "Content":
			w.line(
				value.value === ""
					? `<Content name="${n}"><null></null></Content>`
					: `<Content name="${n}"><url>${escapeText(value.value)}</url></Content>`,
			);
			return;
		case "bool":
			w.line(`<bool name="${n}">${value.value ? "true" : "false"}</bool>`);
			return;
		case "int":
			w.line(`<int name="${n}">${checkInteger(value.value, where, INT32_MIN, INT32_MAX)}</int>`);
			return;
		case "int64":
			w.line(`<int64 name="${n}">${checkInteger(value.value, where, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)}</int64>`);
			return;
		case "float":
		case "double":
			checkNumbers([value.value], where);
			w.line(`<${value.type} name="${n}">${num(value.value)}</${value.type}>`);
			return;
		case "token":
			w.line(`<token name="${n}">${checkInteger(value.value, where, 0, 0xffffffff)}</token>`);
			return;
		case "BrickColor":
			// Studio writes <int> here and reads by property, not by tag; the explicit tag keeps the type readable
			// without a reflection database (rbx-dom's format notes allow either).
			w.line(`<BrickColor name="${n}">${checkInteger(value.value, where, 0, 0xffff)}</BrickColor>`);
			return;
		case "Vector3":
			tagged("Vector3", [["X", value.value[0]], ["Y", value.value[1]], ["Z", value.value[2]]]);
			return;
		case "Vector2":
			tagged("Vector2", [["X", value.value[0]], ["Y", value.value[1]]]);
			return;
		case "CFrame": {
			const names = ["X", "Y", "Z", "R00", "R01", "R02", "R10", "R11", "R12", "R20", "R21", "R22"];
			tagged("CoordinateFrame", names.map((tag, i): [string, number] => [tag, value.value[i]]));
			return;
		}
		case "Color3":
			tagged("Color3", [["R", value.value[0]], ["G", value.value[1]], ["B", value.value[2]]]);
			return;
		case "Color3uint8": {
			const [r, g, b] = value.value.map((c) => checkInteger(c, where, 0, 255));
			w.line(`<Color3uint8 name="${n}">${(((0xff << 24) | (r << 16) | (g << 8) | b) >>> 0).toString()}</Color3uint8>`);
			return;
		}
		case "UDim":
			checkInteger(value.value[1], where, INT32_MIN, INT32_MAX);
			tagged("UDim", [["S", value.value[0]], ["O", value.value[1]]]);
			return;
		case "UDim2":
			checkInteger(value.value[1], where, INT32_MIN, INT32_MAX);
			checkInteger(value.value[3], where, INT32_MIN, INT32_MAX);
			tagged("UDim2", [["XS", value.value[0]], ["XO", value.value[1]], ["YS", value.value[2]], ["YO", value.value[3]]]);
			return;
		case "Rect": {
			const [x0, y0, x1, y1] = value.value;
			w.open(`<Rect2D name="${n}">`);
			w.line(`<min><X>${num(x0)}</X><Y>${num(y0)}</Y></min>`);
			w.line(`<max><X>${num(x1)}</X><Y>${num(y1)}</Y></max>`);
			w.close("</Rect2D>");
			return;
		}
		case "NumberRange":
			w.line(`<NumberRange name="${n}">${num(value.value[0])} ${num(value.value[1])} </NumberRange>`);
			return;
		case "NumberSequence": {
			let text = "";
			for (const keypoint of value.value) {
				if (!Array.isArray(keypoint) || keypoint.length !== 3) throw new Error(`${where}: keypoints are [time, value, envelope]`);
				checkNumbers(keypoint, where);
				text += keypoint.map(num).join(" ") + " ";
			}
			w.line(`<NumberSequence name="${n}">${text}</NumberSequence>`);
			return;
		}
		case "ColorSequence": {
			let text = "";
			for (const keypoint of value.value) {
				if (!Array.isArray(keypoint) || keypoint.length !== 4) throw new Error(`${where}: keypoints are [time, r, g, b]`);
				checkNumbers(keypoint, where);
				text += keypoint.map(num).join(" ") + " 0 ";
			}
			w.line(`<ColorSequence name="${n}">${text}</ColorSequence>`);
			return;
		}
		case "Font": {
			const font = value.value;
			if (font.style !== "Normal" && font.style !== "Italic") throw new Error(`${where}: font style must be Normal or Italic`);
			w.open(`<Font name="${n}">`);
			w.line(`<Family><url>${escapeText(font.family)}</url></Family>`);
			w.line(`<Weight>${checkInteger(font.weight, where, 0, 0xffff)}</Weight>`);
			w.line(`<Style>${font.style}</Style>`);
			w.close("</Font>");
			return;
		}
		case "Ref":
			if (value.value !== null && !referents.has(value.value)) {
				throw new Error(`${where}: Ref points at referent ${JSON.stringify(value.value)}, which no node in the tree has`);
			}
			w.line(`<Ref name="${n}">${value.value === null ? "null" : escapeText(value.value)}</Ref>`);
			return;
		default:
			throw new Error(`${where}: unknown property type ${JSON.stringify((value as { type: unknown }).type)}`);
	}
}

/**
 * Writes IR as a Roblox XML document. Properties are written `Name` first, then in UTF-8 byte order of their
 * names; nodes without a referent get sequential ones, so equal trees give equal bytes.
 */
export function writeRbxXml(nodes: readonly TreeNode[], options: WriteOptions = {}): string {
	const explicit = new Set<string>();
	const collect = (list: readonly TreeNode[], parent: string): void => {
		for (const node of list) {
			const where = parent === "" ? node.name : `${parent}/${node.name}`;
			if (node.referent !== undefined) {
				if (node.referent === "" || node.referent === "null") throw new Error(`${where}: invalid referent ${JSON.stringify(node.referent)}`);
				if (explicit.has(node.referent)) throw new Error(`${where}: referent ${node.referent} is used twice`);
				explicit.add(node.referent);
			}
			collect(node.children, where);
		}
	};
	collect(nodes, "");

	let counter = 0;
	const nextReferent = (): string => {
		for (;;) {
			const candidate = "RBX" + (counter++).toString(16).toUpperCase().padStart(32, "0");
			if (!explicit.has(candidate)) return candidate;
		}
	};

	const w = new XmlWriter();
	w.open('<roblox version="4">');
	if ((options.kind ?? "model") === "model") w.line('<Meta name="ExplicitAutoJoints">true</Meta>');

	const writeNode = (node: TreeNode, parent: string): void => {
		const where = parent === "" ? node.name : `${parent}/${node.name}`;
		if (typeof node.name !== "string" || typeof node.className !== "string" || node.className === "") {
			throw new Error(`${where}: a node needs a string name and a className`);
		}
		const referent = node.referent ?? nextReferent();
		w.open(`<Item class="${escapeAttribute(node.className)}" referent="${escapeAttribute(referent)}">`);
		w.open("<Properties>");
		w.line(`<string name="Name">${escapeText(node.name)}</string>`);
		const props: [string, PropValue][] = Object.entries(node.properties);
		for (const [name] of props) {
			if (name === "Name" || name === "AttributesSerialize" || name === "Tags") {
				throw new Error(`${where}: property ${name} belongs in the node's ${name === "Name" ? "name" : name === "Tags" ? "tags" : "attributes"} field`);
			}
		}
		if (node.attributes !== undefined && Object.keys(node.attributes).length > 0) {
			let bytes: Buffer;
			try {
				bytes = encodeAttributes(node.attributes);
			} catch (error) {
				throw new Error(`${where}: ${(error as Error).message}`);
			}
			props.push(["AttributesSerialize", { type: "BinaryString", value: bytes.toString("base64") }]);
		}
		if (node.tags !== undefined && node.tags.length > 0) {
			props.push(["Tags", { type: "BinaryString", value: encodeTags(node.tags).toString("base64") }]);
		}
		props.sort(([a], [b]) => compareUtf8(a, b));
		for (const [name, value] of props) writeProperty(w, name, value, `${where}.${name}`, explicit);
		w.close("</Properties>");
		for (const childNode of node.children) writeNode(childNode, where);
		w.close("</Item>");
	};
	for (const node of nodes) writeNode(node, "");
	w.close("</roblox>");
	return w.toString();
}
