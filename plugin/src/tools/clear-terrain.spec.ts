/// <reference types="@rbxts/testez/globals" />
import { callTool, errorOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let context: ToolContext;
	beforeEach(() => {
		context = createSpecContext(createSpecStudio());
	});

	it("proposes clearing a grid box, saying its size and voxel count", () => {
		const outcome = callTool(context, "clear_terrain", {
			min: [-16, 0, 8],
			max: [16, 8, 24],
			reason: "Room for the arena.",
		});
		if (outcome.kind !== "proposal") error(outcome.kind === "error" ? outcome.message : outcome.kind);
		expect(outcome.summary).to.equal(
			"Clear terrain from (-16, 0, 8) to (16, 8, 24) (32 × 8 × 16 studs, 64 voxels): Room for the arena.",
		);
		expect(outcome.operations.size()).to.equal(1);
		const operation = outcome.operations[0];
		if (operation.kind !== "clear_terrain") error(`expected clear_terrain, got ${operation.kind}`);
		expect(operation.min.join(",")).to.equal("-16,0,8");
		expect(operation.max.join(",")).to.equal("16,8,24");
	});

	it("refuses a box off the voxel grid, giving the grid box that covers it", () => {
		expect(errorOf(callTool(context, "clear_terrain", { min: [-3, 0, 0], max: [10, 8, 8] }))).to.equal(
			"min and max must lie on the 4-stud voxel grid (every coordinate a multiple of 4), as Terrain:FillRegion requires; the grid box covering (-3, 0, 0)–(10, 8, 8) is min [-4, 0, 0], max [12, 8, 8]",
		);
	});

	it("refuses an empty or inside-out box and malformed corners", () => {
		expect(errorOf(callTool(context, "clear_terrain", { min: [0, 8, 0], max: [8, 8, 4] }))).to.equal(
			"max[1]: must be greater than min[1] (y: 8 to 8)",
		);
		expect(errorOf(callTool(context, "clear_terrain", { min: [0, 0, 0], max: [8, 8, "top"] }))).to.equal(
			'Invalid arguments for clear_terrain: max[2]: expected a number from -100000 to 100000, got "top"',
		);
		expect(errorOf(callTool(context, "clear_terrain", { min: [0, 0, 0] }))).to.equal(
			"Invalid arguments for clear_terrain: max: missing; expected an array of exactly 3 items",
		);
	});

	it("caps the extent per axis and the voxels per call, saying the limit", () => {
		expect(errorOf(callTool(context, "clear_terrain", { min: [0, 0, 0], max: [2048, 8, 8] }))).to.equal(
			"the region touches a box of 2048 × 8 × 8 studs on the 4-stud voxel grid; at most 1024 studs per axis per call: split it into several calls",
		);
		expect(errorOf(callTool(context, "clear_terrain", { min: [0, 0, 0], max: [1024, 64, 1024] }))).to.equal(
			"the region touches 1048576 voxels (a box of 1024 × 64 × 1024 studs); at most 1000000 voxels per call: split it into several calls",
		);
		const within = callTool(context, "clear_terrain", { min: [0, 0, 0], max: [1024, 60, 1024] });
		expect(within.kind).to.equal("proposal");
	});
};
