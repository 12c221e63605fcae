/**
 * The agent loop, Cline-style, as a state machine over explicit states (agent-state.ts). Each step
 * sends the system prompt, the tools of the current mode and the conversation; the reply's first
 * tool call runs. Read tools answer at once and the loop goes on; a write tool's proposal goes to
 * the proposal store and the loop rests until it is decided; attempt_completion and ask_user rest
 * too. Only user actions (send, retry, a decision) start work, so nothing is requested while idle.
 *
 * Concurrency: work runs in its own thread (the chat client and some tools yield). Every start
 * takes a new generation number and Stop bumps it and cancels the in-flight request; whatever
 * comes back to an older generation (a late reply, a slow tool's outcome) is dropped unread.
 */
import { CancelToken, ChatClient, ChatReply, ChatResult } from "../net/chat-client";
import { ChatCompletionRequest, ChatMessage, ChatTool, ChatToolCall } from "../../../shared/src/proxy-api";
import { Operation, categoryOf } from "../proposals/operation";
import { Proposal } from "../proposals/proposal";
import { ToolOutcome } from "../tools/tool";
import { AgentEvents, AgentListener } from "./agent-events";
import { AgentSettings, DEFAULT_AGENT_SETTINGS } from "./agent-settings";
import { AgentError, AgentMode, AgentState } from "./agent-state";
import { AgentToolbox } from "./agent-toolbox";
import { answerToolCall } from "./answer-tool-call";
import { compactConversation } from "./compaction";
import {
	Conversation,
	answerOpenToolCalls,
	appendMessages,
	assistantMessage,
	createConversation,
	userMessage,
} from "./conversation";
import {
	COMPLETION_ACK,
	NO_TOOL_MISTAKE,
	NO_TOOL_REMINDER,
	STOPPED_APPLYING_RESULT,
	STOPPED_PROPOSAL_REASON,
	STOPPED_PROPOSAL_RESULT,
	STOPPED_QUESTION_RESULT,
	STOPPED_RESULT,
	answerResult,
	decisionResult,
	planModeWriteResult,
	toolErrorResult,
} from "./loop-messages";
import { ProposalSink, isDecided } from "./proposal-sink";
import { resumeSession } from "./resume-session";
import { AgentSession, SESSION_VERSION } from "./session-schema";
import { SessionStore } from "./session-store";
import { buildSystemPrompt } from "./system-prompt";
import {
	UsageAnchor,
	anchorFromUsage,
	calibrationFromUsage,
	countRequestTokens,
	estimateFixedTokens,
	estimateMessagesTokens,
	promptLimit,
} from "./token-budget";
import { oneLine } from "./tool-summary";

/** Consecutive mistakes (tool errors, replies without a tool call) that stop the loop. */
export const MAX_CONSECUTIVE_MISTAKES = 3;

export interface AgentLoopConfig {
	readonly client: ChatClient;
	readonly toolbox: AgentToolbox;
	readonly proposals: ProposalSink;
	/** Saves the session after every state change and restores it at construction; optional. */
	readonly sessions?: SessionStore;
	/** Read before every step; defaults to {@link DEFAULT_AGENT_SETTINGS}. */
	readonly settings?: () => AgentSettings;
}

/** Why a user action was refused (nothing changed). */
export type ActionResult =
	| { readonly ok: true }
	| { readonly ok: false; readonly code: "empty" | "busy" | "not_retryable" | "destroyed"; readonly message: string };

const OK: ActionResult = { ok: true };

export class AgentLoop {
	private state: AgentState = { kind: "idle" };
	private conversation?: Conversation;
	private mode: AgentMode = "act";
	private proposalIds = new Array<string>();
	private mistakes = 0;
	private anchor?: UsageAnchor;
	private calibration = 1;
	private generation = 0;
	private cancelToken?: { cancelled: boolean };
	private destroyed = false;
	private saveFailing = false;
	private restoreProblem?: string;
	private readonly events = new AgentEvents();
	private readonly disconnectDecisions: () => void;

