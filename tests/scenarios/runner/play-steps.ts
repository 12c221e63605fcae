/**
 * Play steps: after Vector built something playable (a lesson world), the scenario presses Play with
 * simulated players (the headless Studio's play sessions, tests/studio/host/play.ts) and plays it the
 * way students do — walk to a part, hold its ProximityPrompt, click a choice in the GUI the game shows —
 * then checks what each player sees and their leaderstats. Stop puts the place back as it was before
 * Play, as Studio does.
 */
import { play, type Play } from "../../studio/host/play.js";
import type { VectorSession } from "../../studio/host/snapshot/scenes/vector-session.js";
import type { Failure } from "./expect.js";

export type PlayStep =
	| { play: { players?: number } }
	| { stopPlay: true }
	| { prompt: { player: string; path: string } }
	| { clickText: { player: string; text: string } };

export const PLAY_STEP_KEYS = ["play", "stopPlay", "prompt", "clickText"];

export interface PlayExpectations {
	/** Player → stat name → value (leaderstats). */
	leaderstats?: Record<string, Record<string, unknown>>;
	/** Player → texts that must be shown in their PlayerGui. */
	playerSees?: Record<string, string[]>;
}

export const PLAY_EXPECT_KEYS = ["leaderstats", "playerSees"];

const sessions = new WeakMap<VectorSession, Play>();

function playOf(session: VectorSession): Play {
	let p = sessions.get(session);
	if (!p) {
		p = play(session.studio);
		sessions.set(session, p);
	}
	return p;
}

/** "Workspace/A/B" → "Workspace.A.B" (host API paths). */
function dotted(path: string): string {
	return path.split("/").join(".");
}

/** Luau listing the texts a player's PlayerGui shows (enabled ScreenGuis, visible objects). */
const SHOWN_TEXTS = `
	local out = {}
	local function visible(g)
		local node = g
		while node and not node:IsA("LayerCollector") do
			if node:IsA("GuiObject") and not node.Visible then return false end
			node = node.Parent
		end
		return node ~= nil and node.Enabled
	end
	for _, d in game.Players.LocalPlayer.PlayerGui:GetDescendants() do
		if (d:IsA("TextLabel") or d:IsA("TextButton")) and d.Text ~= "" and visible(d) then table.insert(out, d.Text) end
	end
	return out`;

/** Runs a play step; false when `step` is not one. */
export async function runPlayStep(session: VectorSession, step: object): Promise<boolean> {
	const p = playOf(session);
	if ("play" in step) {
		const options = (step as { play: { players?: number } }).play;
		await p.start({ players: options.players ?? 1 });
		await p.advance(1);
	} else if ("stopPlay" in step) {
		await p.stop();
	} else if ("prompt" in step) {
		const { player, path } = (step as { prompt: { player: string; path: string } }).prompt;
		// The player walks up to the part that holds the prompt (within its activation distance) and holds the key.
		const where = await session.query<[number, number, number] | null>(
			`local node = game for _, name in string.split(${JSON.stringify(path)}, "/") do node = node and node:FindFirstChild(name) end
			local part = node and node.Parent
			if part and part:IsA("Model") then part = part.PrimaryPart or part:FindFirstChildWhichIsA("BasePart", true) end
			if part and part:IsA("Attachment") then return { part.WorldPosition.X, part.WorldPosition.Y, part.WorldPosition.Z } end
			if part and part:IsA("BasePart") then return { part.Position.X, part.Position.Y + 3, part.Position.Z + 2 } end
			return nil`,
		);
		if (!where) throw new Error(`no prompt at ${path} (the place has no such instance in a part)`);
		await p.moveCharacter(player, ...where);
		const result = await p.triggerPrompt(player, dotted(path));
		if (!result.triggered) throw new Error(`${player} could not use the prompt ${path}: ${result.reason ?? "not triggered"}`);
		await p.advance(0.5);
	} else if ("clickText" in step) {
		const { player, text } = (step as { clickText: { player: string; text: string } }).clickText;
		const found = await p.runClient<string | null>(
			player,
			`for _, d in game.Players.LocalPlayer.PlayerGui:GetDescendants() do
				if d:IsA("GuiButton") and (d.Text == ${JSON.stringify(text)} or d.ContentText == ${JSON.stringify(text)}) then return d:GetFullName() end
			end
			return nil`,
		);
		if (!found) {
			const shown = await p.runClient<string[]>(player, SHOWN_TEXTS);
			throw new Error(`${player} sees no button "${text}"; their screen shows: ${(shown ?? []).join(" | ")}`);
		}
		// Students read before they click: let the panel's opening settle.
		await p.advance(1);
		await session.studio.call("guiClick", found);
		await p.advance(1);
	} else {
		return false;
	}
	return true;
}

export async function checkPlay(session: VectorSession, expect: PlayExpectations): Promise<Failure[]> {
	const failures: Failure[] = [];
	const p = playOf(session);
	for (const [player, stats] of Object.entries(expect.leaderstats ?? {})) {
		const actual = await p.leaderstats(player);
		for (const [stat, value] of Object.entries(stats)) {
			if (!actual || actual[stat] !== value) {
				failures.push({ what: `leaderstats of ${player}: ${stat}`, expected: value, actual: actual ? (actual[stat] ?? "(no such stat)") : "(no leaderstats)" });
			}
		}
	}
	for (const [player, texts] of Object.entries(expect.playerSees ?? {})) {
		const shown = (await p.runClient<string[]>(player, SHOWN_TEXTS)) ?? [];
		const missing = texts.filter((text) => !shown.some((line) => line.includes(text)));
		if (missing.length > 0) failures.push({ what: `what ${player} sees`, expected: texts, actual: shown });
	}
	return failures;
}
