/**
 * Every Node-side test suite of the repo, run by `npx vitest run` (and so by `npm test`):
 * the proxy, the plugin build pipeline, and the headless Studio's host and class database.
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
		],
	},
});
