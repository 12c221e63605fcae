/**
 * Decides whether a request comes from the machine the proxy runs on.
 *
 * Without VECTOR_TOKENS the proxy serves loopback callers only (a developer running `wrangler dev` next to
 * Studio). workerd gives a Worker no socket peer address, so the decision uses the two signals it has:
 *
 * - `CF-Connecting-IP`: on Cloudflare's network the edge always sets it to the real client address and a
 *   client cannot override it, so a deployed Worker never sees a loopback value here. Under `wrangler dev`,
 *   miniflare sets it from the TCP peer (127.0.0.1 for a local caller). If present, it must be loopback.
 * - The request URL's host: a deployed Worker is reached through its public hostname, never 127.0.0.1 or
 *   localhost, while `wrangler dev` (and `app.request` in tests) sees the loopback host it listens on.
 *
 * Both must agree. Limitation: miniflare keeps a `CF-Connecting-IP` sent by the client, so a dev server bound
 * to 0.0.0.0 could be fooled by a LAN client sending both headers. `npm run start:proxy` binds 127.0.0.1;
 * anyone exposing the dev server must set VECTOR_TOKENS (the README says so).
 */

/** True when `ip` is an IPv4 127/8 address, IPv6 ::1, or an IPv4-mapped loopback. */
export function isLoopbackAddress(ip: string): boolean {
	const value = ip.trim().toLowerCase().replace(/^\[|\]$/g, "");
	if (value === "::1" || value === "0:0:0:0:0:0:0:1") return true;
	const v4 = value.startsWith("::ffff:") ? value.slice("::ffff:".length) : value;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** True when `hostname` (no port) names this machine. */
export function isLoopbackHostname(hostname: string): boolean {
	const value = hostname.toLowerCase().replace(/\.$/, "");
	return value === "localhost" || value.endsWith(".localhost") || isLoopbackAddress(value);
}

/** True when the request comes from loopback, by the rules above. */
export function isLoopbackRequest(request: Request): boolean {
	const connectingIp = request.headers.get("cf-connecting-ip");
	if (connectingIp !== null && !isLoopbackAddress(connectingIp)) return false;
	return isLoopbackHostname(new URL(request.url).hostname);
}
