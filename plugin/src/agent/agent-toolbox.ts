/**
 * The loop's view of the tool registry (tools/registry.ts): the tool list for a mode and a runner
 * for one tool call that never throws — unknown tools, arguments that are not JSON or fail
 * validation, and executor errors all come back as `{ kind: "error" }` outcomes with a message for
 * the model. The Studio context is bound in by whoever builds the toolbox, so the loop never sees it.
 */
import { ChatTool, ChatToolCall } from "../../../shared/src/proxy-api";
import { ToolOutcome } from "../tools/tool";
import { AgentMode } from "./agent-state";

export interface AgentToolbox {
	/** The tools offered to the model: read and control tools in Plan mode, every tool in Act mode. */
	toChatTools(mode: AgentMode): Array<ChatTool>;
	/** Runs one tool call as the model sent it. May yield (searches, asset loads). */
	run(mode: AgentMode, call: ChatToolCall): ToolOutcome;
}
