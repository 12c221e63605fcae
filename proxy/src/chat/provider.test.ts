import { describe, expect, it } from "vitest";
import { readConfig } from "../config";
import { resolveModel, resolveProvider } from "./provider";

const none = { baseUrl: undefined, key: undefined };

describe("resolveProvider", () => {
	const config = readConfig({ OPENAI_API_KEY: "sk-proxy-key", VECTOR_MODELS: "m1,m2", VECTOR_PROVIDER_ALLOWLIST: "https://openrouter.ai/api/v1" });

	it("uses the proxy's provider by default", () => {
		expect(resolveProvider(config, none)).toEqual({ baseURL: "https://api.openai.com/v1", apiKey: "sk-proxy-key", source: "proxy" });
	});

	it("uses the caller's key for an allow-listed base URL, whatever its trailing slash or case", () => {
		expect(resolveProvider(config, { baseUrl: "https://OpenRouter.ai/api/v1/", key: " sk-mine " })).toEqual({
			baseURL: "https://openrouter.ai/api/v1",
			apiKey: "sk-mine",
			source: "caller",
		});
	});

	it.each([
		[{ baseUrl: "https://openrouter.ai/api/v2", key: "k" }, 403, "provider_not_allowed"],
		[{ baseUrl: "https://openrouter.ai.evil.com/api/v1", key: "k" }, 403, "provider_not_allowed"],
		[{ baseUrl: "https://openrouter.ai/api/v1", key: undefined }, 400, "invalid_request"],
		[{ baseUrl: undefined, key: "k" }, 400, "invalid_request"],
		[{ baseUrl: "https://openrouter.ai/api/v1", key: "  " }, 400, "invalid_request"],
		[{ baseUrl: "https://openrouter.ai/api/v1?x=1", key: "k" }, 400, "invalid_request"],
	])("refuses %j", (headers, status, code) => {
		expect(() => resolveProvider(config, headers)).toThrow(expect.objectContaining({ status, code }));
	});

	it("explains what to set when nothing is configured", () => {
		expect(() => resolveProvider(readConfig({}), none)).toThrow(expect.objectContaining({ status: 503, code: "provider_not_configured" }));
	});
});

describe("resolveModel", () => {
	const config = readConfig({ VECTOR_MODELS: "m1,m2" });
	it("defaults to the first model and allows listed ones only", () => {
		expect(resolveModel(config, undefined)).toBe("m1");
		expect(resolveModel(config, "m2")).toBe("m2");
		expect(() => resolveModel(config, "M2")).toThrow(expect.objectContaining({ status: 403, code: "model_not_allowed" }));
	});
});
