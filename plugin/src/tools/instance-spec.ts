/**
 * The extras of create_instance: attributes, CollectionService tags and a tree of children, so one
 * operation can build a whole model (a classroom with its walls and desks, a quiz station with its
 * tag and StationId) and the proposal stays one reviewable, undoable step.
 *
 * The children argument is recursive. Its JSON schema describes one level and says that children
 * nest the same way (a recursive `$ref` is not accepted by every OpenAI-compatible provider); the
 * checker walks the whole tree with the same rules at every level, naming the offending node by its
 * place in the tree ("children[2].children[0].className").
 *
 * Everything is checked now against scratch instances that are never parented, so a proposal never
 * carries a class, property, attribute or tag that would fail at apply time for a reason known now.
 *
 * Roblox's rules (roblox-api.md; Instance:SetAttribute): attribute names are at most 100 characters of
 * letters, digits and underscores and may not start with "RBX"; values here are strings, numbers and
 * booleans (the types a lesson or a model needs; richer attribute types can be set by script). Tags are
 * non-empty strings; Roblox documents no length limit, we take 100 like names.
 */
import { InstanceSpec, JsonValue } from "../proposals/operation";
import { checkProperties } from "./property-args";
import * as s from "./schema";
import { ToolContext } from "./tool";

/** Most descendants one create_instance may make. */
export const MAX_DESCENDANTS = 200;
/** Deepest nesting of children below the created instance. */
export const MAX_CHILD_DEPTH = 8;
const MAX_ATTRIBUTES = 30;
const MAX_TAGS = 10;
const MAX_NAME = 100;

export const attributesField = s.record(s.json({ description: "A string, number or boolean." }), {
	description: 'Attributes to set (Instance:SetAttribute): name → string, number or boolean, e.g. {"StationId": "halves"}.',
	minEntries: 0,
	maxEntries: MAX_ATTRIBUTES,
});

export const tagsField = s.array(s.text({ description: "A tag.", minLength: 1, maxLength: MAX_NAME }), {
	description: 'CollectionService tags to add, e.g. ["VectorQuizStation"].',
	maxItems: MAX_TAGS,
});

export const childrenField = s.array(
	s.json({
		description:
			'A child: {"className", "name"?, "properties"?, "attributes"?, "tags"?, "children"?}, the same fields as this ' +
			"instance; children nest the same way.",
	}),
	{
		description: `Instances to create inside it, built before it is parented (at most ${MAX_DESCENDANTS} in all, ${MAX_CHILD_DEPTH} levels deep).`,
		maxItems: MAX_DESCENDANTS,
	},
);

const childShape = s.object(
	{
		className: s.text({ description: "A creatable Roblox class.", minLength: 1, maxLength: MAX_NAME }),
		name: s.optional(s.text({ description: "The Name (default: the class name).", minLength: 1, maxLength: MAX_NAME })),
		properties: s.optional(
			s.record(s.json({ description: "A property value." }), { description: "Properties.", minEntries: 0, maxEntries: 50 }),
		),
		attributes: s.optional(attributesField),
		tags: s.optional(tagsField),
		children: s.optional(childrenField),
	},
	{ description: "A child instance." },
);

export type SpecCheck = { readonly ok: true; readonly spec: InstanceSpec; readonly descendants: number } | { readonly ok: false; readonly message: string };

/** What the model sent for the created instance itself (children still raw JSON). */
export interface RawSpec {
	readonly className: string;
	readonly name?: string;
	readonly properties?: Record<string, s.Json>;
	readonly attributes?: Record<string, s.Json>;
	readonly tags?: ReadonlyArray<string>;
	readonly children?: ReadonlyArray<s.Json>;
}

/** Why `name` cannot be an attribute name, or undefined when it can. */
export function attributeNameProblem(name: string): string | undefined {
	if (name.size() === 0 || name.size() > MAX_NAME) return `attribute names are 1 to ${MAX_NAME} characters`;
	if (name.match("^[%w_]+$")[0] === undefined) return "attribute names use only letters, digits and underscores";
	if (name.sub(1, 3) === "RBX") return 'attribute names starting with "RBX" are reserved by Roblox';
	return undefined;
}