	constructor(private readonly config: AgentLoopConfig) {
		this.restore();
		this.disconnectDecisions = config.proposals.onDecision((proposal) => this.onDecision(proposal));
	}

	/** The current state. */
	getState(): AgentState {
		return this.state;
	}

	/** The conversation so far (undefined before the first task). */
	getConversation(): Conversation | undefined {
		return this.conversation;
	}

	getMode(): AgentMode {
		return this.mode;
	}

	/** Ids of the proposals this conversation made, oldest first. */
	getProposalIds(): ReadonlyArray<string> {
		return [...this.proposalIds];
	}

	/** Consecutive mistakes so far (reset by a valid tool call or a user message). */
	getMistakes(): number {
		return this.mistakes;
	}

	/** Why the saved session could not be restored at construction (the loop started fresh), if so. */
	getRestoreProblem(): string | undefined {
		return this.restoreProblem;
	}

	/** Adds an event listener; returns the function that removes it. */
	subscribe(listener: AgentListener): () => void {
		return this.events.subscribe(listener);
	}

	/** Switches between Plan and Act; applies from the next request. */
	setMode(mode: AgentMode): void {
		if (this.mode === mode) return;
		this.mode = mode;
		this.persist();
	}

	/**
	 * What the user typed. Starts the task, continues a finished, stopped or failed one, answers
	 * ask_user, gives guidance after too many mistakes, or — while a proposal waits — rejects it with
	 * the text as the reason. Refused while a step is in flight.
	 */
	send(text: string): ActionResult {
		if (this.destroyed) return { ok: false, code: "destroyed", message: "This agent was shut down." };
		const [trimmed] = text.gsub("^%s+", "")[0].gsub("%s+$", "");
		if (trimmed === "") return { ok: false, code: "empty", message: "Type a message first." };
		const state = this.state;
		switch (state.kind) {
			case "requesting":
			case "running_tool":
				return { ok: false, code: "busy", message: "Vector is working on a step. Wait for it, or press Stop first." };
			case "awaiting_approval": {
				const proposal = this.guard(() => this.config.proposals.get(state.proposalId));
				if (proposal !== undefined && proposal.state !== "pending") {
					return {
						ok: false,
						code: "busy",
						message: "The proposal is being applied. Wait for its outcome, or press Stop first.",
					};
				}
				this.guard(() => this.config.proposals.reject(state.proposalId, trimmed));
				return OK;
			}
			case "awaiting_answer":
				this.answerCall(state.toolCallId, answerResult(trimmed));
				break;
			default:
				if (this.conversation === undefined) {
					this.conversation = createConversation(trimmed);
					this.events.emit({ kind: "message_added", message: this.conversation.messages[0] });
				} else {
					this.append(userMessage(trimmed));
				}
		}
		this.mistakes = 0;
		this.startDrive();
		return OK;
	}

	/** After an error: sends the same step again. */
	retry(): ActionResult {
		if (this.destroyed) return { ok: false, code: "destroyed", message: "This agent was shut down." };
		if (this.state.kind !== "error" || this.conversation === undefined) {
			return { ok: false, code: "not_retryable", message: "There is no failed step to retry." };
		}
		this.startDrive();
		return OK;
	}

	/**
	 * Stops the task: cancels the request in flight (its late reply is dropped), answers any open
	 * tool call for the model, withdraws an undecided proposal, and rests in `stopped`.
	 */
	stop(): void {
		const state = this.state;
		switch (state.kind) {
			case "requesting":
			case "running_tool":
				this.invalidate();
				this.answerOpen(STOPPED_RESULT);
				break;
			case "awaiting_approval": {
				this.invalidate();
				const proposal = this.guard(() => this.config.proposals.get(state.proposalId));
				const pending = proposal === undefined || proposal.state === "pending";
				this.answerCall(state.toolCallId, pending ? STOPPED_PROPOSAL_RESULT : STOPPED_APPLYING_RESULT);
				this.setState({ kind: "stopped" });
				if (pending) this.guard(() => this.config.proposals.reject(state.proposalId, STOPPED_PROPOSAL_REASON));
				return;
			}
			case "awaiting_answer":
				this.invalidate();
				this.answerCall(state.toolCallId, STOPPED_QUESTION_RESULT);
				break;
			case "awaiting_guidance":
			case "error":
				break;
			default:
				return;
		}
		this.setState({ kind: "stopped" });
	}

