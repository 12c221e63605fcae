/**
 * The Worker's bindings and the Hono context types built on them.
 *
 * Every variable is a string (or absent) because that is what `wrangler.toml` vars, `.dev.vars`,
 * `wrangler secret put` and `wrangler dev --var` all deliver; `config.ts` turns them into typed values.
 * The names are part of the public contract: the README, `.dev.vars.example` and the tests use them.
 */
import type { Config } from "./config";

/** Cloudflare's rate-limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
	limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface Env {
	/** Base URL of the OpenAI-compatible provider (default https://api.openai.com/v1 when a key is set). */
	OPENAI_BASE_URL?: string;
	/** The proxy's own provider key (a secret). */
	OPENAI_API_KEY?: string;
	/** Comma-separated model allow-list; the first is the default. */
	VECTOR_MODELS?: string;
	/** Comma-separated bearer tokens accepted from plugins; unset means loopback-only. */
	VECTOR_TOKENS?: string;
	/** Comma-separated provider base URLs a caller may use with its own key. */
	VECTOR_PROVIDER_ALLOWLIST?: string;
	/** Roblox Open Cloud key with `creator-store-product:read` (a secret). */
	ROBLOX_API_KEY?: string;
	/** Base of Roblox's web APIs (default https://apis.roblox.com); tests point it at a fake. */
	ROBLOX_APIS_BASE_URL?: string;
	/** Requests per minute per token (default 60, 0 disables rate limiting). */
	VECTOR_RATE_LIMIT_PER_MINUTE?: string;
	/** Upstream timeout in milliseconds (default 60000; catalog calls use at most 10000). */
	VECTOR_UPSTREAM_TIMEOUT_MS?: string;
	/** Optional Cloudflare rate-limiting binding; see rate-limit.ts. */
	VECTOR_RATE_LIMITER?: RateLimitBinding;
}

export interface Variables {
	requestId: string;
	config: Config;
	/** Stable, non-secret identity of the caller for rate limiting ("token-0", "loopback"). */
	clientId: string;
	/** Secret values seen by this request (configured keys, the caller's key), scrubbed from all output. */
	secrets: string[];
}

export interface AppEnv {
	Bindings: Env;
	Variables: Variables;
}
