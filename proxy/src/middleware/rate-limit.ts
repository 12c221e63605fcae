/**
 * Per-token rate limiting: VECTOR_RATE_LIMIT_PER_MINUTE requests per minute per caller (0 turns it off).
 *
 * Two layers, so the limit means the same thing everywhere:
 * - an in-isolate fixed window (`fixed-window.ts`) enforces the configured number exactly under tests and
 *   `wrangler dev`, and per isolate in production;
 * - when the `VECTOR_RATE_LIMITER` binding is bound (wrangler.toml `[[ratelimits]]`), Cloudflare's
 *   rate-limiting API also enforces its limit across every isolate and location. A binding's limit is
 *   static configuration, so keep its `simple.limit` equal to VECTOR_RATE_LIMIT_PER_MINUTE.
 * The binding is keyed by the caller id ("token-0"), never by the token.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ProxyError } from "../errors";
import { FixedWindowLimiter } from "./fixed-window";

/** The binding's period (wrangler.toml `simple.period`), used as Retry-After when it refuses. */
const BINDING_PERIOD_SECONDS = 60;

/** Creates the rate-limit middleware; `limiter` is shared by every request this app serves. */
export function rateLimit(limiter: FixedWindowLimiter = new FixedWindowLimiter(60_000)): MiddlewareHandler<AppEnv> {
	return async function limitRate(c, next) {
		const limit = c.get("config").rateLimitPerMinute;
		if (limit === 0) return next();
		const clientId = c.get("clientId");
		const decision = limiter.hit(clientId, limit);
		if (!decision.allowed) throw tooManyRequests(limit, decision.retryAfterSeconds);
		const binding = c.env?.VECTOR_RATE_LIMITER;
		if (binding !== undefined) {
			const { success } = await binding.limit({ key: clientId });
			if (!success) throw tooManyRequests(limit, BINDING_PERIOD_SECONDS);
		}
		c.header("X-RateLimit-Limit", String(limit));
		c.header("X-RateLimit-Remaining", String(decision.remaining));
		return next();
	};
}

function tooManyRequests(limit: number, retryAfterSeconds: number): ProxyError {
	return new ProxyError(429, "rate_limited", `Rate limit reached (${limit} requests per minute). Retry after ${retryAfterSeconds} s.`, {
		retryAfterSeconds,
	});
}
