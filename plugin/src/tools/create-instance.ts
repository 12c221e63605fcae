/**
 * create_instance: a new instance of any creatable class (parts, folders, GUI, lights, values…) with
 * initial properties, proposed to the user. Checked now on a scratch instance of the class that is
 * never parented: the class exists and can be created, and every property value decodes.
 */
import { formatPath, PATH_FORMAT_HELP } from "../studio/instance-path";
import { checkProperties, listProperties, propertiesField } from "./property-args";
import { reasonField, summarize } from "./reason";
import { describeInstance, resolveTarget } from "./resolve-target";
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
		reason: reasonField,
	},
	{ description: "The instance to create." },
);

export const createInstance: ToolDefinition<s.Infer<typeof args>> = {
	name: "create_instance",
	description:
		"Proposes a new instance of a creatable Roblox class under a parent, with optional initial properties; the " +
		"user approves or rejects. Not for scripts (use create_script). Property values use get_properties' JSON forms.",
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
		const [created, scratch] = pcall(() => new Instance(a.className as keyof CreatableInstances));
		if (!created) {
			return {
				kind: "error",
				message: `className: "${a.className}" is not a Roblox class that can be created with Instance.new (check the spelling and capitalisation)`,
			};
		}
		const instance = scratch as Instance;
		const isScript = instance.IsA("LuaSourceContainer");
		const properties = a.properties ?? {};
		const problems = isScript ? [] : checkProperties(instance, properties, context);
		instance.Destroy();
		if (isScript) return { kind: "error", message: `className: use create_script to create a ${a.className}` };
		if (properties.Name !== undefined) {
			return { kind: "error", message: "properties.Name: give the name in the name argument instead" };
		}
		if (problems.size() > 0) return { kind: "error", message: problems.join("\n") };

		const name = a.name ?? a.className;
		let what = `Create ${a.className} "${name}" in ${describeInstance(parent.instance)}`;
		const listed = listProperties(properties);
		if (listed !== "") what += ` with ${listed}`;
		return {
			kind: "proposal",
			summary: summarize(what, a.reason),
			operations: [
				{ kind: "create_instance", parentPath: formatPath(parent.instance), className: a.className, name, properties },
			],
		};
	},
};
