/**
 * create_instance: a new instance of any creatable class (parts, folders, GUI, lights, values…) with
 * initial properties, attributes, tags and a tree of children, proposed to the user as one operation.
 * Checked now on scratch instances that are never parented (tools/instance-spec.ts): every class
 * exists and can be created, and every property value and attribute decodes.
 */
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { attributesField, checkInstanceSpec, childrenField, tagsField } from "./instance-spec";
import { listProperties, propertiesField } from "./property-args";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		parentPath: s.text({ description: `Where to create it. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		className: s.text({
			description: 'A creatable Roblox class, e.g. "Part", "Folder", "PointLight", "TextLabel".',
			minLength: 1,
			maxLength: 100,
		}),
		name: s.optional(s.text({ description: "The Name (default: the class name).", minLength: 1, maxLength: 100 })),
		properties: s.optional(propertiesField(0)),
		attributes: s.optional(attributesField),
		tags: s.optional(tagsField),
		children: s.optional(childrenField),
		reason: reasonField,
	},
	{ description: "The instance to create." },
);

export const createInstance: ToolDefinition<s.Infer<typeof args>> = {
	name: "create_instance",
	description:
		"Proposes a new instance of a creatable Roblox class under a parent, with optional initial properties, " +
		"attributes, CollectionService tags and nested children (a whole model in one step); the user approves or " +
		"rejects. Not for scripts (use create_script). Property values use get_properties' JSON forms.",
	kind: "write",
	args,
	execute(a, context) {
		const parent = resolveTarget(context, "parentPath", a.parentPath);
		if (!parent.ok) return { kind: "error", message: parent.message };
		if (parent.instance.IsA("DataModel")) {
			return {
				kind: "error",
				message: "parentPath: nothing can be created directly under game; choose a service such as Workspace",
			};
		}
		const checked = checkInstanceSpec(a, context);
		if (!checked.ok) return { kind: "error", message: checked.message };
		const spec = checked.spec;

		let what = `Create ${a.className} "${spec.name}" in ${describeInstance(parent.instance, context)}`;
		const listed = listProperties(a.properties ?? {});
		if (listed !== "") what += ` with ${listed}`;
		if (spec.tags !== undefined) what += ` (tagged ${spec.tags.join(", ")})`;
		if (checked.descendants > 0) {
			what += ` and ${checked.descendants} instance${checked.descendants === 1 ? "" : "s"} inside`;
		}
		return {
			kind: "proposal",
			summary: summarize(what, a.reason),
			operations: [{ kind: "create_instance", parentPath: pathOf(parent.instance, context), ...spec }],
		};
	},
};
