/**
 * Keeps the plugin a polite user of Studio's HTTP: at most two requests in flight, and a per-minute
 * cap well under the session's budget.
 *
 * Studio allows 500 external requests per minute for the whole session, shared with every other
 * plugin, and refuses requests past it; a runaway loop in one plugin would break them all. So the
 * plugin keeps its own, lower cap (120 a minute by default, configurable) counted over a sliding
 * 60-second window on `os.clock()`, and a request over it fails at once with `http_budget` and
 * the time until a slot frees up: no request is made. Roblox documents no concurrency cap, so two
 * in flight is our own rule (roblox-api.md); a third request waits its turn, first come first
 * served, and can be cancelled while it waits.
 */
import { CancelToken } from "./chat-client";

/** Limits; the defaults are the plugin's. */
export interface RequestLimiterOptions {
	/** Requests in flight at once (default 2). */
	readonly maxInFlight?: number;
	/** Requests started per sliding minute (default 120). */
	readonly perMinute?: number;
	/** Seconds, monotonic (default `os.clock`). */
	readonly clock?: () => number;
}

/** A slot to make one request, or why there is none. */
export type SlotResult =
	| { readonly ok: true; readonly release: () => void }
	| { readonly ok: false; readonly reason: "cancelled" }
	/** `retryAfter`: seconds until the oldest request of the window leaves it. */
	| { readonly ok: false; readonly reason: "http_budget"; readonly retryAfter: number };

interface Waiter {
	granted: boolean;
}

const WINDOW = 60;

/** Hands out request slots; share one per plugin session. */
export class RequestLimiter {
	private readonly maxInFlight: number;
	private perMinute: number;
	private readonly clock: () => number;
	private running = 0;
	private readonly queue = new Array<Waiter>();
	private started = new Array<number>();

	constructor(options?: RequestLimiterOptions) {
		this.maxInFlight = options?.maxInFlight ?? 2;
		this.perMinute = options?.perMinute ?? 120;
		this.clock = options?.clock ?? os.clock;
	}

	/**
	 * Waits (yielding, FIFO) for a free slot, then spends one request of the minute's budget.
	 * Call `release` once the request is over, whatever its outcome.
	 */
	acquire(cancel?: CancelToken): SlotResult {
		if (cancel?.cancelled) return { ok: false, reason: "cancelled" };
		if (this.running < this.maxInFlight && this.queue.size() === 0) {
			this.running += 1;
		} else {
			const waiter: Waiter = { granted: false };
			this.queue.push(waiter);
			while (!waiter.granted) {
				if (cancel?.cancelled) {
					const index = this.queue.indexOf(waiter);
					if (index >= 0) this.queue.remove(index);
					return { ok: false, reason: "cancelled" };
				}
				task.wait();
			}
		}
		const release = this.releaser();
		if (cancel?.cancelled) {
			release();
			return { ok: false, reason: "cancelled" };
		}
		const now = this.clock();
		this.forgetBefore(now - WINDOW);
		if (this.started.size() >= this.perMinute) {
			release();
			return { ok: false, reason: "http_budget", retryAfter: math.max(0, this.started[0] + WINDOW - now) };
		}
		this.started.push(now);
		return { ok: true, release };
	}

	/** Requests in flight now. */
	inFlight(): number {
		return this.running;
	}

	/** Requests waiting for a slot. */
	waiting(): number {
		return this.queue.size();
	}

	/** Requests started in the last 60 seconds. */
	usedThisMinute(): number {
		this.forgetBefore(this.clock() - WINDOW);
		return this.started.size();
	}

	/** Changes the per-minute cap (it applies to the next request). */
	setPerMinute(perMinute: number): void {
		this.perMinute = perMinute;
	}

	private forgetBefore(cutoff: number): void {
		if (this.started.size() > 0 && this.started[0] <= cutoff) {
			this.started = this.started.filter((time) => time > cutoff);
		}
	}

	/** A release function that hands the slot to the first waiter, and works only once. */
	private releaser(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const waiter = this.queue.shift();
			if (waiter !== undefined) waiter.granted = true;
			else this.running -= 1;
		};
	}
}
