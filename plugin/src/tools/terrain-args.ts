/**
 * What fill_terrain and clear_terrain share: their point and material arguments, and the caps on
 * how much terrain one call may change. Terrain writes are cheap to ask for and expensive to run —
 * one FillBlock of a few thousand studs, plus the ReadVoxels copies the applier keeps for a revert,
 * can stall Studio for a long time — so every call is measured by the grid box it can touch
 * (proposals/terrain-geometry.ts) and refused above the caps, with the caps in the message so the
 * model can split the work.
 */
import { formatSize, GridBox, TERRAIN_FILL_MATERIALS, voxelCount, VOXEL_SIZE } from "../proposals/terrain-geometry";
import * as s from "./schema";

/** Largest extent of the touched box along any axis, in studs. */
export const MAX_TERRAIN_EXTENT = 1024;

/** Most voxels one call may touch (its grid box). */
export const MAX_TERRAIN_VOXELS = 1000000;

/** Largest absolute coordinate accepted, in studs. */
const MAX_COORDINATE = 100000;

/** A point or vector [x, y, z] in studs. */
export function pointField(description: string) {
	return s.array(s.number({ description: "Studs.", min: -MAX_COORDINATE, max: MAX_COORDINATE }), {
		description,
		minItems: 3,
		maxItems: 3,
	});
}

const MATERIAL_LIST = TERRAIN_FILL_MATERIALS.join(", ");
const MATERIAL_DESCRIPTION = `The terrain material (Enum.Material item name): ${MATERIAL_LIST}. To remove terrain, use clear_terrain.`;
const MATERIAL_EXPECTED = `a terrain material: one of ${MATERIAL_LIST}`;

/** A terrain material by Enum.Material item name; Air is refused with a pointer to clear_terrain. */
export const materialField: s.Schema<string> = {
	optional: false,
	description: MATERIAL_DESCRIPTION,
	expected: MATERIAL_EXPECTED,
	toJsonSchema() {
		return { type: "string", enum: [...TERRAIN_FILL_MATERIALS], description: MATERIAL_DESCRIPTION };
	},
	validate(value, path) {
		if (typeIs(value, "string") && TERRAIN_FILL_MATERIALS.includes(value)) return { ok: true, value };
		if (value === "Air") {
			return { ok: false, message: `${path}: "Air" removes terrain; use clear_terrain for that` };
		}
		return { ok: false, message: `${path}: expected ${MATERIAL_EXPECTED}, got ${s.describeValue(value)}` };
	},
};

/**
 * Why a call touching `box` is refused, or undefined when it is within the caps. `what` names the
 * call for the message ("the fill", "the region").
 */
export function checkTerrainCaps(box: GridBox, what: string): string | undefined {
	const extent = [box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]];
	const voxels = voxelCount(box);
	if (extent.some((studs) => studs > MAX_TERRAIN_EXTENT)) {
		return (
			`${what} touches a box of ${formatSize(extent)} studs on the ${VOXEL_SIZE}-stud voxel grid; at most ` +
			`${MAX_TERRAIN_EXTENT} studs per axis per call: split it into several calls`
		);
	}
	if (voxels > MAX_TERRAIN_VOXELS) {
		return (
			`${what} touches ${voxels} voxels (a box of ${formatSize(extent)} studs); at most ${MAX_TERRAIN_VOXELS} ` +
			`voxels per call: split it into several calls`
		);
	}
	return undefined;
}
