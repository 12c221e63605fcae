/**
 * Real HTTP for the headless Studio's HttpService.
 *
 * Requests start when the engine asks and complete in the background; the engine's scheduler
 * collects completions through `waitAny`, so a Luau thread blocked in RequestAsync yields like it
 * does in Studio while other threads keep running. Results use Roblox's shapes; transport failures
 * (refused connection, DNS, timeout) come back as `{ error }` so the engine can throw the way
 * RequestAsync does.
 */

interface HttpRequest {
	url: string;
	method: string;
	headers: Record<string, string>;
	body?: string;
	timeout: number; // seconds
	stream?: boolean; // deliver the body as it arrives (WebStreamClient)
}

export interface HttpCompletion {
	id: number;
	result:
		| { kind: "response"; status: number; statusMessage: string; headers: Record<string, string>; body: string }
		| { kind: "error"; error: string }
		| { kind: "chunk"; text: string }
		| { kind: "opened"; status: number; headers: Record<string, string> }
		| { kind: "closed" };
}

export class HttpBridge {
	private nextId = 1;
	private ready: HttpCompletion[] = [];
	private wake: (() => void) | undefined;
	private controllers = new Map<number, AbortController>();
	/** Requests made since the VM started, by URL, for benchmarks and scenario checks. */
	readonly log: { url: string; method: string; at: number }[] = [];

	start(requestJson: string): number {
		const request = JSON.parse(requestJson) as HttpRequest;
		const id = this.nextId++;
		const controller = new AbortController();
		this.controllers.set(id, controller);
		this.log.push({ url: request.url, method: request.method, at: Date.now() });
		void this.run(id, request, controller);
		return id;
	}

	cancel(id: number): void {
		this.controllers.get(id)?.abort(new Error("closed"));
	}

	closeAll(): void {
		for (const c of this.controllers.values()) c.abort(new Error("closed"));
	}

	private push(completion: HttpCompletion): void {
		this.ready.push(completion);
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}

	private async run(id: number, request: HttpRequest, controller: AbortController): Promise<void> {
		const timer = setTimeout(() => controller.abort(new Error("timeout")), Math.max(request.timeout, 0.001) * 1000);
		try {
			const response = await fetch(request.url, {
				method: request.method,
				headers: request.headers,
				body: request.body,
				signal: controller.signal,
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
			if (request.stream) {
				clearTimeout(timer);
				this.push({ id, result: { kind: "opened", status: response.status, headers } });
				if (response.body) {
					const decoder = new TextDecoder();
					for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
						this.push({ id, result: { kind: "chunk", text: decoder.decode(part, { stream: true }) } });
					}
				}
				this.push({ id, result: { kind: "closed" } });
			} else {
				const body = await response.text();
				this.push({
					id,
					result: { kind: "response", status: response.status, statusMessage: response.statusText, headers, body },
				});
			}
		} catch (err) {
			const reason = controller.signal.aborted ? String((controller.signal.reason as Error)?.message ?? "aborted") : describe(err);
			this.push({ id, result: { kind: "error", error: reason } });
		} finally {
			clearTimeout(timer);
			this.controllers.delete(id);
		}
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

function describe(err: unknown): string {
	const cause = (err as { cause?: { code?: string } })?.cause;
	if (cause?.code === "ECONNREFUSED") return "ConnectFail";
	if (cause?.code === "ENOTFOUND") return "DnsResolve";
	return err instanceof Error ? err.message : String(err);
}