	/** Stops whatever runs and forgets the conversation: the next message starts a new task. */
	reset(): void {
		this.stop();
		this.invalidate();
		this.conversation = undefined;
		this.proposalIds = [];
		this.mistakes = 0;
		this.anchor = undefined;
		this.setState({ kind: "idle" });
	}

	/**
	 * Detaches the loop (plugin unloading): cancels the request in flight and stops listening. The
	 * saved session is left as it is, so the next load resumes it (an interrupted step offers Retry).
	 */
	destroy(): void {
		if (this.destroyed) return;
		this.invalidate();
		this.destroyed = true;
		this.disconnectDecisions();
	}

	// ----- driving -------------------------------------------------------------------------------

	private startDrive(): void {
		this.generation += 1;
		const generation = this.generation;
		task.spawn(() => this.run(generation));
	}

	/** Makes everything in flight stale: its results will be dropped. */
	private invalidate(): void {
		this.generation += 1;
		if (this.cancelToken) this.cancelToken.cancelled = true;
		this.cancelToken = undefined;
	}

	private isCurrent(generation: number): boolean {
		return generation === this.generation && !this.destroyed;
	}

	private newCancelToken(): CancelToken {
		const token = { cancelled: false };
		this.cancelToken = token;
		return token;
	}

	private settings(): AgentSettings {
		const read = this.config.settings;
		if (read === undefined) return DEFAULT_AGENT_SETTINGS;
		const [ok, settings] = pcall(read);
		return ok ? settings : DEFAULT_AGENT_SETTINGS;
	}

	/** Steps until the loop has to rest (decision, answer, completion, error, stop). */
	private run(generation: number): void {
		while (this.isCurrent(generation)) {
			const settings = this.settings();
			const mode = this.mode;
			const [toolsOk, tools] = pcall(() => this.config.toolbox.toChatTools(mode));
			if (!toolsOk) {
				this.fail({ code: "internal", message: `The tool list could not be built: ${tostring(tools)}` });
				return;
			}
			const systemPrompt = buildSystemPrompt(mode);
			const fixedTokens = estimateFixedTokens(systemPrompt, tools);
			const limit = promptLimit(settings.window);
			const count = countRequestTokens(fixedTokens, this.conversation!.messages, this.anchor, this.calibration);
			this.events.emit({ kind: "tokens", tokens: count.tokens, limit, measured: count.measured });
			if (count.tokens > limit && !this.compact(generation, settings, fixedTokens, limit, count.tokens)) return;

			const reply = this.request(generation, settings, systemPrompt, tools, fixedTokens);
			if (reply === undefined || !this.handleReply(generation, mode, reply)) return;
		}
	}

