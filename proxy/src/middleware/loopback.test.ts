import { describe, expect, it } from "vitest";
import { isLoopbackAddress, isLoopbackHostname, isLoopbackRequest } from "./loopback";

describe("isLoopbackAddress", () => {
	it.each(["127.0.0.1", "127.8.9.10", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])("%s is loopback", (ip) => {
		expect(isLoopbackAddress(ip)).toBe(true);
	});
	it.each(["10.0.0.1", "192.168.0.1", "203.0.113.1", "::2", "128.0.0.1", "127.0.0.1.evil.com", "::ffff:10.0.0.1"])("%s is not", (ip) => {
		expect(isLoopbackAddress(ip)).toBe(false);
	});
});

describe("isLoopbackHostname", () => {
	it.each(["localhost", "LOCALHOST", "localhost.", "app.localhost", "127.0.0.1", "[::1]"])("%s is loopback", (host) => {
		expect(isLoopbackHostname(host)).toBe(true);
	});
	it.each(["localhost.evil.com", "vector.example.workers.dev", "10.0.0.2"])("%s is not", (host) => {
		expect(isLoopbackHostname(host)).toBe(false);
	});
});

describe("isLoopbackRequest", () => {
	const at = (url: string, ip?: string) => new Request(url, { headers: ip === undefined ? {} : { "cf-connecting-ip": ip } });
	it("needs a loopback host and, when present, a loopback CF-Connecting-IP", () => {
		expect(isLoopbackRequest(at("http://127.0.0.1:8787/v1/health"))).toBe(true);
		expect(isLoopbackRequest(at("http://127.0.0.1:8787/v1/health", "127.0.0.1"))).toBe(true);
		expect(isLoopbackRequest(at("http://127.0.0.1:8787/v1/health", "198.51.100.4"))).toBe(false);
		expect(isLoopbackRequest(at("https://vector.example.com/v1/health", "127.0.0.1"))).toBe(false);
	});
});
