/**
 * Row 3: applying a big proposal. N operations (half create_instance of a Part with three typed
 * properties, half set_properties of three properties on existing Parts) applied by
 * `proposals/apply-proposal.ts` through the real StudioApi, in one ChangeHistoryService recording,
 * vs the same writes as bare engine calls (Instance.new, plain property assignments) inside one
 * recording of their own, in the same VM. Each run is undone (untimed) before the next, so every
 * repetition starts from the same place; both sides must leave exactly one undo step.
 */
import type { BenchStudio } from "./bench-studio.js";
import { type BenchRow, formatSeconds, median, type Pairs, timedCells } from "./bench-table.js";
import type { BenchSizes } from "./bench-sizes.js";

interface Run {
	seconds: number;
	/** Instances in the bench folder and the first existing part's Transparency, right after the run. */
	children: number;
	transparency: number;
	/** The undo waypoint the run left, and whether one Undo took the place back. */
	waypoint: string;
	undone: boolean;
}

const SETUP = (half: number) => `
local root = Instance.new("Folder")
root.Name = "VectorBench"
for i = 1, ${half} do
	local part = Instance.new("Part")
	part.Name = "P" .. i
	part.Parent = root
end
root.Parent = workspace
local operations = {}
for i = 1, ${half} do
	table.insert(operations, {
		kind = "create_instance", parentPath = "Workspace/VectorBench", className = "Part", name = "New" .. i,
		properties = { Size = { 4, 1, 2 }, Anchored = true, Color = { 255, 128, 0 } },
	})
	table.insert(operations, {
		kind = "set_properties", path = "Workspace/VectorBench/P" .. i,
		properties = { Transparency = 0.5, Color = "#ff0000", Material = "Neon" },
	})
end
bench.applyOperations = operations
return true
`;

/** After a run: what it left, then one Undo, checked against the place before. */
const FINISH = `
local history = game:GetService("ChangeHistoryService")
local root = workspace.VectorBench
local children = #root:GetChildren()
local transparency = root.P1.Transparency
local canUndo, waypoint = history:GetCanUndo()
history:Undo()
local undone = #root:GetChildren() == bench.applyChildren and root.P1.Transparency == 0
return { seconds = seconds, children = children, transparency = transparency, waypoint = if canUndo then waypoint else "", undone = undone }
`;

const VECTOR = `
local apply = use("plugin/proposals/apply-proposal")
local studio = use("plugin/studio/create-studio-api").createStudioApi()
bench.applyChildren = #workspace.VectorBench:GetChildren()
local proposal = {
	id = "bench", toolCallId = "call_bench", summary = "bench proposal", operations = bench.applyOperations,
	state = "applying", createdAt = 0, updatedAt = 0,
}
local t = clock()
local outcome = apply.applyProposal(proposal, studio, function() return 0 end)
local seconds = clock() - t
if not outcome.ok or outcome.proposal.state ~= "applied" then
	error("the proposal did not apply: " .. tostring(outcome.ok and outcome.proposal.reason or outcome.error.message))
end
${FINISH}`;

const BASELINE = (half: number) => `
local history = game:GetService("ChangeHistoryService")
local root = workspace.VectorBench
bench.applyChildren = #root:GetChildren()
local t = clock()
local recording = history:TryBeginRecording("bench bare calls", "bench bare calls")
for i = 1, ${half} do
	local part = Instance.new("Part")
	part.Name = "New" .. i
	part.Size = Vector3.new(4, 1, 2)
	part.Anchored = true
	part.Color = Color3.fromRGB(255, 128, 0)
	part.Parent = root
	local existing = root:FindFirstChild("P" .. i)
	existing.Transparency = 0.5
	existing.Color = Color3.fromRGB(255, 0, 0)
	existing.Material = Enum.Material.Neon
end
history:FinishRecording(recording, Enum.FinishRecordingOperation.Commit)
local seconds = clock() - t
${FINISH}`;

/** Runs row 3 in `bench` (a Studio with the plugin mounted). */
export async function benchApplyProposal(bench: BenchStudio, sizes: BenchSizes): Promise<BenchRow[]> {
	const { operations, repetitions } = sizes.apply;
	const half = Math.floor(operations / 2);
	await bench.luau(SETUP(half));
	const pairs: Pairs = { baseline: [], vector: [] };
	const problems = new Set<string>();
	const check = (run: Run, side: string, waypoint: string) => {
		if (run.children !== 2 * half) problems.add(`${side} left ${run.children} instances, not ${2 * half}`);
		if (run.transparency !== 0.5) problems.add(`${side} did not set Transparency`);
		if (run.waypoint !== waypoint) problems.add(`${side}'s undo step is "${run.waypoint}", not "${waypoint}"`);
		if (!run.undone) problems.add(`one Undo did not take back ${side}'s run`);
	};
	for (let rep = -1; rep < repetitions; rep++) {
		const runVector = async () => bench.luau<Run>(VECTOR);
		const runBaseline = async () => bench.luau<Run>(BASELINE(half));
		let vector: Run;
		let baseline: Run;
		if (rep % 2 === 0) {
			vector = await runVector();
			baseline = await runBaseline();
		} else {
			baseline = await runBaseline();
			vector = await runVector();
		}
		check(vector, "Vector", "Vector: bench proposal");
		check(baseline, "the baseline", "bench bare calls");
		if (rep >= 0) {
			pairs.vector.push(vector.seconds);
			pairs.baseline.push(baseline.seconds);
		}
	}
	const total = 2 * half;
	return [
		{
			what: `3 apply a ${total}-operation proposal`,
			...timedCells(`${total} bare engine calls`, pairs),
			extra:
				`${half} create_instance + ${half} set_properties (3 properties each); per operation: Vector ${formatSeconds(median(pairs.vector) / total)}, ` +
				`bare ${formatSeconds(median(pairs.baseline) / total)}; one undo step each, undone between repetitions` +
				(problems.size > 0 ? `; PROBLEMS: ${[...problems].join("; ")}` : ""),
			ok: problems.size === 0,
		},
	];
}
