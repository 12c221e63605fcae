/**
 * set_properties: property changes on one instance, proposed to the user. Every property is checked
 * now against the instance's current values (exists, writable, value decodes), so the proposal
 * holds only changes that can apply.
 */
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { checkProperties, listProperties, propertiesField } from "./property-args";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The instance to change. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		properties: propertiesField(1),
		reason: reasonField,
	},
	{ description: "The instance and its new property values." },
);

export const setProperties: ToolDefinition<s.Infer<typeof args>> = {
	name: "set_properties",
	description:
		"Proposes new values for properties of one instance; the user approves or rejects. Values use the JSON forms " +
		"get_properties shows. Parent and Source cannot be set here (use move_instance and the script tools).",
	kind: "write",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const problems = checkProperties(target.instance, a.properties, context);
		if (problems.size() > 0) return { kind: "error", message: problems.join("\n") };
		return {
			kind: "proposal",
			summary: summarize(`Set ${listProperties(a.properties)} of ${describeInstance(target.instance, context)}`, a.reason),
			operations: [{ kind: "set_properties", path: pathOf(target.instance, context), properties: a.properties }],
		};
	},
};
