/**
 * A compact copy of a grid box of terrain: what Terrain:ReadVoxels returns (a material and an
 * occupancy per voxel, indexed [x][y][z]), run-length encoded in x-major, then y, then z order so a
 * box that is mostly one material (air above, rock below) costs a few runs instead of one table
 * entry per voxel. Applying a terrain operation keeps the box before and after it (in memory, for
 * the session), and a revert writes the before copy back with Terrain:WriteVoxels, which takes the
 * same arrays ReadVoxels gives.
 */
import { GridBox, regionOf, VOXEL_SIZE } from "../proposals/terrain-geometry";

/** A run of `count` equal values. */
interface Run<T> {
	readonly value: T;
	readonly count: number;
}

export interface VoxelSnapshot {
	/** Voxels along x, y, z. */
	readonly size: readonly [number, number, number];
	readonly materials: ReadonlyArray<Run<Enum.Material>>;
	readonly occupancies: ReadonlyArray<Run<number>>;
}

type Grid<T> = Array<Array<Array<T>>>;

function encode<T>(grid: Grid<T>, size: readonly [number, number, number]): Array<Run<T>> {
	const runs = new Array<Run<T>>();
	let current: T | undefined;
	let count = 0;
	for (let x = 0; x < size[0]; x++) {
		for (let y = 0; y < size[1]; y++) {
			for (let z = 0; z < size[2]; z++) {
				const value = grid[x][y][z];
				if (count > 0 && value === current) {
					count += 1;
				} else {
					if (count > 0) runs.push({ value: current as T, count });
					current = value;
					count = 1;
				}
			}
		}
	}
	if (count > 0) runs.push({ value: current as T, count });
	return runs;
}

function decode<T extends defined>(runs: ReadonlyArray<Run<T>>, size: readonly [number, number, number]): Grid<T> {
	const grid: Grid<T> = [];
	let run = 0;
	let used = 0;
	for (let x = 0; x < size[0]; x++) {
		const plane = new Array<Array<T>>();
		for (let y = 0; y < size[1]; y++) {
			const column = new Array<T>();
			for (let z = 0; z < size[2]; z++) {
				if (used === runs[run].count) {
					run += 1;
					used = 0;
				}
				column.push(runs[run].value);
				used += 1;
			}
			plane.push(column);
		}
		grid.push(plane);
	}
	return grid;
}

/** The voxels of a grid box as they are now. */
export function readVoxels(terrain: Terrain, box: GridBox): VoxelSnapshot {
	const [materials, occupancies] = terrain.ReadVoxels(regionOf(box), VOXEL_SIZE);
	const size: [number, number, number] = [
		(box.max[0] - box.min[0]) / VOXEL_SIZE,
		(box.max[1] - box.min[1]) / VOXEL_SIZE,
		(box.max[2] - box.min[2]) / VOXEL_SIZE,
	];
	return {
		size,
		materials: encode(materials as Grid<Enum.Material>, size),
		occupancies: encode(occupancies as Grid<number>, size),
	};
}

/** Writes a snapshot back into the box it was read from. Throws what WriteVoxels throws. */
export function writeVoxels(terrain: Terrain, box: GridBox, snapshot: VoxelSnapshot): void {
	terrain.WriteVoxels(
		regionOf(box),
		VOXEL_SIZE,
		decode(snapshot.materials, snapshot.size),
		decode(snapshot.occupancies, snapshot.size),
	);
}

function sameRuns<T>(a: ReadonlyArray<Run<T>>, b: ReadonlyArray<Run<T>>): boolean {
	if (a.size() !== b.size()) return false;
	for (let i = 0; i < a.size(); i++) {
		if (a[i].value !== b[i].value || a[i].count !== b[i].count) return false;
	}
	return true;
}

/** Whether two snapshots of the same box hold the same voxels. */
export function sameVoxels(a: VoxelSnapshot, b: VoxelSnapshot): boolean {
	return sameRuns(a.materials, b.materials) && sameRuns(a.occupancies, b.occupancies);
}

/** How many voxels of a snapshot differ from another of the same box (material or occupancy). */
export function differingVoxels(a: VoxelSnapshot, b: VoxelSnapshot): number {
	const left = decode(a.materials, a.size);
	const right = decode(b.materials, b.size);
	const leftOccupancy = decode(a.occupancies, a.size);
	const rightOccupancy = decode(b.occupancies, b.size);
	let count = 0;
	for (let x = 0; x < a.size[0]; x++) {
		for (let y = 0; y < a.size[1]; y++) {
			for (let z = 0; z < a.size[2]; z++) {
				if (left[x][y][z] !== right[x][y][z] || leftOccupancy[x][y][z] !== rightOccupancy[x][y][z]) count += 1;
			}
		}
	}
	return count;
}
