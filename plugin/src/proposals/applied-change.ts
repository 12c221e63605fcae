/**
 * What applying a proposal did, step by step, with the state before each step: the record a
 * revert works from. It is plain data saved with the proposal (so a revert still works after a
 * plugin reload), plus the live instances and exact values kept in memory for the session
 * (`KeptState`): a deleted instance can only come back from memory, a remembered property
 * value is exact where its JSON form is not (float noise, references that moved), and the voxels a
 * terrain write replaced are too many to save.
 */
import { InstancePath, JsonValue } from "./operation";
import { VoxelSnapshot } from "../studio/terrain-voxels";

export type AppliedChange =
	/** A script's text went from `before` to `after` (both the editor's text). */
	| { readonly kind: "script_text"; readonly path: InstancePath; readonly before: string; readonly after: string }
	/** An instance was created at `path` (create_script, create_instance, each root of insert_asset). */
	| { readonly kind: "created"; readonly path: InstancePath; readonly className: string; readonly source?: string }
	/** Properties changed, each from its `before` to its `after` value (as the codec encodes them). */
	| {
			readonly kind: "properties";
			readonly path: InstancePath;
			readonly before: { readonly [property: string]: JsonValue };
			readonly after: { readonly [property: string]: JsonValue };
	  }
	/** Renamed from `before` to `after`; `path` is the path after the rename. */
	| { readonly kind: "renamed"; readonly path: InstancePath; readonly before: string; readonly after: string }
	/** Moved from `fromParentPath` to `toParentPath`; `path` is the path after the move. */
	| {
			readonly kind: "moved";
			readonly path: InstancePath;
			readonly fromParentPath: InstancePath;
			readonly toParentPath: InstancePath;
	  }
	/** Removed from the place (parented to nil, kept in memory); `path` is where it was. */
	| {
			readonly kind: "deleted";
			readonly path: InstancePath;
			readonly parentPath: InstancePath;
			readonly name: string;
			readonly className: string;
	  }
	/**
	 * Terrain was written (fill_terrain, clear_terrain) somewhere in the grid box `min`–`max`
	 * (proposals/terrain-geometry.ts); the voxels before and after are kept in memory only
	 * (`KeptState.voxels`): a box of terrain is too large for plugin settings.
	 */
	| {
			readonly kind: "terrain";
			readonly min: ReadonlyArray<number>;
			readonly max: ReadonlyArray<number>;
	  };

/** The voxels of a terrain change's box before and after it was applied. */
export interface KeptVoxels {
	readonly before: VoxelSnapshot;
	readonly after: VoxelSnapshot;
}

/**
 * The session-only half of the record, by change index: the instance each change touched (for
 * deletions, the only way back) and the exact property values before a `properties` change.
 */
export interface KeptState {
	readonly instances: ReadonlyMap<number, Instance>;
	readonly values: ReadonlyMap<number, ReadonlyMap<string, unknown>>;
	/** By change index, the voxels of each `terrain` change (absent: nothing kept, e.g. after a reload). */
	readonly voxels?: ReadonlyMap<number, KeptVoxels>;
}

/** An empty KeptState (after a reload, or for a proposal that kept nothing). */
export function emptyKeptState(): KeptState {
	return { instances: new Map(), values: new Map() };
}
