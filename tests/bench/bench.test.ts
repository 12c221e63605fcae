/**
 * Smoke test of `npm run bench`: every benchmark runs with tiny sizes (bench-sizes.ts SMOKE_SIZES)
 * and its rows pass their checks, so the benchmarks keep working as the code they measure changes.
 * Speed is not checked here; only `npm run bench` measures it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SMOKE_SIZES } from "./bench-sizes.js";
import { formatTable } from "./bench-table.js";
import { buildBenchPlugin } from "./plugin-model.js";
import { type BenchId, runBenchmarks } from "./run-benchmarks.js";
import { repoRoot } from "../studio/host/vm.js";

let pluginFile: string;

beforeAll(async () => {
	// `npm test` builds dist/Vector.rbxmx before the vitest suites; a lone run builds its own.
	const built = join(repoRoot, "dist/Vector.rbxmx");
	pluginFile = existsSync(built) ? built : await buildBenchPlugin(() => undefined);
}, 120_000);

async function smoke(id: BenchId, rowCount: number): Promise<void> {
	const { rows } = await runBenchmarks({ sizes: SMOKE_SIZES, pluginFile, only: [id] });
	expect(rows).toHaveLength(rowCount);
	const failed = rows.filter((row) => !row.ok);
	expect(failed, formatTable(failed)).toEqual([]);
	for (const row of rows) expect(row.ratio).not.toContain("NaN");
}

describe("npm run bench, at smoke sizes", () => {
	it("1: proxy latency vs direct, through wrangler dev", () => smoke("proxy", 4));
	it("2: unified diff and line diff vs jsdiff", () => smoke("diff", 2));
	it("3: a proposal applied vs bare engine calls", () => smoke("apply", 1));
	it("4: search_scripts vs a string.find loop", () => smoke("search", 1));
	it("5: HTTP requests per model step and while idle", () => smoke("requests", 2));
});
