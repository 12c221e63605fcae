/**
 * Assembles the proxy: middleware in order, the three routes, and the one error path.
 *
 * Order: request id (so every log line and error carries one) → configuration → authentication → rate
 * limit (per authenticated caller) → body size → route. `createApp` takes only what tests need to vary
 * (retry timing, the cache, the limiter's clock); everything else comes from the Worker's bindings.
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { assetSearchRoute } from "./assets/assets-route";
import { defaultSearchCache, type SearchCache } from "./assets/search-cache";
import { chatCompletionsRoute } from "./chat/chat-route";
import type { AppEnv } from "./env";
import { createErrorHandler, createNotFoundHandler } from "./error-handler";
import { ProxyError } from "./errors";
import { healthRoute } from "./health/health-route";
import { bearerAuth } from "./middleware/auth";
import { limitBodySize } from "./middleware/body-limit";
import { loadConfig } from "./middleware/config-loader";
import { FixedWindowLimiter } from "./middleware/fixed-window";
import { rateLimit } from "./middleware/rate-limit";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

export interface AppOptions {
	retry?: RetryPolicy;
	/** Defaults to the Workers Cache API when the runtime has one. */
	searchCache?: () => SearchCache | undefined;
	/** Shared by all requests of this app; inject one with a fake clock in tests. */
	limiter?: FixedWindowLimiter;
	maxBodyBytes?: number;
}

/** Builds the proxy's Hono app. */
export function createApp(options: AppOptions = {}): Hono<AppEnv> {
	const retry = options.retry ?? DEFAULT_RETRY_POLICY;
	const app = new Hono<AppEnv>();

	const handleError = createErrorHandler();
	app.onError(handleError);
	app.notFound(createNotFoundHandler(handleError));

	app.use(requestId());
	app.use(
		methodNotAllowed({
			app,
			onMethodNotAllowed: (c, methods) =>
				handleError(
					new ProxyError(405, "method_not_allowed", `${c.req.method} is not supported on ${c.req.path}. Use ${methods.join(", ")}.`, {
						headers: { Allow: methods.join(", ") },
					}),
					c,
				),
		}),
	);
	app.use(loadConfig());
	app.use(bearerAuth());
	app.use(rateLimit(options.limiter ?? new FixedWindowLimiter(60_000)));
	app.use(limitBodySize(options.maxBodyBytes));

	app.post("/v1/chat/completions", chatCompletionsRoute({ retry }));
	app.get("/v1/assets/search", assetSearchRoute({ retry, cache: options.searchCache ?? defaultSearchCache }));
	app.get("/v1/health", healthRoute());

	return app;
}
