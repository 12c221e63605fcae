/**
 * Bounded retries with exponential backoff for calls that may fail for a while (DataStore requests):
 * `attempts` tries at most, waiting `baseDelay`, then twice that, … (capped at `maxDelay`) between
 * them; an error the caller says cannot pass with time is not tried again. Errors are caught (pcall) and
 * reported, never thrown: the caller decides what a final failure means. The wait is injected so specs run without time passing.
 */

export interface RetryOptions {
	/** Tries in all, the first included (default 3). */
	readonly attempts?: number;
	/** Seconds before the second try (default 1); doubles each time. */
	readonly baseDelay?: number;
	/** Longest wait between two tries (default 8). */
	readonly maxDelay?: number;
	/** Waits `seconds` (default task.wait). */
	readonly wait?: (seconds: number) => void;
	/** Told about each failed try (try number from 1, the error). */
	readonly onFailure?: (attempt: number, message: string) => void;
	/** Whether an error is worth another try (default: every error is). */
	readonly retryable?: (message: string) => boolean;
}

export type RetryResult<T> =
	| { readonly ok: true; readonly value: T; readonly attempts: number }
	| { readonly ok: false; readonly message: string; readonly attempts: number };

/** Calls `action` until it returns without error or the tries run out. */
export function retryWithBackoff<T>(action: () => T, options: RetryOptions = {}): RetryResult<T> {
	const attempts = math.max(1, options.attempts ?? 3);
	const wait = options.wait ?? ((seconds: number) => task.wait(seconds));
	let delay = options.baseDelay ?? 1;
	const maxDelay = options.maxDelay ?? 8;
	let message = "";
	for (let attempt = 1; attempt <= attempts; attempt++) {
		const [ok, value] = pcall(action);
		if (ok) return { ok: true, value: value as T, attempts: attempt };
		message = tostring(value);
		options.onFailure?.(attempt, message);
		if (options.retryable !== undefined && !options.retryable(message))
			return { ok: false, message, attempts: attempt };
		if (attempt < attempts) {
			wait(math.min(delay, maxDelay));
			delay *= 2;
		}
	}
	return { ok: false, message, attempts };
}
