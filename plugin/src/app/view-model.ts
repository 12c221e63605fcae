/**
 * The store the widget renders from, and the actions its buttons call. It listens to the engine (the
 * agent's events, the proposal store, the settings, the Studio context) and keeps one `AppState`
 * snapshot (app-state.ts); components get slices of it as props and never see the engine.
 *
 * Updates: engine events mark the snapshot stale; `getState()` rebuilds it when stale (so specs see
 * every change at once), and listeners are told once per frame (task.defer), so a burst of streamed
 * text costs one redraw per frame, not one per chunk. The transcript's message part is rebuilt only
 * when messages or proposals change; streamed text only touches its closing items.
 *
 * Actions never throw and never yield to their caller: what yields (applying a proposal, a search,
 * a health check, loading an asset) runs on its own thread and reports through the state.
 *
 * Asset inserts from the picker run the insert_asset tool itself (through the registry, with the
 * same argument checks, asset load and script scan as when the model calls it) and put its proposal
 * in the proposal store under a `user:` tool call id, so an insert is approved like any proposal (one
 * undo step, scan findings shown first) without spending a model request. The asset goes under
 * Workspace.
 */
import { AgentLoop } from "../agent/agent-loop";
import { AgentEvent } from "../agent/agent-events";
import { AgentError, isBusy } from "../agent/agent-state";
import { LessonRequest, lessonRequestMessage } from "../lesson/lesson-request";
import { CanvasClient } from "../net/canvas-client";
import { encodeJson } from "../net/json";
import { Proposal } from "../proposals/proposal";
import { ProxyClient } from "../net/proxy-client";
import { settingsProblems, SettingsField, SettingsPatch, VectorSettings } from "../settings/settings-schema";
import { resolvePath } from "../studio/instance-path";
import { runToolCall } from "../tools/registry";
import { ChatMessage } from "../../../shared/src/proxy-api";
import {
	AppState,
	AppView,
	AssetsView,
	ConnectionState,
	ConnectionTest,
	ErrorBannerView,
	LoopView,
	SettingsView,
	StatusView,
} from "./app-state";
import { ChatItem, closingItems, joinCapped, messageItems } from "./chat-items";
import { Attachment, withContextNote } from "./context-note";
import { Engine, REQUESTS_PER_MINUTE } from "./create-engine";
import { lessonWaitNote } from "./lesson-start";
import { lessonFromMessages } from "./lesson-view";
import { LessonProgress } from "../lesson/lesson-progress";
import { ProposalActivity, ProposalView, ProposalViews, USER_CALL_PREFIX } from "./proposal-view";

/** Messages kept for the transcript (older ones are dropped from the view, not from the agent). */
export const MAX_LOG_MESSAGES = 400;

export type Listener = (state: AppState) => void;

/** The result of an action the UI may want to react to (e.g. clear the composer). */
export type ActionOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

const CONNECTION_TEXT: Record<ConnectionState, string> = {
	unknown: "Not connected yet",
	connected: "Connected",
	unreachable: "Proxy unreachable",
	refused: "Proxy refused",
	trouble: "Connection trouble",
};

function connectionFor(code: AgentError["code"]): ConnectionState | undefined {
	switch (code) {
		case "proxy_unreachable":
			return "unreachable";
		case "rejected":
			return "refused";
		case "rate_limited":
		case "upstream_error":
		case "bad_response":
			return "trouble";
		default:
			return undefined;
	}
}

function placeholderFor(loop: AgentLoop): string {
	const state = loop.getState();
	switch (state.kind) {
		case "requesting":
		case "running_tool":
			return "Vector is working… press Stop to interrupt.";
		case "awaiting_approval":
			return "Or type why you reject the proposal…";
		case "awaiting_answer":
			return "Type your answer…";
		case "awaiting_guidance":
			return "Tell Vector how to go on…";
		default:
			return loop.getConversation() === undefined ? "Ask Vector about your place…" : "Reply to Vector…";
	}
}

