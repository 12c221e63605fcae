/**
 * Bearer-token authentication for every route.
 *
 * With VECTOR_TOKENS set, a request must carry `Authorization: Bearer <one of them>`; the comparison hashes
 * both sides and compares every configured token, so timing reveals neither which token nor how much of it
 * matched. Without VECTOR_TOKENS the proxy is in local mode and accepts loopback callers only (see
 * `loopback.ts`). The caller's identity for rate limiting is the token's position in the list, never the
 * token itself.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ProxyError } from "../errors";
import { isLoopbackRequest } from "./loopback";

// Worded so the secret scrubber (redact.ts), which rewrites anything after "Bearer " that looks like a
// credential, leaves the advice readable.
const MISSING_TOKEN =
	"Missing token: send an `Authorization` header with the word Bearer, a space and one of the proxy's tokens (VECTOR_TOKENS).";
const INVALID_TOKEN = "Invalid token: it is not one of this proxy's tokens (VECTOR_TOKENS).";

/** Creates the authentication middleware; sets `c.var.clientId`. */
export function bearerAuth(): MiddlewareHandler<AppEnv> {
	return async function authenticate(c, next) {
		const { tokens } = c.get("config");
		if (tokens.length === 0) {
			if (!isLoopbackRequest(c.req.raw)) {
				throw new ProxyError(
					403,
					"loopback_only",
					"This proxy has no VECTOR_TOKENS configured, so it only accepts requests from the machine it runs on. Set VECTOR_TOKENS to allow other clients.",
				);
			}
			c.set("clientId", "loopback");
			return next();
		}
		const presented = readBearerToken(c.req.header("authorization"));
		if (presented === undefined) {
			throw new ProxyError(401, "unauthorized", MISSING_TOKEN, {
				headers: { "WWW-Authenticate": 'Bearer realm="vector"' },
			});
		}
		c.get("secrets").push(presented);
		const index = await findToken(presented, tokens);
		if (index < 0) {
			throw new ProxyError(401, "unauthorized", INVALID_TOKEN, {
				headers: { "WWW-Authenticate": 'Bearer realm="vector", error="invalid_token"' },
			});
		}
		c.set("clientId", `token-${index}`);
		return next();
	};
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function readBearerToken(header: string | undefined): string | undefined {
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
	return match?.[1];
}

/** Index of `presented` in `tokens`, or -1, compared in constant time per token. */
export async function findToken(presented: string, tokens: readonly string[]): Promise<number> {
	const presentedDigest = await sha256(presented);
	let found = -1;
	for (let i = 0; i < tokens.length; i++) {
		const digest = await sha256(tokens[i]!);
		let diff = 0;
		for (let j = 0; j < digest.length; j++) diff |= digest[j]! ^ presentedDigest[j]!;
		if (diff === 0 && found < 0) found = i;
	}
	return found;
}

async function sha256(text: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}
