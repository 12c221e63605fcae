/**
 * The lesson kit played for real: Vector's own modules (from the built dev plugin) validate a quiz,
 * write its module and install the kit into a place through proposals, as the lesson builder does;
 * then two simulated players play it (host/play.ts). Checked end to end: questions come from the
 * server without their answers, answers are checked there, points and progress land in leaderstats,
 * achievements are announced, the next question follows the player's recent answers, and cheating
 * attempts (wrong argument types, spamming, answering twice, answering a question never shown) are
 * refused; progress is saved and survives a failing data store with bounded retries.
 */
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureClassDb, loadModelFile } from "./fixtures.js";
import { play, type Play } from "./play.js";
import { createStudio, type Studio } from "./vm.js";
import type { TreeNode } from "../../../plugin/build/tree.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The dev plugin's tree (built when missing). */
function devPlugin(): TreeNode[] {
	const file = `${root}dist/Vector.dev.rbxmx`;
	if (!existsSync(file)) {
		const result = spawnSync("npx", ["tsx", "plugin/build/build.ts", "--dev"], { cwd: root, stdio: "inherit" });
		if (result.status !== 0) throw new Error("could not build the dev plugin");
	}
	return loadModelFile(readFileSync(file, "utf8")) as TreeNode[];
}

/** The quiz as the model writes it (JSON), answers known to the test only. */
const QUIZ = {
	title: "Fractions",
	stations: [
		{
			id: "halves",
			title: "Halves",
			questions: [
				{
					prompt: "What is half of 8?",
					choices: ["2", "4", "6"],
					answer: "4",
					explanation: "8 = 4 + 4.",
					difficulty: 1,
				},
				{
					prompt: "Which equals 1/2?",
					choices: ["2/4", "2/3", "3/4"],
					answer: "2/4",
					explanation: "2 of 4 parts.",
					difficulty: 2,
				},
				{
					prompt: "1/2 + 1/4 = ?",
					choices: ["2/6", "3/4", "1/8"],
					answer: "3/4",
					explanation: "2/4 + 1/4.",
					difficulty: 3,
				},
			],
		},
		{
			id: "quarters",
			title: "Quarters",
			questions: [
				{
					prompt: "Quarters in a whole?",
					choices: ["2", "3", "4"],
					answer: "4",
					explanation: "4/4 = 1.",
					difficulty: 1,
				},
				{
					prompt: "3/4 - 1/4 = ?",
					choices: ["1/2", "1/4", "2/8"],
					answer: "1/2",
					explanation: "2/4 = 1/2.",
					difficulty: 2,
				},
			],
		},
	],
};

const ANSWERS = new Map<string, string>(
	QUIZ.stations.flatMap((station) =>
		station.questions.map((q, i): [string, string] => [`${station.id}-${i + 1}`, q.answer]),
	),
);

function station(name: string, stationId: string, position: [number, number, number]): TreeNode {
	return {
		name,
		className: "Part",
		properties: { Anchored: { type: "bool", value: true }, Position: { type: "Vector3", value: position } },
		attributes: { StationId: { type: "string", value: stationId } },
		tags: ["VectorQuizStation"],
		children: [],
	};
}

/**
 * Installs the kit and writes the quiz with the plugin's own modules, each as an approved proposal
 * applied in one recording, the way the lesson builder's stages do. Returns the plan summaries.
 */
