/**
 * Turning a path argument into the instance a tool works on, with the errors a model can act on: the
 * path's own problem (from studio/instance-path.ts) prefixed with the argument's name, or what the
 * instance is when the tool needs something else (a script).
 */
import { formatPath, resolvePath } from "../studio/instance-path";
import { ToolContext } from "./tool";

/** The instance a path argument names, or a message for the model. */
export type Target<T extends Instance = Instance> =
	{ readonly ok: true; readonly instance: T } | { readonly ok: false; readonly message: string };

/** "Workspace/Map/Door (Model)": how tools name an instance to the model. */
export function describeInstance(instance: Instance): string {
	return `${formatPath(instance)} (${instance.ClassName})`;
}

/** Resolves `path` (the argument named `field`) in the place. */
export function resolveTarget(context: ToolContext, field: string, path: string): Target {
	const resolved = resolvePath(context.studio.game, path);
	if (!resolved.ok) return { ok: false, message: `${field}: ${resolved.message}` };
	return { ok: true, instance: resolved.instance };
}

/** Resolves `path` to a script (Script, LocalScript or ModuleScript). */
export function resolveScript(context: ToolContext, field: string, path: string): Target<LuaSourceContainer> {
	const target = resolveTarget(context, field, path);
	if (!target.ok) return target;
	if (!target.instance.IsA("LuaSourceContainer")) {
		return {
			ok: false,
			message: `${field}: "${path}" is a ${target.instance.ClassName}, not a script (Script, LocalScript or ModuleScript)`,
		};
	}
	return { ok: true, instance: target.instance };
}
