/**
 * The scenario runner's Canvas LMS: for a scenario with a top-level `"canvas"` key, the fake Canvas
 * of the headless Studio's specs (tests/studio/host/fake-canvas.ts: real Canvas JSON, `Link`
 * pagination, its course 101 "Grade 5 Math: Fractions" and the misbehaving courses) on a loopback
 * port, and the settings that connect the plugin to it. Kept apart from the proxy side of the
 * runner, which it does not touch.
 */
import { startFakeCanvas, type FakeCanvas } from "../../studio/host/fake-canvas.js";

/** The scenario's `"canvas"` key. */
export interface CanvasOptions {
	/** The token Canvas accepts (default the fake's own). */
	token?: string;
	/** Connect the plugin to it (default true); false leaves Canvas unset in the settings. */
	connect?: boolean;
	/** The token the plugin's settings hold (default the accepted one; a different one tests a 401). */
	settingsToken?: string;
}

export interface ScenarioCanvas {
	fake: FakeCanvas;
	/** Stored settings to merge over the scenario's own. */
	settings: Record<string, string>;
	close(): Promise<void>;
}

/** Checks the `"canvas"` key; problems are pushed as messages. */
export function checkCanvasOptions(value: unknown, problems: string[]): void {
	if (value === undefined) return;
	if (typeof value !== "object" || value === null || Array.isArray(value)) {
		problems.push(`"canvas" must be an object like { "token"?: string, "connect"?: boolean, "settingsToken"?: string }`);
		return;
	}
	for (const [key, field] of Object.entries(value)) {
		if (key === "connect" ? typeof field !== "boolean" : key === "token" || key === "settingsToken" ? typeof field !== "string" : true) {
			problems.push(`"canvas.${key}": unknown or of the wrong type (known: token: string, connect: boolean, settingsToken: string)`);
		}
	}
}

export async function startScenarioCanvas(options: CanvasOptions): Promise<ScenarioCanvas> {
	const fake = await startFakeCanvas({ token: options.token });
	const settings: Record<string, string> =
		options.connect === false ? {} : { canvasBaseUrl: fake.url, canvasToken: options.settingsToken ?? fake.token };
	return { fake, settings, close: () => fake.close() };
}
