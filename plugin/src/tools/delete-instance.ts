/**
 * delete_instance: removing one instance and everything under it, proposed to the user (undoable in
 * one step once applied). What proposals must never delete (game, services, Terrain, the workspace
 * camera: proposals/protected-instance.ts) is refused now.
 */
import { protectionOf } from "../proposals/protected-instance";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The instance to delete. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		reason: reasonField,
	},
	{ description: "The instance to delete." },
);

export const deleteInstance: ToolDefinition<s.Infer<typeof args>> = {
	name: "delete_instance",
	description:
		"Proposes deleting one instance and all its descendants; the user approves or rejects. Services cannot be deleted.",
	kind: "write",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const refused = protectionOf(target.instance);
		if (refused !== undefined) return { kind: "error", message: `path: "${a.path}" cannot be deleted: ${refused}` };
		const descendants = target.instance.GetDescendants();
		let scripts = 0;
		for (const descendant of descendants) if (descendant.IsA("LuaSourceContainer")) scripts += 1;
		let what = `Delete ${describeInstance(target.instance)}`;
		if (descendants.size() > 0) {
			what += ` and its ${descendants.size()} descendant${descendants.size() === 1 ? "" : "s"}`;
			if (scripts > 0) what += ` (${scripts} script${scripts === 1 ? "" : "s"})`;
		}
		return {
			kind: "proposal",
			summary: summarize(what, a.reason),
			operations: [{ kind: "delete_instance", path: pathOf(target.instance, context) }],
		};
	},
};