export class ViewModel {
	private readonly listeners = new Array<Listener>();
	private readonly disconnects = new Array<() => void>();
	private readonly proposalViews = new ProposalViews();
	private readonly activity = new Map<string, ProposalActivity>();
	private log = new Array<ChatMessage>();
	private firstIndex = 0;
	private streaming = "";
	private messageItems?: Array<ChatItem>;
	/** The lesson's progress, rebuilt with `messageItems`. */
	private lesson?: LessonProgress;
	private cached?: AppState;
	private notifyQueued = false;
	private destroyed = false;

	private view: AppView = "chat";
	private notice?: string;
	private transientError?: AgentError;
	private dismissedError?: AgentError;
	private connection: ConnectionState = "unknown";
	private context?: StatusView["context"];
	/** When the current error's Retry-After ends (os.clock), if the server said. */
	private retryAt?: number;
	private removed = new Set<string>();
	private focusRequest = 0;
	private assets: Omit<AssetsView, "proposals"> = { query: "", searching: false, searched: false, results: [] };
	private fieldErrors: Partial<Record<SettingsField, string>> = {};
	private saveState: SettingsView["save"] = { state: "idle" };
	private test: ConnectionTest = { state: "idle", problems: [] };
	private resets: Array<string> = [];
	private userCalls = 0;
	/** The proxy's default model, learnt from the last health check. */
	private proxyModel?: string;

	constructor(private readonly engine: Engine) {
		for (const reset of engine.settingsLoad.resets) this.resets.push(reset.reason);
		const restoreProblem = engine.agent.getRestoreProblem();
		if (restoreProblem !== undefined) this.notice = `Vector could not restore the last conversation: ${restoreProblem}`;
		this.seedLog();
		this.disconnects.push(engine.agent.subscribe((event) => this.onAgentEvent(event)));
		this.disconnects.push(
			engine.proposals.onChange(() => {
				this.messageItems = undefined;
				this.changed();
			}),
		);
		this.disconnects.push(
			engine.settings.onChanged(() => {
				this.messageItems = undefined;
				this.changed();
			}),
		);
		this.disconnects.push(engine.context.onChanged(() => this.changed()));
	}

	// ----- the store ---------------------------------------------------------------------------------

	/** The current snapshot (rebuilt when something changed since the last call). */
	getState(): AppState {
		if (this.cached === undefined) this.cached = this.build();
		return this.cached;
	}

