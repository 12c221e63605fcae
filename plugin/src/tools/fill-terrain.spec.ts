/// <reference types="@rbxts/testez/globals" />
import { Operation } from "../proposals/operation";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";
import { ToolContext, ToolOutcome } from "./tool";

const terrain = game.GetService("Workspace").Terrain;

function proposed(outcome: ToolOutcome): [string, Extract<Operation, { kind: "fill_terrain" }>] {
	if (outcome.kind !== "proposal") error(outcome.kind === "error" ? outcome.message : outcome.kind);
	if (outcome.operations.size() !== 1) error(`expected one operation, got ${outcome.operations.size()}`);
	const operation = outcome.operations[0];
	if (operation.kind !== "fill_terrain") error(`expected fill_terrain, got ${operation.kind}`);
	return [outcome.summary, operation];
}

/** Components rounded to 1e-6, joined, so float noise of a rotation does not matter. */
function rounded(values: ReadonlyArray<number>): string {
	return values.map((v) => string.format("%.6f", v).gsub("^%-(0%.0+)$", "%1")[0]).join(",");
}

export = () => {
	let context: ToolContext;
	beforeEach(() => {
		context = createSpecContext(createSpecStudio());
	});

	it("proposes a ball from its centre and radius, writing nothing yet", () => {
		const [before] = terrain.ReadVoxels(new Region3(new Vector3(-8, 0, -8), new Vector3(8, 16, 8)), 4);
		const [summary, operation] = proposed(
			callTool(context, "fill_terrain", {
				shape: "ball",
				material: "Grass",
				position: [0, 8, 0],
				radius: 6,
				reason: "A hill for the spawn.",
			}),
		);
		expect(summary).to.equal(
			"Fill terrain with a ball of Grass, radius 6, centred at (0, 8, 0) (changes at most 216 voxels): A hill for the spawn.",
		);
		expect(operation.shape).to.equal("ball");
		expect(operation.material).to.equal("Grass");
		expect(rounded(operation.cframe)).to.equal(rounded([0, 8, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]));
		expect(operation.size.join(",")).to.equal("12,12,12");
		const [after] = terrain.ReadVoxels(new Region3(new Vector3(-8, 0, -8), new Vector3(8, 16, 8)), 4);
		expect(after[1][1][1]).to.equal(before[1][1][1]);
	});

	it("turns a block, a wedge and a cylinder by the orientation in degrees, as Part.Orientation", () => {
		const [blockSummary, block] = proposed(
			callTool(context, "fill_terrain", {
				shape: "block",
				material: "Rock",
				position: [10, 2, -4.5],
				size: [16, 4, 8],
				orientation: [0, 90, 0],
			}),
		);
		const turned = new CFrame(10, 2, -4.5).mul(CFrame.fromOrientation(0, math.rad(90), 0));
		expect(rounded(block.cframe)).to.equal(rounded([...turned.GetComponents()]));
		expect(block.size.join(",")).to.equal("16,4,8");
		expect(blockSummary).to.equal(
			"Fill terrain with a block of Rock, 16 × 4 × 8 studs, centred at (10, 2, -4.5), turned (0, 90, 0)° (changes at most 105 voxels)",
		);
		const [, wedge] = proposed(
			callTool(context, "fill_terrain", { shape: "wedge", material: "Snow", position: [0, 0, 0], size: [8, 8, 16] }),
		);
		expect(wedge.shape).to.equal("wedge");
		expect(rounded(wedge.cframe)).to.equal(rounded([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]));
		const [cylinderSummary, cylinder] = proposed(
			callTool(context, "fill_terrain", {
				shape: "cylinder",
				material: "Water",
				position: [0, 4, 0],
				radius: 5,
				height: 6,
			}),
		);
		expect(cylinder.size.join(",")).to.equal("10,6,10");
		expect(cylinderSummary).to.equal(
			"Fill terrain with a cylinder of Water, radius 5 and height 6, centred at (0, 4, 0) (changes at most 144 voxels)",
		);
	});

	it("refuses Air and materials that are not terrain materials, listing the valid ones", () => {
		expect(
			errorOf(callTool(context, "fill_terrain", { shape: "ball", material: "Air", position: [0, 0, 0], radius: 4 })),
		).to.equal('Invalid arguments for fill_terrain: material: "Air" removes terrain; use clear_terrain for that');
		const plastic = errorOf(
			callTool(context, "fill_terrain", { shape: "ball", material: "Plastic", position: [0, 0, 0], radius: 4 }),
		);
		expect(contains(plastic, 'Invalid arguments for fill_terrain: material: expected a terrain material: one of Asphalt, Basalt, Brick,')).to.equal(true);
		expect(contains(plastic, 'Water, WoodPlanks, got "Plastic"')).to.equal(true);
	});

	it("asks for the fields each shape takes and refuses the ones it does not", () => {
		expect(
			errorOf(callTool(context, "fill_terrain", { shape: "block", material: "Rock", position: [0, 0, 0], radius: 4 })),
		).to.equal(
			"radius: a block takes no radius; give its size [x, y, z] in studs; size: missing; a block needs its size [x, y, z] in studs",
		);
		expect(
			errorOf(callTool(context, "fill_terrain", { shape: "cylinder", material: "Rock", position: [0, 0, 0], radius: 4 })),
		).to.equal("height: missing; a cylinder needs its height in studs");
		expect(
			errorOf(
				callTool(context, "fill_terrain", {
					shape: "ball",
					material: "Rock",
					position: [0, 0, 0],
					radius: 4,
					orientation: [0, 45, 0],
				}),
			),
		).to.equal("orientation: a ball has no orientation; leave it out");
		expect(
			errorOf(callTool(context, "fill_terrain", { shape: "cone", material: "Rock", position: [0, 0, 0], radius: 4 })),
		).to.equal('Invalid arguments for fill_terrain: shape: expected one of "block", "ball", "cylinder", "wedge", got "cone"');
		expect(
			errorOf(callTool(context, "fill_terrain", { shape: "block", material: "Rock", position: [0, 0], size: [4, 0, 4] })),
		).to.equal("Invalid arguments for fill_terrain: position: expected an array of exactly 3 items, got 2 items; size[1]: expected a number from 1 to 4096, got 0");
	});

	it("caps the extent per axis and the voxels per call, saying the limit", () => {
		expect(
			errorOf(
				callTool(context, "fill_terrain", { shape: "block", material: "Rock", position: [0, 0, 0], size: [2000, 4, 4] }),
			),
		).to.equal(
			"the fill touches a box of 2008 × 16 × 16 studs on the 4-stud voxel grid; at most 1024 studs per axis per call: split it into several calls",
		);
		expect(
			errorOf(
				callTool(context, "fill_terrain", { shape: "block", material: "Rock", position: [0, 0, 0], size: [1000, 100, 1000] }),
			),
		).to.equal(
			"the fill touches 1778112 voxels (a box of 1008 × 112 × 1008 studs); at most 1000000 voxels per call: split it into several calls",
		);
	});
};