const INSTALL = (quizJson: string) => `
local vector = game:GetService("ReplicatedStorage"):WaitForChild("VectorPluginUnderTest")
local lesson = vector.plugin.lesson
local installer = require(lesson["kit-installer"])
local schema = require(lesson["quiz-schema"])
local quizModule = require(lesson["quiz-module"])
local machine = require(vector.plugin.proposals["state-machine"])
local applyProposal = require(vector.plugin.proposals["apply-proposal"]).applyProposal
local studio = require(vector.plugin.studio["create-studio-api"]).createStudioApi()

local function apply(id, summary, operations)
	local proposal = machine.createProposal({ id = id, toolCallId = id, summary = summary, operations = operations }, 1)
	for _, event in { { type = "approve" }, { type = "begin_apply" } } do
		proposal = machine.transition(proposal, event, 2).proposal
	end
	local outcome = applyProposal(proposal, studio, function() return 3 end)
	assert(outcome.ok and outcome.proposal.state == "applied", id .. " did not apply: " .. tostring(outcome.ok and outcome.proposal.reason))
end

local plan = installer.planKitInstall(vector.LessonKit, game)
assert(plan.ok, plan.message)
apply("kit", plan.plan.summary, plan.plan.operations)

local content = schema.validateQuizContent(game:GetService("HttpService"):JSONDecode(${JSON.stringify(quizJson)}))
assert(content.ok, content.message)
local quiz = quizModule.quizModuleOperations(studio, content.content)
assert(quiz.ok, quiz.message)
apply("quiz", "Write the quiz", quiz.operations)

vector:Destroy()
return { plan.plan.status, plan.plan.kitVersion }
`;

/** Luau run on a client: the kit's remotes. */
const REMOTES = `local remotes = game:GetService("ReplicatedStorage"):WaitForChild("VectorLessonKit"):WaitForChild("Remotes")`;

interface ShownQuestion {
	questionId: string;
	stationId: string;
	prompt: string;
	choices: string[];
	difficulty: number;
	[key: string]: unknown;
}

interface AnswerResult {
	accepted: boolean;
	reason?: string;
	correct?: boolean;
	pointsAwarded?: number;
	points?: number;
	progress?: number;
	nextDifficulty?: number;
	correctChoice?: number;
	explanation?: string;
}