	/** Folds older turns so the next request fits; false when the loop must rest. */
	private compact(
		generation: number,
		settings: AgentSettings,
		fixedTokens: number,
		limit: number,
		before: number,
	): boolean {
		this.setState({ kind: "requesting", purpose: "compaction" });
		const cancel = this.newCancelToken();
		const client = this.config.client;
		// A client that throws must still let compaction fall back to dropping turns.
		const guarded: ChatClient = {
			complete(request, options) {
				const [ok, result] = pcall(() => client.complete(request, options));
				return ok
					? result
					: ({
							ok: false,
							error: { code: "upstream_error", message: `the chat client failed: ${tostring(result)}` },
						} as ChatResult);
			},
		};
		const outcome = compactConversation(this.conversation!, {
			client: guarded,
			model: settings.model,
			cancel,
			keepTurns: settings.keepTurns,
			limit,
			measure: (messages) => countRequestTokens(fixedTokens, messages, undefined, this.calibration).tokens,
			summaryTokens: settings.summaryTokens,
		});
		if (!this.isCurrent(generation) || outcome.kind === "cancelled") return false;
		if (outcome.kind === "overflow") {
			this.fail({ code: "context_overflow", message: outcome.message });
			return false;
		}
		this.conversation = outcome.conversation;
		this.anchor = undefined;
		const after = countRequestTokens(fixedTokens, outcome.conversation.messages, undefined, this.calibration).tokens;
		this.events.emit({
			kind: "compacted",
			method: outcome.method,
			foldedMessages: outcome.foldedMessages,
			tokensBefore: before,
			tokensAfter: after,
		});
		this.events.emit({ kind: "tokens", tokens: after, limit, measured: false });
		return true;
	}

	/** One model step; undefined when the loop must rest (error) or the reply is stale. */
	private request(
		generation: number,
		settings: AgentSettings,
		systemPrompt: string,
		tools: Array<ChatTool>,
		fixedTokens: number,
	): ChatReply | undefined {
		this.setState({ kind: "requesting", purpose: "step" });
		const cancel = this.newCancelToken();
		const sent = this.conversation!.messages;
		const messages: Array<ChatMessage> = [{ role: "system", content: systemPrompt }];
		for (const message of sent) messages.push(message);
		const request: ChatCompletionRequest = { model: settings.model, messages, temperature: settings.temperature };
		if (tools.size() > 0) {
			request.tools = tools;
			request.parallel_tool_calls = false;
		}
		const [ok, result] = pcall(() =>
			this.config.client.complete(request, {
				cancel,
				onDelta: (text) => {
					if (this.isCurrent(generation) && !cancel.cancelled) this.events.emit({ kind: "text_delta", text });
				},
			}),
		);
		if (!this.isCurrent(generation) || cancel.cancelled) return undefined;
		if (!ok) {
			this.fail({
				code: "internal",
				message: `The chat client failed: ${tostring(result)}. Retry to send the step again.`,
			});
			return undefined;
		}
		if (!result.ok) {
			this.fail(result.error);
			return undefined;
		}
		const usage = result.reply.usage;
		this.anchor = anchorFromUsage(usage, sent.size(), fixedTokens) ?? this.anchor;
		this.calibration = calibrationFromUsage(usage, fixedTokens + estimateMessagesTokens(sent)) ?? this.calibration;
		return result.reply;
	}

	/** Records the reply and runs its first tool call; true when the loop goes on to the next step. */
	private handleReply(generation: number, mode: AgentMode, reply: ChatReply): boolean {
		this.append(assistantMessage(reply.content, reply.toolCalls));
		if (reply.toolCalls.size() === 0) {
			if (!this.countMistake(NO_TOOL_MISTAKE)) return false;
			this.append(userMessage(NO_TOOL_REMINDER));
			return true;
		}
		const call = reply.toolCalls[0];
		this.setState({ kind: "running_tool", toolName: call.function.name, toolCallId: call.id });
		const [ok, outcome] = pcall(() => this.config.toolbox.run(mode, call));
		if (!this.isCurrent(generation)) return false;
		const result: ToolOutcome = ok
			? outcome
			: { kind: "error", message: `the tool failed unexpectedly: ${tostring(outcome)}` };
		return this.handleOutcome(generation, mode, call, result);
	}

