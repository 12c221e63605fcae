/**
 * Spec support (dev build only): a ChatClient that answers from a queue of scripted replies —
 * text, tool calls, errors, streamed deltas, slow replies on (virtual) time — and records every
 * request it was sent, so specs check exactly what the model saw. A slow reply is returned even
 * when its request was cancelled meanwhile: the worst case, a late answer the loop must drop.
 */
import { HttpService } from "@rbxts/services";
import { CancelToken, ChatClient, ChatError, ChatResult } from "../../net/chat-client";
import { ChatCompletionRequest, ChatToolCall, ChatUsage } from "../../../../shared/src/proxy-api";

export type ScriptedStep =
	| {
			readonly kind: "reply";
			readonly content?: string;
			readonly toolCalls?: ReadonlyArray<ChatToolCall>;
			readonly usage?: ChatUsage;
			/** Streamed to onDelta before the reply completes. */
			readonly deltas?: ReadonlyArray<string>;
			/** Seconds the reply takes (task.wait, virtual in the headless Studio). */
			readonly delay?: number;
	  }
	| { readonly kind: "error"; readonly error: ChatError; readonly delay?: number }
	| { readonly kind: "respond"; readonly respond: (request: ChatCompletionRequest) => ChatResult }
	| { readonly kind: "throw"; readonly message: string };

let callCounter = 0;

/** A tool call with a fresh id; `args` is encoded as JSON unless it is already a string. */
export function toolCall(name: string, args: object | string = {}, id?: string): ChatToolCall {
	callCounter += 1;
	return {
		id: id ?? `call_${callCounter}`,
		type: "function",
		function: { name, arguments: typeIs(args, "string") ? args : HttpService.JSONEncode(args) },
	};
}

/** A reply that calls one tool. */
export function callsTool(
	name: string,
	args: object | string = {},
	extra?: { delay?: number; usage?: ChatUsage },
): ScriptedStep {
	return { kind: "reply", content: "", toolCalls: [toolCall(name, args)], delay: extra?.delay, usage: extra?.usage };
}

/** A reply with text only. */
export function says(content: string): ScriptedStep {
	return { kind: "reply", content };
}

/** A failed request. */
export function fails(problem: ChatError, delay?: number): ScriptedStep {
	return { kind: "error", error: problem, delay };
}

export class ScriptedChatClient implements ChatClient {
	/** Every request, in order. */
	readonly requests = new Array<ChatCompletionRequest>();
	/** The options of every request (cancel token, delta callback). */
	readonly options = new Array<{ readonly cancel?: CancelToken; readonly onDelta?: (text: string) => void }>();
	private readonly queue = new Array<ScriptedStep>();

	constructor(steps: ReadonlyArray<ScriptedStep> = []) {
		for (const step of steps) this.queue.push(step);
	}

	/** Adds steps to the end of the queue. */
	enqueue(...steps: Array<ScriptedStep>): void {
		for (const step of steps) this.queue.push(step);
	}

	/** Steps not yet used. */
	remaining(): number {
		return this.queue.size();
	}

	complete(
		request: ChatCompletionRequest,
		options?: { onDelta?: (text: string) => void; cancel?: CancelToken },
	): ChatResult {
		this.requests.push(request);
		this.options.push(options ?? {});
		const step = this.queue.shift();
		if (step === undefined) {
			return {
				ok: false,
				error: {
					code: "upstream_error",
					message: `scripted client: no reply left for request ${this.requests.size()}`,
				},
			};
		}
		switch (step.kind) {
			case "throw":
				return error(step.message);
			case "respond":
				return step.respond(request);
			case "error":
				if (step.delay !== undefined) task.wait(step.delay);
				return { ok: false, error: step.error };
			case "reply": {
				if (step.delay !== undefined) task.wait(step.delay);
				for (const delta of step.deltas ?? []) options?.onDelta?.(delta);
				const toolCalls = new Array<ChatToolCall>();
				for (const call of step.toolCalls ?? []) toolCalls.push(call);
				return {
					ok: true,
					reply: {
						content: step.content ?? "",
						toolCalls,
						finishReason: toolCalls.size() > 0 ? "tool_calls" : "stop",
						usage: step.usage,
					},
				};
			}
		}
	}
}
