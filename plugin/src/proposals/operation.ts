/**
 * What a proposal does, as data: the contract between write tools (which build operations from the
 * model's arguments, validated, at proposal time) and the applier (which replays them inside one
 * ChangeHistoryService recording when the user approves). Operations name instances by path and are
 * resolved again at apply time, so a place that changed meanwhile fails cleanly instead of writing to
 * the wrong instance.
 */

/** An instance path as the tools print and parse it (studio/instance-path.ts documents the format). */
export type InstancePath = string;

/** A property value as the model wrote it (JSON), decoded against the live property at apply time. */
export type JsonValue = string | number | boolean | ReadonlyArray<JsonValue> | { readonly [key: string]: JsonValue };

export type Operation =
	/**
	 * Replace a script's text. `base` is the editor text the proposal was made against and `after` the
	 * text the proposal wants; at apply time the change from base to after is rebased onto the
	 * current editor text (diff/rebase.ts) inside UpdateSourceAsync's callback.
	 */
	| { readonly kind: "edit_script"; readonly path: InstancePath; readonly base: string; readonly after: string }
	| {
			readonly kind: "create_script";
			readonly parentPath: InstancePath;
			readonly name: string;
			readonly className: "Script" | "LocalScript" | "ModuleScript";
			readonly source: string;
			/** Script/LocalScript only; Roblox's default (Legacy) when absent. */
			readonly runContext?: "Legacy" | "Server" | "Client";
	  }
	| ({ readonly kind: "create_instance"; readonly parentPath: InstancePath } & InstanceSpec)
	| { readonly kind: "set_properties"; readonly path: InstancePath; readonly properties: { readonly [property: string]: JsonValue } }
	| { readonly kind: "rename_instance"; readonly path: InstancePath; readonly newName: string }
	| { readonly kind: "move_instance"; readonly path: InstancePath; readonly newParentPath: InstancePath }
	| { readonly kind: "delete_instance"; readonly path: InstancePath }
	| {
			/**
			 * Copies the lesson kit the plugin carries into the place (lesson/kit-installer.ts), one root
			 * per entry, each under the place's instance its containers name.
			 */
			readonly kind: "install_kit";
			/** The kit's version and content hash when proposed; applying refuses a plugin whose kit differs. */
			readonly kitVersion: string;
			readonly roots: ReadonlyArray<{
				/** The service, then folders, above the root in the plugin's kit and in the place. */
				readonly containers: ReadonlyArray<string>;
				readonly parentPath: InstancePath;
				readonly scripts: number;
			}>;
	  }
	| {
			readonly kind: "insert_asset";
			readonly assetId: number;
			readonly parentPath: InstancePath;
			/** What the scan found in the asset's scripts when the proposal was made (shown before approval). */
			readonly findings: ReadonlyArray<ScanFinding>;
	  }
	/**
	 * Fill terrain with one shape (Terrain:FillBlock/FillBall/FillCylinder/FillWedge). The shape sits
	 * in the box `size` placed by `cframe` (its 12 components, as CFrame.new takes them) for every
	 * shape, so that box bounds what the fill can touch: a ball's size is its diameter on all three
	 * axes (radius = size/2, the CFrame's rotation is irrelevant); a cylinder's is (2 × radius,
	 * height, 2 × radius), its axis the CFrame's UpVector as FillCylinder takes it; a wedge is
	 * oriented as a WedgePart.
	 */
	| {
			readonly kind: "fill_terrain";
			readonly shape: TerrainShape;
			/** An Enum.Material item name that applies to terrain, never Air (proposals/terrain-geometry.ts). */
			readonly material: string;
			readonly cframe: ReadonlyArray<number>;
			readonly size: ReadonlyArray<number>;
	  }
	/** Remove terrain (fill with Air) in the box from `min` to `max`, both on the 4-stud voxel grid (FillRegion). */
	| { readonly kind: "clear_terrain"; readonly min: ReadonlyArray<number>; readonly max: ReadonlyArray<number> };

/** The shapes fill_terrain can fill, one per Terrain fill method. */
export type TerrainShape = "block" | "ball" | "cylinder" | "wedge";

export type OperationKind = Operation["kind"];

/**
 * An instance to create with everything it starts with: properties, attributes, CollectionService
 * tags and children (built the same way, before the whole tree is parented in one assignment).
 */
export interface InstanceSpec {
	readonly className: string;
	readonly name: string;
	readonly properties: { readonly [property: string]: JsonValue };
	/** Attribute name → string, number or boolean. */
	readonly attributes?: { readonly [name: string]: JsonValue };
	readonly tags?: ReadonlyArray<string>;
	readonly children?: ReadonlyArray<InstanceSpec>;
}

/** How many instances `spec` creates below itself. */
export function countDescendants(spec: InstanceSpec): number {
	let count = 0;
	for (const child of spec.children ?? []) count += 1 + countDescendants(child);
	return count;
}

/** A suspicious pattern found in a script of an asset (studio/asset-scan.ts). */
export interface ScanFinding {
	/** Path of the script inside the asset. */
	readonly script: string;
	/** 1-based line of the match; 0 for findings about the script itself (its name or place). */
	readonly line: number;
	readonly rule: "require_id" | "getfenv" | "setfenv" | "loadstring" | "encoded_string" | "http" | "disguised_name" | "hidden_deep";
	readonly severity: "warning" | "danger";
	readonly excerpt: string;
}

/** The user-facing categories auto-approve is set per. */
export type ApprovalCategory = "script_edits" | "instance_changes" | "asset_inserts";

/** Which auto-approve category an operation belongs to. */
export function categoryOf(operation: Operation): ApprovalCategory {
	switch (operation.kind) {
		case "edit_script":
		case "create_script":
		case "install_kit":
			return "script_edits";
		case "insert_asset":
			return "asset_inserts";
		// Terrain writes change the world like instance changes do, and are undone the same way.
		case "fill_terrain":
		case "clear_terrain":
		default:
			return "instance_changes";
	}
}
