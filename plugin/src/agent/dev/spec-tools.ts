/**
 * Spec support (dev build only): a few small but real ToolDefinitions (a read tool over a table of
 * notes, a slow read tool, two write tools, the two control tools) and a local registry over them
 * with the registry's contract (tools/registry.ts): the mode decides what is offered, and unknown
 * tools, arguments that are not JSON or fail validation come back as error outcomes. The agent
 * specs use these so they do not depend on the real tools.
 */
import { t } from "@rbxts/t";
import { HttpService } from "@rbxts/services";
import { ChatTool, ChatToolCall } from "../../../../shared/src/proxy-api";
import { ArgSchema, ToolContext, ToolDefinition, ToolOutcome } from "../../tools/tool";
import { AgentMode } from "../agent-state";
import { AgentToolbox } from "../agent-toolbox";

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
				if (!valid) return { ok: false, message: `"${name}" must be ${fieldType === "string" ? "a string" : "an array of strings"}` };
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
	args: objectArgs([["path", "string"], ["value", "string"]]),
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
	args: objectArgs([["path", "string"], ["text", "string"]]),
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
	args: objectArgs([["question", "string"], ["options", "string[]", true]]),
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

/**
 * A local registry over `tools`. With `guardPlanMode: false` it runs write tools in Plan mode
 * anyway (to exercise the loop's own backstop).
 */
export function createSpecToolbox(
	tools: ReadonlyArray<ToolDefinition<never>> = SPEC_TOOLS,
	options: { guardPlanMode?: boolean } = {},
): SpecToolbox {
	const context = {} as ToolContext;
	const offered = (mode: AgentMode) => tools.filter((tool) => mode === "act" || tool.kind !== "write");
	const executed = new Array<string>();
	return {
		executed,
		toChatTools(mode): Array<ChatTool> {
			return offered(mode).map((tool) => ({
				type: "function",
				function: { name: tool.name, description: tool.description, parameters: tool.args.toJsonSchema() as Record<string, unknown> },
			}));
		},
		run(mode, call: ChatToolCall): ToolOutcome {
			const pool = options.guardPlanMode === false ? tools : offered(mode);
			const tool = pool.find((candidate) => candidate.name === call.function.name);
			if (tool === undefined) {
				const names = pool.map((candidate) => candidate.name).join(", ");
				return { kind: "error", message: `unknown tool "${call.function.name}"; available tools: ${names}` };
			}
			const [decoded, value] = pcall(() => HttpService.JSONDecode(call.function.arguments));
			if (!decoded) return { kind: "error", message: `the arguments of ${tool.name} are not valid JSON (${tostring(value)})` };
			const checked = (tool.args as ArgSchema<unknown>).check(value);
			if (!checked.ok) return { kind: "error", message: `invalid arguments for ${tool.name}: ${checked.message}` };
			executed.push(tool.name);
			return (tool as ToolDefinition<unknown>).execute(checked.value, context);
		},
	};
}
