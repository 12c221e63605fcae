/**
 * Turns what the proxy sends into one finished model step (`ChatReply`): a streamed answer chunk by
 * chunk, or a plain completion at once.
 *
 * A stream spreads the reply over many chunks: text deltas, tool calls whose `arguments` JSON
 * arrives in fragments joined by the call's `index`, the finish reason near the end, and usage in
 * a last chunk without choices. Providers differ in the details, so the rules are lenient where it
 * is safe: a fragment without `index` continues the call it names by `id` (or the latest call), a
 * call's name is the first one sent (never concatenated: some providers repeat it), a call without
 * an id gets `call_<index>` so its result can still be sent back. Arguments are kept exactly as
 * sent (the agent validates them). Only the first choice counts: Vector never asks for more.
 */
import { ChatReply } from "./chat-client";
import { RelayedChunk, RelayedCompletion } from "./wire-types";
import { ChatToolCall, ChatUsage } from "../../../shared/src/proxy-api";

interface PendingCall {
	id?: string;
	name?: string;
	readonly argumentParts: Array<string>;
}

/** Collects one streamed reply. */
export class ReplyAssembler {
	private contentParts = new Array<string>();
	private refusalParts = new Array<string>();
	private calls = new Map<number, PendingCall>();
	private indexById = new Map<string, number>();
	private lastIndex?: number;
	private finishReason?: string;
	private usage?: ChatUsage;

	/** Adds one chunk; returns the assistant text it carried ("" when none). */
	add(chunk: RelayedChunk): string {
		if (chunk.usage !== undefined) this.usage = chunk.usage;
		const choice = chunk.choices?.find((c) => c.index === 0);
		if (choice === undefined) return "";
		if (choice.finish_reason !== undefined) this.finishReason = choice.finish_reason;
		const delta = choice.delta;
		if (delta === undefined) return "";
		if (delta.refusal !== undefined) this.refusalParts.push(delta.refusal);
		for (const fragment of delta.tool_calls ?? []) {
			const index = this.slotFor(fragment.index, fragment.id);
			let call = this.calls.get(index);
			if (call === undefined) {
				call = { argumentParts: [] };
				this.calls.set(index, call);
			}
			if (call.id === undefined && fragment.id !== undefined && fragment.id !== "") {
				call.id = fragment.id;
				this.indexById.set(fragment.id, index);
			}
			const fn = fragment.function;
			if (fn !== undefined) {
				if (call.name === undefined && fn.name !== undefined && fn.name !== "") call.name = fn.name;
				if (fn.arguments !== undefined) call.argumentParts.push(fn.arguments);
			}
			this.lastIndex = index;
		}
		const text = delta.content ?? "";
		if (text !== "") this.contentParts.push(text);
		return text;
	}

	/** Whether a chunk has said why the reply ended (so a stream cut after it lost nothing). */
	hasFinished(): boolean {
		return this.finishReason !== undefined;
	}

	/** The reply so far, tool calls in index order. */
	reply(): ChatReply {
		const indices = new Array<number>();
		for (const [index] of this.calls) indices.push(index);
		indices.sort((a, b) => a < b);
		const toolCalls = indices.map((index): ChatToolCall => {
			const call = this.calls.get(index)!;
			return {
				id: call.id ?? `call_${index}`,
				type: "function",
				function: { name: call.name ?? "", arguments: call.argumentParts.join("") },
			};
		});
		let content = this.contentParts.join("");
		if (content === "") content = this.refusalParts.join("");
		return { content, toolCalls, finishReason: this.finishReason, usage: this.usage };
	}

	private slotFor(index: number | undefined, id: string | undefined): number {
		if (index !== undefined) return index;
		if (id !== undefined && id !== "") {
			const known = this.indexById.get(id);
			if (known !== undefined) return known;
			let free = 0;
			for (const [taken] of this.calls) free = math.max(free, taken + 1);
			return free;
		}
		return this.lastIndex ?? 0;
	}
}

/** The reply of a plain (non-streamed) completion; undefined when it has no choice. */
export function replyFromCompletion(completion: RelayedCompletion): ChatReply | undefined {
	const choice = completion.choices.find((c) => c.index === 0) ?? completion.choices[0];
	if (choice === undefined) return undefined;
	const message = choice.message;
	let content = message.content ?? "";
	if (content === "" && message.refusal !== undefined) content = message.refusal;
	return {
		content,
		toolCalls: message.tool_calls ?? [],
		finishReason: choice.finish_reason,
		usage: completion.usage,
	};
}
