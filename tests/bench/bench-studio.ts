/**
 * A headless Studio for the benchmarks: the compiled plugin mounted outside the DataModel (its
 * scripts do not run, nothing of the UI starts), so Luau run through `luau()` can require any
 * plugin module by path and time it on the host's real clock.
 *
 * Every chunk given to `luau()` runs after a short prelude that defines:
 * - `use("plugin/diff/unified-diff")`: requires a compiled module of the plugin model;
 * - `clock()`: real seconds (EvaluateHost.realClock; os.clock() inside the VM is virtual time);
 * - `_G.bench`: a table kept between chunks, for data set up once and timed many times.
 */
import { readFileSync } from "node:fs";
import { ensureClassDb, loadModelFile } from "../studio/host/fixtures.js";
import { createStudio, type Studio } from "../studio/host/vm.js";

const PRELUDE = `
local pluginRoot = EvaluateHost.detached("vector").Vector
local function use(path: string)
	local node = pluginRoot
	for name in string.gmatch(path, "[^/]+") do
		node = node:FindFirstChild(name)
		if node == nil then
			error("no plugin module " .. path, 2)
		end
	end
	return require(node)
end
local clock = EvaluateHost.realClock
_G.bench = _G.bench or {}
local bench = _G.bench
`;

export interface BenchStudio {
	readonly studio: Studio;
	/** Runs `body` (Luau, after the prelude) to completion and resolves to its first result. */
	luau<T>(body: string): Promise<T>;
	/** What the session printed as errors or warnings so far. */
	readonly problems: string[];
}

/** Boots a headless Studio with the plugin model `pluginFile` (a built .rbxmx) mounted as "@vector". */
export async function startBenchStudio(pluginFile: string): Promise<BenchStudio> {
	ensureClassDb();
	const problems: string[] = [];
	const studio = await createStudio({
		output: (stream, text) => {
			if (stream !== "out") problems.push(`${stream}: ${text}`);
		},
	});
	await studio.call("mountDetached", "vector", loadModelFile(readFileSync(pluginFile, "utf8")));
	return {
		studio,
		problems,
		luau: (body) => studio.evaluate(PRELUDE + body),
	};
}

/** A Luau long-string literal holding `text` exactly (a level of `=` that the text never closes). */
export function luauString(text: string): string {
	let level = 0;
	while (text.includes(`]${"=".repeat(level)}]`)) level++;
	const eq = "=".repeat(level);
	// A newline right after the opening bracket is skipped by Luau, so one is always given.
	return `[${eq}[\n${text}]${eq}]`;
}
