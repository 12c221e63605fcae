/**
 * An installed plugin with a user: loading runs its scripts with the `plugin` global, the user
 * clicks toolbar buttons, resizes and closes its widget, switches the theme, and the plugin is
 * unloaded and reloaded (roblox-api.md "Studio, Selection, plugin", "ChangeHistoryService").
 * The fixture plugin (fixtures/scenario-plugin.rbxmx) reports what it sees as workspace
 * attributes, read here through the command bar.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureModel, startScenario, type Scenario } from "./scenario.js";

let s: Scenario;
const NAME = "ScenarioPlugin.rbxmx";

async function attribute(name: string): Promise<unknown> {
	const [value] = await s.command(`return workspace:GetAttribute("${name}")`);
	return value;
}

beforeAll(async () => {
	s = await startScenario();
	await s.studio.call("loadPlugin", NAME, fixtureModel("scenario-plugin.rbxmx"));
});

describe("loading a plugin", () => {
	it("runs its Scripts with the plugin global set", async () => {
		expect(await attribute("sawPlugin")).toBe(true);
	});

	it("does not give ModuleScripts the plugin global", async () => {
		expect(await attribute("moduleSawPlugin")).toBe(false);
	});

	it("does not run disabled Scripts nor Scripts whose RunContext is Server", async () => {
		expect(await attribute("disabledRan")).toBeUndefined();
		expect(await attribute("serverRan")).toBeUndefined();
	});

	it("warns when the deprecated CreateDockWidgetPluginGui is used", () => {
		expect(s.lines.some((l) => l.startsWith("warn:") && l.includes("CreateDockWidgetPluginGui is deprecated"))).toBe(true);
	});
});

describe("toolbar buttons", () => {
	it("a click fires Click and toggles the button", async () => {
		expect(await s.studio.call("clickToolbarButton", "Count")).toBe(true);
		expect(await s.studio.call("clickToolbarButton", "Count")).toBe(true);
		expect(await attribute("clicks")).toBe(2);
		expect(await s.studio.call("toolbarButtonState", "Count")).toMatchObject({ active: false, toolbar: "Scenario", tooltip: "Count clicks" });
		await s.studio.call("clickToolbarButton", "Count");
		expect(await s.studio.call("toolbarButtonState", "Count")).toMatchObject({ active: true });
	});

	it("a disabled button cannot be clicked", async () => {
		expect(await s.studio.call("clickToolbarButton", "Off")).toBe(false);
		expect(await attribute("offClicked")).toBeUndefined();
	});

	it("while a script tab hides the viewport only ClickableWhenViewportHidden buttons click", async () => {
		await s.command(`local m = Instance.new("ModuleScript") m.Name = "Tab" m.Parent = workspace return true`);
		await s.studio.call("openScript", "Workspace.Tab");
		const before = await attribute("clicks");
		expect(await s.studio.call("clickToolbarButton", "Count")).toBe(false);
		expect(await attribute("clicks")).toBe(before);
		expect(await s.studio.call("clickToolbarButton", "Open")).toBe(true);
		expect(await s.studio.call("clickToolbarButton", "Open")).toBe(true);
		await s.studio.call("focusViewport");
		expect(await s.studio.call("clickToolbarButton", "Count")).toBe(true);
	});
});

describe("dock widgets", () => {
	it("starts with the info's state, size and the plugin's title", async () => {
		expect(await s.studio.call("widgetState", "ScenarioWidget")).toMatchObject({
			enabled: false,
			title: "Scenario",
			width: 300,
			height: 200,
			restored: false,
		});
	});

	it("a button can show it", async () => {
		await s.studio.call("clickToolbarButton", "Open");
		expect(await s.studio.call("widgetState", "ScenarioWidget")).toMatchObject({ enabled: true });
	});

	it("resizing changes AbsoluteSize (never below the minimum) and fires its change signal", async () => {
		await s.studio.call("resizeWidget", "ScenarioWidget", 500, 400);
		expect(await attribute("size")).toBe("500x400");
		await s.studio.call("resizeWidget", "ScenarioWidget", 10, 10);
		expect(await attribute("size")).toBe("150x100");
	});

	it("the close button disables a widget without BindToClose", async () => {
		await s.studio.call("closeWidget", "ScenarioWidget");
		expect(await s.studio.call("widgetState", "ScenarioWidget")).toMatchObject({ enabled: false });
		await s.studio.call("clickToolbarButton", "Open");
	});

	it("the close button runs the BindToClose function instead", async () => {
		await s.studio.call("closeWidget", "Guarded");
		expect(await attribute("closeAsked")).toBe(true);
		expect(await s.studio.call("widgetState", "Guarded")).toMatchObject({ enabled: true });
	});
});

describe("the Studio theme", () => {
	it("a plugin re-colours on ThemeChanged when the user switches theme", async () => {
		expect(await attribute("background")).toBe("46,46,46");
		await s.studio.call("setTheme", "Light");
		expect(await attribute("background")).toBe("255,255,255");
		await s.studio.call("setTheme", "Dark");
		expect(await attribute("background")).toBe("46,46,46");
	});
});

describe("settings", () => {
	it("are stored as JSON in the settings file, arrays as string-keyed maps", async () => {
		await s.studio.call("clickToolbarButton", "Save");
		const file = JSON.parse(readFileSync(s.settingsFile, "utf8")) as Record<string, Record<string, unknown>>;
		expect(file[NAME].list).toEqual({ "1": "a", "2": "b" });
	});

	it("persist into the next Studio session", async () => {
		const next = await startScenario(s.settingsFile);
		await next.studio.call("loadPlugin", NAME, fixtureModel("scenario-plugin.rbxmx"));
		expect(await next.command(`return workspace:GetAttribute("savedFirst")`)).toEqual(["a"]);
	});
});

describe("unloading", () => {
	it("fires Unloading, removes the plugin's widgets and buttons, and leaves its recording open", async () => {
		await s.studio.call("clickToolbarButton", "Record");
		expect(await attribute("recording")).toBe(true);
		await s.studio.call("unloadPlugin", NAME);
		expect(await attribute("unloading")).toBe(true);
		await expect(s.studio.call("widgetState", "ScenarioWidget")).rejects.toThrow("no dock widget");
		await expect(s.studio.call("clickToolbarButton", "Count")).rejects.toThrow("no toolbar button");
		expect(await s.command(`return game:GetService("ChangeHistoryService"):IsRecordingInProgress()`)).toEqual([true]);
		expect(await s.command(`return #game:GetService("PluginGuiService"):GetChildren()`)).toEqual([0]);
	});

	it("a reloaded plugin's widget restores its Enabled state (HostWidgetWasRestored)", async () => {
		await s.command(`workspace:SetAttribute("restored", nil) workspace:SetAttribute("widgetEnabledAtStart", nil) return true`);
		await s.studio.call("loadPlugin", NAME, fixtureModel("scenario-plugin.rbxmx"));
		expect(await attribute("restored")).toBe(true);
		// Shown when the plugin unloaded; the info says disabled but does not override the restore.
		expect(await attribute("widgetEnabledAtStart")).toBe(true);
	});
});
