/**
 * A scripted stand-in for the Vector proxy on a loopback port, for scenes and host tests that run
 * the real plugin: it speaks the proxy's routes in their wire formats (`POST /v1/chat/completions`
 * in OpenAI's format, plain or as server-sent event chunks; `GET /v1/health`; `GET
 * /v1/assets/search`), so the plugin's own net/ code (transport, SSE parsing, reply assembly,
 * validation) is what runs. Chat replies come from a queue the test fills; every request is kept.
 *
 * Bound to 127.0.0.1 with a lifetime cap, so a stray run cannot leave it serving.
 */
import http from "node:http";
import type net from "node:net";
import type { FakeAsset, FakeReply, ScriptedProxy } from "./scripted-proxy.js";

export type { FakeAsset, FakeReply } from "./scripted-proxy.js";

/** The fake proxy is a `ScriptedProxy` whose chat requests are the model's (it answers them itself). */
export type FakeProxy = ScriptedProxy;

const LIFETIME_MS = 20 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function words(text: string): string[] {
	return text.match(/\S+\s*|\s+/g) ?? [text];
}

let callCounter = 0;

export async function startFakeProxy(): Promise<FakeProxy> {
	const queue: FakeReply[] = [];
	let assetList: FakeAsset[] = [];
	const chats: FakeProxy["chats"] = [];
	let clientClosed = 0;
	let down = false;
	let unscripted = 0;
	let inFlight = 0;
	let requests = 0;
	let providerDown = false;
	const sockets = new Set<net.Socket>();

	const server = http.createServer((req, res) => {
		inFlight += 1;
		let counted = true;
		const done = () => {
			if (counted) inFlight -= 1;
			counted = false;
		};
		res.on("close", done);
		res.on("finish", done);
		void handle(req, res);
	});
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.address() as net.AddressInfo).port;
	const lifetime = setTimeout(() => void close(), LIFETIME_MS);
	lifetime.unref();

	async function close(): Promise<void> {
		clearTimeout(lifetime);
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	function json(res: http.ServerResponse, status: number, body: unknown): void {
		res.writeHead(status, { "Content-Type": "application/json" });
		res.end(JSON.stringify(body));
	}

	async function readBody(req: http.IncomingMessage): Promise<string> {
		const parts: Buffer[] = [];
		for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
		return Buffer.concat(parts).toString("utf8");
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		if (down) {
			req.socket.destroy();
			return;
		}
		requests += 1;
		const body = await readBody(req);
		if (req.method === "GET" && url.pathname === "/v1/health") {
			json(res, 200, {
				status: "ok",
				version: "0.1.0",
				provider: { configured: true, models: ["gpt-4.1", "gpt-4.1-mini"], defaultModel: "gpt-4.1", bringYourOwnKey: true },
				catalog: { keyConfigured: true },
			});
		} else if (req.method === "GET" && url.pathname === "/v1/assets/search") {
			const query = (url.searchParams.get("query") ?? url.searchParams.get("q") ?? "").toLowerCase();
			const results = assetList
				.filter((asset) => query === "" || asset.name.toLowerCase().includes(query.split(" ")[0]))
				.map((asset) => ({
					id: asset.id,
					name: asset.name,
					creator: asset.creator,
					type: asset.type ?? "Model",
					thumbnailUrl: `rbxthumb://type=Asset&id=${asset.id}&w=150&h=150`,
				}));
			json(res, 200, { results });
		} else if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
			const request = JSON.parse(body) as FakeProxy["chats"][number];
			chats.push(request);
			if (providerDown) {
				json(res, 502, { error: { code: "provider_unreachable", message: "Could not reach the model provider." } });
				return;
			}
			const reply = queue.shift();
			if (!reply) {
				unscripted += 1;
				json(res, 500, { error: { code: "upstream_error", message: "fake proxy: no reply scripted" } });
				return;
			}
			if (reply.error) {
				if (reply.error.retryAfter !== undefined) res.setHeader("Retry-After", String(reply.error.retryAfter));
				json(res, reply.error.status, { error: { code: reply.error.code, message: reply.error.message } });
				return;
			}
			if (reply.garbage !== undefined) {
				// What the real proxy answers when its provider sends something that is not JSON.
				json(res, 502, { error: { code: "provider_bad_response", message: "The model provider sent a response that is not valid JSON." } });
				return;
			}
			await answer(request, reply, res);
		} else {
			json(res, 404, { error: { code: "not_found", message: `no route ${req.method} ${url.pathname}` } });
		}
	}

	async function answer(request: { stream?: boolean }, reply: FakeReply, res: http.ServerResponse): Promise<void> {
		callCounter += 1;
		const id = `chatcmpl-fake-${callCounter}`;
		const calls = [...(reply.tool ? [reply.tool] : []), ...(reply.tools ?? [])].map((tool, index) => ({
			id: `call_fake_${callCounter}${index === 0 ? "" : `_${index}`}`,
			type: "function" as const,
			function: { name: tool.name, arguments: typeof tool.args === "string" ? tool.args : JSON.stringify(tool.args) },
		}));
		const toolCall = calls[0];
		const usage = reply.usage ?? { prompt_tokens: 2400, completion_tokens: 120, total_tokens: 2520 };
		const finish = toolCall ? "tool_calls" : "stop";
		if (!request.stream) {
			json(res, 200, {
				id,
				object: "chat.completion",
				created: Math.floor(Date.now() / 1000),
				model: "gpt-4.1",
				choices: [{ index: 0, message: { role: "assistant", content: reply.text ?? null, tool_calls: toolCall ? calls : undefined }, finish_reason: finish }],
				usage,
			});
			return;
		}
		res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
		let open = true;
		res.on("close", () => {
			if (open) clientClosed += 1;
			open = false;
		});
		const send = (data: unknown) => {
			if (open) res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
		};
		const chunk = (delta: unknown, finishReason: string | null = null) => ({
			id,
			object: "chat.completion.chunk",
			created: Math.floor(Date.now() / 1000),
			model: "gpt-4.1",
			choices: [{ index: 0, delta, finish_reason: finishReason }],
		});
		send(chunk({ role: "assistant" }));
		const pieces = reply.chunks ?? (reply.text ? words(reply.text) : []);
		for (const piece of pieces) {
			await sleep(reply.pieceDelayMs ?? 5);
			send(chunk({ content: piece }));
		}
		if (reply.hang) {
			// Keep the stream open (comments keep it alive) until the client closes it.
			while (open) {
				await sleep(50);
				if (open) res.write(": thinking\n\n");
			}
			return;
		}
		calls.forEach((call, index) => {
			send(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
			send(chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }));
		});
		send(chunk({}, finish));
		send({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: "gpt-4.1", choices: [], usage });
		send("[DONE]");
		open = false;
		res.end();
	}

	return {
		url: `http://127.0.0.1:${port}`,
		reply(...replies) {
			queue.push(...replies);
		},
		assets(list) {
			assetList = list;
		},
		chats,
		chatRequests: () => chats.length,
		proxyRequests: () => requests,
		clientClosed: () => clientClosed,
		unscripted: () => unscripted,
		inFlight: () => inFlight,
		setDown(value) {
			down = value;
		},
		setProviderDown(value) {
			providerDown = value;
		},
		close,
	};
}
