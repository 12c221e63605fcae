/**
 * The loop's states as data. The UI renders from the current state alone (what is happening, which
 * buttons to show), and the session store saves it, so every state carries what the UI and a restart
 * need: the proposal being waited on, the question asked, the error and whether Retry makes sense.
 */
import { ChatErrorCode } from "../net/chat-client";

/** Plan mode offers read and control tools only; Act mode offers every tool. */
export type AgentMode = "plan" | "act";

export type AgentErrorCode =
	| ChatErrorCode
	/** The plugin reloaded while a request or a tool was in flight; Retry sends the step again. */
	| "interrupted"
	/** The task and the newest turn alone do not fit the model window, even after compaction. */
	| "context_overflow"
	/** A collaborator (chat client, tool runner, proposal store) threw instead of returning an outcome. */
	| "internal";

/** An error the UI shows; `message` says what the user can do. */
export interface AgentError {
	readonly code: AgentErrorCode;
	readonly message: string;
	/** Seconds to wait before retrying, when the server said. */
	readonly retryAfter?: number;
	/** Internal detail for logs and bug reports (kept apart from the message; net/ may fill it). */
	readonly detail?: string;
}

export type AgentState =
	/** No task yet (or the conversation was reset). */
	| { readonly kind: "idle" }
	/** A model request is in flight: a step, or the summarisation that compacts the context first. */
	| { readonly kind: "requesting"; readonly purpose: "step" | "compaction" }
	/** The first tool call of the last reply is running. */
	| { readonly kind: "running_tool"; readonly toolName: string; readonly toolCallId: string }
	/** A write tool made a proposal; the loop waits for the user's decision (or the auto-approved outcome). */
	| {
			readonly kind: "awaiting_approval";
			readonly proposalId: string;
			readonly toolCallId: string;
			/** True when the user's auto-approve setting approved it and it is being applied. */
			readonly autoApproved: boolean;
	  }
	/** ask_user: the loop waits for the user's answer. */
	| {
			readonly kind: "awaiting_answer";
			readonly question: string;
			readonly options?: ReadonlyArray<string>;
			readonly toolCallId: string;
	  }
	/** Too many mistakes in a row: the loop waits for the user to say how to go on. */
	| { readonly kind: "awaiting_guidance"; readonly mistakes: number; readonly lastMistake: string }
	/** attempt_completion: the task is done; `result` is the model's summary for the user. */
	| { readonly kind: "completed"; readonly result: string }
	/** The user stopped the task; a new message continues the conversation. */
	| { readonly kind: "stopped" }
	/** A request failed; Retry sends the same step again, a new message continues. */
	| { readonly kind: "error"; readonly error: AgentError };

export type AgentStateKind = AgentState["kind"];

/** Whether the loop is working on its own (a request or a tool in flight): the composer waits. */
export function isBusy(state: AgentState): boolean {
	return state.kind === "requesting" || state.kind === "running_tool";
}
