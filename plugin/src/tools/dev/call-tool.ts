/**
 * Dev build only: how tool specs call a tool — the way the agent does, through runToolCall with the
 * arguments as JSON text — and read the outcome.
 */
import { HttpService } from "@rbxts/services";
import { ALL_TOOLS } from "../all-tools";
import { createToolRegistry, runToolCall, ToolMode } from "../registry";
import { ToolContext, ToolOutcome } from "../tool";

const registry = createToolRegistry(ALL_TOOLS);

/** Runs tool `name` with `args` (a table, JSON-encoded here, or raw JSON text) in `mode` (default act). */
export function callTool(
	context: ToolContext,
	name: string,
	args: object | string,
	mode: ToolMode = "act",
): ToolOutcome {
	const text = typeIs(args, "string") ? args : HttpService.JSONEncode(args);
	return runToolCall(
		registry,
		mode,
		{ id: "call_spec", type: "function", function: { name, arguments: text } },
		context,
	);
}

/** The text of a result, preview or error outcome; throws with the outcome's kind otherwise. */
export function textOf(outcome: ToolOutcome): string {
	if (outcome.kind === "result" || outcome.kind === "preview") return outcome.text;
	if (outcome.kind === "error") return outcome.message;
	throw `expected a text outcome, got ${outcome.kind}`;
}

/** The text of a result outcome; throws with the outcome (e.g. the error message) otherwise. */
export function resultOf(outcome: ToolOutcome): string {
	if (outcome.kind === "result") return outcome.text;
	throw `expected a result, got ${outcome.kind}: ${outcome.kind === "error" ? outcome.message : ""}`;
}

/** The message of an error outcome; throws otherwise. */
export function errorOf(outcome: ToolOutcome): string {
	if (outcome.kind === "error") return outcome.message;
	throw `expected an error, got ${outcome.kind}${outcome.kind === "result" ? `: ${outcome.text}` : ""}`;
}

/** Whether `text` contains `fragment` (plain). */
export function contains(text: string, fragment: string): boolean {
	return text.find(fragment, 1, true)[0] !== undefined;
}
