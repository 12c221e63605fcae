/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { RULE_LABELS } from "../studio/asset-scan";
import { callTool, contains, errorOf } from "./dev/call-tool";
import { snapshot, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	let made: Array<Instance>;
	const path = "Workspace/VectorToolsSpec";

	function withSource(className: "Script" | "ModuleScript", name: string, parent: Instance, source: string) {
		const container = new Instance(className);
		container.Name = name;
		(container as ModuleScript).Source = source;
		container.Parent = parent;
		return container;
	}

	/** A destroyed instance's Parent is locked: setting it throws. */
	function isDestroyed(instance: Instance): boolean {
		const [ok] = pcall(() => {
			instance.Parent = root;
		});
		if (ok) instance.Parent = undefined;
		return !ok;
	}

	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		made = [];
		// A clean tree with one harmless script.
		studio.assets.set(1001, () => {
			const model = new Instance("Model");
			model.Name = "Pine";
			const trunk = new Instance("Part");
			trunk.Parent = model;
			withSource("Script", "Sway", model, "local t = 0\nwhile task.wait() do t += 1 end");
			made.push(model);
			return [model];
		});
		// A "free model" with a remote-code backdoor.
		studio.assets.set(1002, () => {
			const model = new Instance("Model");
			model.Name = "Car";
			const seat = new Instance("VehicleSeat");
			seat.Parent = model;
			withSource("Script", "Weld", seat, "-- welds\nrequire(4815162342).init()\n");
			withSource("Script", "Fix", model, "local f = " + "load" + "string" + "(code)\nf()\n");
			made.push(model);
			return [model];
		});
		studio.assets.set(1003, () => []);
	});
	afterEach(() => {
		root.Destroy();
		for (const instance of made) pcall(() => instance.Destroy());
	});

	it("proposes the insert with a clean scan, and destroys the copy it loaded", () => {
		const before = snapshot(root, studio);
		const outcome = callTool(context, "insert_asset", { assetId: 1001, parentPath: path });
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		expect(outcome.summary).to.equal(
			`Insert asset 1001 (Model "Pine") into ${path} (Folder); scan found nothing suspicious in its 1 script`,
		);
		const operation = outcome.operations[0];
		if (operation.kind !== "insert_asset") throw "wrong operation";
		expect(operation.assetId).to.equal(1001);
		expect(operation.parentPath).to.equal(path);
		expect(operation.findings.size()).to.equal(0);
		expect(studio.loaded.join(",")).to.equal("1001");
		expect(isDestroyed(made[0])).to.equal(true);
		expect(snapshot(root, studio)).to.equal(before);
	});

	it("puts the scan's findings into the operation and warns in the summary", () => {
		const outcome = callTool(context, "insert_asset", { assetId: 1002 });
		if (outcome.kind !== "proposal") throw outcome.kind === "error" ? outcome.message : outcome.kind;
		const operation = outcome.operations[0];
		if (operation.kind !== "insert_asset") throw "wrong operation";
		expect(operation.parentPath).to.equal("Workspace");
		const rules = operation.findings.map((f) => `${f.script}:${f.line}:${f.rule}`);
		expect(rules.includes("Car/VehicleSeat/Weld:2:require_id")).to.equal(true);
		expect(rules.includes("Car/Fix:1:" + "load" + "string")).to.equal(true);
		expect(
			contains(outcome.summary, 'Insert asset 1002 (Model "Car") into Workspace (Workspace); WARNING, scan found'),
		).to.equal(true);
		expect(contains(outcome.summary, `Car/VehicleSeat/Weld:2 ${RULE_LABELS.require_id}`)).to.equal(true);
		expect(isDestroyed(made[0])).to.equal(true);
	});

	it("refuses an asset that does not load or loads nothing, and a bad parent", () => {
		const before = snapshot(root, studio);
		expect(errorOf(callTool(context, "insert_asset", { assetId: 999 }))).to.equal(
			"assetId: asset 999 could not be loaded: asset 999 is not available (HTTP 403: not free or not public)",
		);
		expect(errorOf(callTool(context, "insert_asset", { assetId: 1003 }))).to.equal(
			"assetId: asset 1003 loaded nothing",
		);
		expect(
			contains(
				errorOf(callTool(context, "insert_asset", { assetId: 1001, parentPath: `${path}/Nope` })),
				'parentPath: no child named "Nope"',
			),
		).to.equal(true);
		expect(errorOf(callTool(context, "insert_asset", { assetId: 0 }))).to.equal(
			"Invalid arguments for insert_asset: assetId: expected an integer ≥ 1, got 0",
		);
		expect(snapshot(root, studio)).to.equal(before);
	});
};
