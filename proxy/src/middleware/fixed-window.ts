/**
 * An in-isolate fixed-window counter: at most `limit` hits per key per window.
 *
 * This is the rate limiter that works everywhere (tests, `wrangler dev`, one Worker isolate). On Cloudflare
 * each isolate counts on its own, which is why `rate-limit.ts` also consults the global rate-limiting
 * binding when one is bound. Memory is bounded: expired windows are swept when the table grows.
 */

export interface WindowDecision {
	allowed: boolean;
	/** Seconds until the current window ends (when a refused caller may try again). */
	retryAfterSeconds: number;
	remaining: number;
}

const SWEEP_THRESHOLD = 10_000;

export class FixedWindowLimiter {
	private readonly windows = new Map<string, { start: number; count: number }>();

	constructor(
		private readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Counts one hit for `key` against `limit` and says whether it is allowed. */
	hit(key: string, limit: number): WindowDecision {
		const now = this.now();
		let window = this.windows.get(key);
		if (window === undefined || now - window.start >= this.windowMs) {
			if (this.windows.size >= SWEEP_THRESHOLD) this.sweep(now);
			window = { start: now, count: 0 };
			this.windows.set(key, window);
		}
		const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
		if (window.count >= limit) return { allowed: false, retryAfterSeconds, remaining: 0 };
		window.count++;
		return { allowed: true, retryAfterSeconds, remaining: limit - window.count };
	}

	private sweep(now: number): void {
		for (const [key, window] of this.windows) {
			if (now - window.start >= this.windowMs) this.windows.delete(key);
		}
	}
}