	/** Calls `listener` (at most once per frame) after changes; returns the unsubscribe function. */
	subscribe(listener: Listener): () => void {
		this.listeners.push(listener);
		return () => {
			const index = this.listeners.indexOf(listener);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** Stops listening to the engine (the plugin is unloading). */
	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		for (const disconnect of this.disconnects) disconnect();
		this.listeners.clear();
	}

	// ----- chat actions ------------------------------------------------------------------------------

	/** Sends the user's text with the attached context. */
	send(text: string): ActionOutcome {
		const attachments = this.attachments();
		const result = this.engine.agent.send(withContextNote(text, attachments));
		if (!result.ok) {
			this.notice = result.message;
			this.changed();
			return { ok: false, message: result.message };
		}
		this.notice = undefined;
		this.removed.clear();
		this.changed();
		return { ok: true };
	}

	/**
	 * The "New lesson" form: sends the request as the message a teacher could have typed (with the
	 * attached context, as `send` does) and shows Chat, where the model plans the stages. Refused,
	 * with the reason as the notice, while a proposal or a question waits (lesson-start.ts) or when
	 * the agent refuses a message; the view stays put so the form keeps what was typed.
	 */
	startLesson(request: LessonRequest): ActionOutcome {
		const waiting = lessonWaitNote(this.engine.agent.getState());
		if (waiting !== undefined) {
			this.notice = waiting;
			this.changed();
			return { ok: false, message: waiting };
		}
		const outcome = this.send(lessonRequestMessage(request));
		if (outcome.ok) this.setView("chat");
		return outcome;
	}

	/** Answers the question the model asked (an option or typed text). */
	answer(text: string): ActionOutcome {
		const result = this.engine.agent.send(text);
		this.notice = result.ok ? undefined : result.message;
		this.changed();
		return result.ok ? { ok: true } : { ok: false, message: result.message };
	}

	stop(): void {
		this.engine.agent.stop();
		this.changed();
	}

	/** Sends the failed step again. */
	retry(): void {
		const result = this.engine.agent.retry();
		this.notice = result.ok ? undefined : result.message;
		this.changed();
	}

	/** Forgets the conversation: the next message starts a new task. */
	newChat(): void {
		this.engine.agent.reset();
		this.engine.sessions.clear();
		this.log = [];
		this.firstIndex = 0;
		this.streaming = "";
		this.messageItems = undefined;
		this.context = undefined;
		this.notice = undefined;
		this.transientError = undefined;
		this.changed();
	}

	/** Hides the error banner (a failed step can still be retried by sending a message). */
	dismissError(): void {
		const state = this.engine.agent.getState();
		this.dismissedError = state.kind === "error" ? state.error : this.transientError;
		this.transientError = undefined;
		this.changed();
	}

	dismissNotice(): void {
		this.notice = undefined;
		this.changed();
	}

	/** Leaves an attachment out of the next message (it comes back when the context changes). */
	removeAttachment(id: string): void {
		this.removed.add(id);
		this.changed();
	}

	setView(view: AppView): void {
		if (this.view === view) return;
		this.view = view;
		this.changed();
	}

	/** Asks the composer to take keyboard focus (the shell calls it when the widget opens). */
	focusComposer(): void {
		this.focusRequest += 1;
		this.changed();
	}

	/** Refreshes what changes with time alone (requests this minute). */
	tick(): void {
		if (this.cached !== undefined && this.cached.status.requestsThisMinute !== this.engine.limiter.usedThisMinute()) {
			this.changed();
		}
	}

	// ----- proposal actions --------------------------------------------------------------------------

	/** Approves and applies a pending proposal (one undo step). */
	approve(id: string): void {
		this.proposalAction(id, "approving", () => {
			const result = this.engine.proposals.approve(id);
			return result.ok ? undefined : result.error.message;
		});
	}

	/** Rejects a pending proposal, with the user's reason when given. */
	reject(id: string, reason?: string): void {
		this.proposalAction(id, "rejecting", () => {
			const result = this.engine.proposals.reject(id, reason);
			return result.ok ? undefined : result.error.message;
		});
	}

	/** Applies a failed proposal again. */
	retryProposal(id: string): void {
		this.proposalAction(id, "retrying", () => {
			const result = this.engine.proposals.retry(id);
			return result.ok ? undefined : result.error.message;
		});
	}

	/**
	 * Reverts an applied proposal in one undo step. When that would overwrite later changes, nothing
	 * happens and the card lists them; `force` (the card's "Revert anyway") reverts regardless.
	 */
	revert(id: string, force = false): void {
		this.proposalAction(id, "reverting", () => {
			const outcome = this.engine.proposals.revert(id, { force });
			if (outcome.kind === "needs_confirmation") return { revertConflicts: outcome.clobbered };
			return outcome.kind === "failed" ? outcome.message : undefined;
		});
	}

	/** Drops a pending "revert anyway?" question. */
	cancelRevert(id: string): void {
		this.activity.delete(id);
		this.changed();
	}

	/**
	 * Opens a script a proposal edits at `line` (its card knows the first changed line of each);
	 * without a path, the first script the proposal edits at its first changed line.
	 */
	openScript(id: string, path?: string, line?: number): void {
		const proposal = this.engine.proposals.get(id);
		if (proposal === undefined) return;
		let targetPath = path;
		let targetLine = line;
		if (targetPath === undefined) {
			const view = this.proposalViews.view(proposal);
			const first = view.diffs.find((diff) => !diff.created) ?? view.diffs[0];
			if (first === undefined) return;
			targetPath = first.path;
			targetLine = first.firstChangedLine;
		}
		const wanted = targetPath;
		task.spawn(() => {
			const resolved = resolvePath(this.engine.studio.game, wanted);
			let problem: string | undefined;
			if (!resolved.ok) problem = `The script is not there any more: ${resolved.message}`;
			else if (!resolved.instance.IsA("LuaSourceContainer")) problem = `${wanted} is not a script.`;
			else {
				const [ok, err] = pcall(() =>
					this.engine.studio.openScript(resolved.instance as LuaSourceContainer, targetLine),
				);
				if (!ok) problem = `Studio could not open the script: ${tostring(err)}`;
			}
			if (problem !== undefined) {
				this.activity.set(id, { error: problem });
				this.changed();
			}
		});
	}

	// ----- assets ------------------------------------------------------------------------------------

	/** Searches the Creator Store through the proxy. */
	searchAssets(query: string): void {
		const [trimmed] = query.gsub("^%s+", "")[0].gsub("%s+$", "");
		if (trimmed === "" || this.assets.searching) return;
		this.assets = { ...this.assets, query: trimmed, searching: true, searchError: undefined };
		this.changed();
		task.spawn(() => {
			const [ok, found] = pcall(() => this.engine.proxy.searchAssets(trimmed, { tags: "model", limit: 24 }));
			this.assets = ok
				? { ...this.assets, searching: false, searched: true, results: found, searchError: undefined }
				: { ...this.assets, searching: false, searched: true, results: [], searchError: tostring(found) };
			this.changed();
		});
	}

	/** Loads and scans an asset, then proposes inserting it under Workspace (see the module header). */
	insertAsset(assetId: number): void {
		if (this.assets.inserting !== undefined) return;
		this.assets = { ...this.assets, inserting: assetId, insertError: undefined };
		this.changed();
		task.spawn(() => {
			this.userCalls += 1;
			const id = string.format("%d", assetId);
			const callId = `${USER_CALL_PREFIX}insert-${id}-${this.userCalls}`;
			const args = encodeJson({ assetId, parentPath: "Workspace" });
			const outcome = runToolCall(
				this.engine.registry,
				"act",
				{ id: callId, type: "function", function: { name: "insert_asset", arguments: args.ok ? args.text : "{}" } },
				this.engine.toolContext,
			);
			let problem: string | undefined;
			if (outcome.kind === "proposal") {
				// The tool's summary is written for the model (it repeats the scan findings, which the card
				// shows on their own); the user's own insert gets a short one, which also names the undo step.
				const result = this.assets.results.find((entry) => entry.id === assetId);
				const what = result !== undefined ? `"${result.name}" (asset ${id})` : `asset ${id}`;
				const summary = `Insert ${what} from the Creator Store into Workspace`;
				const [ok, err] = pcall(() => this.engine.proposals.create(summary, outcome.operations, callId));
				if (!ok) problem = `The proposal could not be recorded: ${tostring(err)}`;
			} else {
				problem = outcome.kind === "error" ? outcome.message : `insert_asset answered ${outcome.kind}`;
			}
			this.assets = { ...this.assets, inserting: undefined, insertError: problem };
			this.changed();
		});
	}

	// ----- settings ----------------------------------------------------------------------------------

	/** Checks and saves settings; a field that breaks its rules is reported and nothing changes. */
	saveSettings(patch: SettingsPatch): ActionOutcome {
		const result = this.engine.settings.update(patch);
		if (!result.ok) {
			const errors: Partial<Record<SettingsField, string>> = {};
			for (const problem of result.errors) errors[problem.field] = problem.message;
			this.fieldErrors = errors;
			this.saveState = { state: "failed", message: "Fix the highlighted fields; nothing was saved." };
			this.changed();
			return { ok: false, message: result.errors[0].message };
		}
		this.fieldErrors = {};
		this.resets = [];
		this.saveState = result.saved
			? { state: "saved", message: "Saved." }
			: { state: "failed", message: result.saveError ?? "Studio could not save the settings." };
		this.changed();
		return { ok: true };
	}

	/**
	 * Asks the proxy's /v1/health, with the saved settings or with `draft` (the settings panel tests
	 * what the user typed before saving it). `done` receives the outcome as the panel shows it.
	 */
	testConnection(draft?: VectorSettings, done?: (result: { ok: boolean; message: string }) => void): void {
		if (this.test.state === "testing") {
			done?.({ ok: false, message: "A connection test is already running." });
			return;
		}
		this.test = { state: "testing", message: "Testing…", problems: [] };
		this.changed();
		task.spawn(() => {
			const client =
				draft === undefined
					? this.engine.proxy
					: new ProxyClient({
							transport: this.engine.transport,
							connection: () => draft,
							limiter: this.engine.limiter,
						});
			const [ok, result] = pcall(() => client.health());
			if (!ok) {
				this.test = { state: "failed", message: tostring(result), problems: [] };
			} else if (result.ok) {
				const problems = result.problems;
				this.test = {
					state: problems.size() > 0 ? "failed" : "ok",
					message: `Connected to Vector proxy ${result.health.version}.`,
					problems,
				};
				this.connection = "connected";
				this.proxyModel = result.health.provider.defaultModel ?? result.health.provider.models[0];
			} else {
				this.test = { state: "failed", message: result.error.message, problems: [] };
				this.connection = connectionFor(result.error.code) ?? this.connection;
			}
			this.changed();
			const test = this.test;
			const message = [test.message ?? "", ...test.problems].join(" ");
			done?.({ ok: test.state === "ok", message });
		});
	}

	/**
	 * "Test Canvas": asks Canvas who the draft's token belongs to (`/api/v1/users/self`, tried once),
	 * straight to Canvas over the engine's transport and limiter. `done` gets what the panel shows.
	 */
	testCanvas(draft: VectorSettings, done: (result: { ok: boolean; message: string }) => void): void {
		task.spawn(() => {
			const client = new CanvasClient({
				transport: this.engine.transport,
				connection: () => draft,
				limiter: this.engine.limiter,
				retry: { maxAttempts: 1, baseDelay: 1, maxDelay: 1, maxTotalWait: 0 },
			});
			const [ok, result] = pcall(() => client.self());
			if (!ok) done({ ok: false, message: tostring(result) });
			else if (result.ok) done({ ok: true, message: `Canvas at ${draft.canvasBaseUrl} knows this token as ${result.value.name}.` });
			else done({ ok: false, message: result.error.message });
		});
	}

	// ----- engine events -----------------------------------------------------------------------------

	private onAgentEvent(event: AgentEvent): void {
		switch (event.kind) {
			case "message_added":
				if (event.message.role === "assistant") this.streaming = "";
				this.appendLog(event.message);
				break;
			case "text_delta":
				this.streaming += event.text;
				break;
			case "tokens":
				this.context = { tokens: event.tokens, limit: event.limit, measured: event.measured };
				break;
			case "state_changed": {
				const previous = event.previous;
				const state = event.state;
				if (state.kind !== "requesting") this.streaming = "";
				if (previous.kind === "requesting" && state.kind !== "error" && state.kind !== "stopped") {
					this.connection = "connected";
				}
				if (state.kind === "requesting") this.transientError = undefined;
				if (state.kind === "idle" && this.engine.agent.getConversation() === undefined) {
					this.log = [];
					this.firstIndex = 0;
				}
				this.messageItems = undefined;
				break;
			}
			case "error": {
				this.connection = connectionFor(event.error.code) ?? this.connection;
				this.retryAt = event.error.retryAfter !== undefined ? os.clock() + event.error.retryAfter : undefined;
				if (this.engine.agent.getState().kind !== "error") this.transientError = event.error;
				break;
			}
			case "proposal_created":
			case "compacted":
				this.messageItems = undefined;
				break;
			default:
				break;
		}
		this.changed();
	}

	private seedLog(): void {
		const conversation = this.engine.agent.getConversation();
		this.log = [];
		this.firstIndex = 0;
		if (conversation !== undefined) for (const message of conversation.messages) this.appendLog(message);
	}

	private appendLog(message: ChatMessage): void {
		this.log.push(message);
		if (this.log.size() > MAX_LOG_MESSAGES) {
			const drop = this.log.size() - MAX_LOG_MESSAGES;
			this.log = this.log.move(drop, this.log.size() - 1, 0, []);
			this.firstIndex += drop;
		}
		this.messageItems = undefined;
	}

	private proposalAction(
		id: string,
		busy: NonNullable<ProposalActivity["busy"]>,
		action: () => string | ProposalActivity | undefined,
	): void {
		if (this.activity.get(id)?.busy !== undefined) return;
		this.activity.set(id, { busy });
		this.changed();
		task.spawn(() => {
			const [ok, result] = pcall(action);
			if (!ok) this.activity.set(id, { error: tostring(result) });
			else if (result === undefined) this.activity.delete(id);
			else if (typeIs(result, "string")) this.activity.set(id, { error: result });
			else this.activity.set(id, result);
			this.changed();
		});
	}

	private changed(): void {
		this.cached = undefined;
		if (this.notifyQueued || this.destroyed) return;
		this.notifyQueued = true;
		task.defer(() => {
			this.notifyQueued = false;
			if (this.destroyed) return;
			const state = this.getState();
			for (const listener of [...this.listeners]) {
				const [ok, problem] = pcall(listener, state);
				if (!ok) warn(`Vector: a view listener failed: ${tostring(problem)}`);
			}
		});
	}

	// ----- building the snapshot ---------------------------------------------------------------------

	private attachments(): Array<Attachment> {
		const [ok, current] = pcall(() => this.engine.context.current());
		if (!ok) return [];
		return current.filter((attachment) => !this.removed.has(attachment.id));
	}

	/** The proposals of this conversation (by tool call) and the asset picker's. */
	private proposalsShown(): { byCall: Map<string, string>; user: Array<Proposal>; all: Array<Proposal> } {
		const ids = new Set<string>();
		for (const id of this.engine.agent.getProposalIds()) ids.add(id);
		const byCall = new Map<string, string>();
		const user = new Array<Proposal>();
		const all = new Array<Proposal>();
		for (const proposal of this.engine.proposals.list()) {
			const fromUser = proposal.toolCallId.sub(1, USER_CALL_PREFIX.size()) === USER_CALL_PREFIX;
			if (ids.has(proposal.id)) byCall.set(proposal.toolCallId, proposal.id);
			else if (!fromUser) continue;
			if (fromUser) user.unshift(proposal);
			all.push(proposal);
		}
		return { byCall, user, all };
	}

	private build(): AppState {
		const engine = this.engine;
		const agent = engine.agent;
		const state = agent.getState();
		const shown = this.proposalsShown();

		const proposals = new Map<string, ProposalView>();
		const kept = new Set<string>();
		for (const proposal of shown.all) {
			proposals.set(proposal.id, this.proposalViews.view(proposal, this.activity.get(proposal.id)));
			kept.add(proposal.id);
		}
		this.proposalViews.retain(kept);

		if (this.messageItems === undefined) {
			// The lesson depends on the same messages and proposals, so it is rebuilt with them (not on every
			// streamed chunk).
			this.lesson = lessonFromMessages(this.log, shown.all);
			this.messageItems = messageItems({
				messages: this.log,
				firstIndex: this.firstIndex,
				proposalsByCall: shown.byCall,
				state,
			});
		}
		const items = joinCapped(this.messageItems, closingItems(state, this.streaming));

		const busy = isBusy(state);
		const loop: LoopView = {
			state,
			busy,
			canSend: !busy,
			canStop: busy || state.kind === "awaiting_approval" || state.kind === "awaiting_answer",
			placeholder: placeholderFor(agent),
			mode: agent.getMode(),
			hasConversation: agent.getConversation() !== undefined,
		};

		let banner: ErrorBannerView | undefined;
		const failure = state.kind === "error" ? state.error : this.transientError;
		if (failure !== undefined && failure !== this.dismissedError) {
			banner = {
				message: failure.message,
				code: failure.code,
				canRetry: state.kind === "error",
				retryAt: this.retryAt,
				detail: failure.detail,
			};
		}

		const settings = engine.settings.current();
		const status: StatusView = {
			connection: this.connection,
			connectionText: CONNECTION_TEXT[this.connection],
			model: settings.model !== "" ? settings.model : (this.proxyModel ?? ""),
			context: this.context,
			requestsThisMinute: engine.limiter.usedThisMinute(),
			requestsPerMinute: REQUESTS_PER_MINUTE,
		};

		const userViews = shown.user.map((proposal) => proposals.get(proposal.id)!);
		return {
			view: this.view,
			items,
			proposals,
			loop,
			banner,
			notice: this.notice,
			status,
			attachments: this.attachments(),
			assets: { ...this.assets, proposals: userViews },
			settings: {
				values: settings,
				errors: this.fieldErrors,
				problems: settingsProblems(settings),
				save: this.saveState,
				test: this.test,
				resets: this.resets,
			},
			focusRequest: this.focusRequest,
			lesson: this.lesson,
		};
	}
}
