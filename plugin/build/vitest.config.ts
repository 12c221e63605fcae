// Vitest settings for the build pipeline's own tests (Node side, no Studio involved).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		name: "plugin-build",
		root: fileURLToPath(new URL(".", import.meta.url)),
		include: ["*.test.ts"],
		// Full builds compile every Luau file with the real compiler; give them room on slow machines.
		testTimeout: 120_000,
		hookTimeout: 120_000,
	},
});
