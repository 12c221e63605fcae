/**
 * The Terrain as the host sees it (JSON in and out): what scenarios and Node-side tests use to check
 * terrain a plugin wrote — its operations in order and a count of voxels by material in a box.
 */
import { describe, expect, it } from "vitest";
import { ensureClassDb } from "./fixtures.js";
import { createStudio } from "./vm.js";

describe("terrain host calls", () => {
	it("counts voxels by material in a grid box and lists the writes, WriteVoxels included", async () => {
		ensureClassDb();
		const studio = await createStudio({ output: () => {} });
		await studio.evaluate(`
			local terrain = workspace.Terrain
			terrain:FillBlock(CFrame.new(4, 2, 2), Vector3.new(8, 4, 4), Enum.Material.Grass)
			local region = Region3.new(Vector3.new(0, 4, 0), Vector3.new(4, 8, 4))
			terrain:WriteVoxels(region, 4, { { { Enum.Material.Rock } } }, { { { 1 } } })
			return true
		`);
		expect(await studio.call("terrainMaterialCounts", 0, 0, 0, 12, 8, 4)).toEqual({ Grass: 2, Rock: 1, Air: 3 });
		const operations = (await studio.call("terrainOperations")) as Array<Record<string, unknown>>;
		expect(operations.map((op) => op.shape)).toEqual(["Block", "Voxels"]);
		expect(operations[1].region).toEqual([0, 4, 0, 4, 8, 4]);
		await expect(studio.call("terrainMaterialCounts", 0, 0, 0, 6, 4, 4)).rejects.toThrow(
			"the region must be aligned to the 4-stud grid",
		);
	});
});
