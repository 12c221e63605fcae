/**
 * Helpers of the host scenarios: a headless Studio driven the way a person drives Studio, by
 * typing into tabs, clicking toolbar buttons and running code in the command bar. Scenarios cover
 * what the TestEZ specs cannot reach as user code, because only the user does it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStudio, type Studio } from "./vm.js";
import { ensureClassDb, loadModelFile } from "./fixtures.js";

export interface Scenario {
	studio: Studio;
	settingsFile: string;
	lines: string[];
	/** Runs Luau in the command bar; resolves to its return values (JSON-able values only). */
	command(source: string): Promise<unknown[]>;
}

export async function startScenario(settingsFile?: string): Promise<Scenario> {
	ensureClassDb();
	const file = settingsFile ?? join(mkdtempSync(join(tmpdir(), "vector-studio-")), "settings.json");
	const lines: string[] = [];
	const studio = await createStudio({ settingsFile: file, output: (stream, text) => lines.push(`${stream}: ${text}`) });
	return {
		studio,
		settingsFile: file,
		lines,
		async command(source) {
			const result = (await studio.call("runCommand", source)) as { ok: boolean; values?: string; error?: string };
			if (!result.ok) throw new Error(result.error);
			return JSON.parse(result.values ?? "[]") as unknown[];
		},
	};
}

/** The IR of a fixture model under tests/studio/host/fixtures. */
export function fixtureModel(name: string): unknown[] {
	return loadModelFile(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}
