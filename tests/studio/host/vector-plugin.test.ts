/**
 * Vector itself, installed: the built release plugin loads in the headless Studio the way Studio
 * loads it from the Plugins folder, its toolbar button toggles the dock widget, and the dev build's
 * "Run specs" button runs the plugin's TestEZ specs inside the session and reports to Output.
 */
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadModelFile } from "./fixtures.js";
import { startScenario, type Scenario } from "./scenario.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

function built(file: string, args: string[]): unknown[] {
	const path = `${root}dist/${file}`;
	if (!existsSync(path)) {
		const result = spawnSync("npx", ["tsx", "plugin/build/build.ts", ...args], { cwd: root, stdio: "inherit" });
		if (result.status !== 0) throw new Error(`could not build ${file}`);
	}
	return loadModelFile(readFileSync(path, "utf8"));
}

describe("the release plugin", () => {
	let s: Scenario;
	beforeAll(async () => {
		s = await startScenario();
		await s.studio.call("loadPlugin", "Vector.rbxmx", built("Vector.rbxmx", []));
	});

	it("adds the Vector toolbar button and a closed dock widget", async () => {
		expect(await s.studio.call("toolbarButtonState", "vector-toggle")).toMatchObject({
			toolbar: "Vector",
			text: "Vector",
			active: false,
			clickableWhenViewportHidden: true,
		});
		expect(await s.studio.call("widgetState", "VectorCopilot")).toMatchObject({ enabled: false, title: "Vector" });
	});

	it("opens and closes the widget from the button, keeping the button state in step", async () => {
		await s.studio.call("clickToolbarButton", "vector-toggle");
		expect(await s.studio.call("widgetState", "VectorCopilot")).toMatchObject({ enabled: true });
		expect(await s.studio.call("toolbarButtonState", "vector-toggle")).toMatchObject({ active: true });
		await s.studio.call("clickToolbarButton", "vector-toggle");
		expect(await s.studio.call("widgetState", "VectorCopilot")).toMatchObject({ enabled: false });
		expect(await s.studio.call("toolbarButtonState", "vector-toggle")).toMatchObject({ active: false });
	});

	it("turns the button off when the user closes the widget itself", async () => {
		await s.studio.call("clickToolbarButton", "vector-toggle");
		await s.studio.call("closeWidget", "VectorCopilot");
		expect(await s.studio.call("widgetState", "VectorCopilot")).toMatchObject({ enabled: false });
		expect(await s.studio.call("toolbarButtonState", "vector-toggle")).toMatchObject({ active: false });
	});

	it("unloads without errors", async () => {
		await s.studio.call("unloadPlugin", "Vector.rbxmx");
		expect(s.lines.filter((line) => line.startsWith("err:"))).toEqual([]);
	});
});

describe("the dev plugin", () => {
	it("runs every plugin spec from its Run specs button and reports to Output", async () => {
		const s = await startScenario();
		await s.studio.call("loadPlugin", "Vector.dev.rbxmx", built("Vector.dev.rbxmx", ["--dev"]));
		expect(await s.studio.call("clickToolbarButton", "vector-run-specs")).toBe(true);
		// The run takes virtual time (specs wait); let the session run until the report is out.
		let summary: string | undefined;
		for (let step = 0; step < 120 && summary === undefined; step++) {
			await s.studio.call("advance", 60);
			summary = s.lines.find((line) => line.includes("Vector specs:"));
		}
		expect(summary).toMatch(/Vector specs: [1-9]\d* passed, 0 failed/);
	}, 120_000);
});
