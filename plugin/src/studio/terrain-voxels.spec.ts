/// <reference types="@rbxts/testez/globals" />
import { GridBox } from "../proposals/terrain-geometry";
import { differingVoxels, readVoxels, sameVoxels, writeVoxels } from "./terrain-voxels";

const terrain = game.GetService("Workspace").Terrain;
const BOX: GridBox = { min: [0, 0, 0], max: [16, 8, 16] };

export = () => {
	beforeEach(() => terrain.Clear());
	afterEach(() => terrain.Clear());

	it("keeps a box of one material as one run per channel", () => {
		const empty = readVoxels(terrain, BOX);
		expect(empty.size.join(",")).to.equal("4,2,4");
		expect(empty.materials.size()).to.equal(1);
		expect(empty.materials[0].value).to.equal(Enum.Material.Air);
		expect(empty.materials[0].count).to.equal(32);
		expect(empty.occupancies.size()).to.equal(1);
		expect(empty.occupancies[0].value).to.equal(0);
	});

	it("writes back exactly what it read, voxel for voxel", () => {
		terrain.FillBlock(new CFrame(8, 2, 8), new Vector3(16, 4, 16), Enum.Material.Grass);
		terrain.FillBlock(new CFrame(2, 6, 14), new Vector3(4, 4, 4), Enum.Material.Rock);
		const kept = readVoxels(terrain, BOX);
		expect(kept.materials.size() > 2).to.equal(true);
		terrain.FillBlock(new CFrame(8, 4, 8), new Vector3(16, 8, 16), Enum.Material.Snow);
		const snowed = readVoxels(terrain, BOX);
		expect(sameVoxels(snowed, kept)).to.equal(false);
		// Snow over the whole box: the 16 grass, 15 air and 1 rock voxels all differ now.
		expect(differingVoxels(snowed, kept)).to.equal(32);
		writeVoxels(terrain, BOX, kept);
		const restored = readVoxels(terrain, BOX);
		expect(sameVoxels(restored, kept)).to.equal(true);
		expect(differingVoxels(restored, kept)).to.equal(0);
	});

	it("counts only the voxels that differ", () => {
		const before = readVoxels(terrain, BOX);
		terrain.FillBlock(new CFrame(2, 2, 2), new Vector3(4, 4, 4), Enum.Material.Mud);
		terrain.FillBlock(new CFrame(14, 6, 14), new Vector3(4, 4, 4), Enum.Material.Mud);
		expect(differingVoxels(readVoxels(terrain, BOX), before)).to.equal(2);
	});
};
