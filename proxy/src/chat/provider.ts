/**
 * Decides which provider and which model a chat request uses.
 *
 * The proxy's own provider (OPENAI_BASE_URL / OPENAI_API_KEY) is the default. A caller may instead bring its
 * own key with `X-Provider-Base-URL` + `X-Provider-Key`, but only for a base URL on
 * VECTOR_PROVIDER_ALLOWLIST: otherwise the proxy would be an open relay to any host. Either way the model
 * must be on VECTOR_MODELS; a body naming no model gets the first one.
 */
import { canonicalBaseUrl, type Config, isProviderConfigured } from "../config";
import { ProxyError } from "../errors";

export interface ResolvedProvider {
	baseURL: string;
	apiKey: string | undefined;
	/** Whose key this is: decides how an upstream 401 is reported. */
	source: "proxy" | "caller";
}

export interface CallerProviderHeaders {
	baseUrl: string | undefined;
	key: string | undefined;
}

const SETUP_HINT =
	"Set OPENAI_API_KEY (plus OPENAI_BASE_URL for providers other than OpenAI) and VECTOR_MODELS: in .dev.vars for `npm run start:proxy`, or with `wrangler secret put` and wrangler.toml vars when deployed.";

/** Picks the provider for this request or throws an actionable error. */
export function resolveProvider(config: Config, headers: CallerProviderHeaders): ResolvedProvider {
	const { baseUrl, key } = headers;
	if (baseUrl !== undefined || key !== undefined) return resolveCallerProvider(config, baseUrl, key);
	if (config.provider === undefined) {
		throw new ProxyError(503, "provider_not_configured", `No model provider is configured on this proxy. ${SETUP_HINT}`);
	}
	if (!isProviderConfigured(config)) {
		throw new ProxyError(503, "provider_not_configured", `No models are allowed on this proxy: VECTOR_MODELS is empty. ${SETUP_HINT}`);
	}
	return { baseURL: config.provider.baseURL, apiKey: config.provider.apiKey, source: "proxy" };
}

/** The model to call: the requested one if allowed, else the default. */
export function resolveModel(config: Config, requested: string | undefined): string {
	const [defaultModel] = config.models;
	if (defaultModel === undefined) {
		throw new ProxyError(503, "provider_not_configured", `No models are allowed on this proxy: VECTOR_MODELS is empty. ${SETUP_HINT}`);
	}
	if (requested === undefined) return defaultModel;
	if (!config.models.includes(requested)) {
		throw new ProxyError(403, "model_not_allowed", `Model "${requested}" is not allowed on this proxy. Allowed: ${config.models.join(", ")}.`);
	}
	return requested;
}

function resolveCallerProvider(config: Config, baseUrl: string | undefined, key: string | undefined): ResolvedProvider {
	if (baseUrl === undefined || key === undefined || key.trim() === "") {
		throw new ProxyError(400, "invalid_request", "Send both X-Provider-Base-URL and X-Provider-Key to use your own provider key, or neither.");
	}
	const canonical = canonicalBaseUrl(baseUrl);
	if (canonical === undefined) {
		throw new ProxyError(400, "invalid_request", "X-Provider-Base-URL must be an http(s) URL without query or fragment.");
	}
	if (config.providerAllowlist.length === 0) {
		throw new ProxyError(403, "provider_not_allowed", "This proxy does not accept callers' own provider keys (VECTOR_PROVIDER_ALLOWLIST is empty).");
	}
	if (!config.providerAllowlist.includes(canonical)) {
		throw new ProxyError(403, "provider_not_allowed", `Provider ${canonical} is not on this proxy's allow-list. Allowed: ${config.providerAllowlist.join(", ")}.`);
	}
	return { baseURL: canonical, apiKey: key.trim(), source: "caller" };
}
