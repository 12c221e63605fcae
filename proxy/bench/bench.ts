/**
 * `npm run bench:proxy`: what the proxy costs, measured on loopback in one run.
 *
 * A fake provider answers every chat completion after a fixed delay. The same request is timed straight
 * to the provider, through a bare passthrough Worker (one `fetch`, no checks: the floor of the local
 * runtime), and through the proxy, both Workers under `wrangler dev` (workerd), at concurrency 1 and 32,
 * each row for a fixed duration; then cached asset searches (Workers Cache API hits) are driven as fast as
 * 16 clients can go. Prints p50/p99 latency, requests per second, and the ratios.
 *
 * The client is node:http with keep-alive (cheaper per request than fetch, so the client is not what gets
 * measured) and the fake provider runs in its own process; everything is on 127.0.0.1.
 *
 * Settings (environment): BENCH_SECONDS (per row, default 3), BENCH_DELAY_MS (provider delay, default 50).
 *
 * `runProxyBench` is the same measurement as a function returning the rows, for `npm run bench`
 * (tests/bench), which can also split each row into interleaved rounds to see the noise.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeRoblox } from "../test/fakes/fake-roblox";
import { startWranglerDev } from "../test/helpers/wrangler-dev";

const TOKEN = "bench-token-0000000000";
const PROVIDER_KEY = "sk-bench-provider-key-000000";

/** One measured row: `count` requests by `concurrency` clients, latencies in ms. */
export interface Row {
	name: string;
	concurrency: number;
	count: number;
	errors: number;
	p50: number;
	p99: number;
	rps: number;
}

/** Runs `concurrency` loops of `request` for `seconds`, timing each call. */
export async function measure(name: string, concurrency: number, seconds: number, request: () => Promise<boolean>): Promise<Row> {
	const latencies: number[] = [];
	let errors = 0;
	const started = performance.now();
	const deadline = started + seconds * 1000;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < deadline) {
				const t0 = performance.now();
				const ok = await request().catch(() => false);
				latencies.push(performance.now() - t0);
				if (!ok) errors++;
			}
		}),
	);
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? NaN;
	return { name, concurrency, count: latencies.length, errors, p50: pick(0.5), p99: pick(0.99), rps: latencies.length / elapsed };
}

/** One HTTP request over the keep-alive agent; resolves with status and the X-Vector-Cache header. */
function send(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; cache: string | undefined }> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			res.on("data", () => undefined);
			res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: res.headers["x-vector-cache"] as string | undefined }));
			res.on("error", reject);
		});
		req.on("error", reject);
		req.end(body);
	});
}

/** Starts the fake provider process and resolves with its base URL and a stop function. */
async function startProviderProcess(delayMs: number): Promise<{ url: string; stop: () => Promise<void> }> {
	const script = fileURLToPath(new URL("./fake-provider-process.ts", import.meta.url));
	const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, BENCH_DELAY_MS: String(delayMs) }, stdio: ["ignore", "pipe", "inherit"] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = "";
		child.stdout.on("data", (d: Buffer) => {
			out += d.toString();
			if (out.includes("\n")) resolve(out.trim());
		});
		child.once("exit", (code) => reject(new Error(`fake provider exited with ${code}`)));
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			child.once("exit", () => resolve());
			child.kill("SIGTERM");
		});
	return { url, stop };
}

export interface ProxyBenchOptions {
	/** Seconds each row is measured for, per round. */
	seconds: number;
	/** The fake provider's delay before it answers a chat completion. */
	delayMs: number;
	/** Rounds of the chat rows (direct, passthrough, proxy at each concurrency), interleaved in time (default 1). */
	rounds?: number;
	/** Progress lines (default: none). */
	log?: (line: string) => void;
}

export interface ProxyBenchResult {
	/** The chat rows of each round: direct, passthrough, proxy at concurrency 1, then the same at 32. */
	rounds: Row[][];
	/** Cached asset searches by 16 clients for `seconds`. */
	cached: Row;
	/** How many of those the Workers Cache API served (X-Vector-Cache: HIT). */
	cacheHits: number;
	/** Calls that reached the fake Creator Store in the whole run. */
	upstreamSearches: number;
	/** Failed requests in all measured rows. */
	errors: number;
}

