/**
 * Quiz stations in the world: every instance tagged VectorQuizStation (a BasePart, a Model or an
 * Attachment) whose StationId attribute names a station of the quiz gets a ProximityPrompt, and its
 * Triggered event (fired by the engine for the player who used it, within reach) is passed on with
 * the station id. Stations tagged later, or untagged, are followed. A station that cannot work
 * (no id, an id the quiz does not have, nothing to hold a prompt) is reported once, not fatal.
 */
import { QuizBank } from "./quiz-content";
import { STATION_ID_ATTRIBUTE, STATION_PROMPT, STATION_TAG } from "../shared/kit-names";

const CollectionService = game.GetService("CollectionService");

export interface StationOptions {
	readonly bank: QuizBank;
	readonly onTriggered: (player: Player, stationId: string) => void;
	readonly log: (message: string) => void;
}

interface Attached {
	readonly connection: RBXScriptConnection;
	/** The prompt when the kit made it (a prompt placed by the teacher stays). */
	readonly created?: ProximityPrompt;
}

/** Where a prompt can live on a station: the part or attachment itself, or a model's primary part. */
function promptHost(station: Instance): Instance | undefined {
	if (station.IsA("BasePart") || station.IsA("Attachment")) return station;
	if (station.IsA("Model")) return station.PrimaryPart ?? station.FindFirstChildWhichIsA("BasePart", true);
	return undefined;
}

/** Starts following the stations; returns the cleanup (disconnects, removes the prompts it made). */
export function watchStations(options: StationOptions): () => void {
	const attached = new Map<Instance, Attached>();

	const attach = (station: Instance) => {
		if (attached.has(station)) return;
		const stationId = station.GetAttribute(STATION_ID_ATTRIBUTE);
		const name = station.GetFullName();
		if (!typeIs(stationId, "string")) {
			options.log(`station ${name} has no ${STATION_ID_ATTRIBUTE} attribute (text); it has no prompt`);
			return;
		}
		const entry = options.bank.stationById.get(stationId);
		if (entry === undefined) {
			options.log(`station ${name} names station "${stationId}", which the quiz does not have; it has no prompt`);
			return;
		}
		const host = promptHost(station);
		if (host === undefined) {
			options.log(`station ${name} is a ${station.ClassName} without a part to hold its prompt`);
			return;
		}
		const existing = host.FindFirstChild(STATION_PROMPT);
		let prompt: ProximityPrompt;
		let created: ProximityPrompt | undefined;
		if (existing !== undefined && existing.IsA("ProximityPrompt")) prompt = existing;
		else {
			prompt = new Instance("ProximityPrompt");
			prompt.Name = STATION_PROMPT;
			prompt.ActionText = "Answer";
			prompt.ObjectText = entry.title;
			prompt.HoldDuration = 0;
			prompt.MaxActivationDistance = 12;
			prompt.RequiresLineOfSight = false;
			prompt.Parent = host;
			created = prompt;
		}
		const connection = prompt.Triggered.Connect((player) => options.onTriggered(player, stationId));
		attached.set(station, { connection, created });
	};

	const detach = (station: Instance) => {
		const entry = attached.get(station);
		if (entry === undefined) return;
		entry.connection.Disconnect();
		entry.created?.Destroy();
		attached.delete(station);
	};

	const added = CollectionService.GetInstanceAddedSignal(STATION_TAG).Connect(attach);
	const removed = CollectionService.GetInstanceRemovedSignal(STATION_TAG).Connect(detach);
	for (const station of CollectionService.GetTagged(STATION_TAG)) attach(station);

	return () => {
		added.Disconnect();
		removed.Disconnect();
		for (const [station] of attached) detach(station);
	};
}
