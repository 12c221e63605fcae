/**
 * rename_instance: a new Name for one instance, proposed to the user. What proposals must never
 * rename (game, services, Terrain, the workspace camera: proposals/protected-instance.ts) is refused now.
 */
import { protectionOf } from "../proposals/protected-instance";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		path: s.text({ description: `The instance to rename. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		newName: s.text({ description: "The new Name.", minLength: 1, maxLength: 100 }),
		reason: reasonField,
	},
	{ description: "The instance and its new name." },
);

export const renameInstance: ToolDefinition<s.Infer<typeof args>> = {
	name: "rename_instance",
	description:
		"Proposes renaming one instance; the user approves or rejects. Scripts that find it by its old name " +
		"(FindFirstChild, WaitForChild, dot access) must be updated too. Services cannot be renamed.",
	kind: "write",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const refused = protectionOf(target.instance);
		if (refused !== undefined) return { kind: "error", message: `path: "${a.path}" cannot be renamed: ${refused}` };
		if (target.instance.Name === a.newName) {
			return { kind: "error", message: `newName: "${a.path}" is already named "${a.newName}"` };
		}
		return {
			kind: "proposal",
			summary: summarize(`Rename ${describeInstance(target.instance)} to "${a.newName}"`, a.reason),
			operations: [{ kind: "rename_instance", path: pathOf(target.instance, context), newName: a.newName }],
		};
	},
};
