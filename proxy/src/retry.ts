/**
 * Bounded retries with exponential backoff for upstream calls (model provider and Roblox catalog).
 *
 * Only failures the upstream marks as transient (`ProxyError.retryable`: 429 and 5xx, refused connections)
 * are retried, at most `retries` times. An upstream `Retry-After` is honoured when it fits within
 * `maxDelayMs`; a longer one is not waited out: the caller gets the 429 (with that Retry-After) at once,
 * because a plugin waiting on an open request is worse than a plugin told when to come back.
 */
import { ProxyError } from "./errors";

export interface RetryPolicy {
	/** Extra attempts after the first. */
	retries: number;
	/** First backoff delay; doubles per attempt, with jitter. */
	baseDelayMs: number;
	/** Ceiling for any single wait, including an upstream's Retry-After. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 2_000 };

export interface RetryOptions {
	policy: RetryPolicy;
	/** Stops waiting (and retrying) when the caller has gone away. */
	signal?: AbortSignal;
	/** Injected in tests. */
	random?: () => number;
}

/** Runs `attempt` until it succeeds, fails permanently, or the retry budget is spent. */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
	const { policy, signal } = options;
	const random = options.random ?? Math.random;
	for (let n = 0; ; n++) {
		try {
			return await attempt(n);
		} catch (err) {
			if (!(err instanceof ProxyError) || !err.retryable || n >= policy.retries || signal?.aborted) throw err;
			const delay = retryDelayMs(err, n, policy, random);
			if (delay === undefined) throw err;
			await sleep(delay, signal);
			if (signal?.aborted) throw err;
		}
	}
}

/** The wait before retry number `n + 1`, or undefined when the upstream asked for longer than we wait. */
export function retryDelayMs(err: ProxyError, n: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
	if (err.retryAfterMs !== undefined) return err.retryAfterMs <= policy.maxDelayMs ? err.retryAfterMs : undefined;
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (ms <= 0) return resolve();
		const timer = setTimeout(done, ms);
		signal?.addEventListener("abort", done, { once: true });
		function done(): void {
			clearTimeout(timer);
			signal?.removeEventListener("abort", done);
			resolve();
		}
	});
}
