/**
 * A token bucket: `capacity` calls at once, refilled at `refillPerSecond`. Pure: the caller passes
 * the time (seconds, monotonic), so specs drive it without waiting.
 */
export class TokenBucket {
	private tokens: number;
	private updatedAt: number;

	constructor(
		private readonly capacity: number,
		private readonly refillPerSecond: number,
		now: number,
	) {
		this.tokens = capacity;
		this.updatedAt = now;
	}

	/** Takes one token if there is one; false means the call should be dropped. */
	take(now: number): boolean {
		this.refill(now);
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	/** Tokens available at `now` (fractional while refilling). */
	available(now: number): number {
		this.refill(now);
		return this.tokens;
	}

	private refill(now: number): void {
		// A clock that went backwards refills nothing rather than draining the bucket.
		const elapsed = math.max(0, now - this.updatedAt);
		this.tokens = math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
		this.updatedAt = math.max(this.updatedAt, now);
	}
}
