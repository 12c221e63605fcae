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

/**
 * The path of `instance` as operations name it: its path in the place, or for an instance an earlier
 * change of the same propose_changes creates, the path it will have (tools/planned-instances.ts).
 */
export function pathOf(instance: Instance, context?: ToolContext): string {
	return context?.planned?.pathOf(instance) ?? formatPath(instance);
}

/** "Workspace/Map/Door (Model)": how tools name an instance to the model. */
export function describeInstance(instance: Instance, context?: ToolContext): string {
	return `${pathOf(instance, context)} (${instance.ClassName})`;
}

/** Resolves `path` (the argument named `field`) in the place, or among the batch's planned creations. */
export function resolveTarget(context: ToolContext, field: string, path: string): Target {
	const planned = context.planned?.resolve(path);
	if (planned?.kind === "planned") return { ok: true, instance: planned.instance };
	if (planned?.kind === "ambiguous") return { ok: false, message: `${field}: ${planned.message}` };
	const resolved = resolvePath(context.studio.game, path);
	if (!resolved.ok) return { ok: false, message: `${field}: ${resolved.message}` };
	return { ok: true, instance: resolved.instance };
}

/** Resolves `path` to a script (Script, LocalScript or ModuleScript). */
export function resolveScript(context: ToolContext, field: string, path: string): Target<LuaSourceContainer> {
	const target = resolveTarget(context, field, path);
	if (!target.ok) return target;
	if (context.planned?.has(target.instance)) {
		return {
			ok: false,
			message: `${field}: "${path}" is created by an earlier change of this proposal; give that create_script the whole source instead`,
		};
	}
	if (!target.instance.IsA("LuaSourceContainer")) {
		return {
			ok: false,
			message: `${field}: "${path}" is a ${target.instance.ClassName}, not a script (Script, LocalScript or ModuleScript)`,
		};
	}
	return { ok: true, instance: target.instance };
}
