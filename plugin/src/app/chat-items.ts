/**
 * The chat transcript as the UI draws it, built from the conversation (plain data the agent keeps and
 * saves, so the same transcript comes back after a plugin reload) plus what only the live session
 * knows: the text streaming in and the loop's current stage.
 *
 * Mapping: a user message shows what the user typed (its context note becomes chips); an assistant
 * message shows its text, then one item per tool call: a proposal card in place of a write tool's
 * call, the question of ask_user (with the user's answer once given), the result of
 * attempt_completion, and a chip (name, short arguments, result) for every other tool. The loop's own
 * reminders are not shown; a compaction summary shows as a folded note. The loop's state adds one
 * closing line (what Vector is doing, what it waits for, or that the user stopped it).
 *
 * Long conversations: only the newest {@link MAX_ITEMS} items are returned, after a line saying how
 * many were left out, so the transcript never builds thousands of instances; chip results are capped
 * to {@link RESULT_PREVIEW_CAP} bytes.
 */
import { AgentState } from "../agent/agent-state";
import { SUMMARY_HEADER } from "../agent/compaction";
import { contentText } from "../agent/conversation";
import { NO_TOOL_REMINDER } from "../agent/loop-messages";
import { oneLine } from "../agent/tool-summary";
import { decodeJson } from "../net/json";
import { ChatMessage, ChatToolCall } from "../../../shared/src/proxy-api";
import { splitContextNote } from "./context-note";

export type ChatItem =
	| { readonly kind: "user"; readonly key: string; readonly text: string; readonly attached: ReadonlyArray<string> }
	| { readonly kind: "assistant"; readonly key: string; readonly text: string; readonly streaming: boolean }
	| {
			readonly kind: "tool";
			readonly key: string;
			readonly name: string;
			/** The arguments on one short line. */
			readonly args: string;
			/** The result on one line, for the collapsed chip ("" while it runs). */
			readonly summary: string;
			/** The result as returned (capped), for the expanded chip. */
			readonly result: string;
			readonly failed: boolean;
			/** True while the tool runs (no result yet). */
			readonly running: boolean;
	  }
	| { readonly kind: "proposal"; readonly key: string; readonly proposalId: string }
	| {
			readonly kind: "question";
			readonly key: string;
			readonly question: string;
			readonly options: ReadonlyArray<string>;
			/** The user's answer once given. */
			readonly answer?: string;
			/** True while the loop waits for this answer (the options can be clicked). */
			readonly open: boolean;
	  }
	| { readonly kind: "completion"; readonly key: string; readonly text: string }
	| { readonly kind: "summary"; readonly key: string; readonly text: string }
	/** A stage line (what Vector is doing or waiting for), or a notice the user should read. */
	| {
			readonly kind: "status";
			readonly key: string;
			readonly text: string;
			readonly tone: "progress" | "info" | "warning";
	  }
	/** Older items left out of the view. */
	| { readonly kind: "omitted"; readonly key: string; readonly count: number };

export type ChatItemKind = ChatItem["kind"];

/** The most items the transcript shows. */
export const MAX_ITEMS = 150;
/** The most bytes of a tool result an expanded chip shows. */
export const RESULT_PREVIEW_CAP = 2_000;

/** What the transcript is built from. */
export interface TranscriptInput {
	/** Conversation messages, oldest first; `firstIndex` is the number of the first (for stable keys). */
	readonly messages: ReadonlyArray<ChatMessage>;
	readonly firstIndex?: number;
	/** The proposal made by each write tool call of this conversation: tool call id → proposal id. */
	readonly proposalsByCall: ReadonlyMap<string, string>;
	readonly state: AgentState;
	/** Assistant text of the request in flight, as streamed so far. */
	readonly streaming: string;
}

const ANSWER_PREFIX = "The user answered: ";
const ERROR_PREFIX = "Error: ";

function startsWith(text: string, prefix: string): boolean {
	return text.sub(1, prefix.size()) === prefix;
}

function capBytes(text: string, cap: number): string {
	if (text.size() <= cap) return text;
	let cut = cap;
	// Never split a UTF-8 character: back up over continuation bytes.
	while (cut > 0) {
		const [byte] = string.byte(text, cut + 1);
		if (byte === undefined || byte < 0x80 || byte >= 0xc0) break;
		cut -= 1;
	}
	return `${text.sub(1, cut)}\n… (${text.size() - cut} more bytes)`;
}

/**
 * A short chip label for a context note line: its value after "label: ", without a trailing
 * "(…)" remark, a path shortened to its last name ("Workspace/Door/Open" → "Open").
 */
export function chipLabel(line: string): string {
	const [value] = string.match(line, "^[^:]*: (.+)$");
	let label = value !== undefined ? (value as string) : line;
	label = label.gsub("%s*%b()$", "")[0];
	const [last] = string.match(label, "([^/]+)$");
	if (last !== undefined && string.find(label, "/", 1, true)[0] !== undefined) label = last as string;
	return label;
}

/** A tool call's decoded arguments (an empty table when they are not a JSON object). */
function argsOf(call: ChatToolCall): Record<string, unknown> {
	const decoded = decodeJson(call.function.arguments ?? "");
	return decoded.ok && typeIs(decoded.value, "table") ? (decoded.value as Record<string, unknown>) : {};
}

function stringArg(args: Record<string, unknown>, name: string): string {
	const value = args[name];
	return typeIs(value, "string") ? value : "";
}

