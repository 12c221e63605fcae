/// <reference types="@rbxts/testez/globals" />
import { sampleBank } from "./dev/sample-quiz";
import { watchStations } from "./stations";
import { STATION_ID_ATTRIBUTE, STATION_PROMPT, STATION_TAG } from "../shared/kit-names";

const Workspace = game.GetService("Workspace");
const CollectionService = game.GetService("CollectionService");

export = () => {
	let world: Folder;
	let stop: (() => void) | undefined;
	let logs: Array<string>;

	beforeEach(() => {
		world = new Instance("Folder");
		world.Name = "StationSpecWorld";
		world.Parent = Workspace;
		logs = [];
	});

	afterEach(() => {
		stop?.();
		stop = undefined;
		world.Destroy();
	});

	const station = (className: "Part" | "Model" | "Folder", stationId?: string): Instance => {
		const instance = new Instance(className);
		if (className === "Model") {
			const part = new Instance("Part");
			part.Parent = instance;
			(instance as Model).PrimaryPart = part;
		}
		if (stationId !== undefined) instance.SetAttribute(STATION_ID_ATTRIBUTE, stationId);
		instance.Parent = world;
		CollectionService.AddTag(instance, STATION_TAG);
		return instance;
	};
	const start = () => {
		stop = watchStations({ bank: sampleBank(), onTriggered: () => undefined, log: (m) => logs.push(m) });
	};

	it("gives each tagged station a prompt named after its station", () => {
		const part = station("Part", "halves");
		start();
		const prompt = part.FindFirstChild(STATION_PROMPT) as ProximityPrompt;
		expect(prompt).to.be.ok();
		expect(prompt.ObjectText).to.equal("Halves");
		expect(prompt.ActionText).to.equal("Answer");
		expect(prompt.HoldDuration).to.equal(0);
	});

	it("puts a model's prompt on its primary part", () => {
		const model = station("Model", "quarters") as Model;
		start();
		expect(model.PrimaryPart!.FindFirstChild(STATION_PROMPT)).to.be.ok();
	});

	it("follows stations tagged after it started, and removes its prompts when stopped", () => {
		start();
		const part = station("Part", "quarters");
		task.wait();
		expect(part.FindFirstChild(STATION_PROMPT)).to.be.ok();
		stop!();
		stop = undefined;
		expect(part.FindFirstChild(STATION_PROMPT)).to.equal(undefined);
	});

	it("reuses a prompt the teacher placed, and leaves it when stopped", () => {
		const part = station("Part", "halves");
		const placed = new Instance("ProximityPrompt");
		placed.Name = STATION_PROMPT;
		placed.ActionText = "Take the quiz";
		placed.Parent = part;
		start();
		expect(part.GetChildren().size()).to.equal(1);
		expect(placed.ActionText).to.equal("Take the quiz");
		stop!();
		stop = undefined;
		expect(placed.Parent).to.equal(part);
	});

	it("reports stations it cannot use, and gives them no prompt", () => {
		const noId = station("Part");
		const unknown = station("Part", "thirds");
		station("Folder", "halves");
		start();
		expect(noId.FindFirstChild(STATION_PROMPT)).to.equal(undefined);
		expect(unknown.FindFirstChild(STATION_PROMPT)).to.equal(undefined);
		logs.sort();
		expect(logs.size()).to.equal(3);
		expect(logs[0]).to.equal(`station Workspace.StationSpecWorld.Folder is a Folder without a part to hold its prompt`);
		expect(logs[1]).to.equal(
			`station Workspace.StationSpecWorld.Part has no StationId attribute (text); it has no prompt`,
		);
		expect(logs[2]).to.equal(
			`station Workspace.StationSpecWorld.Part names station "thirds", which the quiz does not have; it has no prompt`,
		);
	});
};
