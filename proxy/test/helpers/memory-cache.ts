/**
 * An in-memory stand-in for the Workers Cache API (`caches.default`), for tests running in plain Node.
 * Only `match` and `put` are implemented: they are all the proxy uses.
 */

export class MemoryCache {
	readonly entries = new Map<string, { body: string; headers: [string, string][]; status: number }>();
	puts = 0;

	async match(request: Request | string): Promise<Response | undefined> {
		const entry = this.entries.get(typeof request === "string" ? request : request.url);
		return entry === undefined ? undefined : new Response(entry.body, { status: entry.status, headers: entry.headers });
	}

	async put(request: Request | string, response: Response): Promise<void> {
		this.puts++;
		this.entries.set(typeof request === "string" ? request : request.url, {
			body: await response.text(),
			headers: [...response.headers.entries()],
			status: response.status,
		});
	}
}