function optionsArg(args: Record<string, unknown>): Array<string> {
	const value = args["options"];
	const options = new Array<string>();
	if (typeIs(value, "table"))
		for (const option of value as Array<unknown>) if (typeIs(option, "string")) options.push(option);
	return options;
}

/** Tool results by tool call id. */
function resultsByCall(messages: ReadonlyArray<ChatMessage>): Map<string, string> {
	const results = new Map<string, string>();
	for (const message of messages) {
		if (message.role === "tool") results.set(message.tool_call_id, contentText(message.content));
	}
	return results;
}

function callItem(
	key: string,
	call: ChatToolCall,
	result: string | undefined,
	input: Omit<TranscriptInput, "streaming">,
): ChatItem {
	const name = call.function.name;
	const proposalId = input.proposalsByCall.get(call.id);
	if (proposalId !== undefined) return { kind: "proposal", key, proposalId };
	if (name === "attempt_completion") {
		const text = stringArg(argsOf(call), "result");
		if (text !== "") return { kind: "completion", key, text };
	} else if (name === "ask_user") {
		const args = argsOf(call);
		const question = stringArg(args, "question");
		if (question !== "") {
			const state = input.state;
			const open = state.kind === "awaiting_answer" && state.toolCallId === call.id;
			const answer =
				result !== undefined && startsWith(result, ANSWER_PREFIX) ? result.sub(ANSWER_PREFIX.size() + 1) : undefined;
			return { kind: "question", key, question, options: optionsArg(args), answer, open };
		}
	}
	const failed = result !== undefined && startsWith(result, ERROR_PREFIX);
	return {
		kind: "tool",
		key,
		name,
		args: oneLine(call.function.arguments ?? "", 80),
		summary: result === undefined ? "" : oneLine(failed ? result.sub(ERROR_PREFIX.size() + 1) : result, 100),
		result: result === undefined ? "" : capBytes(result, RESULT_PREVIEW_CAP),
		failed,
		running: result === undefined,
	};
}

/** The closing line for the loop's state, if it has one. */
function stateLine(state: AgentState, streaming: boolean): ChatItem | undefined {
	const line = (text: string, tone: "progress" | "info" | "warning"): ChatItem => ({
		kind: "status",
		key: "state",
		text,
		tone,
	});
	switch (state.kind) {
		case "requesting":
			if (state.purpose === "compaction")
				return line("Condensing older messages to fit the model's window…", "progress");
			return streaming ? undefined : line("Thinking…", "progress");
		case "running_tool":
			return line(`Running ${state.toolName}…`, "progress");
		case "awaiting_approval":
			return state.autoApproved
				? line("Applying the auto-approved proposal…", "progress")
				: line("Waiting for you to approve or reject the proposal.", "info");
		case "awaiting_guidance":
			return line(
				`Vector made ${state.mistakes} mistakes in a row (last: ${oneLine(state.lastMistake, 160)}). Tell it how to go on.`,
				"warning",
			);
		case "stopped":
			return line("Stopped. Write a message to go on.", "info");
		default:
			return undefined;
	}
}

/** The items of the conversation's messages (everything but the streamed text and the closing line). */
export function messageItems(input: Omit<TranscriptInput, "streaming">): Array<ChatItem> {
	const items = new Array<ChatItem>();
	const results = resultsByCall(input.messages);
	const first = input.firstIndex ?? 0;
	input.messages.forEach((message, offset) => {
		const key = `m${first + offset}`;
		const text = contentText(message.content);
		if (message.role === "user") {
			if (text === NO_TOOL_REMINDER) return;
			if (startsWith(text, SUMMARY_HEADER)) {
				items.push({ kind: "summary", key, text: text.sub(SUMMARY_HEADER.size() + 1).gsub("^%s+", "")[0] });
				return;
			}
			const split = splitContextNote(text);
			items.push({ kind: "user", key, text: split.text, attached: split.attached.map(chipLabel) });
		} else if (message.role === "assistant") {
			if (text !== "" && !(text === "(empty reply)" && message.tool_calls === undefined)) {
				items.push({ kind: "assistant", key, text, streaming: false });
			}
			for (const call of message.tool_calls ?? []) {
				items.push(callItem(`${key}:${call.id}`, call, results.get(call.id), input));
			}
		}
	});
	return items;
}

/** The items after the messages: the text streaming in, and the line for the loop's state. */
export function closingItems(state: AgentState, streaming: string): Array<ChatItem> {
	const items = new Array<ChatItem>();
	if (streaming !== "") items.push({ kind: "assistant", key: "streaming", text: streaming, streaming: true });
	const closing = stateLine(state, streaming !== "");
	if (closing !== undefined) items.push(closing);
	return items;
}

/** `items` then `closing`, keeping the newest {@link MAX_ITEMS} after an "omitted" line. */
export function joinCapped(items: ReadonlyArray<ChatItem>, closing: ReadonlyArray<ChatItem>): Array<ChatItem> {
	const total = items.size() + closing.size();
	const omitted = math.max(0, total - MAX_ITEMS);
	const joined = new Array<ChatItem>();
	if (omitted > 0) joined.push({ kind: "omitted", key: "omitted", count: omitted });
	for (let index = omitted; index < items.size(); index++) joined.push(items[index]);
	for (const item of closing) joined.push(item);
	return joined;
}

/** The transcript items for `input` (see the module header). */
export function buildTranscript(input: TranscriptInput): Array<ChatItem> {
	return joinCapped(messageItems(input), closingItems(input.state, input.streaming));
}