function checkAttributes(where: string, attributes: Record<string, s.Json>): Array<string> {
	const names = new Array<string>();
	for (const [name] of pairs(attributes)) names.push(name as string);
	names.sort();
	const problems = new Array<string>();
	for (const name of names) {
		const value = attributes[name];
		const nameProblem = attributeNameProblem(name);
		if (nameProblem !== undefined) problems.push(`${where}attributes.${name}: ${nameProblem}`);
		else if (!typeIs(value, "string") && !typeIs(value, "number") && !typeIs(value, "boolean")) {
			problems.push(`${where}attributes.${name}: expected a string, number or boolean`);
		} else if (typeIs(value, "number") && (value !== value || value === math.huge || value === -math.huge)) {
			problems.push(`${where}attributes.${name}: expected a finite number`);
		}
	}
	return problems;
}

interface Walk {
	count: number;
}

function checkNode(raw: RawSpec, where: string, depth: number, walk: Walk, context: ToolContext): SpecCheck {
	const [created, scratch] = pcall(() => new Instance(raw.className as keyof CreatableInstances));
	if (!created) {
		return {
			ok: false,
			message: `${where}className: "${raw.className}" is not a Roblox class that can be created with Instance.new (check the spelling and capitalisation)`,
		};
	}
	const instance = scratch as Instance;
	const isScript = instance.IsA("LuaSourceContainer");
	const properties = raw.properties ?? {};
	const problems = isScript ? [] : checkProperties(instance, properties, context).map((problem) => where + problem);
	instance.Destroy();
	if (isScript) {
		const message =
			where === ""
				? `className: use create_script to create a ${raw.className}`
				: `${where}className: a ${raw.className} cannot be a child here; use create_script once this instance exists`;
		return { ok: false, message };
	}
	if (properties.Name !== undefined) {
		const field = where === "" ? "the name argument" : "its name field";
		return { ok: false, message: `${where}properties.Name: give the name in ${field} instead` };
	}
	for (const problem of checkAttributes(where, raw.attributes ?? {})) problems.push(problem);
	if (problems.size() > 0) return { ok: false, message: problems.join("\n") };

	const children = new Array<InstanceSpec>();
	const rawChildren = raw.children ?? [];
	if (rawChildren.size() > 0 && depth >= MAX_CHILD_DEPTH) {
		return { ok: false, message: `${where}children: nested more than ${MAX_CHILD_DEPTH} levels deep` };
	}
	for (let i = 0; i < rawChildren.size(); i++) {
		const childWhere = `${where}children[${i}].`;
		walk.count += 1;
		if (walk.count > MAX_DESCENDANTS) {
			return { ok: false, message: `${childWhere.sub(1, -2)}: more than ${MAX_DESCENDANTS} instances in one create_instance; split it` };
		}
		const shaped = childShape.check(rawChildren[i]);
		if (!shaped.ok) return { ok: false, message: `${childWhere.sub(1, -2)}: ${shaped.message}` };
		const child = checkNode(shaped.value as RawSpec, childWhere, depth + 1, walk, context);
		if (!child.ok) return child;
		children.push(child.spec);
	}
	return {
		ok: true,
		spec: specOf(raw, children),
		descendants: walk.count,
	};
}

function specOf(raw: RawSpec, children: ReadonlyArray<InstanceSpec>): InstanceSpec {
	return {
		className: raw.className,
		name: raw.name ?? raw.className,
		properties: (raw.properties ?? {}) as { readonly [property: string]: JsonValue },
		...(raw.attributes !== undefined && next(raw.attributes)[0] !== undefined
			? { attributes: raw.attributes as { readonly [name: string]: JsonValue } }
			: {}),
		...(raw.tags !== undefined && raw.tags.size() > 0 ? { tags: [...raw.tags] } : {}),
		...(children.size() > 0 ? { children } : {}),
	};
}

/**
 * Checks the instance `raw` describes and its whole tree of children (see the module header).
 * Returns the normalised spec (names defaulted) and how many descendants it makes.
 */
export function checkInstanceSpec(raw: RawSpec, context: ToolContext): SpecCheck {
	return checkNode(raw, "", 0, { count: 0 }, context);
}
