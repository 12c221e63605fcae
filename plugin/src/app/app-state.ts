/**
 * What the widget shows, as one plain snapshot: the view-model (view-model.ts) builds it from the
 * engine and the App renders from it alone. Every part is data a component can take as props.
 */
import { AgentError, AgentMode, AgentState } from "../agent/agent-state";
import { SettingsField, VectorSettings } from "../settings/settings-schema";
import { AssetSearchResult } from "../../../shared/src/proxy-api";
import { ChatItem } from "./chat-items";
import { LessonProgress } from "../lesson/lesson-progress";
import { Attachment } from "./context-note";
import { ProposalView } from "./proposal-view";

export type AppView = "chat" | "assets" | "settings";

/** The loop as the composer and the header see it. */
export interface LoopView {
	readonly state: AgentState;
	/** A request or a tool is in flight: the composer waits, Stop is offered. */
	readonly busy: boolean;
	/** Whether the composer takes a message now. */
	readonly canSend: boolean;
	readonly canStop: boolean;
	/** The composer's placeholder, saying what a message will do in this state. */
	readonly placeholder: string;
	readonly mode: AgentMode;
	/** True when there is a conversation to clear (New chat). */
	readonly hasConversation: boolean;
}

/** An error the user can act on, shown above the composer. */
export interface ErrorBannerView {
	readonly message: string;
	readonly code: AgentError["code"];
	/** Retry sends the failed step again (the loop is in its error state). */
	readonly canRetry: boolean;
	/** An `os.clock()` time before which Retry should wait (the server's Retry-After). */
	readonly retryAt?: number;
	readonly detail?: string;
}

/** The proxy connection as the last request or health check left it. */
export type ConnectionState = "unknown" | "connected" | "unreachable" | "refused" | "trouble";

export interface StatusView {
	readonly connection: ConnectionState;
	/** One or two words for the status bar ("Connected", "Proxy unreachable"). */
	readonly connectionText: string;
	/** The model in use: the user's choice, else the proxy's default once a health check named it, else "". */
	readonly model: string;
	/** The last request's size against the prompt window (the agent's `tokens` event); none before the first. */
	readonly context?: { readonly tokens: number; readonly limit: number; readonly measured: boolean };
	readonly requestsThisMinute: number;
	/** The plugin's own cap on requests per minute. */
	readonly requestsPerMinute: number;
}

export interface AssetsView {
	/** The last query searched. */
	readonly query: string;
	readonly searching: boolean;
	/** True once a search finished (so "no results" can be told from "not searched yet"). */
	readonly searched: boolean;
	readonly results: ReadonlyArray<AssetSearchResult>;
	/** Why the last search failed. */
	readonly searchError?: string;
	/** The asset being loaded and scanned for an insert proposal. */
	readonly inserting?: number;
	/** Why the last insert could not be proposed (the asset did not load, the scan failed). */
	readonly insertError?: string;
	/** Insert proposals made from the picker, newest first (their cards show the scan findings). */
	readonly proposals: ReadonlyArray<ProposalView>;
}

export interface ConnectionTest {
	readonly state: "idle" | "testing" | "ok" | "failed";
	/** What the test found ("Connected to Vector proxy 0.1.0", or the error). */
	readonly message?: string;
	/** Settings that will not work with this proxy. */
	readonly problems: ReadonlyArray<string>;
}

export interface SettingsView {
	readonly values: VectorSettings;
	/** Per field: why the last save refused its value. */
	readonly errors: Partial<Record<SettingsField, string>>;
	/** Valid fields that will not work together (settings/ settingsProblems). */
	readonly problems: ReadonlyArray<string>;
	readonly save: { readonly state: "idle" | "saved" | "failed"; readonly message?: string };
	readonly test: ConnectionTest;
	/** Fields that were reset when the saved settings were read (shown once). */
	readonly resets: ReadonlyArray<string>;
}

export interface AppState {
	readonly view: AppView;
	readonly items: ReadonlyArray<ChatItem>;
	/** Proposal cards by proposal id (the transcript's proposal items and the asset picker's). */
	readonly proposals: ReadonlyMap<string, ProposalView>;
	readonly loop: LoopView;
	readonly banner?: ErrorBannerView;
	/** A short note on an action that was refused (e.g. "Type a message first."). */
	readonly notice?: string;
	readonly status: StatusView;
	/** What will be attached to the next message. */
	readonly attachments: ReadonlyArray<Attachment>;
	readonly assets: AssetsView;
	readonly settings: SettingsView;
	/** Bumped when the composer should take keyboard focus (the widget was opened). */
	readonly focusRequest: number;
	/** The lesson being built in this conversation, when the model planned one (plan_lesson). */
	readonly lesson?: LessonProgress;
}
