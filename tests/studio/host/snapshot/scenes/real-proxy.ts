/**
 * The real Vector proxy in the loop: the Worker under `wrangler dev` (workerd), its provider a
 * scripted fake (scripted-provider.ts) and its Roblox web APIs the proxy tests' fake catalog, all
 * on loopback, so a session exercises plugin → HTTP → proxy → provider the way a user's does.
 *
 * Starting `wrangler dev` takes seconds, so a run starts it once (`startProxyStack`) and sessions,
 * one after another and possibly in other processes, attach to it (`attachRealProxy`). The Worker's
 * OPENAI_BASE_URL and ROBLOX_APIS_BASE_URL point at the stack's upstream router, which forwards to
 * the fakes of whichever session attached last (sessions are sequential). Each session reaches the
 * Worker through its own relay, an HTTP forwarder on a fresh loopback port that counts requests and
 * can drop every connection (the proxy "down"). The relay's port is also the origin the Worker sees,
 * which keys its asset-search cache (search-cache.ts), so one session's cached searches never answer
 * another's.
 *
 * The dev Worker's configuration is for tests only (.dev.vars of a temp copy, see
 * proxy/test/helpers/wrangler-dev.ts): rate limiting off (sessions run back to back on one caller
 * id), a fake provider key and Open Cloud key. Production defaults are untouched.
 */
import http from "node:http";
import type net from "node:net";
import { startFakeRoblox, CATEGORY_TYPE_IDS, type FakeAsset as CatalogAsset } from "../../../../../proxy/test/fakes/fake-roblox.js";
import { startWranglerDev, type WranglerDev } from "../../../../../proxy/test/helpers/wrangler-dev.js";
import { startScriptedProvider } from "./scripted-provider.js";
import type { FakeAsset, ScriptedProxy } from "./scripted-proxy.js";

/** Where a running stack is, as handed to other processes (JSON in {@link STACK_ENV}). */
export interface StackAddress {
	/** The Worker (wrangler dev). */
	proxyUrl: string;
	/** The upstream router's origin (its control route is {@link ROUTE_PATH}). */
	routerUrl: string;
}

export interface ProxyStack extends StackAddress {
	/** Everything wrangler and the Worker printed. */
	output(): string;
	stop(): Promise<void>;
}

/** The environment variable a parent sets so child processes attach to its stack. */
export const STACK_ENV = "VECTOR_TEST_PROXY_STACK";
/** The models the dev Worker allows (the first is the default). */
export const STACK_MODELS = ["gpt-4.1", "gpt-4.1-mini"];
const ROUTE_PATH = "/__vector-test/upstreams";
const PROVIDER_KEY = "sk-test-scripted-provider-0000";
const ROBLOX_KEY = "rbx-oc-key-scripted-catalog-0000";

/** Starts the upstream router and `wrangler dev` with the Worker pointed at it. */
export async function startProxyStack(): Promise<ProxyStack> {
	const router = await startUpstreamRouter();
	let dev: WranglerDev;
	try {
		dev = await startWranglerDev({
			vars: {
				OPENAI_BASE_URL: `${router.url}/v1`,
				OPENAI_API_KEY: PROVIDER_KEY,
				VECTOR_MODELS: STACK_MODELS.join(","),
				ROBLOX_APIS_BASE_URL: router.url,
				ROBLOX_API_KEY: ROBLOX_KEY,
				// Sessions run back to back as one loopback caller; a per-minute limit would couple them.
				VECTOR_RATE_LIMIT_PER_MINUTE: "0",
			},
		});
	} catch (error) {
		await router.close();
		throw error;
	}
	return {
		proxyUrl: dev.url,
		routerUrl: router.url,
		output: dev.output,
		async stop() {
			await dev.stop();
			await router.close();
		},
	};
}

/** The stack a parent process handed down in {@link STACK_ENV}, if any. */
export function inheritedStack(): StackAddress | undefined {
	const raw = process.env[STACK_ENV];
	if (raw === undefined || raw === "") return undefined;
	const parsed = JSON.parse(raw) as Partial<StackAddress>;
	if (typeof parsed.proxyUrl !== "string" || typeof parsed.routerUrl !== "string") {
		throw new Error(`${STACK_ENV} must be JSON {"proxyUrl", "routerUrl"}; got ${raw}`);
	}
	return { proxyUrl: parsed.proxyUrl, routerUrl: parsed.routerUrl };
}

/**
 * A session's view of the stack: its own scripted provider and catalog (routed to by the stack's
 * router from now on) and its own relay to the Worker.
 */
