/**
 * A loopback HTTP server for the headless Studio's HttpService specs: real sockets, so the specs
 * exercise the same transport a plugin's requests take, with endpoints for each case a spec needs.
 *
 * Bound to 127.0.0.1 only, with a cap on connections, request bodies, delays and its own
 * lifetime, so a stray run cannot leave it serving. `refusedUrl` names a loopback port nothing
 * listens on (a refused connection).
 *
 *   ANY  /echo              200, JSON of what arrived: method, path, query, headers, body (and
 *                           bodyHex, byte-exact)
 *   ANY  /status/<code>     that status with its standard reason phrase
 *   GET  /slow?ms=N         answers after N ms (at most 10 s)
 *   GET  /repeated-header   sends X-Repeated twice ("first", then "second")
 *   GET  /gzip              a gzip-encoded body
 *   GET  /sse               an event stream of several events, then closes
 *   GET  /sse-open          one event, then comments every 100 ms until the client leaves (at most 20 s)
 *   GET  /raw               a chunked body in three parts, then closes
 */
import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";

export interface HttpFixture {
	url: string;
	refusedUrl: string;
	close(): Promise<void>;
}

const MAX_CONNECTIONS = 64;
const MAX_BODY = 1024 * 1024;
const MAX_DELAY_MS = 10_000;
const MAX_OPEN_STREAM_MS = 20_000;
const MAX_LIFETIME_MS = 30 * 60_000;

/** The SSE stream of `/sse`: comments, multi-line data, named events, CRLF and CR line ends. */
export const SSE_BODY =
	": this comment is ignored\n\n" +
	"data: first\n\n" +
	"event: update\nid: 2\ndata: second line one\ndata: second line two\n\n" +
	"data:no space after colon\r\n\r\n" +
	"data: {\"done\":false}\r\rretry: 1000\n\n" +
	"data\n\n" +
	"data: last\n\n";

export async function startHttpFixture(): Promise<HttpFixture> {
	const sockets = new Set<net.Socket>();
	const server = http.createServer((req, res) => void handle(req, res));
	server.maxConnections = MAX_CONNECTIONS;
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.address() as net.AddressInfo).port;
	const refusedPort = await freePort();
	const lifetime = setTimeout(() => void close(), MAX_LIFETIME_MS);
	lifetime.unref();

	async function close(): Promise<void> {
		clearTimeout(lifetime);
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	return { url: `http://127.0.0.1:${port}`, refusedUrl: `http://127.0.0.1:${refusedPort}`, close };
}

/** A loopback port that was free a moment ago: connecting to it is refused. */
async function freePort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
	const port = (probe.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	const parts: Buffer[] = [];
	let size = 0;
	for await (const part of req as AsyncIterable<Buffer>) {
		size += part.length;
		if (size > MAX_BODY) throw new Error("request body too large");
		parts.push(part);
	}
	const body = Buffer.concat(parts);
	return req.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(body) : body;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_DELAY_MS)));

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
	const url = new URL(req.url ?? "/", "http://127.0.0.1");
	try {
		const body = await readBody(req);
		const path = url.pathname;
		const status = /^\/status\/(\d{3})$/.exec(path);
		if (path === "/echo") {
			const rawHeaders: [string, string][] = [];
			for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
			send(res, 200, "application/json", JSON.stringify({
				method: req.method,
				path,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				rawHeaders,
				body: body.toString("utf8"),
				bodyHex: body.toString("hex"),
				contentEncoding: req.headers["content-encoding"] ?? null,
			}));
		} else if (status) {
			const code = Number(status[1]);
			res.writeHead(code, http.STATUS_CODES[code] ?? "Unknown", { "Content-Type": "text/plain" });
			res.end(`status ${code}`);
		} else if (path === "/slow") {
			await sleep(Number(url.searchParams.get("ms") ?? "1000"));
			send(res, 200, "text/plain", "slow");
		} else if (path === "/repeated-header") {
			res.writeHead(200, [["Content-Type", "text/plain"], ["X-Repeated", "first"], ["X-Repeated", "second"]]);
			res.end("repeated");
		} else if (path === "/gzip") {
			res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" });
			res.end(zlib.gzipSync(Buffer.from("compressed body")));
		} else if (path === "/sse") {
			res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
			// Sent in pieces that split lines and events, as a real network may deliver them.
			for (let i = 0; i < SSE_BODY.length; i += 7) {
				res.write(SSE_BODY.slice(i, i + 7));
				await sleep(2);
			}
			res.end();
		} else if (path === "/sse-open") {
			res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
			res.write("data: hello\n\n");
			const started = Date.now();
			const timer = setInterval(() => {
				if (Date.now() - started > MAX_OPEN_STREAM_MS) {
					clearInterval(timer);
					res.end();
				} else {
					res.write(": keep-alive\n\n");
				}
			}, 100);
			res.on("close", () => clearInterval(timer));
		} else if (path === "/raw") {
			res.writeHead(200, { "Content-Type": "text/plain" });
			for (const part of ["one ", "two ", "three"]) {
				res.write(part);
				await sleep(20);
			}
			res.end();
		} else {
			send(res, 404, "text/plain", "no such fixture route");
		}
	} catch (err) {
		if (!res.headersSent) send(res, 400, "text/plain", String(err));
		else res.destroy();
	}
}

function send(res: http.ServerResponse, status: number, type: string, text: string): void {
	res.writeHead(status, { "Content-Type": type });
	res.end(text);
}
