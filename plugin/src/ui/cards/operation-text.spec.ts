/// <reference types="@rbxts/testez/globals" />
import { AppliedChange } from "../../proposals/applied-change";
import { Operation } from "../../proposals/operation";
import {
	formatValue,
	kindLabel,
	oldPropertyValues,
	operationSentence,
	proposalKinds,
	targetPaths,
} from "./operation-text";

export = () => {
	const edit: Operation = { kind: "edit_script", path: "Workspace/Door/Main", base: "a\n", after: "b\n" };
	const rename: Operation = { kind: "rename_instance", path: "Workspace/Door", newName: "Gate" };
	const setDoor: Operation = { kind: "set_properties", path: "Workspace/Door", properties: { Anchored: true } };
	const setLamp: Operation = { kind: "set_properties", path: "Workspace/Lamp", properties: { Brightness: 2 } };

	it("labels kinds and lists a proposal's kinds once each, in order", () => {
		expect(kindLabel("insert_asset")).to.equal("Asset insert");
		expect(proposalKinds([edit, rename, { ...edit, path: "Workspace/Other" }])).to.equal("Script edit, Rename");
		expect(proposalKinds([])).to.equal("No changes");
	});

	it("lists distinct targets: the instance, or the parent for creations and inserts", () => {
		const create: Operation = {
			kind: "create_instance",
			parentPath: "Workspace",
			className: "Part",
			name: "Step",
			properties: {},
		};
		expect(targetPaths([edit, rename, setDoor, create]).join(" | ")).to.equal(
			"Workspace/Door/Main | Workspace/Door | Workspace",
		);
	});

	it("says what each operation does", () => {
		expect(operationSentence(rename)).to.equal('Rename Workspace/Door to "Gate"');
		expect(
			operationSentence({ kind: "move_instance", path: "Workspace/Door", newParentPath: "ServerStorage" }),
		).to.equal("Move Workspace/Door into ServerStorage");
		expect(operationSentence({ kind: "delete_instance", path: "Workspace/Door" })).to.equal("Delete Workspace/Door");
		expect(
			operationSentence({
				kind: "create_script",
				parentPath: "ServerScriptService",
				name: "Main",
				className: "Script",
				source: "",
				runContext: "Server",
			}),
		).to.equal('New Script "Main" in ServerScriptService (RunContext Server)');
		expect(
			operationSentence({ kind: "insert_asset", assetId: 12345678901, parentPath: "Workspace", findings: [] }),
		).to.equal("Insert asset 12345678901 into Workspace");
	});

	it("writes values as compact JSON and cuts long ones", () => {
		expect(formatValue("Red")).to.equal('"Red"');
		expect(formatValue(0.5)).to.equal("0.5");
		expect(formatValue(true)).to.equal("true");
		expect(formatValue([1, 2, 3])).to.equal("[1,2,3]");
		expect(formatValue({ x: 1, y: 2 })).to.equal('{"x":1,"y":2}');
		const long = formatValue(string.rep("é", 300));
		expect(utf8.len(long)[0]).to.equal(201);
		expect(long.sub(-3)).to.equal("…");
	});

	it("finds the old values an apply recorded for the n-th set_properties", () => {
		const operations = [setDoor, rename, setLamp];
		const applied: Array<AppliedChange> = [
			{ kind: "properties", path: "Workspace/Door", before: { Anchored: false }, after: { Anchored: true } },
			{ kind: "renamed", path: "Workspace/Gate", before: "Door", after: "Gate" },
			{ kind: "properties", path: "Workspace/Lamp", before: { Brightness: 1 }, after: { Brightness: 2 } },
		];
		expect(oldPropertyValues(operations, applied, 0)!.Anchored).to.equal(false);
		expect(oldPropertyValues(operations, applied, 2)!.Brightness).to.equal(1);
		expect(oldPropertyValues(operations, applied, 1)).to.equal(undefined);
		expect(oldPropertyValues(operations, undefined, 0)).to.equal(undefined);
	});
	it("describes terrain fills and clears: shape, material, where, size and voxels", () => {
		const ball: Operation = {
			kind: "fill_terrain",
			shape: "ball",
			material: "Grass",
			cframe: [0, 8, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1],
			size: [12, 12, 12],
		};
		const turned = new CFrame(10, 2, -4.5).mul(CFrame.fromOrientation(0, math.rad(90), 0));
		const wedge: Operation = {
			kind: "fill_terrain",
			shape: "wedge",
			material: "Snow",
			cframe: [...turned.GetComponents()],
			size: [16, 4, 8],
		};
		const clear: Operation = { kind: "clear_terrain", min: [-16, 0, 8], max: [16, 8, 24] };
		expect(operationSentence(ball)).to.equal(
			"Fill terrain with a ball of Grass, radius 6, centred at (0, 8, 0) (changes at most 216 voxels)",
		);
		expect(operationSentence(wedge)).to.equal(
			"Fill terrain with a wedge of Snow, 16 × 4 × 8 studs, centred at (10, 2, -4.5), turned (0, 90, 0)° (changes at most 105 voxels)",
		);
		expect(operationSentence(clear)).to.equal(
			"Clear terrain from (-16, 0, 8) to (16, 8, 24) (32 × 8 × 16 studs, 64 voxels)",
		);
		expect(proposalKinds([ball, clear, wedge])).to.equal("Terrain fill, Terrain clear");
		expect(targetPaths([ball, clear]).join(" | ")).to.equal("Workspace/Terrain");
		const applied: ReadonlyArray<AppliedChange> = [{ kind: "terrain", min: [-12, -4, -12], max: [12, 20, 12] }];
		expect(oldPropertyValues([ball], applied, 0)).to.equal(undefined);
	});
};
