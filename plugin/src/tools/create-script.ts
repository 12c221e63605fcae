/**
 * create_script: a new Script, LocalScript or ModuleScript with its source, proposed to the user.
 * Checked now: the parent exists and can hold a script, the name is usable.
 */
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { scriptLines } from "./script-excerpt";
import { ToolDefinition } from "./tool";

const args = s.object(
	{
		parentPath: s.text({
			description: `Where to create it, e.g. "ServerScriptService". ${PATH_FORMAT_HELP}`,
			minLength: 1,
		}),
		name: s.text({ description: "The script's Name.", minLength: 1, maxLength: 100 }),
		className: s.literals(["Script", "LocalScript", "ModuleScript"], {
			description: "Script (server), LocalScript (client) or ModuleScript (required by others).",
		}),
		source: s.text({ description: "The full Luau source." }),
		runContext: s.optional(
			s.literals(["Legacy", "Server", "Client"], {
				description:
					"Script/LocalScript RunContext (default Legacy: runs by location, e.g. Script in ServerScriptService).",
			}),
		),
		reason: reasonField,
	},
	{ description: "The script to create." },
);

export const createScript: ToolDefinition<s.Infer<typeof args>> = {
	name: "create_script",
	description:
		"Proposes a new Script, LocalScript or ModuleScript with the given source under a parent instance; the user " +
		"approves or rejects. Server code belongs in ServerScriptService, shared modules in ReplicatedStorage, client " +
		"code in StarterPlayer/StarterPlayerScripts or StarterGui.",
	kind: "write",
	args,
	execute(a, context) {
		const parent = resolveTarget(context, "parentPath", a.parentPath);
		if (!parent.ok) return { kind: "error", message: parent.message };
		if (parent.instance.IsA("DataModel")) {
			return {
				kind: "error",
				message: "parentPath: scripts cannot be children of game itself; choose a service such as ServerScriptService",
			};
		}
		if (a.runContext !== undefined && a.className === "ModuleScript") {
			return {
				kind: "error",
				message: "runContext: only Script and LocalScript have a RunContext; omit it for a ModuleScript",
			};
		}
		const lineCount = scriptLines(a.source).size();
		let what = `Create ${a.className} "${a.name}" in ${describeInstance(parent.instance, context)} (${lineCount} line${lineCount === 1 ? "" : "s"}`;
		if (a.runContext !== undefined) what += `, RunContext ${a.runContext}`;
		what += ")";
		const existing = parent.instance.FindFirstChild(a.name);
		if (existing !== undefined) what += `; note: a ${existing.ClassName} named "${a.name}" is already there`;
		return {
			kind: "proposal",
			summary: summarize(what, a.reason),
			operations: [
				{
					kind: "create_script",
					parentPath: pathOf(parent.instance, context),
					name: a.name,
					className: a.className,
					source: a.source,
					runContext: a.runContext,
				},
			],
		};
	},
};
