/**
 * Per-player rate limits for everything a client can make the server do (answers, prompt triggers):
 * one token bucket per player and action. Calls over the limit are dropped; drops are reported
 * through `report` at most once per `reportEvery` seconds per player and action, with how many were
 * dropped since the last report, so a spamming client cannot flood the server's output either.
 */
import { TokenBucket } from "./token-bucket";

export interface Limit {
	/** Calls allowed in a burst. */
	readonly burst: number;
	/** Sustained calls per second. */
	readonly perSecond: number;
}

export interface RateLimiterOptions {
	readonly limits: { readonly [action: string]: Limit };
	/** Seconds, monotonic (default os.clock). */
	readonly clock?: () => number;
	/** Receives drop reports (default: warn). */
	readonly report?: (who: string, action: string, dropped: number) => void;
	/** Seconds between two reports for the same player and action (default 10). */
	readonly reportEvery?: number;
}

interface DropLog {
	dropped: number;
	reportedAt?: number;
}

export class RateLimiter {
	private readonly buckets = new Map<string, TokenBucket>();
	private readonly drops = new Map<string, DropLog>();
	private readonly clock: () => number;
	private readonly report: (who: string, action: string, dropped: number) => void;
	private readonly reportEvery: number;

	constructor(private readonly options: RateLimiterOptions) {
		this.clock = options.clock ?? os.clock;
		this.reportEvery = options.reportEvery ?? 10;
		this.report =
			options.report ??
			((who, action, dropped) =>
				warn(`[VectorLessonKit] dropped ${dropped} ${action} call(s) from ${who}: too many, too fast`));
	}

	/** Whether `player` may do `action` now; a refusal is counted and reported. */
	allow(player: number, who: string, action: string): boolean {
		const limit = this.options.limits[action];
		if (limit === undefined) error(`no rate limit declared for "${action}"`);
		const key = `${player}:${action}`;
		const now = this.clock();
		let bucket = this.buckets.get(key);
		if (bucket === undefined) {
			bucket = new TokenBucket(limit.burst, limit.perSecond, now);
			this.buckets.set(key, bucket);
		}
		if (bucket.take(now)) return true;
		let log = this.drops.get(key);
		if (log === undefined) {
			log = { dropped: 0 };
			this.drops.set(key, log);
		}
		log.dropped += 1;
		if (log.reportedAt === undefined || now - log.reportedAt >= this.reportEvery) {
			this.report(who, action, log.dropped);
			log.reportedAt = now;
			log.dropped = 0;
		}
		return false;
	}

	/** Forgets a player who left. */
	forget(player: number): void {
		const prefix = `${player}:`;
		for (const [key] of this.buckets) if (key.sub(1, prefix.size()) === prefix) this.buckets.delete(key);
		for (const [key] of this.drops) if (key.sub(1, prefix.size()) === prefix) this.drops.delete(key);
	}
}
