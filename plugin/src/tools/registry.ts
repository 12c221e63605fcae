/**
 * The tool registry and the one place a model's tool call is turned into an outcome. The agent loop
 * hands every call here; whatever the model sent (a tool that does not exist, a write tool in Plan
 * mode, arguments that are not JSON or do not fit the schema, an executor that throws), the answer is
 * a precise error outcome the model can act on, never a crash, and nothing in the place changes.
 */
import { HttpService } from "@rbxts/services";
import { characterCount, truncateCharacters } from "../diff/characters";
import { ChatTool, ChatToolCall } from "../../../shared/src/proxy-api";
import { capText, RESULT_CHARACTER_CAP } from "./cap-text";
import { locateJsonError } from "./locate-json-error";
import { ToolContext, ToolDefinition, ToolOutcome } from "./tool";
import { thrownReason } from "./thrown-reason";

/** Plan mode offers read and control tools; Act mode offers every tool. */
export type ToolMode = "plan" | "act";

/** The tools Vector offers, by mode. */
export interface ToolRegistry {
	/** The tools offered in `mode`, in registration order. */
	list(mode: ToolMode): ReadonlyArray<ToolDefinition>;
	/** A tool by name, whatever the mode. */
	get(name: string): ToolDefinition | undefined;
	/** The tools offered in `mode` as the chat request's `tools` (schema from each tool's declaration). */
	toChatTools(mode: ToolMode): Array<ChatTool>;
}

const MODE_NAMES: Record<ToolMode, string> = { plan: "Plan", act: "Act" };

/** Whether `tool` is offered in `mode`. */
function offered(tool: ToolDefinition, mode: ToolMode): boolean {
	return mode === "act" || tool.kind !== "write";
}

/** Builds the registry over `tools` (names must be unique; a duplicate is a programming error). */
export function createToolRegistry(tools: ReadonlyArray<ToolDefinition>): ToolRegistry {
	const byName = new Map<string, ToolDefinition>();
	for (const tool of tools) {
		if (byName.has(tool.name)) throw `tool "${tool.name}" is registered twice`;
		byName.set(tool.name, tool);
	}
	const list = (mode: ToolMode) => tools.filter((tool) => offered(tool, mode));
	return {
		list(mode) {
			return list(mode);
		},
		get(name) {
			return byName.get(name);
		},
		toChatTools(mode) {
			return list(mode).map((tool) => ({
				type: "function",
				function: {
					name: tool.name,
					description: tool.description,
					parameters: tool.args.toJsonSchema() as Record<string, unknown>,
				},
			}));
		},
	};
}

/** Whether 1-based byte `i` of `text` continues a multi-byte UTF-8 character. */
function isContinuation(text: string, i: number): boolean {
	const [byte] = string.byte(text, i);
	return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** A short quote of `text` around 1-based byte `offset`, with the spot marked "<<here>>". */
function quoteAround(text: string, offset: number): string {
	// Byte windows, widened so that they never split a multi-byte character.
	let first = math.max(1, offset - 40);
	while (first < offset && isContinuation(text, first)) first += 1;
	let last = math.min(text.size(), offset + 24);
	while (last < text.size() && isContinuation(text, last + 1)) last += 1;
	const opening = first > 1 ? "…" : "";
	const closing = last < text.size() ? "…" : "";
	return `${opening}${text.sub(first, offset - 1)}<<here>>${text.sub(offset, last)}${closing}`;
}

function jsonError(toolName: string, raw: string): string {
	const located = locateJsonError(raw);
	if (located === undefined) {
		return `The arguments of ${toolName} could not be decoded as JSON by Studio (they may nest too deeply); send a plain JSON object.`;
	}
	const character = characterCount(raw.sub(1, located.offset - 1)) + 1;
	return (
		`The arguments of ${toolName} are not valid JSON: ${located.message} at character ${character}: ` +
		`${quoteAround(raw, located.offset)}. Send the arguments as one JSON object.`
	);
}

function toolNames(tools: ReadonlyArray<ToolDefinition>): string {
	return tools.map((tool) => tool.name).join(", ");
}

/** Caps what is sent back to the model (results, previews and errors). */
function capOutcome(outcome: ToolOutcome): ToolOutcome {
	const hint = "narrower arguments (a smaller line range, a deeper path, fewer names, or a more specific query)";
	switch (outcome.kind) {
		case "result":
			return { kind: "result", text: capText(outcome.text, RESULT_CHARACTER_CAP, hint) };
		case "preview":
			return { kind: "preview", text: capText(outcome.text, RESULT_CHARACTER_CAP, hint) };
		case "error":
			return { kind: "error", message: capText(outcome.message, RESULT_CHARACTER_CAP, hint) };
		default:
			return outcome;
	}
}

/**
 * Runs one tool call from the model in `mode`: finds the tool, refuses write tools in Plan mode,
 * decodes and validates the arguments, runs the executor (a throw becomes an error outcome) and caps
 * the text sent back. Yields when the tool does.
 */
export function runToolCall(
	registry: ToolRegistry,
	mode: ToolMode,
	call: ChatToolCall,
	context: ToolContext,
): ToolOutcome {
	const name = call.function.name;
	const tool = registry.get(name);
	const available = registry.list(mode);
	if (tool === undefined) {
		return {
			kind: "error",
			message: `There is no tool named "${truncateCharacters(name, 60)}". Tools available in ${MODE_NAMES[mode]} mode: ${toolNames(available)}.`,
		};
	}
	if (!offered(tool, mode)) {
		return {
			kind: "error",
			message:
				`${tool.name} changes the place, and Vector is in Plan mode, which offers read tools only. ` +
				`Ask the user to switch to Act mode to make changes; meanwhile describe the change you plan, or use: ${toolNames(available)}.`,
		};
	}

	const raw = call.function.arguments ?? "";
	let decoded: unknown = {};
	if (raw.match("^%s*$")[0] === undefined) {
		const [parsed, value] = pcall(() => HttpService.JSONDecode(raw));
		if (!parsed) return { kind: "error", message: jsonError(tool.name, raw) };
		decoded = value;
	}

	const checked = tool.args.check(decoded);
	if (!checked.ok) return { kind: "error", message: `Invalid arguments for ${tool.name}: ${checked.message}` };

	const [ran, outcome] = pcall(() => tool.execute(checked.value, context));
	if (!ran) {
		const reason = thrownReason(outcome);
		return { kind: "error", message: `${tool.name} failed: ${reason}` };
	}
	return capOutcome(outcome as ToolOutcome);
}
