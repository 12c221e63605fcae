/**
 * What a saved agent session is, and the one @rbxts/t validator that checks it on read. Settings
 * can hold anything (an older version, a hand edit, a write cut short by several Studio windows), so
 * nothing read back is trusted until it passes here. A compile-time check below ties the validator
 * to the types, so they cannot drift apart.
 */
import { t } from "@rbxts/t";
import { AgentMode, AgentState } from "./agent-state";
import { Conversation } from "./conversation";
import { MAX_CALIBRATION, UsageAnchor } from "./token-budget";

/** Bumped when the saved shape changes; a session of another version is discarded. */
export const SESSION_VERSION = 1;

/** Everything the loop needs to come back after a plugin reload. */
export interface AgentSession {
	readonly version: typeof SESSION_VERSION;
	readonly mode: AgentMode;
	readonly state: AgentState;
	/** Undefined before the first task. */
	readonly conversation?: Conversation;
	/** Ids of the proposals this conversation made, oldest first (their states live in the proposal store). */
	readonly proposalIds: ReadonlyArray<string>;
	/** Consecutive mistakes so far. */
	readonly mistakes: number;
	readonly anchor?: UsageAnchor;
	/** How much the provider's counts exceed our estimates (token-budget.ts). */
	readonly calibration?: number;
}

const isContent = t.union(t.string, t.array(t.interface({ type: t.literal("text"), text: t.string })));

const isToolCall = t.interface({
	id: t.string,
	type: t.literal("function"),
	function: t.interface({ name: t.string, arguments: t.string }),
});

const isMessage = t.union(
	t.interface({ role: t.literal("system"), content: isContent, name: t.optional(t.string) }),
	t.interface({ role: t.literal("user"), content: isContent, name: t.optional(t.string) }),
	t.interface({
		role: t.literal("assistant"),
		content: t.optional(isContent),
		tool_calls: t.optional(t.array(isToolCall)),
		name: t.optional(t.string),
	}),
	t.interface({ role: t.literal("tool"), content: isContent, tool_call_id: t.string }),
);

const isConversation = t.interface({
	task: t.string,
	messages: t.array(isMessage),
	compactions: t.numberMin(0),
});

const isAgentError = t.interface({
	code: t.literal(
		"proxy_unreachable",
		"rate_limited",
		"rejected",
		"upstream_error",
		"bad_response",
		"cancelled",
		"http_budget",
		"interrupted",
		"context_overflow",
		"internal",
	),
	message: t.string,
	retryAfter: t.optional(t.number),
	detail: t.optional(t.string),
});

const isAgentState = t.union(
	t.interface({ kind: t.literal("idle") }),
	t.interface({ kind: t.literal("requesting"), purpose: t.literal("step", "compaction") }),
	t.interface({ kind: t.literal("running_tool"), toolName: t.string, toolCallId: t.string }),
	t.interface({
		kind: t.literal("awaiting_approval"),
		proposalId: t.string,
		toolCallId: t.string,
		autoApproved: t.boolean,
	}),
	t.interface({
		kind: t.literal("awaiting_answer"),
		question: t.string,
		options: t.optional(t.array(t.string)),
		toolCallId: t.string,
	}),
	t.interface({ kind: t.literal("awaiting_guidance"), mistakes: t.numberMin(0), lastMistake: t.string }),
	t.interface({ kind: t.literal("completed"), result: t.string }),
	t.interface({ kind: t.literal("stopped") }),
	t.interface({ kind: t.literal("error"), error: isAgentError }),
);

const isSessionShape = t.interface({
	version: t.literal(SESSION_VERSION),
	mode: t.literal("plan", "act"),
	state: isAgentState,
	conversation: t.optional(isConversation),
	proposalIds: t.array(t.string),
	mistakes: t.numberMin(0),
	calibration: t.optional(t.numberConstrained(1, MAX_CALIBRATION)),
	anchor: t.optional(
		t.interface({ messageCount: t.numberMin(0), promptTokens: t.numberMin(0), fixedTokens: t.number }),
	),
});

// Compile-time: whatever passes the validator is an AgentSession.
const validatedIsSession: (value: t.static<typeof isSessionShape>) => AgentSession = (value) => value;

/**
 * Checks a decoded session; on failure says what is wrong. Beyond the shape: the conversation must
 * open with the task as a user message.
 */
export function checkSession(
	value: unknown,
): { readonly ok: true; readonly session: AgentSession } | { readonly ok: false; readonly message: string } {
	if (!isSessionShape(value)) {
		const [, problem] = (isSessionShape as unknown as (v: unknown) => LuaTuple<[boolean, string?]>)(value);
		return { ok: false, message: `the saved session has an unexpected shape (${problem ?? "unknown field"})` };
	}
	const conversation = value.conversation;
	if (conversation !== undefined) {
		const first = conversation.messages[0];
		if (first === undefined || first.role !== "user") {
			return { ok: false, message: "the saved conversation does not start with the task" };
		}
	}
	return { ok: true, session: validatedIsSession(value) };
}
