/**
 * clear_terrain: removing the smooth terrain in a box, proposed to the user and applied as
 * Terrain:FillRegion with Air. FillRegion takes only regions on the 4-stud voxel grid, so the box
 * must already be on it: a box off the grid is refused with the nearest grid box that covers it,
 * rather than silently clearing more than the model asked for. Nothing is read or written now: the
 * tool validates and returns the operation.
 */
import { Operation } from "../proposals/operation";
import {
	formatPoint,
	formatSize,
	GridBox,
	onGrid,
	terrainBox,
	voxelCount,
	VOXEL_SIZE,
} from "../proposals/terrain-geometry";
import { reasonField, summarize } from "./reason";
import * as s from "./schema";
import { checkTerrainCaps, pointField } from "./terrain-args";
import { ToolDefinition, ToolOutcome } from "./tool";

const args = s.object(
	{
		min: pointField(`The box's lowest corner [x, y, z] in world studs, each a multiple of ${VOXEL_SIZE}.`),
		max: pointField(`The box's highest corner [x, y, z] in world studs, each a multiple of ${VOXEL_SIZE}.`),
		reason: reasonField,
	},
	{ description: "The box to clear of terrain." },
);

type Args = s.Infer<typeof args>;

const AXES = ["x", "y", "z"];

/** The smallest grid box covering min–max (each corner snapped outwards). */
function coveringBox(min: ReadonlyArray<number>, max: ReadonlyArray<number>): GridBox {
	const down = (v: number) => math.floor(v / VOXEL_SIZE) * VOXEL_SIZE;
	const up = (v: number) => math.ceil(v / VOXEL_SIZE) * VOXEL_SIZE;
	return { min: [down(min[0]), down(min[1]), down(min[2])], max: [up(max[0]), up(max[1]), up(max[2])] };
}

function run(a: Args): ToolOutcome {
	const problems = new Array<string>();
	for (let axis = 0; axis < 3; axis++) {
		if (a.max[axis] <= a.min[axis]) {
			const span = `${AXES[axis]}: ${a.min[axis]} to ${a.max[axis]}`;
			problems.push(`max[${axis}]: must be greater than min[${axis}] (${span})`);
		}
	}
	if (problems.size() > 0) return { kind: "error", message: problems.join("; ") };
	if (![...a.min, ...a.max].every(onGrid)) {
		const cover = coveringBox(a.min, a.max);
		return {
			kind: "error",
			message:
				`min and max must lie on the ${VOXEL_SIZE}-stud voxel grid (every coordinate a multiple of ${VOXEL_SIZE}), as Terrain:FillRegion requires; ` +
				`the grid box covering ${formatPoint(a.min)}–${formatPoint(a.max)} is min [${cover.min.join(", ")}], max [${cover.max.join(", ")}]`,
		};
	}
	const operation: Extract<Operation, { kind: "clear_terrain" }> = {
		kind: "clear_terrain",
		min: [a.min[0], a.min[1], a.min[2]],
		max: [a.max[0], a.max[1], a.max[2]],
	};
	const box = terrainBox(operation);
	const refused = checkTerrainCaps(box, "the region");
	if (refused !== undefined) return { kind: "error", message: refused };
	const size = [a.max[0] - a.min[0], a.max[1] - a.min[1], a.max[2] - a.min[2]];
	return {
		kind: "proposal",
		summary: summarize(
			`Clear terrain from ${formatPoint(a.min)} to ${formatPoint(a.max)} (${formatSize(size)} studs, ${voxelCount(box)} voxels)`,
			a.reason,
		),
		operations: [operation],
	};
}

export const clearTerrain: ToolDefinition<Args> = {
	name: "clear_terrain",
	description:
		"Proposes removing all smooth terrain (Workspace.Terrain) in a box on the 4-stud voxel grid; the user approves or rejects, and it is one undo step.",
	kind: "write",
	args,
	execute(a) {
		return run(a);
	},
};
