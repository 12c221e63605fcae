/**
 * Spec support (dev build only): a few small but real ToolDefinitions (a read tool over a table of
 * notes, a slow one, a long one, two write tools, the two control tools) behind the real registry,
 * so the agent specs exercise the registry's contract (mode filtering, unknown tools, bad JSON,
 * validation) without depending on the real tools and the place they read.
 */
import { t } from "@rbxts/t";
import { createToolRegistry } from "../../tools/registry";
import { ArgSchema, ToolContext, ToolDefinition } from "../../tools/tool";
import { AgentToolbox } from "../agent-toolbox";
import { createRegistryToolbox } from "../registry-toolbox";

type FieldType = "string" | "string[]";

/** A declared field: name, type, and whether it may be left out. */
type Field = [name: string, fieldType: FieldType, optional?: boolean];

/** An arguments object of string (or string array) fields. */
function objectArgs<A>(fields: ReadonlyArray<Field>): ArgSchema<A> {
	return {
		toJsonSchema() {
			const properties: { [name: string]: object } = {};
			const required = new Array<string>();
			for (const [name, fieldType, optional] of fields) {
				properties[name] = fieldType === "string" ? { type: "string" } : { type: "array", items: { type: "string" } };
				if (!optional) required.push(name);
			}
			return { type: "object", properties, required, additionalProperties: false };
		},
		check(value: unknown) {
			if (!t.table(value)) return { ok: false, message: "the arguments must be a JSON object" };
			const record = value as { [name: string]: unknown };
			for (const [name, fieldType, optional] of fields) {
				const field = record[name];
				if (field === undefined) {
					if (optional) continue;
					return { ok: false, message: `"${name}" is required` };
				}
				const valid = fieldType === "string" ? t.string(field) : t.array(t.string)(field);
				if (!valid)
					return {
						ok: false,
						message: `"${name}" must be ${fieldType === "string" ? "a string" : "an array of strings"}`,
					};
			}
			return { ok: true, value: value as A };
		},
	};
}

/** Notes the read tool answers from. */
export const NOTES: { [name: string]: string } = {
	a: "note a: the door is red",
	b: "note b: the lamp is off",
};

export const readNote: ToolDefinition<{ name: string }> = {
	name: "read_note",
	description: "Reads a note by name.",
	kind: "read",
	args: objectArgs([["name", "string"]]),
	execute(args) {
		const text = NOTES[args.name];
		if (text === undefined) return { kind: "error", message: `no note named "${args.name}"; notes: a, b` };
		return { kind: "result", text };
	},
};

/** Takes 5 seconds (virtual time in the headless Studio). */
export const slowRead: ToolDefinition<object> = {
	name: "slow_read",
	description: "Reads slowly.",
	kind: "read",
	args: objectArgs([]),
	execute() {
		task.wait(5);
		return { kind: "result", text: "slow result" };
	},
};

/** Returns a text of `size` bytes (for filling the context window). */
export const bigRead: ToolDefinition<{ name: string }> = {
	name: "big_read",
	description: "Reads a long document.",
	kind: "read",
	args: objectArgs([["name", "string"]]),
	execute(args) {
		return { kind: "result", text: `${args.name}: ` + string.rep("lorem ipsum ", 160) };
	},
};

export const setNote: ToolDefinition<{ path: string; value: string }> = {
	name: "set_note",
	description: "Sets the Value of an instance.",
	kind: "write",
	args: objectArgs([
		["path", "string"],
		["value", "string"],
	]),
	execute(args) {
		return {
			kind: "proposal",
			summary: `Set ${args.path} to ${args.value}`,
			operations: [{ kind: "set_properties", path: args.path, properties: { Value: args.value } }],
		};
	},
};

export const editScript: ToolDefinition<{ path: string; text: string }> = {
	name: "edit_script",
	description: "Replaces a script's text.",
	kind: "write",
	args: objectArgs([
		["path", "string"],
		["text", "string"],
	]),
	execute(args) {
		return {
			kind: "proposal",
			summary: `Rewrite ${args.path}`,
			operations: [{ kind: "edit_script", path: args.path, base: "", after: args.text }],
		};
	},
};

export const attemptCompletion: ToolDefinition<{ result: string }> = {
	name: "attempt_completion",
	description: "Ends the task with a result for the user.",
	kind: "control",
	args: objectArgs([["result", "string"]]),
	execute(args) {
		return { kind: "completion", result: args.result };
	},
};

export const askUser: ToolDefinition<{ question: string; options?: Array<string> }> = {
	name: "ask_user",
	description: "Asks the user a question.",
	kind: "control",
	args: objectArgs([
		["question", "string"],
		["options", "string[]", true],
	]),
	execute(args) {
		return { kind: "question", question: args.question, options: args.options };
	},
};

/** Every spec tool. */
export const SPEC_TOOLS: ReadonlyArray<ToolDefinition<never>> = [
	readNote,
	slowRead,
	bigRead,
	setNote,
	editScript,
	attemptCompletion,
	askUser,
] as unknown as ReadonlyArray<ToolDefinition<never>>;

/** A toolbox over spec tools that also records the name of every tool it executed. */
export interface SpecToolbox extends AgentToolbox {
	readonly executed: Array<string>;
}

/** `tool` with its executor recording its name in `executed` first. */
function recorded(tool: ToolDefinition<never>, executed: Array<string>): ToolDefinition<never> {
	return {
		name: tool.name,
		description: tool.description,
		kind: tool.kind,
		args: tool.args,
		execute(args, context) {
			executed.push(tool.name);
			return tool.execute(args, context);
		},
	};
}

/**
 * The real registry (tools/registry.ts) over `tools`, through the agent's registry adapter. With
 * `guardPlanMode: false` the toolbox runs write tools in Plan mode anyway (to exercise the loop's own
 * backstop): a registry that offers every tool in both modes.
 */
export function createSpecToolbox(
	tools: ReadonlyArray<ToolDefinition<never>> = SPEC_TOOLS,
	options: { guardPlanMode?: boolean } = {},
): SpecToolbox {
	const executed = new Array<string>();
	const registry = createToolRegistry(
		tools.map((tool) => recorded(tool, executed)) as unknown as ReadonlyArray<ToolDefinition>,
	);
	const toolbox = createRegistryToolbox(registry, {} as ToolContext);
	return {
		executed,
		toChatTools(mode) {
			return toolbox.toChatTools(mode);
		},
		run(mode, call) {
			return toolbox.run(options.guardPlanMode === false ? "act" : mode, call);
		},
	};
}
