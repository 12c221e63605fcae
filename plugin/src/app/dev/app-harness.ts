/**
 * Spec support (dev build only): Vector's real engine (settings, proposal store over the place,
 * tools, agent loop, session store) built by createEngine, with the model replaced by the agent's
 * scripted chat client, the network by net/'s scripted transport, plugin settings by a table that
 * outlives the engine (so a spec can "reload the plugin"), and the Studio context by one the spec
 * sets. Fixtures live under a Folder in Workspace that `cleanUp` destroys.
 */
import { ScriptedChatClient, ScriptedStep } from "../../agent/dev/scripted-chat-client";
import { createScriptedTransport, ScriptedTransport } from "../../net/dev/scripted-transport";
import { Attachment } from "../context-note";
import { createEngine, Engine, SettingsHost } from "../create-engine";
import { ContextSource } from "../studio-context";
import { ViewModel } from "../view-model";

/** Plugin settings in a table (GetSetting/SetSetting as Studio's plugin object has them). */
export class MemoryPluginSettings implements SettingsHost {
	readonly values = new Map<string, unknown>();

	GetSetting(key: string): unknown {
		return this.values.get(key);
	}

	SetSetting(key: string, value: unknown): void {
		if (value === undefined) this.values.delete(key);
		else this.values.set(key, value);
	}
}

/** A context source whose attachments the spec sets. */
export class SpecContext implements ContextSource {
	private attachments = new Array<Attachment>();
	private readonly event = new Instance("BindableEvent");

	set(attachments: Array<Attachment>): void {
		this.attachments = attachments;
		this.event.Fire();
	}

	current(): ReadonlyArray<Attachment> {
		return this.attachments;
	}

	onChanged(listener: () => void): () => void {
		const connection = this.event.Event.Connect(listener);
		return () => connection.Disconnect();
	}
}

export interface AppHarness {
	readonly engine: Engine;
	readonly vm: ViewModel;
	readonly client: ScriptedChatClient;
	readonly transport: ScriptedTransport;
	readonly context: SpecContext;
	readonly host: MemoryPluginSettings;
	/** Unloads this engine and builds a new one over the same plugin settings (a plugin reload). */
	reload(steps?: ReadonlyArray<ScriptedStep>): AppHarness;
	destroy(): void;
}

const alive = new Array<AppHarness>();

/** Builds the engine and its view-model with scripted model replies. */
export function createAppHarness(
	steps: ReadonlyArray<ScriptedStep> = [],
	host = new MemoryPluginSettings(),
): AppHarness {
	const client = new ScriptedChatClient(steps);
	const transport = createScriptedTransport();
	const context = new SpecContext();
	const { engine, cleanup } = createEngine(host, { chatClient: client, transport, context });
	const vm = new ViewModel(engine);
	let destroyed = false;
	const harness: AppHarness = {
		engine,
		vm,
		client,
		transport,
		context,
		host,
		reload(steps = []) {
			harness.destroy();
			return createAppHarness(steps, host);
		},
		destroy() {
			if (destroyed) return;
			destroyed = true;
			vm.destroy();
			cleanup();
		},
	};
	alive.push(harness);
	return harness;
}

/** Destroys every harness a spec made. */
export function destroyHarnesses(): void {
	for (const harness of alive) harness.destroy();
	alive.clear();
}

/** Waits (frames) until `condition` holds, failing the spec after `seconds`. */
export function waitUntil(condition: () => boolean, what: string, seconds = 5): void {
	const deadline = os.clock() + seconds;
	while (!condition()) {
		if (os.clock() > deadline) error(`timed out waiting for ${what}`, 2);
		task.wait();
	}
}

/** A Folder in Workspace for a spec's fixtures. */
export function fixtureFolder(name: string): Folder {
	const folder = new Instance("Folder");
	folder.Name = name;
	folder.Parent = game.GetService("Workspace");
	return folder;
}

/** A script with `source` under `parent`. */
export function fixtureScript(parent: Instance, name: string, source: string): Script {
	const created = new Instance("Script");
	created.Name = name;
	created.Source = source;
	created.Parent = parent;
	return created;
}
