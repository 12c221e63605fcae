/**
 * Turns the Worker's string bindings into one typed, validated `Config`.
 *
 * Parsing happens per request (it costs microseconds) so a changed secret takes effect on the next request
 * and tests can pass any env to `app.fetch`. An invalid value is an operator mistake, not a caller's: it is
 * reported as `config_invalid` naming the variable, never its value.
 */
import type { Env } from "./env";
import { ProxyError } from "./errors";

export const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_ROBLOX_APIS_BASE_URL = "https://apis.roblox.com";
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;
/** Catalog searches back an interactive picker: they never wait longer than this, whatever the setting. */
export const MAX_CATALOG_TIMEOUT_MS = 10_000;

export interface ProviderConfig {
	baseURL: string;
	/** Absent for local servers (Ollama, LM Studio) that need no key. */
	apiKey: string | undefined;
}

export interface Config {
	/** The proxy's own provider, when OPENAI_BASE_URL or OPENAI_API_KEY is set. */
	provider: ProviderConfig | undefined;
	/** Model allow-list; `models[0]` is the default. */
	models: string[];
	/** Accepted bearer tokens; empty means loopback-only. */
	tokens: string[];
	/** Normalized base URLs callers may name with their own key. */
	providerAllowlist: string[];
	robloxApiKey: string | undefined;
	robloxApisBaseUrl: string;
	/** 0 disables rate limiting. */
	rateLimitPerMinute: number;
	upstreamTimeoutMs: number;
	catalogTimeoutMs: number;
	/** Every configured secret value, for redaction. */
	secrets: string[];
}

/** Reads and validates the configuration from the Worker's bindings. Throws `config_invalid`. */
export function readConfig(env: Env): Config {
	const openaiKey = nonEmpty(env.OPENAI_API_KEY);
	const openaiBase = nonEmpty(env.OPENAI_BASE_URL);
	const provider =
		openaiKey !== undefined || openaiBase !== undefined
			? { baseURL: normalizeBaseUrl(openaiBase ?? DEFAULT_OPENAI_BASE_URL, "OPENAI_BASE_URL"), apiKey: openaiKey }
			: undefined;
	const tokens = splitList(env.VECTOR_TOKENS);
	const robloxApiKey = nonEmpty(env.ROBLOX_API_KEY);
	const upstreamTimeoutMs = readInteger(env.VECTOR_UPSTREAM_TIMEOUT_MS, "VECTOR_UPSTREAM_TIMEOUT_MS", {
		fallback: DEFAULT_UPSTREAM_TIMEOUT_MS,
		min: 1,
	});
	return {
		provider,
		models: [...new Set(splitList(env.VECTOR_MODELS))],
		tokens,
		providerAllowlist: splitList(env.VECTOR_PROVIDER_ALLOWLIST).map((url) =>
			normalizeBaseUrl(url, "VECTOR_PROVIDER_ALLOWLIST"),
		),
		robloxApiKey,
		robloxApisBaseUrl: normalizeBaseUrl(
			nonEmpty(env.ROBLOX_APIS_BASE_URL) ?? DEFAULT_ROBLOX_APIS_BASE_URL,
			"ROBLOX_APIS_BASE_URL",
		),
		rateLimitPerMinute: readInteger(env.VECTOR_RATE_LIMIT_PER_MINUTE, "VECTOR_RATE_LIMIT_PER_MINUTE", {
			fallback: DEFAULT_RATE_LIMIT_PER_MINUTE,
			min: 0,
		}),
		upstreamTimeoutMs,
		catalogTimeoutMs: Math.min(upstreamTimeoutMs, MAX_CATALOG_TIMEOUT_MS),
		secrets: [openaiKey, robloxApiKey, ...tokens].filter((s): s is string => s !== undefined),
	};
}

/** True when chat requests can use the proxy's own provider. */
export function isProviderConfigured(config: Config): boolean {
	return config.provider !== undefined && config.models.length > 0;
}

/** Like `canonicalBaseUrl`, but for configuration: throws `config_invalid` naming `variable`. */
export function normalizeBaseUrl(raw: string, variable: string): string {
	const canonical = canonicalBaseUrl(raw);
	if (canonical === undefined) {
		throw new ProxyError(500, "config_invalid", `${variable} must be an http(s) URL without query or fragment.`);
	}
	return canonical;
}

/**
 * Canonical form of a base URL for comparison: http(s) only, no query, fragment or credentials, no trailing
 * slash, lower-case scheme and host (the URL parser does that). Undefined when `raw` is not such a URL.
 */
export function canonicalBaseUrl(raw: string): string | undefined {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
	if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") return undefined;
	return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function splitList(value: string | undefined): string[] {
	return (value ?? "")
		.split(",")
		.map((item) => item.trim())
		.filter((item) => item !== "");
}

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function readInteger(raw: string | undefined, variable: string, options: { fallback: number; min: number }): number {
	const value = nonEmpty(raw);
	if (value === undefined) return options.fallback;
	if (!/^\d+$/.test(value) || Number(value) < options.min || !Number.isSafeInteger(Number(value))) {
		throw new ProxyError(500, "config_invalid", `${variable} must be a whole number of at least ${options.min}.`);
	}
	return Number(value);
}
