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
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { startFakeRoblox } from "../test/fakes/fake-roblox";
import { startWranglerDev } from "../test/helpers/wrangler-dev";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 50);
const TOKEN = "bench-token-0000000000";
const PROVIDER_KEY = "sk-bench-provider-key-000000";

interface Row {
	name: string;
	concurrency: number;
	count: number;
	errors: number;
	p50: number;
	p99: number;
	rps: number;
}

/** Runs `concurrency` loops of `request` for `seconds`, timing each call. */
async function measure(name: string, concurrency: number, seconds: number, request: () => Promise<boolean>): Promise<Row> {
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

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One HTTP request over the keep-alive agent; resolves with status and the X-Vector-Cache header. */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; cache: string | undefined }> {
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
async function startProviderProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
	const script = fileURLToPath(new URL("./fake-provider-process.ts", import.meta.url));
	const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, BENCH_DELAY_MS: String(DELAY_MS) }, stdio: ["ignore", "pipe", "inherit"] });
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

async function main(): Promise<void> {
	const provider = await startProviderProcess();
	const roblox = await startFakeRoblox();
	console.log(`Starting wrangler dev (fake provider delay ${DELAY_MS} ms, ${SECONDS} s per row)…`);
	const vars = {
		OPENAI_BASE_URL: `${provider.url}/v1`,
		OPENAI_API_KEY: PROVIDER_KEY,
		VECTOR_MODELS: "bench-model",
		VECTOR_TOKENS: TOKEN,
		ROBLOX_APIS_BASE_URL: roblox.url,
		VECTOR_RATE_LIMIT_PER_MINUTE: "0",
	};
	const [worker, passthrough] = await Promise.all([
		startWranglerDev({ vars }),
		startWranglerDev({ vars, entry: fileURLToPath(new URL("./passthrough-worker.ts", import.meta.url)) }),
	]);
	try {
		const body = JSON.stringify({ model: "bench-model", messages: [{ role: "user", content: "Say hi" }] });
		const post = (url: string, key: string) => async () => {
			const res = await send(url, "POST", { authorization: `Bearer ${key}`, "content-type": "application/json" }, body);
			return res.status === 200;
		};
		const direct = post(`${provider.url}/v1/chat/completions`, PROVIDER_KEY);
		const proxied = post(`${worker.url}/v1/chat/completions`, TOKEN);
		const floor = post(`${passthrough.url}/v1/chat/completions`, TOKEN);
		let hits = 0;
		const search = async () => {
			const res = await send(`${worker.url}/v1/assets/search?query=tree&limit=3`, "GET", { authorization: `Bearer ${TOKEN}` });
			if (res.cache === "HIT") hits++;
			return res.status === 200;
		};

		await measure("warm-up", 4, 1, proxied);
		await measure("warm-up", 4, 0.5, floor);
		await measure("warm-up", 4, 0.5, direct);
		if (!(await search())) throw new Error("asset search failed during warm-up");

		const rows: Row[] = [];
		for (const concurrency of [1, 32]) {
			rows.push(await measure("chat, direct to provider", concurrency, SECONDS, direct));
			rows.push(await measure("chat, passthrough Worker", concurrency, SECONDS, floor));
			rows.push(await measure("chat, through the proxy", concurrency, SECONDS, proxied));
		}
		hits = 0;
		const cached = await measure("asset search, cached", 16, SECONDS, search);
		rows.push(cached);

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
		console.log(`cached asset searches: ${cached.count} requests, ${hits} served from the Workers Cache API (X-Vector-Cache: HIT), ${roblox.requests.length} upstream calls in total.`);
		const failed = rows.reduce((n, r) => n + r.errors, 0);
		if (failed > 0) {
			console.error(`${failed} requests failed.`);
			process.exitCode = 1;
		}
	} finally {
		agent.destroy();
		await Promise.all([worker.stop(), passthrough.stop()]);
		await provider.stop();
		await roblox.close();
	}
}

main().catch((err: unknown) => {
	console.error(err);
	process.exit(1);
});
