/**
 * `GET /v1/health`: what the plugin's settings screen shows before the first chat.
 *
 * It reports the version and whether a provider and a catalog key are configured, plus the model
 * allow-list (model names are not secret and the plugin needs them to offer a choice). It never reports a
 * key, a token, or a base URL.
 */
import type { Context } from "hono";
import type { HealthResponse } from "../../../shared/src/proxy-api";
import { isProviderConfigured } from "../config";
import type { AppEnv } from "../env";
import { VERSION } from "../version";

/** Creates the health handler. */
export function healthRoute() {
	return function health(c: Context<AppEnv>): Response {
		const config = c.get("config");
		const body: HealthResponse = {
			status: "ok",
			version: VERSION,
			provider: {
				configured: isProviderConfigured(config),
				models: config.models,
				defaultModel: config.models[0],
				bringYourOwnKey: config.providerAllowlist.length > 0,
			},
			catalog: { keyConfigured: config.robloxApiKey !== undefined },
		};
		return c.json(body);
	};
}
