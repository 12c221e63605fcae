/**
 * The agent's toolbox over the real tool registry (tools/registry.ts): the loop asks for the tools
 * of a mode and hands each call to runToolCall, with the Studio context bound in here so the loop
 * itself never holds Studio.
 */
import { ToolRegistry, runToolCall } from "../tools/registry";
import { ToolContext } from "../tools/tool";
import { AgentToolbox } from "./agent-toolbox";

/** An AgentToolbox running calls through `registry` with `context`. */
export function createRegistryToolbox(registry: ToolRegistry, context: ToolContext): AgentToolbox {
	return {
		toChatTools(mode) {
			return registry.toChatTools(mode);
		},
		run(mode, call) {
			return runToolCall(registry, mode, call, context);
		},
	};
}
