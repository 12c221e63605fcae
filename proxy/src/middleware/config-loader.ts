/**
 * Parses the configuration once per request and makes it available as `c.var.config`.
 *
 * It runs first (after the request id) so that every later step, including the error handler's redaction,
 * can rely on a typed config and the list of secret values to scrub.
 */
import type { MiddlewareHandler } from "hono";
import { readConfig } from "../config";
import type { AppEnv } from "../env";

/** Creates the middleware that loads `c.var.config` and seeds `c.var.secrets`. */
export function loadConfig(): MiddlewareHandler<AppEnv> {
	return async function configLoader(c, next) {
		c.set("secrets", []);
		const config = readConfig(c.env ?? {});
		c.set("config", config);
		c.set("secrets", [...config.secrets]);
		await next();
	};
}
