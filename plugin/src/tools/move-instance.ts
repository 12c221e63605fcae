/**
 * move_instance: a new parent for one instance, proposed to the user. Refused now: what proposals must
 * never move (proposals/protected-instance.ts), a move into the instance itself or its descendants,
 * and a move to where it already is.
 */
import { protectionOf } from "../proposals/protected-instance";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The instance to move. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		newParentPath: s.text({ description: "Its new parent's instance path.", minLength: 1 }),
		reason: reasonField,
	},
	{ description: "The instance and where to move it." },
);

export const moveInstance: ToolDefinition<s.Infer<typeof args>> = {
	name: "move_instance",
	description:
		"Proposes moving one instance (with its descendants) under a new parent; the user approves or rejects. " +
		"Services cannot be moved.",
	kind: "write",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const refused = protectionOf(target.instance);
		if (refused !== undefined) return { kind: "error", message: `path: "${a.path}" cannot be moved: ${refused}` };
		const parent = resolveTarget(context, "newParentPath", a.newParentPath);
		if (!parent.ok) return { kind: "error", message: parent.message };
		const instance = target.instance;
		const destination = parent.instance;
		if (destination.IsA("DataModel")) {
			return {
				kind: "error",
				message: "newParentPath: only services live directly under game; choose a service or a folder",
			};
		}
		if (destination === instance || destination.IsDescendantOf(instance)) {
			return {
				kind: "error",
				message: `newParentPath: "${a.newParentPath}" is inside "${a.path}" itself; an instance cannot be moved into itself`,
			};
		}
		if (instance.Parent === destination) {
			return { kind: "error", message: `newParentPath: "${a.path}" is already a child of "${a.newParentPath}"` };
		}
		return {
			kind: "proposal",
			summary: summarize(`Move ${describeInstance(instance)} into ${describeInstance(destination, context)}`, a.reason),
			operations: [{ kind: "move_instance", path: pathOf(instance, context), newParentPath: pathOf(destination, context) }],
		};
	},
};