/** Starts the fake provider, the proxy and the passthrough Worker, measures every row, stops them all. */
export async function runProxyBench(options: ProxyBenchOptions): Promise<ProxyBenchResult> {
	const log = options.log ?? (() => undefined);
	const seconds = options.seconds;
	const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
	const provider = await startProviderProcess(options.delayMs);
	const roblox = await startFakeRoblox();
	log(`Starting wrangler dev (fake provider delay ${options.delayMs} ms, ${seconds} s per row)…`);
	const vars = {
		OPENAI_BASE_URL: `${provider.url}/v1`,
		OPENAI_API_KEY: PROVIDER_KEY,
		VECTOR_MODELS: "bench-model",
		VECTOR_TOKENS: TOKEN,
		ROBLOX_APIS_BASE_URL: roblox.url,
		VECTOR_RATE_LIMIT_PER_MINUTE: "0",
	};
	const started = await Promise.allSettled([
		startWranglerDev({ vars }),
		startWranglerDev({ vars, entry: fileURLToPath(new URL("./passthrough-worker.ts", import.meta.url)) }),
	]);
	const workers = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
	try {
		const [worker, passthrough] = started.map((r) => {
			if (r.status === "rejected") throw r.reason;
			return r.value;
		});
		if (worker === undefined || passthrough === undefined) throw new Error("wrangler dev did not start");
		const body = JSON.stringify({ model: "bench-model", messages: [{ role: "user", content: "Say hi" }] });
		const post = (url: string, key: string) => async () => {
			const res = await send(agent, url, "POST", { authorization: `Bearer ${key}`, "content-type": "application/json" }, body);
			return res.status === 200;
		};
		const direct = post(`${provider.url}/v1/chat/completions`, PROVIDER_KEY);
		const proxied = post(`${worker.url}/v1/chat/completions`, TOKEN);
		const floor = post(`${passthrough.url}/v1/chat/completions`, TOKEN);
		let hits = 0;
		const search = async () => {
			const res = await send(agent, `${worker.url}/v1/assets/search?query=tree&limit=3`, "GET", { authorization: `Bearer ${TOKEN}` });
			if (res.cache === "HIT") hits++;
			return res.status === 200;
		};

		await measure("warm-up", 4, 1, proxied);
		await measure("warm-up", 4, 0.5, floor);
		await measure("warm-up", 4, 0.5, direct);
		if (!(await search())) throw new Error("asset search failed during warm-up");

		const rounds: Row[][] = [];
		for (let round = 0; round < (options.rounds ?? 1); round++) {
			const rows: Row[] = [];
			for (const concurrency of [1, 32]) {
				rows.push(await measure("chat, direct to provider", concurrency, seconds, direct));
				rows.push(await measure("chat, passthrough Worker", concurrency, seconds, floor));
				rows.push(await measure("chat, through the proxy", concurrency, seconds, proxied));
			}
			rounds.push(rows);
		}
		hits = 0;
		const cached = await measure("asset search, cached", 16, seconds, search);
		const errors = rounds.flat().reduce((n, r) => n + r.errors, 0) + cached.errors;
		return { rounds, cached, cacheHits: hits, upstreamSearches: roblox.requests.length, errors };
	} finally {
		agent.destroy();
		await Promise.all(workers.map((w) => w.stop()));
		await provider.stop();
		await roblox.close();
	}
}

async function main(): Promise<void> {
	const result = await runProxyBench({
		seconds: Number(process.env.BENCH_SECONDS ?? 3),
		delayMs: Number(process.env.BENCH_DELAY_MS ?? 50),
		log: (line) => console.log(line),
	});
	const rows = [...(result.rounds[0] ?? []), result.cached];
	const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
	console.log("");
	console.log(`${"row".padEnd(28)} ${"conc".padStart(5)} ${"requests".padStart(9)} ${"errors".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)}`);
	for (const r of rows) {
		console.log(`${r.name.padEnd(28)} ${String(r.concurrency).padStart(5)} ${String(r.count).padStart(9)} ${String(r.errors).padStart(7)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.rps, 0)}`);
	}
	console.log("");
	console.log(`${"ratio (chat completion)".padEnd(28)} ${"conc".padStart(5)} ${"p50 ×".padStart(8)} ${"p99 ×".padStart(8)} ${"p50 +ms".padStart(8)} ${"p99 +ms".padStart(8)}`);
	const row = (concurrency: number, word: string) => rows.find((r) => r.concurrency === concurrency && r.name.includes(word))!;
	for (const [label, over, base] of [
		["proxy / direct", "proxy", "direct"],
		["proxy / passthrough Worker", "proxy", "passthrough"],
	] as const) {
		for (const concurrency of [1, 32]) {
			const p = row(concurrency, over);
			const d = row(concurrency, base);
			console.log(`${label.padEnd(28)} ${String(concurrency).padStart(5)} ${fmt(p.p50 / d.p50, 2)} ${fmt(p.p99 / d.p99, 2)} ${fmt(p.p50 - d.p50)} ${fmt(p.p99 - d.p99)}`);
		}
	}
	console.log("");
	console.log(`cached asset searches: ${result.cached.count} requests, ${result.cacheHits} served from the Workers Cache API (X-Vector-Cache: HIT), ${result.upstreamSearches} upstream calls in total.`);
	if (result.errors > 0) {
		console.error(`${result.errors} requests failed.`);
		process.exitCode = 1;
	}
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((err: unknown) => {
		console.error(err);
		process.exit(1);
	});
}
