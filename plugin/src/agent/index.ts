/**
 * `agent/`: the Cline-style loop between the user, the model and the place. What the entry script
 * and the UI need:
 *
 * - `createAgentLoop` with a ChatClient (net/), an AgentToolbox (`createRegistryToolbox` over the
 *   tool registry), a ProposalSink (the proposal store behind a small interface), a SessionStore
 *   (`createSessionStore` over plugin settings) and the user's settings.
 * - The loop's state (`AgentState`), its events (`AgentEvent`) and its actions: send, stop, retry,
 *   reset, setMode.
 */
export { AgentLoop, MAX_CONSECUTIVE_MISTAKES, createAgentLoop } from "./agent-loop";
export type { ActionResult, AgentLoopConfig } from "./agent-loop";
export type { AgentEvent, AgentListener } from "./agent-events";
export { DEFAULT_AGENT_SETTINGS } from "./agent-settings";
export type { AgentSettings } from "./agent-settings";
export { isBusy } from "./agent-state";
export type { AgentError, AgentErrorCode, AgentMode, AgentState, AgentStateKind } from "./agent-state";
export type { AgentToolbox } from "./agent-toolbox";
export type { CompactionMethod } from "./compaction";
export { contentText } from "./conversation";
export type { Conversation } from "./conversation";
export { isDecided } from "./proposal-sink";
export type { ProposalSink } from "./proposal-sink";
export { createRegistryToolbox } from "./registry-toolbox";
export { SESSION_SETTING_KEY, createSessionStore } from "./session-store";
export type { SessionLoad, SessionStore, SettingsStore } from "./session-store";
export { DEFAULT_TOKEN_WINDOW } from "./token-budget";
export type { TokenWindow } from "./token-budget";
