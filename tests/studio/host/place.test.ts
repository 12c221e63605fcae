/**
 * Place files in and out of the headless Studio: a Studio-style `.rbxlx` loads into the DataModel
 * with its serialized property names, references and tags, and saves back to a file that loads
 * to the same place.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModelFile, writeModelFile, ensureClassDb } from "./fixtures.js";
import { createStudio } from "./vm.js";

const placeXml = readFileSync(fileURLToPath(new URL("./fixtures/place.rbxlx", import.meta.url)), "utf8");

const inspect = `
	local lava = workspace.Lava
	return {
		size = tostring(lava.Size),
		color = tostring(lava.Color),
		material = tostring(lava.Material),
		anchored = lava.Anchored,
		y = lava.Position.Y,
		tagged = lava:HasTag("Danger"),
		target = workspace.Target.Value == lava,
		source = game:GetService("ServerScriptService").Kill.Source,
		services = #game:GetService("Workspace"):GetChildren(),
	}
`;

describe("place files", () => {
	it("loads a Studio place into the DataModel and saves it back unchanged", async () => {
		ensureClassDb();
		const studio = await createStudio({ output: () => {} });
		const warnings = (await studio.call("loadPlace", loadModelFile(placeXml))) as string[];
		expect(warnings ?? []).toEqual([]);
		const first = await studio.evaluate<Record<string, unknown>>(inspect);
		expect(first).toEqual({
			size: "8, 1, 8",
			color: "1, 0, 0",
			material: "Enum.Material.Neon",
			anchored: true,
			y: 5,
			tagged: true,
			target: true,
			source: 'script.Parent = nil -- "quoted" & <tags>\n',
			services: 4, // Camera and Terrain of a fresh place, plus Lava and Target
		});

		const saved = writeModelFile((await studio.call("savePlace")) as never, "place");
		const again = await createStudio({ output: () => {} });
		await again.call("loadPlace", loadModelFile(saved));
		expect(await again.evaluate(inspect)).toEqual(first);
	});
});
