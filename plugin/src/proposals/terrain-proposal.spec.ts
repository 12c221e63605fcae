/// <reference types="@rbxts/testez/globals" />
import { emptyKeptState, KeptState } from "./applied-change";
import { applyProposal } from "./apply-proposal";
import { Operation } from "./operation";
import { Proposal } from "./proposal";
import { revertProposal, RevertOutcome } from "./revert-proposal";
import { fillBox, GridBox, regionOf, terrainBox, voxelCount, VOXEL_SIZE } from "./terrain-geometry";
import { applying, historyLine } from "./dev/spec-place";
import { createStudioApi } from "../studio/create-studio-api";
import { StudioApi } from "../studio/studio-api";

const history = game.GetService("ChangeHistoryService");
const terrain = game.GetService("Workspace").Terrain;

/** The box every spec below writes in (and reads back). */
const AREA: GridBox = { min: [-32, -16, -32], max: [32, 32, 32] };

/** Voxels of each material in AREA, "Air=… Grass=…" sorted by name: the terrain as a spec compares it. */
function terrainCounts(box: GridBox = AREA): string {
	const [materials] = terrain.ReadVoxels(regionOf(box), VOXEL_SIZE);
	const counts = new Map<string, number>();
	const size = materials.Size;
	for (let x = 0; x < size.X; x++)
		for (let y = 0; y < size.Y; y++)
			for (let z = 0; z < size.Z; z++) {
				const name = materials[x][y][z].Name;
				counts.set(name, (counts.get(name) ?? 0) + 1);
			}
	const parts = new Array<string>();
	for (const [name, count] of counts) parts.push(`${name}=${count}`);
	parts.sort();
	return parts.join(" ");
}

/** The material of the voxel holding a point. */
function materialAt(x: number, y: number, z: number): Enum.Material {
	const corner = new Vector3(math.floor(x / 4) * 4, math.floor(y / 4) * 4, math.floor(z / 4) * 4);
	const [materials] = terrain.ReadVoxels(new Region3(corner, corner.add(new Vector3(4, 4, 4))), 4);
	return materials[0][0][0];
}

const identity = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1];
const at = (x: number, y: number, z: number) => [x, y, z, 1, 0, 0, 0, 1, 0, 0, 0, 1];

const groundFill: Operation = {
	kind: "fill_terrain",
	shape: "block",
	material: "Grass",
	cframe: at(0, -8, 0),
	size: [32, 8, 32],
};
const rockBall: Extract<Operation, { kind: "fill_terrain" }> = {
	kind: "fill_terrain",
	shape: "ball",
	material: "Rock",
	cframe: at(0, 4, 0),
	size: [16, 16, 16],
};

