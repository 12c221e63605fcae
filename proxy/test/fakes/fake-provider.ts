/**
 * A fake OpenAI-compatible provider speaking the real wire format of `POST /v1/chat/completions`.
 *
 * Behaviours cover what real providers do: completions with tool calls, SSE streams (role chunk, content
 * pieces, tool-call argument fragments, finish chunk, usage chunk, `data: [DONE]`), 429 with Retry-After,
 * 5xx, malformed JSON, mid-stream error events, slow or silent answers. Nothing is answered unless a test
 * scripts it or sets a default.
 */
import type http from "node:http";
import { type Behaviour, delay, type HttpFake, type RecordedRequest, startHttpFake } from "./http-fake";

export type FakeProvider = HttpFake;

/** Token usage as OpenAI reports it. */
export interface Usage {
	prompt_tokens: number;
	completion_tokens: number;
	total_tokens: number;
}

const SMALL_USAGE: Usage = { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 };

/** Starts a fake provider; its OpenAI base URL is `${fake.url}/v1`. */
export async function startFakeProvider(): Promise<FakeProvider> {
	return startHttpFake();
}

let sequence = 0;

function modelOf(req: RecordedRequest): string {
	const body = req.json as { model?: string } | undefined;
	return body?.model ?? "unknown-model";
}

/** A chat completion object as OpenAI returns it. */
export function completionBody(model: string, message: Record<string, unknown>, finishReason: string): Record<string, unknown> {
	sequence++;
	return {
		id: `chatcmpl-fake-${sequence}`,
		object: "chat.completion",
		created: 1_760_000_000,
		model,
		choices: [{ index: 0, message: { role: "assistant", refusal: null, annotations: [], ...message }, logprobs: null, finish_reason: finishReason }],
		usage: SMALL_USAGE,
		service_tier: "default",
		system_fingerprint: "fp_fake",
	};
}

/** Answers with a text completion. */
export function replyText(text = "Hello from the fake provider."): Behaviour {
	return (req, res) => {
		res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_fake" }).end(
			JSON.stringify(completionBody(modelOf(req), { content: text }, "stop")),
		);
	};
}

export interface FakeToolCall {
	id: string;
	name: string;
	arguments: string;
}

/** Answers with a completion that calls tools (content null, finish_reason "tool_calls"). */
export function replyToolCalls(calls: FakeToolCall[]): Behaviour {
	return (req, res) => {
		const message = {
			content: null,
			tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
		};
		res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completionBody(modelOf(req), message, "tool_calls")));
	};
}

/** An OpenAI error body. */
export function errorBody(message: string, type: string, code: string | null = null): Record<string, unknown> {
	return { error: { message, type, param: null, code } };
}

export interface StreamScript {
	/** Text pieces, streamed as content deltas. */
	text?: string[];
	/** A tool call whose arguments are streamed in these fragments. */
	toolCall?: { id: string; name: string; argumentFragments: string[] };
	/** More tool calls after `toolCall` (indices 1, 2, …), for replies that call several tools at once. */
	moreToolCalls?: Array<{ id: string; name: string; argumentFragments: string[] }>;
	/** Pause between events. */
	delayMs?: number;
	/** Awaited after the first content event, before the rest: lets a test prove the proxy does not buffer. */
	gate?: () => Promise<void>;
	/** Sends a usage chunk before [DONE] (`true`: a small fixed count). */
	usage?: boolean | Usage;
	/** Leaves out `data: [DONE]` (some providers just close). */
	omitDone?: boolean;
	/** Replaces events from this index on with raw lines (malformed data, error events). */
	breakAt?: { index: number; raw: string };
	/** Stops sending (without closing) after this many events. */
	stallAfter?: number;
}

/** The SSE events (JSON strings) of a scripted stream. */
export function streamEvents(model: string, script: StreamScript): string[] {
	sequence++;
	const base = { id: `chatcmpl-fake-${sequence}`, object: "chat.completion.chunk", created: 1_760_000_000, model, system_fingerprint: "fp_fake" };
	const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
		JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
	const events = [chunk({ role: "assistant", content: "", refusal: null })];
	for (const piece of script.text ?? []) events.push(chunk({ content: piece }));
	const calls = script.toolCall === undefined ? [] : [script.toolCall, ...(script.moreToolCalls ?? [])];
	calls.forEach(({ id, name, argumentFragments }, index) => {
		events.push(chunk({ tool_calls: [{ index, id, type: "function", function: { name, arguments: "" } }] }));
		for (const fragment of argumentFragments) events.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
	});
	events.push(chunk({}, calls.length === 0 ? "stop" : "tool_calls"));
	if (script.usage !== undefined && script.usage !== false) {
		events.push(JSON.stringify({ ...base, choices: [], usage: script.usage === true ? SMALL_USAGE : script.usage }));
	}
	return events;
}

/** Answers with an SSE stream following `script`. */
export function replyStream(script: StreamScript): Behaviour {
	return async (req, res) => {
		const events = streamEvents(modelOf(req), script);
		res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
		for (let i = 0; i < events.length; i++) {
			if (script.stallAfter !== undefined && i >= script.stallAfter) return; // silent, connection open
			if (script.breakAt !== undefined && i === script.breakAt.index) {
				await write(res, script.breakAt.raw);
				res.end();
				return;
			}
			await write(res, `data: ${events[i]}\n\n`);
			if (i === 1 && script.gate !== undefined) await script.gate();
			if (script.delayMs !== undefined) await delay(script.delayMs);
		}
		if (script.omitDone !== true) await write(res, "data: [DONE]\n\n");
		res.end();
	};
}

function write(res: http.ServerResponse, text: string): Promise<void> {
	return new Promise((resolve) => {
		if (res.destroyed) return resolve();
		res.write(text, () => resolve());
	});
}
