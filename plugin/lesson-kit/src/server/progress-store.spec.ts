/// <reference types="@rbxts/testez/globals" />
import { PlayerProgress } from "./player-progress";
import { KeyValueStore, progressKey, ProgressStore } from "./progress-store";
import { sampleBank } from "./dev/sample-quiz";

export = () => {
	/** An in-memory store that fails the next `failures` requests (with `failure`). */
	const fakeStore = () => {
		const values = new Map<string, unknown>();
		const state = {
			failures: 0,
			failure: "502: API Services rejected request",
			requests: 0,
			userIds: new Array<number>(),
		};
		const store: KeyValueStore = {
			GetAsync(key) {
				state.requests += 1;
				if (state.failures > 0) {
					state.failures -= 1;
					error(state.failure, 0);
				}
				return values.get(key);
			},
			SetAsync(key, value, userIds) {
				state.requests += 1;
				if (state.failures > 0) {
					state.failures -= 1;
					error(state.failure, 0);
				}
				values.set(key, value);
				state.userIds = userIds ?? [];
				return undefined;
			},
		};
		return { store, values, state };
	};
	const noWait = { retry: { attempts: 3, wait: () => undefined } };
	const quietly = (logs: Array<string>) => ({ ...noWait, log: (m: string) => logs.push(m) });

	it("saves and loads a player's progress under their key, naming them as the data's owner", () => {
		const { store, values, state } = fakeStore();
		const progress = new ProgressStore(store, quietly([]));
		const bank = sampleBank();
		const player = new PlayerProgress(bank, 7);
		player.show("halves");
		player.answer("halves-1", 0);
		expect(progress.save(7, player.data())).to.equal(true);
		expect(values.has(progressKey(7))).to.equal(true);
		expect(state.userIds.join(",")).to.equal("7");
		const loaded = progress.load(7);
		expect(loaded.kind).to.equal("loaded");
		expect(loaded.kind === "loaded" && loaded.data.answered.has("halves-1")).to.equal(true);
	});

	it("starts a new player fresh", () => {
		const { store } = fakeStore();
		expect(new ProgressStore(store, quietly([])).load(8).kind).to.equal("fresh");
	});

	it("starts fresh, saying so, when the saved value is not a record it reads", () => {
		const { store, values } = fakeStore();
		values.set(progressKey(9), { points: "lots" });
		const logs = new Array<string>();
		const loaded = new ProgressStore(store, quietly(logs)).load(9);
		expect(loaded.kind).to.equal("fresh");
		expect(logs[0]).to.equal("the saved progress in player_9 is not in a format this kit reads; starting fresh");
	});

	it("retries a failing request and succeeds when the store recovers", () => {
		const { store, state } = fakeStore();
		state.failures = 2;
		const logs = new Array<string>();
		expect(new ProgressStore(store, quietly(logs)).load(10).kind).to.equal("fresh");
		expect(state.requests).to.equal(3);
		expect(logs.size()).to.equal(2);
		expect(logs[0]).to.equal("load player_10: try 1 failed: 502: API Services rejected request");
	});

	it("stops asking, after saying so once, when the place may not use DataStores (403)", () => {
		const { store, state } = fakeStore();
		state.failures = 100;
		state.failure = "403: Cannot write to DataStore from studio if API access is not enabled.";
		const logs = new Array<string>();
		const progress = new ProgressStore(store, quietly(logs));
		expect(progress.load(1).kind).to.equal("failed");
		expect(progress.load(2).kind).to.equal("failed");
		expect(progress.save(1, new PlayerProgress(sampleBank(), 1).data())).to.equal(false);
		expect(state.requests).to.equal(1);
		expect(logs.size()).to.equal(1);
		expect(logs[0]).to.equal(
			"progress is not saved: this place may not use DataStores " +
				"(403: Cannot write to DataStore from studio if API access is not enabled.)",
		);
	});

	it("gives up after a bounded number of tries, without throwing", () => {
		const { store, state } = fakeStore();
		state.failures = 100;
		const logs = new Array<string>();
		const progress = new ProgressStore(store, quietly(logs));
		const loaded = progress.load(11);
		expect(loaded.kind).to.equal("failed");
		expect(state.requests).to.equal(3);
		expect(progress.save(11, new PlayerProgress(sampleBank(), 11).data())).to.equal(false);
		expect(state.requests).to.equal(6);
		expect(logs[logs.size() - 1]).to.equal(
			"could not save player_11 after 3 tries (502: API Services rejected request)",
		);
	});
};
