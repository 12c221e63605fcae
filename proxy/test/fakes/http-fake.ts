/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) driven by a queue of scripted behaviours.
 *
 * Each request takes the next queued behaviour, or the default one. With neither, the request is recorded
 * as unexpected and answered 599, so a test that causes an upstream call it did not plan fails on
 * `assertNoUnexpected()`. Every request is recorded (method, path, headers, body) for assertions.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
	method: string;
	path: string;
	url: URL;
	headers: http.IncomingHttpHeaders;
	body: string;
	json: unknown;
}

export type Behaviour = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export interface HttpFake {
	url: string;
	requests: RecordedRequest[];
	unexpected: RecordedRequest[];
	enqueue(...behaviours: Behaviour[]): void;
	setDefault(behaviour: Behaviour | undefined): void;
	/** Clears recorded requests, the queue and the default. */
	reset(): void;
	assertNoUnexpected(): void;
	close(): Promise<void>;
}

/** Starts a fake on 127.0.0.1; `route` may answer by itself before the queue is consulted. */
export async function startHttpFake(route?: (req: RecordedRequest, res: http.ServerResponse) => boolean | Promise<boolean>): Promise<HttpFake> {
	const requests: RecordedRequest[] = [];
	const unexpected: RecordedRequest[] = [];
	const queue: Behaviour[] = [];
	let fallback: Behaviour | undefined;
	const pending = new Set<http.ServerResponse>();

	const server = http.createServer((req, res) => {
		pending.add(res);
		res.on("close", () => pending.delete(res));
		const chunks: Buffer[] = [];
		req.on("data", (c: Buffer) => chunks.push(c));
		req.on("end", () => {
			const body = Buffer.concat(chunks).toString("utf8");
			const url = new URL(req.url ?? "/", "http://127.0.0.1");
			let json: unknown;
			try {
				json = body === "" ? undefined : JSON.parse(body);
			} catch {
				json = undefined;
			}
			const recorded: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, url, headers: req.headers, body, json };
			requests.push(recorded);
			void (async () => {
				try {
					const behaviour = queue.shift() ?? fallback;
					if (behaviour !== undefined) return await behaviour(recorded, res);
					if (route !== undefined && (await route(recorded, res))) return;
					unexpected.push(recorded);
					res.writeHead(599, { "content-type": "text/plain" }).end("unexpected request to fake");
				} catch (err) {
					if (!res.headersSent) res.writeHead(598).end(String(err));
					else res.destroy();
				}
			})();
		});
	});
	server.keepAliveTimeout = 1_000;
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		unexpected,
		enqueue: (...behaviours) => queue.push(...behaviours),
		setDefault: (behaviour) => {
			fallback = behaviour;
		},
		reset: () => {
			requests.length = 0;
			unexpected.length = 0;
			queue.length = 0;
			fallback = undefined;
		},
		assertNoUnexpected: () => {
			if (unexpected.length > 0) {
				throw new Error(`unexpected requests to fake: ${unexpected.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`).join(", ")}`);
			}
		},
		close: async () => {
			for (const res of pending) res.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A behaviour answering with a status, headers and a raw body. */
export function replyRaw(status: number, body: string, headers: Record<string, string> = { "content-type": "application/json" }): Behaviour {
	return (_req, res) => {
		res.writeHead(status, headers).end(body);
	};
}

/** A behaviour answering with JSON. */
export function replyJson(status: number, body: unknown, headers: Record<string, string> = {}): Behaviour {
	return replyRaw(status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

/** Waits `ms`, then behaves as `then`. */
export function afterDelay(ms: number, then: Behaviour): Behaviour {
	return async (req, res) => {
		await delay(ms);
		if (!res.destroyed) await then(req, res);
	};
}

/** Never answers (until the fake closes or the client gives up). */
export function hang(): Behaviour {
	return () => undefined;
}
