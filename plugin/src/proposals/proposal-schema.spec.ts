/// <reference types="@rbxts/testez/globals" />
import { isAppliedChange, isJsonValue, isOperation, isProposal } from "./proposal-schema";
import { scanSource } from "../studio/asset-scan";

export = () => {
	const finding = scanSource("Model/Script", "require(123456)")[0];

	const operations: Array<unknown> = [
		{ kind: "edit_script", path: "Workspace/S", base: "a", after: "b" },
		{
			kind: "create_script",
			parentPath: "Workspace",
			name: "S",
			className: "Script",
			source: "",
			runContext: "Server",
		},
		{
			kind: "create_instance",
			parentPath: "Workspace",
			className: "Part",
			name: "P",
			properties: { Size: [1, 2, 3], Color: "#ff0000" },
		},
		{
			kind: "set_properties",
			path: "Workspace/P",
			properties: { CFrame: { position: [0, 1, 0], rotation: [0, 90, 0] } },
		},
		{ kind: "rename_instance", path: "Workspace/P", newName: "Q" },
		{ kind: "move_instance", path: "Workspace/P", newParentPath: "ReplicatedStorage" },
		{ kind: "delete_instance", path: "Workspace/P" },
		{ kind: "insert_asset", assetId: 1001, parentPath: "Workspace", findings: [finding] },
		{
			kind: "fill_terrain",
			shape: "cylinder",
			material: "Rock",
			cframe: [0, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1],
			size: [8, 20, 8],
		},
		{ kind: "clear_terrain", min: [0, 0, 0], max: [8, 8, 8] },
	];

	it("accepts every kind of operation", () => {
		for (const operation of operations) expect(isOperation(operation)).to.equal(true);
	});

	it("refuses malformed operations", () => {
		const bad: Array<unknown> = [
			{ kind: "format_disk" },
			{ kind: "edit_script", path: "Workspace/S", base: "a" },
			{ kind: "create_script", parentPath: "Workspace", name: "S", className: "Part", source: "" },
			{ kind: "set_properties", path: "Workspace/P", properties: { Size: 0 / 0 } },
			{ kind: "insert_asset", assetId: 1, parentPath: "Workspace", findings: [{ ...finding, rule: "made_up" }] },
			"rename everything",
			{ kind: "fill_terrain", shape: "cone", material: "Rock", cframe: [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], size: [4, 4, 4] },
			{ kind: "fill_terrain", shape: "ball", material: "Rock", cframe: [0, 0, 0], size: [4, 4, 4] },
			{ kind: "clear_terrain", min: [0, 0, 0], max: [8, 8, math.huge] },
		];
		for (const operation of bad) expect(isOperation(operation)).to.equal(false);
	});

	it("accepts recorded changes and refuses unknown ones", () => {
		expect(
			isAppliedChange({ kind: "properties", path: "P", before: { Transparency: 0 }, after: { Transparency: 0.5 } }),
		).to.equal(true);
		expect(
			isAppliedChange({ kind: "deleted", path: "P", parentPath: "Workspace", name: "P", className: "Part" }),
		).to.equal(true);
		expect(isAppliedChange({ kind: "terrain", min: [-4, -4, -4], max: [8, 8, 8] })).to.equal(true);
		expect(isAppliedChange({ kind: "terrain", min: [-4, -4], max: [8, 8, 8] })).to.equal(false);
		expect(isAppliedChange({ kind: "teleported", path: "P" })).to.equal(false);
	});

	it("checks JSON values deeply", () => {
		expect(isJsonValue({ a: [1, { b: "c" }], d: true })).to.equal(true);
		expect(isJsonValue({ a: math.huge })).to.equal(false);
		let deep: unknown = 1;
		for (let i = 0; i < 30; i++) deep = [deep];
		expect(isJsonValue(deep)).to.equal(false);
	});

	it("checks a whole proposal", () => {
		const proposal = {
			id: "p1",
			toolCallId: "c",
			summary: "s",
			operations,
			state: "applied",
			createdAt: 1,
			updatedAt: 2,
			waypoint: "Vector: s",
		};
		expect(isProposal(proposal)).to.equal(true);
		expect(isProposal({ ...proposal, state: "exploded" })).to.equal(false);
		expect(isProposal({ ...proposal, createdAt: "yesterday" })).to.equal(false);
	});
};
