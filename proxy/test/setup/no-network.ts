/**
 * Network guard loaded before every test file: only loopback connections are allowed.
 *
 * It wraps `net.Socket.prototype.connect`, which every Node client (http, undici's `fetch`, the openai SDK)
 * goes through, before any DNS lookup. A connection elsewhere is refused on the spot and recorded, and the
 * test that made it fails in `afterEach`. Child processes (`wrangler dev`) are covered by their own flags
 * (see `test/helpers/wrangler-dev.ts`).
 */
import net from "node:net";
import { afterEach, expect } from "vitest";

const violations: string[] = [];

/** Hosts a test may connect to. */
export function isAllowedHost(host: string | undefined): boolean {
	if (host === undefined || host === "") return true; // Node defaults to localhost
	const h = host.toLowerCase().replace(/^\[|\]$/g, "");
	return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::ffff:127.0.0.1";
}

/** Takes the recorded violations (for the guard's own test). */
export function takeNetworkViolations(): string[] {
	return violations.splice(0, violations.length);
}

const originalConnect = net.Socket.prototype.connect;

function targetOf(args: unknown[]): { host: string | undefined; port: unknown; path?: string } {
	const [first, second] = args;
	if (Array.isArray(first)) return targetOf(first); // internal normalized form: [options, cb]
	if (typeof first === "object" && first !== null) {
		const options = first as { host?: string; port?: unknown; path?: string };
		return { host: options.host, port: options.port, path: options.path };
	}
	if (typeof first === "string" && !/^\d+$/.test(first)) return { host: undefined, port: undefined, path: first };
	return { host: typeof second === "string" ? second : undefined, port: first };
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
	const target = targetOf(args);
	if (target.path === undefined && !isAllowedHost(target.host)) {
		const where = `${target.host}:${String(target.port)}`;
		violations.push(where);
		const error = new Error(`Network access to ${where} is blocked in tests (loopback only).`);
		process.nextTick(() => this.destroy(error));
		return this;
	}
	return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

afterEach(() => {
	const seen = takeNetworkViolations();
	expect(seen, "a test tried to reach the network").toEqual([]);
});
