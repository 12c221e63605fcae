/**
 * `GET /v1/health`: reports configuration without revealing it.
 */
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import type { HealthResponse } from "../../shared/src/proxy-api";
import { createApp } from "../src/app";
import { ALL_SECRETS, call, configuredEnv, FAST_RETRY, OTHER_TOKEN, ROBLOX_KEY } from "./helpers/test-env";

const app = createApp({ retry: FAST_RETRY });

describe("GET /v1/health", () => {
	it("says when nothing is configured (a fresh `npm run start:proxy`)", async () => {
		const res = await call(app, {}, "/v1/health", { token: null, origin: "http://127.0.0.1:8787" });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			status: "ok",
			version: packageJson.version,
			provider: { configured: false, models: [], bringYourOwnKey: false },
			catalog: { keyConfigured: false },
		} satisfies HealthResponse);
	});

	it("reports a configured provider, the model allow-list and the catalog key, but never a secret", async () => {
		const env = configuredEnv("http://127.0.0.1:9", "http://127.0.0.1:9", {
			ROBLOX_API_KEY: ROBLOX_KEY,
			VECTOR_PROVIDER_ALLOWLIST: "https://openrouter.ai/api/v1",
		});
		const res = await call(app, env, "/v1/health", { token: OTHER_TOKEN });
		const text = await res.text();
		expect(JSON.parse(text)).toEqual({
			status: "ok",
			version: packageJson.version,
			provider: { configured: true, models: ["fake-small", "fake-large"], defaultModel: "fake-small", bringYourOwnKey: true },
			catalog: { keyConfigured: true },
		} satisfies HealthResponse);
		for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
		expect(text).not.toContain("127.0.0.1");
		expect(text).not.toContain("openrouter");
	});

	it("treats a local provider without a key as configured", async () => {
		const res = await call(app, { OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", VECTOR_MODELS: "llama3.2" }, "/v1/health", { token: null });
		expect(((await res.json()) as HealthResponse).provider.configured).toBe(true);
	});
});