	private handleOutcome(generation: number, mode: AgentMode, call: ChatToolCall, outcome: ToolOutcome): boolean {
		const name = call.function.name;
		const args = oneLine(call.function.arguments);
		switch (outcome.kind) {
			case "result":
			case "preview":
				this.answerCall(call.id, outcome.text);
				this.mistakes = 0;
				this.events.emit({ kind: "tool_used", name, args, result: oneLine(outcome.text), failed: false });
				return true;
			case "error":
				return this.toolError(call, outcome.message);
			case "completion":
				this.answerCall(call.id, COMPLETION_ACK);
				this.mistakes = 0;
				this.events.emit({ kind: "tool_used", name, args, result: oneLine(outcome.result), failed: false });
				this.setState({ kind: "completed", result: outcome.result });
				return false;
			case "question":
				this.mistakes = 0;
				this.events.emit({ kind: "tool_used", name, args, result: oneLine(outcome.question), failed: false });
				this.setState({
					kind: "awaiting_answer",
					question: outcome.question,
					options: outcome.options,
					toolCallId: call.id,
				});
				return false;
			case "proposal":
				if (mode === "plan") return this.toolError(call, planModeWriteResult(name));
				return this.propose(generation, call, outcome.summary, outcome.operations, outcome.stage);
		}
	}

	/** Answers a failed tool call and counts the mistake; true when the loop goes on. */
	private toolError(call: ChatToolCall, message: string): boolean {
		this.answerCall(call.id, toolErrorResult(message));
		this.events.emit({
			kind: "tool_used",
			name: call.function.name,
			args: oneLine(call.function.arguments),
			result: oneLine(message),
			failed: true,
		});
		return this.countMistake(`${call.function.name}: ${message}`);
	}

	/** Hands a write tool's change to the proposal store and rests until it is decided. */
	private propose(
		generation: number,
		call: ChatToolCall,
		summary: string,
		operations: ReadonlyArray<Operation>,
		stage: string | undefined,
	): boolean {
		const [ok, created] = pcall(() => this.config.proposals.create(summary, operations, call.id, stage));
		if (!this.isCurrent(generation)) {
			// Stopped while the store recorded it: withdraw it, nobody waits for it any more.
			if (ok) this.guard(() => this.config.proposals.reject(created.id, STOPPED_PROPOSAL_REASON));
			return false;
		}
		if (!ok) {
			this.answerCall(call.id, toolErrorResult(`the proposal could not be recorded: ${tostring(created)}`));
			this.fail({
				code: "internal",
				message: `Vector could not record the proposal (${tostring(created)}). Retry to let the model go on.`,
			});
			return false;
		}
		this.mistakes = 0;
		this.proposalIds.push(created.id);
		this.events.emit({ kind: "proposal_created", proposal: created });
		this.events.emit({
			kind: "tool_used",
			name: call.function.name,
			args: oneLine(call.function.arguments),
			result: `proposal: ${oneLine(summary)}`,
			failed: false,
		});
		const auto = this.isAutoApproved(operations);
		this.setState({ kind: "awaiting_approval", proposalId: created.id, toolCallId: call.id, autoApproved: auto });
		if (auto) {
			this.guard(() => this.config.proposals.approve(created.id));
			// The outcome normally arrives through onDecision; take it here too in case the store did not
			// say. Deferred either way, so a chain of auto-approved steps never nests threads.
			const now = this.guard(() => this.config.proposals.get(created.id));
			if (now !== undefined && isDecided(now.state)) task.defer(() => this.settle(now));
		}
		return false;
	}

	private isAutoApproved(operations: ReadonlyArray<Operation>): boolean {
		if (operations.size() === 0) return false;
		const autoApprove = this.settings().autoApprove;
		for (const operation of operations) if (!autoApprove[categoryOf(operation)]) return false;
		return true;
	}

	private onDecision(proposal: Proposal): void {
		const state = this.state;
		if (state.kind !== "awaiting_approval" || state.proposalId !== proposal.id || !isDecided(proposal.state)) return;
		// Deferred: the store is in the middle of notifying; the next step must not run inside its call.
		task.defer(() => this.settle(proposal));
	}

