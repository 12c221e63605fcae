/**
 * Vector as a user meets it: the built release plugin in a headless Studio, its proxy a scripted
 * fake on a loopback port (snapshot/scenes/fake-proxy.ts), so everything between the widget and the
 * wire is the plugin's own code. The user opens the widget, types into the composer and presses
 * Enter, reads the proposal card, clicks Approve or Reject, stops a streaming answer, and reloads
 * the plugin; the tests check what the widget shows, what reached the "model" and what happened to
 * the place and its undo history.
 */
import { afterEach, describe, expect, it } from "vitest";
import { VectorSession } from "./snapshot/scenes/vector-session.js";

const DOOR_SOURCE = 'local door = script.Parent\nprint("closed")\n';
const OPENED_SOURCE = 'local door = script.Parent\nprint("open")\n';

const PLACE = `
	local door = Instance.new("Part")
	door.Name = "Door"
	door.Anchored = true
	door.Parent = workspace
	local open = Instance.new("Script")
	open.Name = "Open"
	open.Source = ${JSON.stringify(DOOR_SOURCE)}
	open.Parent = door
	return true
`;

const EDIT = {
	name: "replace_in_script",
	args: {
		path: "Workspace/Door/Open",
		blocks: [{ search: 'print("closed")', replace: 'print("open")' }],
		reason: "Open the door",
	},
};

let session: VectorSession | undefined;

afterEach(async () => {
	await session?.close();
	session = undefined;
});

async function start(): Promise<VectorSession> {
	session = await VectorSession.start({ setup: PLACE });
	await session.toggle();
	await session.resize(400, 640);
	return session;
}

/** The user types into the composer and presses Enter. */
async function ask(s: VectorSession, text: string): Promise<void> {
	await s.typeInto("Box", text);
	await s.pressKey("Return");
}

async function editorText(s: VectorSession): Promise<string> {
	const [text] = await s.command(`return game:GetService("ScriptEditorService"):GetEditorSource(workspace.Door.Open)`);
	return text as string;
}

async function undoTop(s: VectorSession): Promise<[boolean, string | undefined]> {
	const [can, name] = await s.command(`return game:GetService("ChangeHistoryService"):GetCanUndo()`);
	return [can as boolean, name as string | undefined];
}

describe("the Vector widget with a user", () => {
	it("opens with the composer focused and nothing sent", async () => {
		const s = await start();
		const focused = await s.query<string | null>(`
			local box = game:GetService("UserInputService"):GetFocusedTextBox()
			return box and box.Name
		`);
		expect(focused).toBe("Box");
		expect(await s.shownTexts()).toContain("Send");
		expect(s.fake.chats).toHaveLength(0);
	});

	it("turns Enter into a request, shows the proposed edit, and Approve applies it as one undo step", async () => {
		const s = await start();
		s.fake.reply(
			{ text: "I'll change the print.", tool: EDIT },
			{ tool: { name: "attempt_completion", args: { result: "The door now prints open." } } },
		);
		await ask(s, "Make the door print open");
		await s.waitForText("Approve");

		// What went out: the user's words as the task, Vector's tools, streamed.
		expect(s.fake.chats).toHaveLength(1);
		const first = s.fake.chats[0];
		expect(first.stream).toBe(true);
		expect(first.messages.at(-1)).toMatchObject({ role: "user", content: "Make the door print open" });

		// The card: what it edits, its diff, its buttons.
		const shown = await s.shownTexts();
		expect(shown.join("\n")).toContain("Workspace/Door/Open");
		expect(shown.some((text) => text.includes('print("open")'))).toBe(true);
		expect(shown).toContain("Reject");
		expect(await editorText(s)).toBe(DOOR_SOURCE);

		await s.clickButton("Approve");
		await s.waitForText("The door now prints open.");
		expect(await editorText(s)).toBe(OPENED_SOURCE);
		const [canUndo, step] = await undoTop(s);
		expect(canUndo).toBe(true);
		expect(step).toMatch(/^Vector: .*Open the door/);
		// One step: a single Undo brings the old text back.
		await s.command(`game:GetService("ChangeHistoryService"):Undo() return true`);
		expect(await editorText(s)).toBe(DOOR_SOURCE);
		// The model heard the outcome.
		const decision = s.fake.chats[1].messages.at(-1) as { role: string; content: string };
		expect(decision.role).toBe("tool");
		expect(decision.content.toLowerCase()).toContain("applied");
		expect(s.errors()).toEqual([]);
	});

	it("Reject with a reason leaves the script alone and tells the model why", async () => {
		const s = await start();
		s.fake.reply({ tool: EDIT }, { tool: { name: "attempt_completion", args: { result: "Left the door as it is." } } });
		await ask(s, "Make the door print open");
		await s.waitForText("Approve");
		await s.clickButton("Reject");
		await s.typeInto("RejectReason", "Keep it closed");
		await s.clickButton("Confirm reject");
		await s.waitForText("Left the door as it is.");
		expect(await editorText(s)).toBe(DOOR_SOURCE);
		expect((await s.shownTexts()).join("\n")).toContain("Rejected: Keep it closed");
		const decision = s.fake.chats[1].messages.at(-1) as { role: string; content: string };
		expect(decision.role).toBe("tool");
		expect(decision.content).toContain("Keep it closed");
		expect(s.errors()).toEqual([]);
	});

	it("Stop while the answer streams closes the stream and hands the composer back", async () => {
		const s = await start();
		s.fake.reply({ chunks: ["Let me ", "think about ", "that door"], hang: true, pieceDelayMs: 20 });
		await ask(s, "What does the door script do?");
		await s.waitForText("think about");
		expect(await s.shownTexts()).toContain("Stop");
		await s.clickButton("Stop");
		await s.waitForText("Stopped");
		// The socket closes on Node's side of the bridge: give its event loop a moment.
		for (let i = 0; i < 50 && s.fake.clientClosed() === 0; i++) await new Promise((r) => setTimeout(r, 20));
		expect(s.fake.clientClosed()).toBe(1);
		const shown = await s.shownTexts();
		expect(shown).toContain("Send");
		expect(shown).not.toContain("Stop");
		expect(shown.join("\n")).not.toContain("think about");
		expect(s.errors()).toEqual([]);
	});

	it("keeps the conversation and its pending proposal through a plugin reload", async () => {
		const s = await start();
		s.fake.reply({ text: "Here is the change.", tool: EDIT });
		await ask(s, "Make the door print open");
		await s.waitForText("Approve");
		await s.studio.call("unloadPlugin", "Vector.rbxmx");
		const { releasePlugin } = await import("./snapshot/scenes/vector-session.js");
		await s.studio.call("loadPlugin", "Vector.rbxmx", releasePlugin());
		await s.advance(1);
		// Studio restores the widget open; if not, the user opens it.
		const open = (await s.studio.call("widgetState", "VectorCopilot")) as { enabled: boolean };
		if (!open.enabled) await s.toggle();
		await s.waitForText("Approve");
		const shown = (await s.shownTexts()).join("\n");
		expect(shown).toContain("Make the door print open");
		expect(shown).toContain("Here is the change.");
		s.fake.reply({ tool: { name: "attempt_completion", args: { result: "Done after the reload." } } });
		await s.clickButton("Approve");
		await s.waitForText("Done after the reload.");
		expect(await editorText(s)).toBe(OPENED_SOURCE);
		expect(s.errors()).toEqual([]);
	});
});
