/**
 * The composition root: builds Vector's engine from its parts, once per plugin session. The entry
 * passes `plugin` (only its settings are used here); specs pass stand-ins for the parts that reach
 * outside the place (the chat client, the HTTP transport, the Studio context).
 *
 * Wiring:
 * - settings/: `PluginSettings` over plugin:GetSetting/SetSetting, loaded at once.
 * - net/: one `ProxyClient` over the real HTTP transport and one shared `RequestLimiter`. The client
 *   reads the connection (proxy URL, token, own key, model, streaming) from the settings before every
 *   request, so a saved change applies from the next request without rebuilding anything.
 * - net/ also holds the Canvas client (lms_lookup), over the same transport and limiter, reading the
 *   Canvas URL and token from the settings before every request; it talks to Canvas directly, so
 *   the token never goes through the proxy.
 * - tools/: the registry of every tool, with a ToolContext over the StudioApi, the proxy's search and Canvas.
 * - proposals/ + audit/: the proposal store (saved in plugin settings, audited) is the agent's
 *   ProposalSink as it is.
 * - agent/: the loop with the session store, so the conversation, the loop's state and the proposals
 *   survive a plugin reload; Plan/Act follows the saved setting.
 */
import { AgentLoop, createAgentLoop } from "../agent/agent-loop";
import { AgentSettings, DEFAULT_AGENT_SETTINGS } from "../agent/agent-settings";
import { createRegistryToolbox } from "../agent/registry-toolbox";
import { createSessionStore, SessionStore } from "../agent/session-store";
import { AuditLog } from "../audit/audit-log";
import { CanvasClient } from "../net/canvas-client";
import { ChatClient } from "../net/chat-client";
import { createHttpTransport, HttpTransport } from "../net/http-transport";
import { ProxyClient } from "../net/proxy-client";
import { RequestLimiter } from "../net/request-limiter";
import { ProposalStore } from "../proposals/proposal-store";
import { PluginSettings, SettingsLoadReport, SettingsStore } from "../settings/settings-store";
import { VectorSettings } from "../settings/settings-schema";
import { createStudioApi } from "../studio/create-studio-api";
import { StudioApi } from "../studio/studio-api";
import { ALL_TOOLS } from "../tools/all-tools";
import { createToolRegistry, ToolRegistry } from "../tools/registry";
import { ToolContext } from "../tools/tool";
import { latestLessonPlan } from "../lesson/lesson-plan";
import { ChatMessage } from "../../../shared/src/proxy-api";
import { ContextSource, createStudioContext } from "./studio-context";

/** The plugin's own cap on proxy requests per minute (Studio allows 500 for all plugins together). */
export const REQUESTS_PER_MINUTE = 120;

/** The part of `plugin` the engine uses. */
export interface SettingsHost {
	GetSetting(key: string): unknown;
	SetSetting(key: string, value: unknown): void;
}

/** Stand-ins for specs and scenes; each defaults to the real part. */
export interface EngineParts {
	readonly studio?: StudioApi;
	readonly transport?: HttpTransport;
	/** The model's client; defaults to the proxy client (specs pass a scripted one). */
	readonly chatClient?: ChatClient;
	readonly context?: ContextSource;
	readonly limiter?: RequestLimiter;
}

/** Everything the view-model drives. */
export interface Engine {
	readonly settings: PluginSettings;
	/** What loading the saved settings found (fields reset to defaults are shown to the user once). */
	readonly settingsLoad: SettingsLoadReport;
	readonly studio: StudioApi;
	readonly limiter: RequestLimiter;
	/** The HTTP transport the proxy client uses (a connection test of unsaved settings shares it). */
	readonly transport: HttpTransport;
	readonly proxy: ProxyClient;
	readonly canvas: CanvasClient;
	readonly registry: ToolRegistry;
	readonly toolContext: ToolContext;
	readonly audit: AuditLog;
	readonly proposals: ProposalStore;
	readonly sessions: SessionStore;
	readonly agent: AgentLoop;
	readonly context: ContextSource;
}

/** plugin:GetSetting / plugin:SetSetting as a SettingsStore. */
export function pluginSettingsStore(host: SettingsHost): SettingsStore {
	return {
		get(key) {
			return host.GetSetting(key);
		},
		set(key, value) {
			host.SetSetting(key, value);
		},
	};
}

/** The agent's settings from the user's (read before every step). */
export function agentSettingsFrom(settings: VectorSettings): AgentSettings {
	return {
		...DEFAULT_AGENT_SETTINGS,
		model: settings.model !== "" ? settings.model : undefined,
		autoApprove: { ...settings.autoApprove },
	};
}

/** Builds the engine (yields briefly while settings and proposals load); returns it and its cleanup. */
export function createEngine(host: SettingsHost, parts: EngineParts = {}): { engine: Engine; cleanup: () => void } {
	const store = pluginSettingsStore(host);
	const settings = new PluginSettings(store);
	const settingsLoad = settings.load();

	const studio = parts.studio ?? createStudioApi();
	const limiter = parts.limiter ?? new RequestLimiter({ perMinute: REQUESTS_PER_MINUTE });
	const transport = parts.transport ?? createHttpTransport();
	const proxy = new ProxyClient({
		transport,
		connection: () => settings.current(),
		limiter,
	});
	const canvas = new CanvasClient({ transport, connection: () => settings.current(), limiter });
	const registry = createToolRegistry(ALL_TOOLS);
	// The plan is read from the agent's conversation, which exists once the agent below is built.
	let conversation: () => ReadonlyArray<ChatMessage> = () => [];
	const toolContext: ToolContext = {
		studio,
		searchAssets: proxy.searchAssets,
		canvas,
		lessonPlan: () => latestLessonPlan(conversation())?.plan,
	};
	const audit = new AuditLog(store);
	const proposals = new ProposalStore({ studio, settings: store, audit });
	const sessions = createSessionStore(store);
	const agent = createAgentLoop({
		client: parts.chatClient ?? proxy,
		toolbox: createRegistryToolbox(registry, toolContext),
		proposals,
		sessions,
		settings: () => agentSettingsFrom(settings.current()),
	});
	conversation = () => agent.getConversation()?.messages ?? [];
	agent.setMode(settings.current().mode);
	const disconnectSettings = settings.onChanged((current) => agent.setMode(current.mode));

	const engine: Engine = {
		settings,
		settingsLoad,
		studio,
		limiter,
		transport,
		proxy,
		canvas,
		registry,
		toolContext,
		audit,
		proposals,
		sessions,
		agent,
		context: parts.context ?? createStudioContext(studio),
	};
	return {
		engine,
		cleanup: () => {
			disconnectSettings();
			agent.destroy();
		},
	};
}
