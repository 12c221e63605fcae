/**
 * The plugin the benchmarks measure: the release build (what users install), compiled from the
 * current sources into a temp folder so that a bench run never measures a stale `dist/` and never
 * writes over the `dist/` files another process may be reading.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../plugin/build/build.js";
import { repoRoot } from "../studio/host/vm.js";

/** Builds the release plugin (rbxtsc + model) into a temp folder; resolves to the .rbxmx path. */
export async function buildBenchPlugin(log: (line: string) => void): Promise<string> {
	const output = join(mkdtempSync(join(tmpdir(), "vector-bench-")), "Vector.rbxmx");
	const started = performance.now();
	const result = await build({ root: repoRoot, dev: false, output });
	log(`plugin built: ${result.scripts} scripts, ${result.bytes} bytes (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	return result.output;
}
