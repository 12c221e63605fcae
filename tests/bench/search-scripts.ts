/**
 * Row 4: search_scripts over a big place. N generated ModuleScripts (generate-luau.ts) mounted under
 * ServerScriptService through the IR and mountTree, searched for a plain text by the real tool
 * (tools/registry.ts runToolCall → search_scripts, through the real StudioApi) vs a plain
 * `string.find` loop over the same sources in the same VM: the same scripts (every
 * LuaSourceContainer below the services), the same editor text (ScriptEditorService:GetEditorSource),
 * lowered once per script, matching lines counted by jumping to the next line after each hit.
 * A per-line loop (split, lower and find each line, as the tool does, without its pcall, paths and
 * output) is timed too, to show where the difference comes from. All three must count the same lines.
 */
import type { BenchStudio } from "./bench-studio.js";
import { luauString } from "./bench-studio.js";
import { type BenchRow, formatSeconds, median, type Pairs, timedCells } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";
import { generateScript } from "./generate-luau.js";

const QUERY = 'GetService("TweenService")';
const SCRIPTS_PER_FOLDER = 100;

interface Timed {
	seconds: number;
	matches: number;
	scripts: number;
}

const COLLECT = `
local function allScripts()
	local scripts = {}
	for _, top in game:GetChildren() do
		local ok, descendants = pcall(function()
			return top:GetDescendants()
		end)
		if ok then
			for _, instance in descendants do
				if instance:IsA("LuaSourceContainer") then
					table.insert(scripts, instance)
				end
			end
		end
	end
	return scripts
end
local editor = game:GetService("ScriptEditorService")
local query = string.lower(bench.searchQuery)
`;

const VECTOR = `
local registry = use("plugin/tools/registry")
local tools = registry.createToolRegistry(use("plugin/tools/all-tools").ALL_TOOLS)
local context = {
	studio = use("plugin/studio/create-studio-api").createStudioApi(),
	searchAssets = function()
		error("not used by the benchmark")
	end,
}
local call = { id = "call_bench", type = "function", ["function"] = { name = "search_scripts", arguments = bench.searchArguments } }
local t = clock()
local outcome = registry.runToolCall(tools, "act", call, context)
local seconds = clock() - t
if outcome.kind ~= "result" then
	error("search_scripts answered " .. tostring(outcome.kind) .. ": " .. tostring(outcome.message))
end
local matches, scripts = string.match(outcome.text, "^(%d+) matching lines? in %d+ of (%d+) scripts?")
return { seconds = seconds, matches = tonumber(matches) or -1, scripts = tonumber(scripts) or -1 }
`;

const PLAIN_FIND = `${COLLECT}
local t = clock()
local scripts = allScripts()
local matches = 0
for _, container in scripts do
	local text = string.lower(editor:GetEditorSource(container))
	local position = 1
	while true do
		local at = string.find(text, query, position, true)
		if at == nil then
			break
		end
		matches += 1
		local lineEnd = string.find(text, "\\n", at, true)
		if lineEnd == nil then
			break
		end
		position = lineEnd + 1
	end
end
local seconds = clock() - t
return { seconds = seconds, matches = matches, scripts = #scripts }
`;

const PER_LINE = `${COLLECT}
local t = clock()
local scripts = allScripts()
local matches = 0
for _, container in scripts do
	for _, line in string.split(editor:GetEditorSource(container), "\\n") do
		if string.find(string.lower(line), query, 1, true) then
			matches += 1
		end
	end
end
local seconds = clock() - t
return { seconds = seconds, matches = matches, scripts = #scripts }
`;

/** Mounts the generated place: folders of 100 ModuleScripts under ServerScriptService. Returns its line count. */
async function mountPlace(bench: BenchStudio, scripts: number, linesPerScript: number): Promise<number> {
	let lines = 0;
	for (let first = 0; first < scripts; first += SCRIPTS_PER_FOLDER) {
		const children = [];
		for (let i = first; i < Math.min(scripts, first + SCRIPTS_PER_FOLDER); i++) {
			const source = generateScript(linesPerScript, 100_000 + i);
			lines += linesPerScript;
			children.push({
				name: `Module${i}`,
				className: "ModuleScript",
				properties: { Source: { type: "ProtectedString", value: source } },
				children: [],
			});
		}
		const folder = { name: `Generated${first / SCRIPTS_PER_FOLDER}`, className: "Folder", properties: {}, children };
		const warnings = (await bench.studio.call("mountTree", [folder], "ServerScriptService")) as string[];
		if (warnings.length > 0) throw new Error(`mounting the generated place: ${warnings.join("; ")}`);
	}
	return lines;
}

/** Runs row 4 in `bench` (a Studio with the plugin mounted; the generated scripts are added to its place). */
export async function benchSearchScripts(bench: BenchStudio, sizes: BenchSizes): Promise<BenchRow[]> {
	const { scripts, linesPerScript, repetitions } = sizes.search;
	const started = performance.now();
	const lines = await mountPlace(bench, scripts, linesPerScript);
	const mountSeconds = (performance.now() - started) / 1000;
	await bench.luau(
		`bench.searchQuery = ${luauString(QUERY)}; bench.searchArguments = ${luauString(JSON.stringify({ query: QUERY }))}; return true`,
	);
	const pairs: Pairs = { baseline: [], vector: [] };
	const perLine: number[] = [];
	const seen = new Set<string>();
	let last: { vector: Timed; plain: Timed; perLine: Timed } | undefined;
	for (let rep = -1; rep < repetitions; rep++) {
		const runs: Record<string, Timed> = {};
		const order = rep % 2 === 0 ? ["vector", "plain", "perLine"] : ["plain", "perLine", "vector"];
		for (const name of order) {
			runs[name] = await bench.luau<Timed>(name === "vector" ? VECTOR : name === "plain" ? PLAIN_FIND : PER_LINE);
		}
		const result = { vector: runs.vector as Timed, plain: runs.plain as Timed, perLine: runs.perLine as Timed };
		seen.add(`${result.vector.matches}/${result.plain.matches}/${result.perLine.matches}`);
		if (rep >= 0) {
			pairs.vector.push(result.vector.seconds);
			pairs.baseline.push(result.plain.seconds);
			perLine.push(result.perLine.seconds);
		}
		last = result;
	}
	if (last === undefined) throw new Error("the search benchmark did not run");
	const agree =
		seen.size === 1 && last.vector.matches === last.plain.matches && last.plain.matches === last.perLine.matches && last.vector.matches > 0;
	return [
		{
			what: `4 search_scripts, ${scripts.toLocaleString("en")} scripts, ${lines.toLocaleString("en")} lines`,
			...timedCells("plain string.find loop", pairs),
			extra:
				`query ${QUERY} (plain, case-insensitive); matching lines: Vector ${last.vector.matches}, loop ${last.plain.matches}, ` +
				`per-line loop ${last.perLine.matches} (${formatSeconds(median(perLine))}); scripts searched: Vector ${last.vector.scripts}, loop ${last.plain.scripts}; ` +
				`place mounted in ${mountSeconds.toFixed(1)} s`,
			ok: agree && last.vector.scripts === last.plain.scripts,
		},
	];
}
