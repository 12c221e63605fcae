/**
 * How long to wait before trying a failed request again, and when to stop trying.
 *
 * Only failures that may pass on their own are retried (429, most 5xx, the connection failing):
 * the caller decides that. The waits grow exponentially with "equal jitter" (half fixed, half
 * random) so two Studio windows that failed together do not retry in lockstep; a `Retry-After` from
 * the server replaces the computed wait, since the server knows when it will take requests again.
 * A request is tried at most `maxAttempts` times and never waits more than `maxTotalWait` seconds
 * in all: a user watching the chat would rather read "try again in 40 s" than stare at a spinner.
 */

import { CancelToken } from "./chat-client";

/** Retry limits, in attempts and seconds. */
export interface RetryPolicy {
	/** Tries in all, the first included. */
	readonly maxAttempts: number;
	/** The wait after the first failure before jitter (doubles each time). */
	readonly baseDelay: number;
	/** The longest single computed wait. */
	readonly maxDelay: number;
	/** The most the waits of one request may add up to; a wait that would pass it is not made. */
	readonly maxTotalWait: number;
}

/** 3 tries, waits of about 1 s then 2 s, at most 20 s of waiting per request. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelay: 1, maxDelay: 8, maxTotalWait: 20 };

/**
 * Seconds to wait after `failures` failed tries (1 after the first). `random` returns [0, 1).
 * `retryAfter` (seconds, from the server) wins over the computed wait.
 */
export function retryDelay(policy: RetryPolicy, failures: number, random: () => number, retryAfter?: number): number {
	if (retryAfter !== undefined) return retryAfter;
	const ceiling = math.min(policy.maxDelay, policy.baseDelay * 2 ** (failures - 1));
	return ceiling / 2 + (random() * ceiling) / 2;
}

/**
 * Whether to try again after `failures` failed tries when the next wait is `delay` and `waited`
 * seconds were already spent waiting.
 */
export function shouldRetry(policy: RetryPolicy, failures: number, waited: number, delay: number): boolean {
	return failures < policy.maxAttempts && waited + delay <= policy.maxTotalWait;
}

/**
 * Reads a `Retry-After` header given in seconds (RFC 9110 delay-seconds; fractions tolerated).
 * The HTTP-date form, which the proxy never sends, gives undefined: the computed wait applies then.
 */
export function parseRetryAfter(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const [digits] = string.match(value, "^%s*(%d+%.?%d*)%s*$");
	if (digits === undefined) return undefined;
	return tonumber(digits);
}

/** Waits `seconds` before a retry, checking `cancel` as it goes; false when cancelled. */
export function waitBeforeRetry(seconds: number, cancel: CancelToken): boolean {
	const deadline = os.clock() + seconds;
	while (os.clock() < deadline) {
		if (cancel.cancelled) return false;
		task.wait(math.min(0.1, deadline - os.clock()));
	}
	return !cancel.cancelled;
}