	/** Answers the awaited write tool with the decision and goes on. */
	private settle(proposal: Proposal): void {
		const state = this.state;
		if (this.destroyed || state.kind !== "awaiting_approval" || state.proposalId !== proposal.id) return;
		this.answerCall(state.toolCallId, decisionResult(proposal, state.autoApproved)!);
		this.startDrive();
	}

	private countMistake(description: string): boolean {
		this.mistakes += 1;
		if (this.mistakes < MAX_CONSECUTIVE_MISTAKES) return true;
		this.setState({ kind: "awaiting_guidance", mistakes: this.mistakes, lastMistake: description });
		return false;
	}

	// ----- state, conversation, persistence ------------------------------------------------------

	private fail(problem: AgentError): void {
		this.setState({ kind: "error", error: problem });
		this.events.emit({ kind: "error", error: problem });
	}

	private setState(state: AgentState): void {
		const previous = this.state;
		this.state = state;
		this.events.emit({ kind: "state_changed", state, previous });
		this.persist();
	}

	private append(message: ChatMessage): void {
		this.conversation = appendMessages(this.conversation!, [message]);
		this.events.emit({ kind: "message_added", message });
	}

	/** Replaces the conversation, announcing the messages it gained. */
	private extend(extended: Conversation): void {
		const before = this.conversation!.messages.size();
		this.conversation = extended;
		for (let index = before; index < extended.messages.size(); index++) {
			this.events.emit({ kind: "message_added", message: extended.messages[index] });
		}
	}

	private answerCall(toolCallId: string, text: string): void {
		this.extend(answerToolCall(this.conversation!, toolCallId, text));
	}

	private answerOpen(text: string): void {
		if (this.conversation !== undefined) this.extend(answerOpenToolCalls(this.conversation, () => text));
	}

	/** Runs a call into a collaborator; a throw becomes an error event instead of breaking the loop. */
	private guard<T>(action: () => T): T | undefined {
		const [ok, result] = pcall(action);
		if (ok) return result;
		this.events.emit({
			kind: "error",
			error: { code: "internal", message: `Vector's proposal store failed: ${tostring(result)}` },
		});
		return undefined;
	}

	private snapshot(): AgentSession {
		return {
			version: SESSION_VERSION,
			mode: this.mode,
			state: this.state,
			conversation: this.conversation,
			proposalIds: [...this.proposalIds],
			mistakes: this.mistakes,
			anchor: this.anchor,
			calibration: this.calibration,
		};
	}

	private persist(): void {
		const sessions = this.config.sessions;
		if (sessions === undefined || this.destroyed) return;
		const saved = sessions.save(this.snapshot());
		if (!saved.ok && !this.saveFailing)
			this.events.emit({ kind: "error", error: { code: "internal", message: saved.message } });
		this.saveFailing = !saved.ok;
	}

	private restore(): void {
		const sessions = this.config.sessions;
		if (sessions === undefined) return;
		const loaded = sessions.load();
		if (loaded.kind === "corrupt") {
			this.restoreProblem = `${loaded.message}; starting a new conversation.`;
			sessions.clear();
			return;
		}
		if (loaded.kind === "empty") return;
		const [ok, resumed] = pcall(() => resumeSession(loaded.session, (id) => this.config.proposals.get(id)));
		if (!ok) {
			this.restoreProblem = `the saved session could not be resumed (${tostring(resumed)}); starting a new conversation.`;
			sessions.clear();
			return;
		}
		this.mode = resumed.mode;
		this.state = resumed.state;
		this.conversation = resumed.conversation;
		this.proposalIds = [...resumed.proposalIds];
		this.mistakes = resumed.mistakes;
		this.anchor = resumed.anchor;
		this.calibration = resumed.calibration ?? 1;
		this.persist();
	}
}

/** A loop over the given collaborators, resumed from the saved session when there is one. */
export function createAgentLoop(config: AgentLoopConfig): AgentLoop {
	return new AgentLoop(config);
}
