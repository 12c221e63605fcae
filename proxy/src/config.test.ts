import { describe, expect, it } from "vitest";
import { canonicalBaseUrl, isProviderConfigured, readConfig } from "./config";
import { ProxyError } from "./errors";

describe("readConfig", () => {
	it("has safe defaults with nothing set", () => {
		const config = readConfig({});
		expect(config).toEqual({
			provider: undefined,
			models: [],
			tokens: [],
			providerAllowlist: [],
			robloxApiKey: undefined,
			robloxApisBaseUrl: "https://apis.roblox.com",
			rateLimitPerMinute: 60,
			upstreamTimeoutMs: 60_000,
			catalogTimeoutMs: 10_000,
			secrets: [],
		});
		expect(isProviderConfigured(config)).toBe(false);
	});

	it("defaults the base URL to OpenAI when only a key is set", () => {
		expect(readConfig({ OPENAI_API_KEY: "sk-abc" }).provider).toEqual({ baseURL: "https://api.openai.com/v1", apiKey: "sk-abc" });
	});

	it("accepts a keyless local provider", () => {
		const config = readConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/", VECTOR_MODELS: "llama3.2" });
		expect(config.provider).toEqual({ baseURL: "http://127.0.0.1:11434/v1", apiKey: undefined });
		expect(isProviderConfigured(config)).toBe(true);
	});

	it("splits, trims and de-duplicates lists", () => {
		const config = readConfig({ VECTOR_MODELS: " a, b ,,a ", VECTOR_TOKENS: "t1 ,t2", VECTOR_PROVIDER_ALLOWLIST: "https://OpenRouter.ai/api/v1/ , https://api.openai.com/v1" });
		expect(config.models).toEqual(["a", "b"]);
		expect(config.tokens).toEqual(["t1", "t2"]);
		expect(config.providerAllowlist).toEqual(["https://openrouter.ai/api/v1", "https://api.openai.com/v1"]);
	});

	it("collects every secret value for redaction", () => {
		expect(readConfig({ OPENAI_API_KEY: "k1", ROBLOX_API_KEY: "k2", VECTOR_TOKENS: "t1,t2" }).secrets).toEqual(["k1", "k2", "t1", "t2"]);
	});

	it("caps the catalog timeout at 10 s but follows shorter settings", () => {
		expect(readConfig({ VECTOR_UPSTREAM_TIMEOUT_MS: "120000" }).catalogTimeoutMs).toBe(10_000);
		expect(readConfig({ VECTOR_UPSTREAM_TIMEOUT_MS: "250" }).catalogTimeoutMs).toBe(250);
	});

	it("reads 0 as 'rate limiting off'", () => {
		expect(readConfig({ VECTOR_RATE_LIMIT_PER_MINUTE: "0" }).rateLimitPerMinute).toBe(0);
	});

	it.each([
		["VECTOR_RATE_LIMIT_PER_MINUTE", "-1"],
		["VECTOR_RATE_LIMIT_PER_MINUTE", "1.5"],
		["VECTOR_UPSTREAM_TIMEOUT_MS", "0"],
		["VECTOR_UPSTREAM_TIMEOUT_MS", "soon"],
		["OPENAI_BASE_URL", "not a url"],
		["ROBLOX_APIS_BASE_URL", "https://apis.roblox.com/?x=1"],
		["VECTOR_PROVIDER_ALLOWLIST", "file:///etc"],
	])("rejects %s=%s as config_invalid", (name, value) => {
		try {
			readConfig({ [name]: value });
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(ProxyError);
			expect((err as ProxyError).code).toBe("config_invalid");
			expect((err as ProxyError).message).toContain(name);
		}
	});
});

describe("canonicalBaseUrl", () => {
	it.each([
		["https://api.anthropic.com/v1/", "https://api.anthropic.com/v1"],
		["HTTPS://Generativelanguage.googleapis.com/v1beta/openai/", "https://generativelanguage.googleapis.com/v1beta/openai"],
		["http://localhost:1234/v1", "http://localhost:1234/v1"],
		["https://example.com", "https://example.com"],
	])("%s → %s", (raw, canonical) => {
		expect(canonicalBaseUrl(raw)).toBe(canonical);
	});

	it.each(["ftp://x", "https://user:pw@x.com", "https://x.com/v1?key=1", "https://x.com/#f", "relative/path"])("refuses %s", (raw) => {
		expect(canonicalBaseUrl(raw)).toBeUndefined();
	});
});
