/**
 * A scripted model provider on a loopback port, speaking OpenAI's chat-completions wire format to
 * the real proxy: plain completions and server-sent event streams (role chunk, content pieces,
 * tool-call deltas, finish chunk, usage chunk, `data: [DONE]`), OpenAI error bodies with their
 * status (429 with Retry-After, 500, …), garbage bodies, and, while "down", dropped connections
 * (so the proxy's own connection-error path runs). Replies come from a queue the scenario fills,
 * one per request the provider receives; every request body is kept.
 *
 * Built on the proxy tests' fakes (proxy/test/fakes): the HTTP fake that records requests and the
 * provider's completion and stream shapes.
 */
import type http from "node:http";
import { delay, startHttpFake, type RecordedRequest } from "../../../../../proxy/test/fakes/http-fake.js";
import { completionBody, errorBody, streamEvents } from "../../../../../proxy/test/fakes/fake-provider.js";
import type { FakeReply, ReceivedChat } from "./scripted-proxy.js";

export interface ScriptedProvider {
	/** The provider's origin; its OpenAI base URL is `${url}/v1`. */
	url: string;
	reply(...replies: FakeReply[]): void;
	/** Chat request bodies received (not those dropped while down). */
	readonly chats: ReceivedChat[];
	/** Chat requests that found no scripted reply (answered with an OpenAI-style 500). */
	unscripted(): number;
	/** Streams the client (the proxy) closed before they ended. */
	clientClosed(): number;
	/** Requests being answered right now. */
	inFlight(): number;
	/** While down, every connection is dropped as soon as a request arrives. */
	setDown(down: boolean): void;
	close(): Promise<void>;
}

const CHAT_PATH = "/v1/chat/completions";

/** OpenAI's error `type` for a status. */
function errorType(status: number): string {
	if (status === 401) return "authentication_error";
	if (status === 403) return "permission_error";
	if (status === 429) return "rate_limit_error";
	if (status >= 500) return "server_error";
	return "invalid_request_error";
}

function words(text: string): string[] {
	return text.match(/\S+\s*|\s+/g) ?? [text];
}

let callCounter = 0;

export async function startScriptedProvider(): Promise<ScriptedProvider> {
	const queue: FakeReply[] = [];
	const chats: ReceivedChat[] = [];
	let down = false;
	let unscripted = 0;
	let clientClosed = 0;
	let inFlight = 0;

	const fake = await startHttpFake(async (req, res) => {
		if (down) {
			res.socket?.destroy();
			return true;
		}
		if (req.method !== "POST" || req.path !== CHAT_PATH) return false;
		inFlight += 1;
		res.on("close", () => (inFlight -= 1));
		const body = (req.json ?? { messages: [] }) as ReceivedChat;
		chats.push(body);
		const reply = queue.shift();
		if (reply === undefined) {
			unscripted += 1;
			json(res, 500, errorBody("scripted provider: no reply scripted for this request", "server_error"));
			return true;
		}
		await answer(req, body, reply, res);
		return true;
	});

	async function answer(req: RecordedRequest, body: ReceivedChat, reply: FakeReply, res: http.ServerResponse): Promise<void> {
		const model = body.model ?? "unknown-model";
		if (reply.error !== undefined) {
			const headers: Record<string, string> = {};
			if (reply.error.retryAfter !== undefined) headers["retry-after"] = String(reply.error.retryAfter);
			json(res, reply.error.status, errorBody(reply.error.message, errorType(reply.error.status), reply.error.code), headers);
			return;
		}
		if (reply.garbage !== undefined) {
			res.writeHead(200, { "content-type": "application/json" }).end(reply.garbage);
			return;
		}
		callCounter += 1;
		const calls = [...(reply.tool ? [reply.tool] : []), ...(reply.tools ?? [])].map((tool, index) => ({
			id: `call_fake_${callCounter}${index === 0 ? "" : `_${index}`}`,
			name: tool.name,
			arguments: typeof tool.args === "string" ? tool.args : JSON.stringify(tool.args),
		}));
		const usage = reply.usage ?? { prompt_tokens: 2400, completion_tokens: 120, total_tokens: 2520 };
		if (body.stream !== true) {
			const message = {
				content: reply.text ?? null,
				...(calls.length > 0 ? { tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })) } : {}),
			};
			const completion = completionBody(model, message, calls.length > 0 ? "tool_calls" : "stop");
			json(res, 200, { ...completion, usage });
			return;
		}
		const pieces = reply.chunks ?? (reply.text ? words(reply.text) : []);
		const [first, ...more] = calls.map((c) => ({ id: c.id, name: c.name, argumentFragments: [c.arguments] }));
		const events = streamEvents(model, { text: pieces, toolCall: first, moreToolCalls: more, usage });
		res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
		let open = true;
		res.on("close", () => {
			if (open) clientClosed += 1;
			open = false;
		});
		// The role chunk, then the pieces one by one; a hanging reply stops after its text, open.
		const textEnd = 1 + pieces.length;
		for (const [index, event] of events.entries()) {
			if (!open) return;
			if (reply.hang && index === textEnd) return; // silent, connection open, until the client leaves
			if (index > 0 && index < textEnd) await delay(reply.pieceDelayMs ?? 5);
			res.write(`data: ${event}\n\n`);
		}
		res.end("data: [DONE]\n\n");
		open = false;
	}

	return {
		url: fake.url,
		reply: (...replies) => void queue.push(...replies),
		chats,
		unscripted: () => unscripted,
		clientClosed: () => clientClosed,
		inFlight: () => inFlight,
		setDown(value) {
			down = value;
		},
		close: () => fake.close(),
	};
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
