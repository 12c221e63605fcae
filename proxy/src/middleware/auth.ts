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
			throw new ProxyError(401, "unauthorized", "Missing bearer token. Send `Authorization: Bearer <token>` with a token from VECTOR_TOKENS.", {
				headers: { "WWW-Authenticate": 'Bearer realm="vector"' },
			});
		}
		c.get("secrets").push(presented);
		const index = await findToken(presented, tokens);
		if (index < 0) {
			throw new ProxyError(401, "unauthorized", "Invalid bearer token.", {
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
