// The instance tree IR: the one JSON shape every tool of the project shares. The Rojo-style project reader
// produces it, the .rbxmx/.rbxlx codec reads and writes it, and the headless Studio loads it into its emulated
// DataModel, so the shape below is a contract: change it only together with every consumer.
//
// Value conventions that the type alone does not say:
// - "BinaryString" values are the bytes encoded as base64 (as in the XML file).
// - "Ref" values are the `referent` of another node of the same tree (same file), or null for nil.
// - "Color3" components are 0..1 floats, "Color3uint8" components are 0..255 integers.
// - "Rect" is [minX, minY, maxX, maxY]; "UDim" is [scale, offset]; "UDim2" is [xScale, xOffset, yScale, yOffset];
//   "NumberRange" is [min, max]; "CFrame" is [x, y, z, R00, R01, R02, R10, R11, R12, R20, R21, R22].
// - Attributes and tags live in `attributes` / `tags`, never as AttributesSerialize / Tags properties.
//   Empty attribute maps and tag lists are left out rather than written as {} / [].

export type PropValue =
	| { type: "string" | "ProtectedString" | "Content" | "BinaryString"; value: string }
	| { type: "bool"; value: boolean }
	| { type: "int" | "int64" | "float" | "double"; value: number }
	| { type: "token"; value: number; enum?: string }
	| { type: "Vector3" | "Vector2" | "UDim" | "UDim2" | "Rect" | "NumberRange" | "Color3"; value: number[] }
	| { type: "Color3uint8"; value: number[] }
	| { type: "CFrame"; value: number[] }
	| { type: "BrickColor"; value: number }
	| { type: "NumberSequence"; value: [number, number, number][] }
	| { type: "ColorSequence"; value: [number, number, number, number][] }
	| { type: "Font"; value: { family: string; weight: number; style: "Normal" | "Italic" } }
	| { type: "Ref"; value: string | null };

export interface TreeNode {
	name: string;
	className: string;
	referent?: string;
	properties: Record<string, PropValue>;
	attributes?: Record<string, PropValue>;
	tags?: string[];
	children: TreeNode[];
}

/** How many components each fixed-size vector-like type carries; used by every validator of the IR. */
export const VECTOR_ARITY: Readonly<Record<string, number>> = {
	Vector3: 3,
	Vector2: 2,
	UDim: 2,
	UDim2: 4,
	Rect: 4,
	NumberRange: 2,
	Color3: 3,
	Color3uint8: 3,
	CFrame: 12,
};

/** The classes whose `Source` is Luau code: what the build compiles and scans. */
export const SCRIPT_CLASSES: ReadonlySet<string> = new Set(["Script", "LocalScript", "ModuleScript"]);

/**
 * Orders strings by their UTF-8 bytes, the way Rust's `str::cmp` (and so Rojo) does, so that sorted output is
 * identical across platforms and locales (JavaScript's default sort compares UTF-16 code units instead).
 */
export function compareUtf8(a: string, b: string): number {
	return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Visits every node depth-first, parents before children, passing the slash-joined path of names. */
export function walkTree(
	nodes: readonly TreeNode[],
	visit: (node: TreeNode, path: string) => void,
	parentPath = "",
): void {
	for (const node of nodes) {
		const path = parentPath === "" ? node.name : `${parentPath}/${node.name}`;
		visit(node, path);
		walkTree(node.children, visit, path);
	}
}

/** Counts the nodes of a forest. */
export function countNodes(nodes: readonly TreeNode[]): number {
	let count = 0;
	walkTree(nodes, () => count++);
	return count;
}
