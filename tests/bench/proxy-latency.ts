/**
 * Row 1: what the proxy adds to a chat completion. The measurement is `npm run bench:proxy`'s own
 * (proxy/bench/bench.ts: the proxy and a bare passthrough Worker under `wrangler dev`, a fake
 * provider with a fixed delay in its own process, keep-alive node:http clients, all on loopback),
 * run in interleaved rounds; each row is one percentile at one concurrency, proxy vs straight to the
 * fake provider, the ratio taken per round.
 */
import { type Row, runProxyBench } from "../../proxy/bench/bench.js";
import { type BenchRow, formatRatio, median } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Runs the proxy bench and returns one row per (concurrency, percentile). */
export async function benchProxyLatency(sizes: BenchSizes, log: (line: string) => void): Promise<BenchRow[]> {
	const { seconds, rounds: roundCount, delayMs } = sizes.proxy;
	const result = await runProxyBench({ seconds, rounds: roundCount, delayMs, log });
	const pick = (round: Row[], concurrency: number, word: string): Row => {
		const row = round.find((r) => r.concurrency === concurrency && r.name.includes(word));
		if (row === undefined) throw new Error(`the proxy bench has no "${word}" row at concurrency ${concurrency}`);
		return row;
	};
	const rows: BenchRow[] = [];
	for (const concurrency of [1, 32]) {
		for (const percentile of ["p50", "p99"] as const) {
			const direct = result.rounds.map((round) => pick(round, concurrency, "direct"));
			const floor = result.rounds.map((round) => pick(round, concurrency, "passthrough"));
			const proxy = result.rounds.map((round) => pick(round, concurrency, "proxy"));
			const value = (list: Row[]) => median(list.map((r) => r[percentile]));
			const requests = proxy.reduce((n, r) => n + r.count, 0);
			const errors = [...direct, ...floor, ...proxy].reduce((n, r) => n + r.errors, 0);
			const extra = [
				`passthrough Worker ${ms(value(floor))} (proxy/passthrough ${formatRatio(proxy.map((p, i) => p[percentile] / (floor[i] as Row)[percentile]))})`,
				`proxy ${median(proxy.map((r) => r.rps)).toFixed(0)} req/s over ${requests} requests`,
				`provider delay ${delayMs} ms`,
				...(errors > 0 ? [`${errors} FAILED requests`] : []),
			];
			if (concurrency === 32 && percentile === "p99") {
				const c = result.cached;
				extra.push(
					`cached asset searches (16 clients): p50 ${ms(c.p50)}, ${c.rps.toFixed(0)} req/s, ${result.cacheHits}/${c.count} cache hits, ${result.upstreamSearches} upstream calls`,
				);
			}
			rows.push({
				what: `1 proxy latency ${percentile}, concurrency ${concurrency}`,
				baseline: `direct to fake provider ${ms(value(direct))}`,
				vector: `through the proxy ${ms(value(proxy))}`,
				ratio: formatRatio(proxy.map((p, i) => p[percentile] / (direct[i] as Row)[percentile])),
				extra: extra.join("; "),
				ok: errors === 0 && (concurrency !== 32 || percentile !== "p99" || result.cached.errors === 0),
			});
		}
	}
	return rows;
}
