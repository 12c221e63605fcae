/**
 * Creator Store assets for the headless Studio, served from a fixture folder: `<id>.rbxmx` is the
 * asset's model, `<id>.json` (optional) says who owns it, `{ "owner": "roblox" | "creator" |
 * "other" }`, which decides whether InsertService:LoadAsset may load it (only the place's
 * creator's and Roblox's assets). Without a sidecar an asset counts as someone else's: the
 * strictest reading, since most free models are.
 *
 * The model is read through the same XML reader the plugin build uses and crosses the bridge as
 * instance-tree IR (JSON), which the engine turns into instances with `Tree.load`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadModelFile } from "./fixtures.js";

export type AssetOwner = "roblox" | "creator" | "other";

/** `{ nodes, owner }` as JSON, or "" when the folder has no such asset. */
export function loadAsset(assetsDir: string | undefined, id: string): string {
	if (!assetsDir || !/^\d+$/.test(id)) return "";
	const file = join(assetsDir, `${id}.rbxmx`);
	if (!existsSync(file)) return "";
	const nodes = loadModelFile(readFileSync(file, "utf8"));
	let owner: AssetOwner = "other";
	const sidecar = join(assetsDir, `${id}.json`);
	if (existsSync(sidecar)) {
		const declared = (JSON.parse(readFileSync(sidecar, "utf8")) as { owner?: unknown }).owner;
		if (declared !== "roblox" && declared !== "creator" && declared !== "other") {
			throw new Error(`${sidecar}: "owner" must be "roblox", "creator" or "other"`);
		}
		owner = declared;
	}
	return JSON.stringify({ nodes, owner });
}