describe("the lesson kit, installed by Vector and played by two players", () => {
	let studio: Studio;
	let p: Play;
	const output: string[] = [];
	let install: [string, string];

	/** Starts a fresh Studio with the stations, the kit and the quiz (saveProgress as given). */
	async function freshPlace(saveProgress: boolean): Promise<void> {
		output.length = 0;
		studio = await createStudio({ output: (stream, text) => output.push(`${stream}: ${text}`) });
		p = play(studio);
		await studio.call(
			"mountTree",
			[
				{
					name: "Stations",
					className: "Folder",
					properties: {},
					children: [station("Halves", "halves", [0, 3, 6]), station("Quarters", "quarters", [6, 3, 0])],
				},
			],
			"Workspace",
		);
		const [vector] = devPlugin();
		await studio.call("mountTree", [{ ...vector, name: "VectorPluginUnderTest" }], "ReplicatedStorage");
		install = await studio.evaluate<[string, string]>(INSTALL(JSON.stringify({ ...QUIZ, saveProgress })));
	}

	/** Player triggers a station's prompt; resolves to the question the client received. */
	async function ask(player: string, stationName: string): Promise<ShownQuestion> {
		await p.runClient(player, `_G.shown = nil`);
		const triggered = await p.triggerPrompt(player, `Workspace.Stations.${stationName}.VectorQuizPrompt`);
		expect(triggered).toEqual({ triggered: true });
		await p.advance(0.1);
		const shown = await p.runClient<{ kind: string; question: ShownQuestion } | null>(player, `return _G.shown`);
		if (shown?.kind !== "question")
			throw new Error(`${player} got no question at ${stationName}: ${JSON.stringify(shown)}`);
		return shown.question;
	}

	/** The client's answer through the remote (what the panel's buttons send). */
	async function submit(player: string, args: string): Promise<AnswerResult> {
		return p.runClient<AnswerResult>(player, `${REMOTES}\nreturn remotes.SubmitAnswer:InvokeServer(${args})`);
	}

	/** The player reads the question for a couple of seconds (answers faster than that are rate limited), then answers. */
	async function answer(player: string, question: ShownQuestion, right: boolean): Promise<AnswerResult> {
		await p.advance(2);
		const correct = ANSWERS.get(question.questionId)!;
		const index = question.choices.findIndex((c) => (right ? c === correct : c !== correct));
		return submit(player, `${JSON.stringify(question.questionId)}, ${index}`);
	}

	/** Each client records what the server shows and announces. */
	async function listen(player: string): Promise<void> {
		await p.runClient(
			player,
			`${REMOTES}
			_G.announced = {}
			remotes.ShowQuestion.OnClientEvent:Connect(function(payload) _G.shown = payload end)
			remotes.Announce.OnClientEvent:Connect(function(a) table.insert(_G.announced, a.id) end)`,
		);
	}

	beforeAll(() => ensureClassDb());

	afterEach(async () => {
		if (p && (await p.state()).running) await p.stop();
		if (process.env.LESSON_KIT_OUTPUT) console.log(output.join("\n"));
		// Whatever went wrong in the game's scripts shows up here.
		expect(output.filter((line) => line.startsWith("err:"))).toEqual([]);
	});

	it("installs through proposals: the kit in its services, the quiz in ServerStorage", async () => {
		await freshPlace(false);
		expect(install[0]).toBe("install");
		expect(install[1]).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
		const placed = await studio.evaluate<string[]>(`
			local found = {}
			for _, path in { "ServerStorage.VectorLessonKit", "ServerStorage.VectorLessonQuiz", "ReplicatedStorage.VectorLessonKit.include.RuntimeLib",
				"ServerScriptService.VectorLessonKit", "StarterPlayer.StarterPlayerScripts.VectorLessonKit" } do
				local node = game
				for name in string.gmatch(path, "[^.]+") do node = node and node:FindFirstChild(name) end
				table.insert(found, path .. "=" .. (node and node.ClassName or "missing"))
			end
			return found`);
		expect(placed).toEqual([
			"ServerStorage.VectorLessonKit=Folder",
			"ServerStorage.VectorLessonQuiz=ModuleScript",
			"ReplicatedStorage.VectorLessonKit.include.RuntimeLib=ModuleScript",
			"ServerScriptService.VectorLessonKit=Script",
			"StarterPlayer.StarterPlayerScripts.VectorLessonKit=LocalScript",
		]);
	});

	it("plays: server-checked answers, leaderstats, adaptive difficulty, achievements, each player on their own", async () => {
		await freshPlace(false);
		await p.start({ players: 2 });
		await p.advance(1);
		expect(
			output.some((line) =>
				line.includes(`[VectorLessonKit] "Fractions": 2 station(s), 5 question(s), progress not saved`),
			),
		).toBe(true);
		expect(await p.leaderstats("Player1")).toEqual({ Points: 0, Progress: 0 });
		await listen("Player1");
		await listen("Player2");

		// The answers never reach a client: not the quiz module, not the question sent.
		expect(
			await p.runClient("Player1", `return game:GetService("ServerStorage"):FindFirstChild("VectorLessonQuiz") == nil`),
		).toBe(true);
		const first = await ask("Player1", "Halves");
		expect(first).toMatchObject({
			questionId: "halves-1",
			stationId: "halves",
			prompt: "What is half of 8?",
			difficulty: 1,
		});
		expect(Object.keys(first).sort()).toEqual(
			[
				"answeredAtStation",
				"choices",
				"difficulty",
				"prompt",
				"questionId",
				"questionsAtStation",
				"stationId",
				"stationTitle",
			].sort(),
		);
		expect([...first.choices].sort()).toEqual(["2", "4", "6"]);

		// The panel shows it; the player clicks the right choice and reads the result.
		const panel = "Players.Player1.PlayerGui.VectorQuiz.Panel";
		const text = (name: string) =>
			p.runClient<string>("Player1", `return game.Players.LocalPlayer.PlayerGui.VectorQuiz.Panel.${name}.Text`);
		expect(await p.runClient("Player1", `return game.Players.LocalPlayer.PlayerGui.VectorQuiz.Enabled`)).toBe(true);
		expect(await text("Prompt")).toBe("What is half of 8?");
		expect(await text("Meta")).toBe("Question 1 of 3 · Easy");
		await p.advance(2);
		await studio.call("guiClick", `${panel}.Choices.Choice${first.choices.indexOf("4") + 1}`);
		await p.advance(0.5);
		expect(await text("Result")).toBe("Correct! +10 points");
		expect(await text("Explanation")).toBe("8 = 4 + 4.");
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10, Progress: 20 });
		expect(await p.runClient("Player1", `return _G.announced`)).toEqual(["first_correct"]);
		expect(
			await p.runClient("Player1", `return game.Players.LocalPlayer.PlayerGui.VectorQuizToasts.Toast.Title.Text`),
		).toBe("Achievement: First right answer");
		await studio.call("guiClick", `${panel}.Done`);
		expect(await p.runClient("Player1", `return game.Players.LocalPlayer.PlayerGui.VectorQuiz.Enabled`)).toBe(false);

		// Two right answers in a row: the next question aims one level harder.
		const second = await ask("Player1", "Quarters");
		expect(second.difficulty).toBe(1);
		expect((await answer("Player1", second, true)).nextDifficulty).toBe(2);
		const third = await ask("Player1", "Halves");
		expect(third).toMatchObject({ questionId: "halves-2", difficulty: 2 });
		// A wrong answer: no points, and the target steps down again.
		expect(await answer("Player1", third, false)).toMatchObject({
			accepted: true,
			correct: false,
			pointsAwarded: 0,
			nextDifficulty: 1,
		});
		expect(await p.leaderstats("Player1")).toEqual({ Points: 20, Progress: 60 });

		// Player2 is on their own: their first question, their own leaderstats.
		const other = await ask("Player2", "Halves");
		expect(other.questionId).toBe("halves-1");
		expect(await p.leaderstats("Player2")).toEqual({ Points: 0, Progress: 0 });
		expect(await p.runClient("Player2", `return _G.announced`)).toEqual([]);

		// Everything answered: the last achievements are announced.
		for (const name of ["Halves", "Quarters"]) {
			const q = await ask("Player1", name);
			expect((await answer("Player1", q, true)).accepted).toBe(true);
		}
		expect(await p.leaderstats("Player1")).toMatchObject({ Progress: 100 });
		expect(await p.runClient("Player1", `return _G.announced`)).toEqual([
			"first_correct",
			"halves",
			"quarters",
			"perfect_station",
			"all_stations",
		]);
		const state = await p.state();
		expect(state.divergences).toEqual([]);
	});

	it("refuses cheating: wrong argument types, questions never shown, answering twice, spamming", async () => {
		await freshPlace(false);
		await p.start({ players: 2 });
		await p.advance(1);
		await listen("Player1");
		await listen("Player2");

		for (const args of [
			`123, 0`,
			`"halves-1", "4"`,
			`"halves-1", 0/0`,
			`"halves-1", 1.5`,
			`"halves-1", 99`,
			`{}, {}`,
			`"halves-1"`,
			`"halves-1", 0, "extra"`,
		]) {
			expect(await submit("Player1", args), args).toMatchObject({ accepted: false, reason: "invalid_arguments" });
			await p.advance(2);
		}
		// The server-to-client remotes take nothing from clients.
		await p.runClient(
			"Player1",
			`${REMOTES}\nremotes.ShowQuestion:FireServer({ kind = "question" })\nremotes.Announce:FireServer("first_correct")`,
		);
		await p.advance(0.5);
		expect(await p.leaderstats("Player1")).toEqual({ Points: 0, Progress: 0 });

		// Never shown to this player (shown to Player2 does not count).
		await ask("Player2", "Quarters");
		expect(await submit("Player1", `"quarters-1", 0`)).toMatchObject({ accepted: false, reason: "not_shown" });
		expect(await submit("Player1", `"no-such-question", 0`)).toMatchObject({ accepted: false, reason: "not_shown" });
		await p.advance(2);

		const q = await ask("Player1", "Halves");
		expect((await answer("Player1", q, true)).accepted).toBe(true);
		await p.advance(2);
		expect(await answer("Player1", q, true)).toMatchObject({ accepted: false, reason: "already_answered" });
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10, Progress: 20 });

		// Spamming: a burst is let through, the rest is dropped and reported once.
		await p.advance(10);
		const reasons = await p.runClient<string[]>(
			"Player1",
			`${REMOTES}
			local reasons = {}
			for i = 1, 12 do
				local result = remotes.SubmitAnswer:InvokeServer("halves-1", 0)
				table.insert(reasons, result.reason)
			end
			return reasons`,
		);
		expect(reasons.filter((r) => r === "rate_limited").length).toBeGreaterThanOrEqual(8);
		expect(reasons.slice(0, 3)).toEqual(["already_answered", "already_answered", "already_answered"]);
		expect(output.filter((line) => /dropped \d+ answer call\(s\) from Player1/.test(line)).length).toBe(1);
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10, Progress: 20 });
		// Prompt spamming is limited the same way.
		await p.runClient(
			"Player2",
			`_G.shownCount = 0\n${REMOTES}\nremotes.ShowQuestion.OnClientEvent:Connect(function() _G.shownCount += 1 end)`,
		);
		for (let i = 0; i < 10; i++) await p.triggerPrompt("Player2", "Workspace.Stations.Quarters.VectorQuizPrompt");
		await p.advance(0.5);
		expect(await p.runClient<number>("Player2", `return _G.shownCount`)).toBeLessThan(10);
		expect(output.filter((line) => /dropped \d+ prompt call\(s\) from Player2/.test(line)).length).toBe(1);
		await p.advance(10);
		// Play goes on for both.
		expect((await ask("Player2", "Halves")).questionId).toBe("halves-1");
	});

	it("plays without saving, saying so once, where the place may not use DataStores", async () => {
		await freshPlace(true); // Studio's API access is off in a new place
		await p.start({ players: 2 });
		await p.advance(5);
		await listen("Player1");
		const q = await ask("Player1", "Halves");
		expect((await answer("Player1", q, true)).accepted).toBe(true);
		await p.stop();
		const notes = output.filter((line) => line.includes("[VectorLessonKit]") && line.startsWith("warn:"));
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatch(
			/^warn: \[VectorLessonKit\] progress is not saved: this place may not use DataStores \(.*403: Cannot write to DataStore from studio if API access is not enabled\.\)$/,
		);
	});

	it("saves progress, and plays on through a failing data store with bounded retries", async () => {
		await freshPlace(true);
		await p.dataStores.setApiAccess(true);
		await p.start({ players: 1 });
		await p.advance(1);
		await listen("Player1");
		const q = await ask("Player1", "Halves");
		await answer("Player1", q, true);

		// Two failed writes, then success: the save on leave retries and lands.
		await p.dataStores.failNext("SetAsync", 2);
		await p.removePlayer("Player1");
		await p.advance(10);
		const saved = await p.dataStores.read<{ points: number; answered: Record<string, boolean> }>(
			"VectorLessonProgress",
			"player_-1",
		);
		expect(saved).toMatchObject({ points: 10, answered: { "halves-1": true } });
		expect(output.filter((line) => line.includes("save player_-1: try")).length).toBe(2);

		// Back again: progress restored.
		await p.addPlayer({ name: "Player1", userId: -1 });
		await p.advance(1);
		expect(await p.leaderstats("Player1")).toEqual({ Points: 10, Progress: 20 });

		// A data store that keeps failing: three tries, then the player plays without saving.
		await p.dataStores.failNext("GetAsync", 100);
		await p.addPlayer({ name: "Player2", userId: -2 });
		await p.advance(30);
		expect(output.filter((line) => line.includes("load player_-2: try")).length).toBe(3);
		expect(output.some((line) => line.includes("could not load player_-2 after 3 tries"))).toBe(true);
		await listen("Player2");
		const theirs = await ask("Player2", "Quarters");
		expect((await answer("Player2", theirs, true)).accepted).toBe(true);
		expect(await p.leaderstats("Player2")).toEqual({ Points: 10, Progress: 20 });
		await p.removePlayer("Player2");
		await p.advance(5);
		expect(await p.dataStores.read("VectorLessonProgress", "player_-2")).toBeNull();

		// The server shuts down while a player's save is still retrying: BindToClose waits for it.
		await listen("Player1");
		const q2 = await ask("Player1", "Quarters");
		await answer("Player1", q2, true);
		await p.dataStores.failNext("SetAsync", 2);
		await p.stop();
		expect(await p.dataStores.read("VectorLessonProgress", "player_-1")).toMatchObject({ points: 20 });
	});
});
