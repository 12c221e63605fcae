/**
 * Typed access to the headless Studio's play-session host API (engine/services/Players,
 * ProximityPromptService and DataStoreService): start Play with simulated players, act as one of
 * them, read what the game did, break its data stores. Every call that acts lets the session run
 * a moment afterwards, as the simulated user's other actions do.
 */
import type { Studio } from "./vm.js";

export interface PlayerSpec {
	name?: string;
	userId?: number;
	displayName?: string;
}

export interface PlayerInfo {
	name: string;
	userId: number;
	displayName: string;
}

export interface PlayOptions {
	/** How many players join (Player1, Player2, ... with UserIds -1, -2, ...), or who. Default 1. */
	players?: number | PlayerSpec[];
	/** Spawn characters (default: the place's Players.CharacterAutoLoads, true in a new place). */
	characters?: boolean;
	/** One-way network delay in seconds (default: delivery at the next resumption point). */
	latency?: number;
}

export interface Divergence {
	player: string;
	path: string;
	member: string;
}

export interface PlayState {
	running: boolean;
	players: PlayerInfo[];
	kicked: Record<string, string>;
	/** Client writes Roblox would have kept on that client (the shared DataModel cannot). */
	divergences: Divergence[];
}

/** Data store methods failures can be injected into ("*": any). */
export type DataStoreMethod = "GetAsync" | "SetAsync" | "UpdateAsync" | "RemoveAsync" | "IncrementAsync" | "*";

export interface Play {
	start(options?: PlayOptions): Promise<PlayerInfo[]>;
	/** Players leave, BindToClose runs, the place is put back as before Play. Returns reverted changes. */
	stop(): Promise<number>;
	state(): Promise<PlayState>;
	addPlayer(spec?: PlayerSpec): Promise<PlayerInfo>;
	removePlayer(name: string): Promise<void>;
	/** Runs Luau as code of that player's client (its globals, LocalPlayer); returns the first result (nil: null). */
	runClient<T = unknown>(player: string, source: string): Promise<T>;
	/** Runs Luau as server code; returns the first result (nil: null). */
	runServer<T = unknown>(source: string): Promise<T>;
	/** The player's leaderstats values by stat name, or null without leaderstats. */
	leaderstats(player: string): Promise<Record<string, unknown> | null>;
	moveCharacter(player: string, x: number, y: number, z: number): Promise<void>;
	/** The player holds the prompt's key (holdSeconds, default its HoldDuration) and releases it. */
	triggerPrompt(player: string, promptPath: string, holdSeconds?: number): Promise<{ triggered: boolean; reason?: string }>;
	promptsShown(player: string): Promise<string[]>;
	dropUnreliable(count: number): Promise<void>;
	/** Lets the session run for `seconds` of virtual time. */
	advance(seconds: number): Promise<void>;
	dataStores: {
		/** Studio's "Enable Studio Access to API Services" (off in a new place). */
		setApiAccess(on: boolean): Promise<void>;
		/** The next `count` requests of `method` fail: 502 by default, "throttled" for the 30x drop, or a message. */
		failNext(method: DataStoreMethod, count?: number, failure?: string): Promise<void>;
		read<T = unknown>(name: string, key: string, scope?: string): Promise<T | null>;
		/** Writes as another server would (this server's 4-second read cache keeps the old value). */
		write(name: string, key: string, value: unknown, scope?: string): Promise<void>;
		keys(name: string, scope?: string): Promise<string[]>;
		/** Enum.DataStoreRequestType item names, e.g. "GetAsync", "SetIncrementAsync", "UpdateAsync". */
		budget(requestType: string): Promise<number>;
		setBudget(requestType: string, value: number): Promise<number>;
		reset(): Promise<void>;
	};
}

/** The play-session API of a headless Studio. */
export function play(studio: Studio): Play {
	const call = <T>(name: string, ...args: unknown[]) => studio.call(name, ...args) as Promise<T>;
	return {
		start: async (options = {}) => (await call<{ players: PlayerInfo[] }>("playStart", options)).players,
		stop: async () => (await call<{ reverted: number }>("playStop")).reverted,
		state: () => call<PlayState>("playState"),
		addPlayer: (spec = {}) => call<PlayerInfo>("playAddPlayer", spec),
		removePlayer: async (name) => void (await call("playRemovePlayer", name)),
		// A chunk returning nothing (nil) resolves to null, as JSON would say it.
		runClient: async (player, source) => ((await call("playRunClient", player, source)) ?? null) as never,
		runServer: async (source) => ((await call("playRunServer", source)) ?? null) as never,
		leaderstats: async (player) => (await call<Record<string, unknown> | null>("playLeaderstats", player)) ?? null,
		moveCharacter: async (player, x, y, z) => void (await call("playMoveCharacter", player, x, y, z)),
		triggerPrompt: (player, promptPath, holdSeconds) => call("triggerPrompt", player, promptPath, holdSeconds ?? null),
		promptsShown: (player) => call("promptsShown", player),
		dropUnreliable: async (count) => void (await call("playDropUnreliable", count)),
		advance: async (seconds) => void (await call("advance", seconds)),
		dataStores: {
			setApiAccess: async (on) => void (await call("setStudioApiAccess", on)),
			failNext: async (method, count = 1, failure) => void (await call("dataStoreFail", method, count, failure ?? null)),
			read: async (name, key, scope) => (await call("dataStoreRead", name, key, scope ?? null)) ?? null,
			write: async (name, key, value, scope) => void (await call("dataStoreWrite", name, key, value, scope ?? null)),
			keys: (name, scope) => call("dataStoreKeys", name, scope ?? null),
			budget: (requestType) => call("dataStoreBudget", requestType),
			setBudget: (requestType, value) => call("dataStoreSetBudget", requestType, value),
			reset: async () => void (await call("dataStoreReset")),
		},
	};
}
