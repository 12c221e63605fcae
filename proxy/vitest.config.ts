/**
 * vitest configuration for the proxy (`npm run test:proxy`).
 *
 * Unit tests sit beside the sources, HTTP-level suites in `test/`. Every test file loads the network guard
 * (a connection to anything but loopback fails the test that made it) and the log capture (a secret in any
 * log line fails the test that logged it).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		name: "proxy",
		root: fileURLToPath(new URL(".", import.meta.url)),
		include: ["src/**/*.test.ts", "test/**/*.test.ts"],
		setupFiles: ["test/setup/no-network.ts", "test/setup/capture-logs.ts"],
		environment: "node",
		pool: "forks",
		testTimeout: 20_000,
		hookTimeout: 90_000,
		restoreMocks: true,
	},
});
