/**
 * Where a terrain operation can write, as plain numbers: the box on the 4-stud voxel grid that
 * holds every voxel a fill_terrain or clear_terrain may change, and how many voxels that is. The
 * tools cap proposals by it, the card shows it, and the applier snapshots exactly that box
 * (Terrain:ReadVoxels) before writing so a revert can put it back (Terrain:WriteVoxels). ReadVoxels,
 * WriteVoxels and FillRegion all take regions aligned to the grid at resolution 4.
 *
 * Roblox does not document which voxels a fill touches: smooth terrain gives partial occupancy to
 * voxels the shape's surface crosses. The strictest reading is taken: a fill's box is the shape's
 * bounding box snapped outwards to the grid plus one voxel on every side, so no voxel a fill could
 * change is left out of the snapshot. A clear writes exactly its (grid-aligned) box.
 */
import { Operation } from "./operation";

/** Studs per voxel edge; the only resolution ReadVoxels/WriteVoxels/FillRegion accept. */
export const VOXEL_SIZE = 4;

/**
 * The Enum.Material items that apply to terrain (the Material enum's documentation), Air left out:
 * removing terrain is clear_terrain's job.
 */
export const TERRAIN_FILL_MATERIALS: ReadonlyArray<string> = [
	"Asphalt",
	"Basalt",
	"Brick",
	"Cobblestone",
	"Concrete",
	"CrackedLava",
	"Glacier",
	"Grass",
	"Ground",
	"Ice",
	"LeafyGrass",
	"Limestone",
	"Mud",
	"Pavement",
	"Rock",
	"Salt",
	"Sand",
	"Sandstone",
	"Slate",
	"Snow",
	"Water",
	"WoodPlanks",
];

/** A box in world studs, min corner to max corner, every coordinate a multiple of VOXEL_SIZE. */
export interface GridBox {
	readonly min: readonly [number, number, number];
	readonly max: readonly [number, number, number];
}

function snapDown(value: number): number {
	return math.floor(value / VOXEL_SIZE) * VOXEL_SIZE;
}

function snapUp(value: number): number {
	return math.ceil(value / VOXEL_SIZE) * VOXEL_SIZE;
}

/**
 * The world-axis bounding box of the box `size` placed by `cframe` (12 components: position, then
 * the rotation matrix row by row), snapped outwards to the grid, plus one voxel on every side.
 */
export function fillBox(cframe: ReadonlyArray<number>, size: ReadonlyArray<number>): GridBox {
	const min = new Array<number>();
	const max = new Array<number>();
	for (let axis = 0; axis < 3; axis++) {
		let half = 0;
		for (let column = 0; column < 3; column++) {
			half += math.abs(cframe[3 + axis * 3 + column]) * (size[column] / 2);
		}
		min.push(snapDown(cframe[axis] - half) - VOXEL_SIZE);
		max.push(snapUp(cframe[axis] + half) + VOXEL_SIZE);
	}
	return { min: [min[0], min[1], min[2]], max: [max[0], max[1], max[2]] };
}

/** The grid box an operation writes in (fill_terrain and clear_terrain only). */
export function terrainBox(operation: Extract<Operation, { kind: "fill_terrain" | "clear_terrain" }>): GridBox {
	if (operation.kind === "clear_terrain") {
		const { min, max } = operation;
		return { min: [min[0], min[1], min[2]], max: [max[0], max[1], max[2]] };
	}
	return fillBox(operation.cframe, operation.size);
}

/** Voxels in a grid box. */
export function voxelCount(box: GridBox): number {
	let count = 1;
	for (let axis = 0; axis < 3; axis++) count *= math.max(0, (box.max[axis] - box.min[axis]) / VOXEL_SIZE);
	return count;
}

/** Whether a coordinate lies on the voxel grid. */
export function onGrid(value: number): boolean {
	return value % VOXEL_SIZE === 0;
}

/** A number as a short string: integers plainly, others with up to 3 decimals ("2.5", "-0.125"). */
export function formatStuds(value: number): string {
	if (value % 1 === 0) return string.format("%d", value);
	return string.format("%.3f", value).gsub("%.?0+$", "")[0];
}

/** A point as "(x, y, z)". */
export function formatPoint(point: ReadonlyArray<number>): string {
	return `(${formatStuds(point[0])}, ${formatStuds(point[1])}, ${formatStuds(point[2])})`;
}

/** A size as "x × y × z". */
export function formatSize(size: ReadonlyArray<number>): string {
	return `${formatStuds(size[0])} × ${formatStuds(size[1])} × ${formatStuds(size[2])}`;
}

/** The Region3 of a grid box. */
export function regionOf(box: GridBox): Region3 {
	return new Region3(new Vector3(box.min[0], box.min[1], box.min[2]), new Vector3(box.max[0], box.max[1], box.max[2]));
}

/**
 * What a fill_terrain fills, in words: "a ball of Grass, radius 8, centred at (0, 10, 0)". The
 * orientation is given when the CFrame is rotated (as Part.Orientation, degrees).
 */
export function describeFill(operation: Extract<Operation, { kind: "fill_terrain" }>): string {
	const { cframe, size } = operation;
	const at = formatPoint([cframe[0], cframe[1], cframe[2]]);
	const turned = orientationOf(cframe);
	const rotated = turned !== undefined ? `, turned ${formatPoint(turned)}°` : "";
	switch (operation.shape) {
		case "ball":
			return `a ball of ${operation.material}, radius ${formatStuds(size[0] / 2)}, centred at ${at}`;
		case "cylinder":
			return `a cylinder of ${operation.material}, radius ${formatStuds(size[0] / 2)} and height ${formatStuds(size[1])}, centred at ${at}${rotated}`;
		case "block":
			return `a block of ${operation.material}, ${formatSize(size)} studs, centred at ${at}${rotated}`;
		case "wedge":
			return `a wedge of ${operation.material}, ${formatSize(size)} studs, centred at ${at}${rotated}`;
	}
}

/** The CFrame's rotation as Part.Orientation (degrees, rounded to 0.001), or undefined when it is not rotated. */
export function orientationOf(cframe: ReadonlyArray<number>): [number, number, number] | undefined {
	const [, , , r00, r01, r02, r10, r11, r12, r20, r21, r22] = cframe as Array<number>;
	const [rx, ry, rz] = new CFrame(0, 0, 0, r00, r01, r02, r10, r11, r12, r20, r21, r22).ToOrientation();
	const round = (radians: number) => math.round(math.deg(radians) * 1000) / 1000;
	const degrees: [number, number, number] = [round(rx), round(ry), round(rz)];
	if (degrees[0] === 0 && degrees[1] === 0 && degrees[2] === 0) return undefined;
	return degrees;
}