export = () => {
	let studio: StudioApi;

	beforeEach(() => {
		studio = createStudioApi();
		terrain.Clear();
		// Existing terrain the proposals write over: a slab of sand.
		terrain.FillBlock(new CFrame(0, -2, 0), new Vector3(48, 4, 48), Enum.Material.Sand);
	});

	afterEach(() => {
		if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
		terrain.Clear();
	});

	const apply = (operations: ReadonlyArray<Operation>, summary = "Landscape"): [Proposal, KeptState] => {
		const outcome = applyProposal(applying(operations, summary), studio, () => 10);
		if (!outcome.ok) error(outcome.error.message);
		return [outcome.proposal, outcome.kept];
	};

	const reverted = (outcome: RevertOutcome): Proposal => {
		if (outcome.kind !== "reverted") error(`expected a revert, got ${outcome.kind}`);
		return outcome.proposal;
	};

	describe("applying", () => {
		it("fills every shape with its Roblox call, as one undo step that takes all of it back", () => {
			const before = terrainCounts();
			const [proposal] = apply([
				groundFill,
				rockBall,
				{ kind: "fill_terrain", shape: "cylinder", material: "Slate", cframe: at(20, 8, 20), size: [6, 16, 6] },
				{ kind: "fill_terrain", shape: "wedge", material: "Snow", cframe: at(-20, 8, -20), size: [8, 8, 16] },
			]);
			expect(proposal.state).to.equal("applied");
			expect(materialAt(12, -6, 12)).to.equal(Enum.Material.Grass);
			expect(materialAt(2, 6, 2)).to.equal(Enum.Material.Rock);
			expect(materialAt(20, 14, 20)).to.equal(Enum.Material.Slate); // up the cylinder's axis
			expect(materialAt(-18, 10, -14)).to.equal(Enum.Material.Snow); // the wedge's high back
			expect(materialAt(-18, 10, -26)).to.equal(Enum.Material.Air); // above its low front
			expect(terrainCounts()).never.to.equal(before);

			const [canUndo, waypoint] = history.GetCanUndo() as LuaTuple<[boolean, string]>;
			expect(canUndo).to.equal(true);
			expect(waypoint).to.equal("Vector: Landscape");
			history.Undo();
			expect(terrainCounts()).to.equal(before);
			history.Redo();
			expect(materialAt(2, 6, 2)).to.equal(Enum.Material.Rock);
		});

		it("clears a grid box to Air", () => {
			const [proposal] = apply([{ kind: "clear_terrain", min: [0, -4, 0], max: [8, 0, 8] }]);
			expect(proposal.state).to.equal("applied");
			expect(terrainCounts({ min: [0, -4, 0], max: [8, 0, 8] })).to.equal("Air=4");
			expect(materialAt(10, -2, 2)).to.equal(Enum.Material.Sand);
		});

		it("records the touched grid box and keeps its voxels before and after", () => {
			const [proposal, kept] = apply([rockBall]);
			const change = proposal.applied![0];
			if (change.kind !== "terrain") error(`expected a terrain change, got ${change.kind}`);
			const box = fillBox(rockBall.cframe, [16, 16, 16]);
			expect(change.min.join(",")).to.equal("-12,-8,-12");
			expect(change.max.join(",")).to.equal("12,16,12");
			expect(change.min.join(",")).to.equal(box.min.join(","));
			const voxels = kept.voxels!.get(0)!;
			expect(voxels.before.size.join(",")).to.equal("6,6,6");
			const names = (runs: ReadonlyArray<{ value: Enum.Material }>) => {
				const seen = new Set<string>();
				for (const run of runs) seen.add(run.value.Name);
				return seen;
			};
			// Before: the sand slab (y -4..0) and air; after: rock too.
			expect(names(voxels.before.materials).has("Sand")).to.equal(true);
			expect(names(voxels.before.materials).has("Rock")).to.equal(false);
			expect(names(voxels.after.materials).has("Rock")).to.equal(true);
		});

		it("leaves the terrain and the undo history as before when a later operation fails", () => {
			const before = terrainCounts();
			const historyBefore = historyLine();
			const [proposal] = apply([
				groundFill,
				{ kind: "clear_terrain", min: [0, 0, 0], max: [8, 8, 8] },
				{ kind: "delete_instance", path: "Workspace/Terrain" },
			]);
			expect(proposal.state).to.equal("failed");
			expect(proposal.reason).to.equal(
				"operation 3 of 3 (delete_instance Workspace/Terrain) failed: Workspace/Terrain cannot be deleted: it is the place's Terrain",
			);
			expect(terrainCounts()).to.equal(before);
			expect(historyLine()).to.equal(historyBefore);
		});

		it("fails cleanly on a material that is not a terrain material and on a clear off the grid", () => {
			const before = terrainCounts();
			const historyBefore = historyLine();
			const [neon] = apply([
				groundFill,
				{ kind: "fill_terrain", shape: "block", material: "Neon", cframe: identity, size: [4, 4, 4] },
			]);
			expect(neon.state).to.equal("failed");
			expect(
				neon.reason!.find(
					'operation 2 of 2 (fill_terrain block of Neon at (0, 0, 0)) failed: "Neon" is not a terrain material (use one of Asphalt, Basalt,',
					1,
					true,
				)[0],
			).to.equal(1);
			const [air] = apply([
				groundFill,
				{ kind: "fill_terrain", shape: "ball", material: "Air", cframe: identity, size: [8, 8, 8] },
			]);
			expect(air.state).to.equal("failed");
			expect(air.reason!.find('"Air" is not a terrain material', 1, true)[0]).never.to.equal(undefined);
			const [offGrid] = apply([groundFill, { kind: "clear_terrain", min: [1, 0, 0], max: [8, 8, 8] }]);
			expect(offGrid.reason).to.equal(
				"operation 2 of 2 (clear_terrain from (1, 0, 0) to (8, 8, 8)) failed: the region to clear must lie on the 4-stud voxel grid (every coordinate a multiple of 4)",
			);
			expect(terrainCounts()).to.equal(before);
			expect(historyLine()).to.equal(historyBefore);
		});
	});

	describe("reverting", () => {
		it("writes the replaced voxels back in one undo step", () => {
			const before = terrainCounts();
			const [proposal, kept] = apply([groundFill, { kind: "clear_terrain", min: [-24, -4, -24], max: [0, 0, 0] }]);
			const after = terrainCounts();
			expect(after).never.to.equal(before);
			const done = reverted(revertProposal(proposal, kept, studio, () => 20));
			expect(done.state).to.equal("reverted");
			expect(terrainCounts()).to.equal(before);
			const [, waypoint] = history.GetCanUndo() as LuaTuple<[boolean, string]>;
			expect(waypoint).to.equal("Vector: revert Landscape");
			history.Undo();
			expect(terrainCounts()).to.equal(after);
		});

		it("asks before overwriting terrain changed since, changing nothing, and overwrites it only with force", () => {
			const before = terrainCounts();
			const [proposal, kept] = apply([rockBall]);
			// The user paints inside the ball's box afterwards.
			terrain.FillBlock(new CFrame(2, 10, 2), new Vector3(4, 4, 4), Enum.Material.Mud);
			const painted = terrainCounts();
			const outcome = revertProposal(proposal, kept, studio, () => 20);
			if (outcome.kind !== "needs_confirmation") error(`expected needs_confirmation, got ${outcome.kind}`);
			expect(outcome.clobbered.size()).to.equal(1);
			expect(outcome.clobbered[0].path).to.equal("Workspace/Terrain");
			expect(outcome.clobbered[0].detail).to.equal(
				"the terrain from (-12, -8, -12) to (12, 16, 12) was changed since (1 voxel(s) differ from what the proposal left); reverting puts back all of it as it was before the proposal",
			);
			expect(terrainCounts()).to.equal(painted);
			reverted(revertProposal(proposal, kept, studio, () => 20, { force: true }));
			expect(terrainCounts()).to.equal(before);
		});

		it("reverts without complaint after the user already undid the proposal", () => {
			const before = terrainCounts();
			const [proposal, kept] = apply([rockBall]);
			history.Undo();
			reverted(revertProposal(proposal, kept, studio, () => 20));
			expect(terrainCounts()).to.equal(before);
		});

		it("refuses after a plugin reload: the replaced voxels were kept only for the session", () => {
			const [proposal] = apply([rockBall]);
			const after = terrainCounts();
			const outcome = revertProposal(proposal, emptyKeptState(), studio, () => 20);
			if (outcome.kind !== "failed") error(`expected a failure, got ${outcome.kind}`);
			expect(outcome.code).to.equal("cannot_revert");
			expect(outcome.message).to.equal(
				"change 1 of 1 cannot be reverted: the terrain from (-12, -8, -12) to (12, 16, 12) was changed in an earlier session of the plugin; the terrain a proposal replaced is kept only for the session that applied it",
			);
			expect(terrainCounts()).to.equal(after);
		});
	});

	describe("geometry", () => {
		it("bounds a rotated shape by its turned box, snapped out to the grid with one voxel to spare", () => {
			const turned = new CFrame(1, 2, 3).mul(CFrame.Angles(0, math.rad(90), 0));
			const box = fillBox([...turned.GetComponents()], [16, 4, 8]);
			// Turned 90° about Y the box is 8 wide along x and 16 along z: x 1±4 = -3..5, snapped -4..8,
			// plus a voxel -8..12; y 2±2 = 0..4 → -4..8; z 3±8 = -5..11 → -8..12 → -12..16.
			expect(box.min.join(",")).to.equal("-8,-4,-12");
			expect(box.max.join(",")).to.equal("12,8,16");
			expect(voxelCount(box)).to.equal(5 * 3 * 7);
			expect(voxelCount(terrainBox({ kind: "clear_terrain", min: [0, 0, 0], max: [16, 8, 4] }))).to.equal(8);
		});
	});
};
