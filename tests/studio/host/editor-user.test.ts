/**
 * The script editor with a user at the keyboard: drafts typed into a tab, typing that lands while
 * a plugin's request is on its way to the editor (UpdateSourceAsync's retry, EditTextAsync's
 * version mismatch), focus and tabs closed by the user (roblox-api.md "ScriptEditorService and
 * ScriptDocument", "Studio, Selection, plugin").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { startScenario, type Scenario } from "./scenario.js";

let s: Scenario;
const SES = `local SES = game:GetService("ScriptEditorService")\n`;

async function makeScript(name: string, source: string): Promise<string> {
	await s.command(`local m = Instance.new("ModuleScript") m.Name = "${name}" m.Source = ${JSON.stringify(source)} m.Parent = workspace return true`);
	return `Workspace.${name}`;
}

beforeAll(async () => {
	s = await startScenario();
});

describe("the user in the script editor", () => {
	it("GetEditorSource returns what the user typed while Source stays stale (a draft)", async () => {
		const path = await makeScript("Draft", "return 1");
		await s.studio.call("openScript", path);
		await s.studio.call("typeInEditor", path, "-- note\n", 1, 1);
		const [editor, source] = await s.command(`${SES}return SES:GetEditorSource(workspace.Draft), workspace.Draft.Source`);
		expect(editor).toBe("-- note\nreturn 1");
		expect(source).toBe("return 1");
	});

	it("UpdateSourceAsync calls the callback again with the fresh text when the user typed meanwhile", async () => {
		const path = await makeScript("Retry", "local a = 1\n");
		await s.studio.call("openScript", path);
		await s.studio.call("typeDuringNextRequest", path, "-- typed by the user\n", 1, 1);
		const [calls, source, text] = await s.command(`${SES}
			local calls = {}
			SES:UpdateSourceAsync(workspace.Retry, function(old)
				table.insert(calls, old)
				return old .. "return a\\n"
			end)
			return calls, workspace.Retry.Source, SES:FindScriptDocument(workspace.Retry):GetText()`);
		expect(calls).toEqual(["local a = 1\n", "-- typed by the user\nlocal a = 1\n"]);
		expect(source).toBe("-- typed by the user\nlocal a = 1\nreturn a\n");
		expect(text).toBe(source);
	});

	it("UpdateSourceAsync on a script without a tab retries too when the user opens it and types", async () => {
		const path = await makeScript("Closed", "x");
		await s.studio.call("typeDuringNextRequest", path, "y", 1, 1);
		const [calls, source] = await s.command(`${SES}
			local calls = {}
			SES:UpdateSourceAsync(workspace.Closed, function(old)
				table.insert(calls, old)
				return old .. "!"
			end)
			return calls, workspace.Closed.Source`);
		expect(calls).toEqual(["x", "yx"]);
		expect(source).toBe("yx!");
	});

	it("EditTextAsync returns false and a message when the user typed while the edit was on its way", async () => {
		const path = await makeScript("Mismatch", "abc");
		await s.studio.call("openScript", path);
		await s.studio.call("typeDuringNextRequest", path, "Z", 1, 1);
		const [ok, message, text] = await s.command(`${SES}
			local doc = SES:FindScriptDocument(workspace.Mismatch)
			local ok, message = doc:EditTextAsync("!", 1, 4, 1, 4)
			return ok, message, doc:GetText()`);
		expect(ok).toBe(false);
		expect(String(message)).toContain("Version mismatch");
		expect(text).toBe("Zabc");
	});

	it("TextDocumentDidChange reports the user's typing", async () => {
		const path = await makeScript("Watched", "a");
		await s.studio.call("openScript", path);
		await s.command(`${SES}
			_G.changes = {}
			SES.TextDocumentDidChange:Connect(function(doc, changes)
				table.insert(_G.changes, changes[1].text)
			end)
			return true`);
		await s.studio.call("typeInEditor", path, "b");
		const [changes] = await s.command(`return _G.changes`);
		expect(changes).toEqual(["b"]);
	});

	it("ActiveScript follows the focused tab and is nil once the user clicks into the viewport", async () => {
		const path = await makeScript("Focus", "x");
		await s.studio.call("openScript", path);
		expect(await s.command(`return game:GetService("StudioService").ActiveScript == workspace.Focus`)).toEqual([true]);
		await s.studio.call("focusViewport");
		expect(await s.command(`return game:GetService("StudioService").ActiveScript == nil`)).toEqual([true]);
	});

	it("a tab the user closes fires TextDocumentDidClose; its draft remains the editor's text", async () => {
		const path = await makeScript("Closing", "one");
		await s.studio.call("openScript", path);
		await s.studio.call("typeInEditor", path, " two");
		await s.command(`${SES}
			_G.doc = SES:FindScriptDocument(workspace.Closing)
			SES.TextDocumentDidClose:Connect(function(doc) _G.closed = doc == _G.doc end)
			return true`);
		await s.studio.call("closeScript", path);
		const [closed, editor, hasDoc, threw] = await s.command(`${SES}
			local threw = not pcall(function() return _G.doc:GetText() end)
			return _G.closed, SES:GetEditorSource(workspace.Closing), SES:FindScriptDocument(workspace.Closing) ~= nil, threw`);
		expect(closed).toBe(true);
		expect(editor).toBe("one two");
		expect(hasDoc).toBe(false);
		expect(threw).toBe(true);
	});

	it("when the user saves a draft, Source takes the tab's text", async () => {
		const path = await makeScript("Saved", "v1");
		await s.studio.call("openScript", path);
		await s.studio.call("typeInEditor", path, "v2", 1, 1, 1, 3);
		await s.studio.call("commitDraft", path);
		expect(await s.command(`return workspace.Saved.Source`)).toEqual(["v2"]);
		expect(await s.studio.call("editorState", path)).toMatchObject({ hasDraft: false, text: "v2" });
	});

	it("the command bar document holds what the user ran", async () => {
		const source = `for _, d in game:GetService("ScriptEditorService"):GetScriptDocuments() do if d:IsCommandBar() then return d:GetText() end end`;
		expect(await s.command(source)).toEqual([source]);
	});
});