export async function attachRealProxy(stack: StackAddress): Promise<ScriptedProxy> {
	let catalog: CatalogAsset[] = [];
	const provider = await startScriptedProvider();
	const roblox = await startFakeRoblox(ROBLOX_KEY, () => catalog);
	const relay = await startRelay(stack.proxyUrl);
	try {
		const status = await put(`${stack.routerUrl}${ROUTE_PATH}`, JSON.stringify({ provider: provider.url, roblox: roblox.url }));
		if (status !== 204) throw new Error(`the stack's router refused the session's upstreams: HTTP ${status}`);
	} catch (error) {
		await Promise.all([relay.close(), provider.close(), roblox.close()]);
		throw error;
	}
	return {
		url: relay.url,
		reply: provider.reply,
		assets(list: FakeAsset[]) {
			catalog = list.map((asset) => ({
				id: asset.id,
				name: asset.name,
				creator: asset.creator,
				typeId: CATEGORY_TYPE_IDS[asset.type ?? "Model"] ?? fail(`unknown asset type "${asset.type}" (known: ${Object.keys(CATEGORY_TYPE_IDS).join(", ")})`),
			}));
		},
		chats: provider.chats,
		chatRequests: relay.chatRequests,
		proxyRequests: relay.requests,
		clientClosed: provider.clientClosed,
		unscripted: provider.unscripted,
		inFlight: () => relay.inFlight() + provider.inFlight(),
		setDown: relay.setDown,
		setProviderDown: provider.setDown,
		async close() {
			await relay.close();
			await Promise.all([provider.close(), roblox.close()]);
		},
	};
}

/** PUTs `body` on a fresh connection (a pooled one the router already closed would reset); resolves to the status. */
function put(url: string, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: "PUT", agent: false, headers: { "content-type": "application/json" } }, (res) => {
			res.resume();
			res.on("end", () => resolve(res.statusCode ?? 0));
		});
		req.on("error", reject);
		req.end(body);
	});
}

function fail(message: string): never {
	throw new Error(message);
}

interface Upstreams {
	provider: string;
	roblox: string;
}

/**
 * The Worker's one upstream address: `/v1/…` goes to the attached session's provider, everything
 * else to its catalog. An upstream that drops the connection has it dropped here too, so the Worker
 * sees what a real unreachable provider looks like.
 */
async function startUpstreamRouter(): Promise<{ url: string; close(): Promise<void> }> {
	let upstreams: Upstreams | undefined;
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		if (url.pathname === ROUTE_PATH && req.method === "PUT") {
			const parts: Buffer[] = [];
			req.on("data", (part: Buffer) => parts.push(part));
			req.on("end", () => {
				upstreams = JSON.parse(Buffer.concat(parts).toString("utf8")) as Upstreams;
				res.writeHead(204).end();
			});
			return;
		}
		if (upstreams === undefined) {
			res.writeHead(502, { "content-type": "text/plain" }).end("no session attached to the test proxy stack");
			return;
		}
		forward(req, res, url.pathname.startsWith("/v1/") ? upstreams.provider : upstreams.roblox);
	});
	return listen(server);
}

/** The session's way to the Worker: forwards each request, counts them, drops them while down. */
async function startRelay(target: string): Promise<{
	url: string;
	requests(): number;
	chatRequests(): number;
	inFlight(): number;
	setDown(down: boolean): void;
	close(): Promise<void>;
}> {
	let down = false;
	let requests = 0;
	let chatRequests = 0;
	let inFlight = 0;
	const server = http.createServer((req, res) => {
		if (down) {
			req.socket.destroy();
			return;
		}
		requests += 1;
		if (req.method === "POST" && (req.url ?? "").startsWith("/v1/chat/completions")) chatRequests += 1;
		inFlight += 1;
		res.on("close", () => (inFlight -= 1));
		forward(req, res, target);
	});
	const listening = await listen(server);
	return {
		url: listening.url,
		requests: () => requests,
		chatRequests: () => chatRequests,
		inFlight: () => inFlight,
		setDown(value) {
			down = value;
			if (value) listening.dropAll();
		},
		close: listening.close,
	};
}

/**
 * Forwards `req` to the same path on `origin` and streams the answer back as it comes (SSE
 * included). Headers pass unchanged (the Host too: the Worker sees the address the client used).
 */
function forward(req: http.IncomingMessage, res: http.ServerResponse, origin: string): void {
	const target = new URL(req.url ?? "/", origin);
	const upstream = http.request(
		{ hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
		(answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
			answer.pipe(res);
			answer.on("error", () => res.destroy());
		},
	);
	upstream.on("error", () => res.socket?.destroy());
	res.on("close", () => {
		if (!res.writableFinished) upstream.destroy();
	});
	req.pipe(upstream);
}

async function listen(server: http.Server): Promise<{ url: string; dropAll(): void; close(): Promise<void> }> {
	const sockets = new Set<net.Socket>();
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as net.AddressInfo;
	const dropAll = () => {
		for (const socket of sockets) socket.destroy();
	};
	return {
		url: `http://127.0.0.1:${port}`,
		dropAll,
		async close() {
			dropAll();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
