/**
 * Real HTTP for the headless Studio's HttpService.
 *
 * Requests start when the engine asks and complete in the background; the engine's scheduler
 * collects completions through `waitAny`, so a Luau thread blocked in RequestAsync yields like it
 * does in Studio while other threads keep running. Bodies cross the bridge as base64 (Luau
 * strings are bytes, a JS string is not), headers as text.
 *
 * Node's `http` module is used rather than `fetch` so the request carries exactly the headers
 * Studio sends (fetch adds its own) and the response's raw header list is available (Roblox keeps
 * the last of repeated headers; fetch joins them). Transport failures come back as `{ error }`
 * named like Roblox's `HttpError: <name>` messages: ConnectFail, DnsResolve, Timedout, NetFail.
 */
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";

interface HttpRequest {
	url: string;
	method: string;
	headers: Record<string, string>;
	bodyBase64?: string;
	/** Gzip the body and say so in Content-Encoding ("ifSmaller": only when that shortens it, as PostAsync does). */
	gzip?: boolean | "ifSmaller";
	timeout: number; // seconds
	/** Deliver the body as it arrives (WebStreamClient). */
	stream?: boolean;
}

type Headers = Record<string, string>;

export interface HttpCompletion {
	id: number;
	result:
		| { kind: "response"; status: number; statusMessage: string; headers: Headers; rawHeaders: string; bodyBase64: string }
		| { kind: "error"; error: string; detail: string }
		| { kind: "opened"; status: number; statusMessage: string; headers: Headers; rawHeaders: string }
		| { kind: "chunk"; base64: string }
		| { kind: "closed" };
}

/** Largest response body kept, so a runaway fixture cannot exhaust memory. */
const MAX_BODY = 64 * 1024 * 1024;

export class HttpBridge {
	private nextId = 1;
	private ready: HttpCompletion[] = [];
	private wake: (() => void) | undefined;
	private cancels = new Map<number, () => void>();
	/** Requests made since the VM started, by URL, for benchmarks and scenario checks. */
	readonly log: { url: string; method: string; at: number }[] = [];

	start(requestJson: string): number {
		const request = JSON.parse(requestJson) as HttpRequest;
		const id = this.nextId++;
		this.log.push({ url: request.url, method: request.method, at: Date.now() });
		this.run(id, request);
		return id;
	}

	/** Aborts a request or stream; its completion (if any is still due) reports `Aborted`. */
	cancel(id: number): void {
		this.cancels.get(id)?.();
	}

	closeAll(): void {
		for (const cancel of [...this.cancels.values()]) cancel();
	}

	private push(completion: HttpCompletion): void {
		this.ready.push(completion);
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}

	private run(id: number, request: HttpRequest): void {
		let finished = false;
		const finish = (result: HttpCompletion["result"]) => {
			if (finished) return;
			if (result.kind !== "opened" && result.kind !== "chunk") {
				finished = true;
				clearTimeout(timer);
				this.cancels.delete(id);
			}
			this.push({ id, result });
		};
		const fail = (error: string, detail: string) => finish({ kind: "error", error, detail });

		let url: URL;
		try {
			url = new URL(request.url);
		} catch {
			queueMicrotask(() => fail("InvalidUrl", `invalid URL ${request.url}`));
			return;
		}
		let body = request.bodyBase64 ? Buffer.from(request.bodyBase64, "base64") : undefined;
		const headers: Headers = { ...request.headers };
		if (body && request.gzip) {
			const zipped = zlib.gzipSync(body);
			if (request.gzip === true || zipped.length < body.length) {
				body = zipped;
				headers["Content-Encoding"] = "gzip";
			}
		}
		if (body) headers["Content-Length"] = String(body.length);
		headers["Host"] = url.host;

		const client = url.protocol === "https:" ? https : http;
		const req = client.request(url, { method: request.method, headers, agent: false });
		const timer = setTimeout(() => {
			fail("Timedout", `no complete response within ${request.timeout} s`);
			req.destroy();
		}, Math.max(request.timeout, 0.001) * 1000);
		this.cancels.set(id, () => {
			fail("Aborted", "closed by the engine");
			req.destroy();
		});

		req.on("error", (err: NodeJS.ErrnoException) => fail(transportError(err), err.message));
		req.on("response", (res) => {
			const { headers: last, raw } = responseHeaders(res.rawHeaders);
			const status = res.statusCode ?? 0;
			const statusMessage = res.statusMessage ?? "";
			const decoded = decode(res, last["content-encoding"]);
			decoded.on("error", (err: NodeJS.ErrnoException) => fail("NetFail", err.message));
			if (request.stream) {
				clearTimeout(timer); // a stream lives as long as the server keeps it open
				finish({ kind: "opened", status, statusMessage, headers: last, rawHeaders: raw });
				decoded.on("data", (part: Buffer) => finish({ kind: "chunk", base64: part.toString("base64") }));
				decoded.on("end", () => finish({ kind: "closed" }));
				res.on("aborted", () => fail("NetFail", "the server closed the stream"));
				return;
			}
			const parts: Buffer[] = [];
			let size = 0;
			decoded.on("data", (part: Buffer) => {
				size += part.length;
				if (size > MAX_BODY) {
					fail("NetFail", `response body larger than ${MAX_BODY} bytes`);
					req.destroy();
					return;
				}
				parts.push(part);
			});
			decoded.on("end", () =>
				finish({
					kind: "response",
					status,
					statusMessage,
					headers: last,
					rawHeaders: raw,
					bodyBase64: Buffer.concat(parts).toString("base64"),
				}),
			);
		});
		req.end(body);
	}

	/** Resolves with the completions so far (as JSON), waiting up to `maxMs` for the first. */
	waitAny(maxMs: number): Promise<string> {
		if (this.ready.length > 0) return Promise.resolve(this.take());
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.wake = undefined;
				resolve(this.take());
			}, Math.max(0, maxMs));
			this.wake = () => {
				clearTimeout(timer);
				resolve(this.take());
			};
		});
	}

	private take(): string {
		const list = this.ready;
		this.ready = [];
		return JSON.stringify(list);
	}
}

/** Lower-cased names, the last of repeated headers winning (as RequestAsync reports them), and the raw block. */
function responseHeaders(rawHeaders: string[]): { headers: Headers; raw: string } {
	const headers: Headers = {};
	const lines: string[] = [];
	for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
		headers[rawHeaders[i].toLowerCase()] = rawHeaders[i + 1];
		lines.push(`${rawHeaders[i]}: ${rawHeaders[i + 1]}`);
	}
	return { headers, raw: lines.join("\r\n") };
}

/** Undoes the Content-Encoding Studio asked for (it sends `Accept-Encoding: gzip, deflate`). */
function decode(res: http.IncomingMessage, encoding: string | undefined): Readable {
	switch (encoding?.trim().toLowerCase()) {
		case "gzip":
			return res.pipe(zlib.createGunzip());
		case "deflate":
			return res.pipe(zlib.createInflate());
		default:
			return res;
	}
}

function transportError(err: NodeJS.ErrnoException): string {
	switch (err.code) {
		case "ECONNREFUSED":
			return "ConnectFail";
		case "ENOTFOUND":
		case "EAI_AGAIN":
			return "DnsResolve";
		case "ETIMEDOUT":
			return "Timedout";
		default:
			return "NetFail";
	}
}
