/**
 * Every Node-side test suite of the repo, run by `npx vitest run` (and so by `npm test`):
 * the proxy, the plugin build pipeline, the headless Studio's host and class database, and the
 * benchmarks' smoke test (tiny sizes; `npm run bench` measures).
 * The Luau side (plugin specs, the emulator's own specs) runs in the headless Studio instead.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		projects: [
			"proxy/vitest.config.ts",
			"plugin/build/vitest.config.ts",
			{
				test: {
					name: "headless-studio",
					root: "tests/studio",
					include: ["classdb/*.test.ts", "host/**/*.test.ts"],
					testTimeout: 120_000,
				},
			},
			{
				test: {
					name: "bench-smoke",
					root: "tests/bench",
					include: ["*.test.ts"],
					testTimeout: 180_000,
				},
			},
		],
	},
});
