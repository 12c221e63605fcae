/**
 * Playing a small quiz place with two simulated players through the host API (host/play.ts): a
 * server Script that keeps the answers in ServerStorage, awards points once per question in
 * leaderstats and saves them in a data store, a LocalScript per client, a ProximityPrompt that
 * opens the question. What a lesson kit's specs do, end to end, including cheating attempts and a
 * failing data store.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureClassDb } from "./fixtures.js";
import { play, type Play } from "./play.js";
import { createStudio, type Studio } from "./vm.js";
import type { TreeNode } from "../../../plugin/build/tree.js";

function node(className: string, name: string, children: TreeNode[] = [], properties: TreeNode["properties"] = {}): TreeNode {
	return { name, className, properties, children };
}

function script(className: "Script" | "LocalScript" | "ModuleScript", name: string, source: string): TreeNode {
	return node(className, name, [], { Source: { type: "ProtectedString", value: source } });
}

const QUESTIONS = `return {
	q1 = { text = "1/2 + 1/4 = ?", choices = { "3/4", "2/6" }, answer = "3/4" },
}`;

const SERVER = `
local Players = game:GetService("Players")
local ServerStorage = game:GetService("ServerStorage")
local remotes = game:GetService("ReplicatedStorage"):WaitForChild("QuizRemotes")
local store = game:GetService("DataStoreService"):GetDataStore("QuizPoints")
local questions = require(ServerStorage.Questions)

local shown, answered, saving = {}, {}, {}

local function withRetries(f)
	for attempt = 1, 3 do
		local ok, result = pcall(f)
		if ok then
			return true, result
		end
		task.wait(attempt)
	end
	return false
end

Players.PlayerAdded:Connect(function(player)
	shown[player], answered[player] = {}, {}
	local stats = Instance.new("Folder")
	stats.Name = "leaderstats"
	local points = Instance.new("IntValue")
	points.Name = "Points"
	local ok, saved = withRetries(function()
		return store:GetAsync("Player_" .. player.UserId)
	end)
	points.Value = ok and saved or 0
	points.Parent = stats
	stats.Parent = player
end)

Players.PlayerRemoving:Connect(function(player)
	saving[player] = true
	local points = player.leaderstats.Points.Value
	withRetries(function()
		store:SetAsync("Player_" .. player.UserId, points, { player.UserId })
	end)
	saving[player] = nil
end)

game:BindToClose(function()
	while next(saving) do
		task.wait()
	end
end)

workspace.Station.ProximityPrompt.Triggered:Connect(function(player)
	local q = questions.q1
	shown[player].q1 = true
	-- The client never receives the correct answer.
	remotes.ShowQuestion:FireClient(player, { id = "q1", text = q.text, choices = q.choices })
end)

remotes.SubmitAnswer.OnServerEvent:Connect(function(player, id, choice)
	if type(id) ~= "string" or type(choice) ~= "string" then
		return
	end
	if not shown[player][id] or answered[player][id] then
		return
	end
	answered[player][id] = true
	local correct = questions[id].answer == choice
	if correct then
		player.leaderstats.Points.Value += 10
	end
	remotes.Result:FireClient(player, correct)
end)
`;

const CLIENT = `
local remotes = game:GetService("ReplicatedStorage"):WaitForChild("QuizRemotes")
remotes.ShowQuestion.OnClientEvent:Connect(function(question)
	_G.question = question
end)
remotes.Result.OnClientEvent:Connect(function(correct)
	_G.result = correct
end)
`;

async function mountQuizPlace(studio: Studio): Promise<void> {
	await studio.call(
		"mountTree",
		[node("Folder", "QuizRemotes", [node("RemoteEvent", "ShowQuestion"), node("RemoteEvent", "SubmitAnswer"), node("RemoteEvent", "Result")])],
		"ReplicatedStorage",
	);
	await studio.call("mountTree", [script("ModuleScript", "Questions", QUESTIONS)], "ServerStorage");
	await studio.call("mountTree", [script("Script", "QuizServer", SERVER)], "ServerScriptService");
	await studio.call("mountTree", [script("LocalScript", "QuizClient", CLIENT)], "StarterPlayer.StarterPlayerScripts");
	await studio.call(
		"mountTree",
		[node("Part", "Station", [node("ProximityPrompt", "ProximityPrompt")], { Position: { type: "Vector3", value: [0, 3, 6] }, Anchored: { type: "bool", value: true } })],
		"Workspace",
	);
}

const SUBMIT = (args: string) => `game:GetService("ReplicatedStorage").QuizRemotes.SubmitAnswer:FireServer(${args})`;

describe("playing a place with two simulated players", () => {
	let studio: Studio;
	let p: Play;
	const output: string[] = [];

	beforeAll(async () => {
		ensureClassDb();
		studio = await createStudio({ output: (stream, text) => output.push(`${stream}: ${text}`) });
		p = play(studio);
		await mountQuizPlace(studio);
	});

	afterEach(async () => {
		if ((await p.state()).running) await p.stop();
	});

	it("refuses data store requests until Studio's API access is enabled", async () => {
		const [ok, message] = await studio.evaluate<[boolean, string]>(`
			return { pcall(function()
				return game:GetService("DataStoreService"):GetDataStore("QuizPoints"):GetAsync("k")
			end) }`);
		expect(ok).toBe(false);
		expect(message).toContain("403: Cannot write to DataStore from studio if API access is not enabled.");
	});

	it("plays a question round: prompt, answer checked on the server, points once, saved on leave", async () => {
		await p.dataStores.setApiAccess(true);
		await p.dataStores.write("QuizPoints", "Player_-2", 50); // Player2 played before

		const players = await p.start({ players: 2 });
		expect(players.map((x) => `${x.name}:${x.userId}`)).toEqual(["Player1:-1", "Player2:-2"]);
		expect(await p.leaderstats("Player1")).toEqual({ Points: 0 });
		expect(await p.leaderstats("Player2")).toEqual({ Points: 50 });

		// The answers stay on the server.
		expect(await p.runClient("Player1", `return game:GetService("ServerStorage"):FindFirstChild("Questions") == nil`)).toBe(true);

		// Cheating: answering a question never shown, with wrong argument types.
		await p.runClient("Player1", SUBMIT(`"q1", "3/4"`));
		await p.runClient("Player1", SUBMIT(`123, { "3/4" }`));
		expect(await p.leaderstats("Player1")).toEqual({ Points: 0 });

		// The prompt opens the question for Player1 only, without its answer.
		expect(await p.triggerPrompt("Player1", "Workspace.Station.ProximityPrompt")).toEqual({ triggered: true });
		expect(await p.runClient("Player1", `return _G.question.text`)).toBe("1/2 + 1/4 = ?");
		expect(await p.runClient("Player1", `return _G.question.answer == nil`)).toBe(true);
		expect(await p.runClient("Player2", `return _G.question`)).toBeNull();

		await p.runClient("Player1", SUBMIT(`"q1", "3/4"`));
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10 });
		expect(await p.runClient("Player1", `return _G.result`)).toBe(true);
		// Answering twice awards nothing more.
		await p.runClient("Player1", SUBMIT(`"q1", "3/4"`));
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10 });

		const state = await p.state();
		expect(state.running).toBe(true);
		expect(state.divergences).toEqual([]);

		// The first save attempt fails; the game retries.
		await p.dataStores.failNext("SetAsync", 1);
		expect(await p.stop()).toBeGreaterThan(0);
		expect((await p.state()).running).toBe(false);
		expect(await p.dataStores.read("QuizPoints", "Player_-1")).toBe(10);
		expect(await p.dataStores.read("QuizPoints", "Player_-2")).toBe(50);
		expect(output.some((line) => line.includes("502: API Services rejected request"))).toBe(false); // handled by pcall
	});

	it("keeps prompts to players near them, and cheats that write leaderstats on the client are reported", async () => {
		await p.start({ players: 1 });
		expect(await p.promptsShown("Player1")).toEqual(["Workspace.Station.ProximityPrompt"]);
		await p.moveCharacter("Player1", 0, 3, 60);
		expect(await p.promptsShown("Player1")).toEqual([]);
		const far = await p.triggerPrompt("Player1", "Workspace.Station.ProximityPrompt");
		expect(far.triggered).toBe(false);
		expect(far.reason).toContain("MaxActivationDistance 10");

		await p.runClient("Player1", `game:GetService("Players").LocalPlayer.leaderstats.Points.Value = 1000`);
		expect((await p.state()).divergences).toEqual([{ player: "Player1", path: "Players.Player1.leaderstats.Points", member: "Value" }]);
		await p.stop();
	});

	it("adds and removes players mid-session and fails data store requests on demand", async () => {
		await p.start({ players: 1 });
		const ada = await p.addPlayer({ name: "Ada", userId: 77, displayName: "Ada L." });
		expect(ada).toEqual({ name: "Ada", userId: 77, displayName: "Ada L." });
		expect((await p.state()).players.map((x) => x.name)).toEqual(["Player1", "Ada"]);
		await p.dataStores.failNext("GetAsync", 1, "throttled");
		const [ok, message] = await p.runServer<[boolean, string]>(
			`return { pcall(function() return game:GetService("DataStoreService"):GetDataStore("X"):GetAsync("k") end) }`,
		);
		expect(ok).toBe(false);
		expect(message).toContain("301: GetAsync request dropped. Request was throttled but queue was full.");
		await p.removePlayer("Ada");
		expect((await p.state()).players.map((x) => x.name)).toEqual(["Player1"]);
		await p.stop();
	});
});

describe("a place file with its own StarterPlayer", () => {
	it("replaces the empty StarterPlayerScripts of a new place, and its LocalScripts run in play", async () => {
		ensureClassDb();
		const studio = await createStudio({ output: () => {} });
		await studio.call("loadPlace", [
			node("StarterPlayer", "StarterPlayer", [node("StarterPlayerScripts", "StarterPlayerScripts", [script("LocalScript", "Hello", `_G.hello = "hi"`)])]),
		]);
		expect(await studio.evaluate(`return #game:GetService("StarterPlayer"):GetChildren()`)).toBe(2);
		const p = play(studio);
		await p.start({ players: 1 });
		expect(await p.runClient("Player1", `return _G.hello`)).toBe("hi");
		await p.stop();
	});
});
