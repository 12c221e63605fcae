/**
 * Dev build only (the release build ignores `dev/`): a "Run specs" toolbar button that runs every
 * TestEZ spec of the plugin inside Studio and prints TestEZ's report to the Output window — the
 * same specs `npm test` runs in the headless Studio.
 */
import TestEZ from "@rbxts/testez";

const root = script.Parent!.Parent!.Parent!;
const toolbar = plugin.CreateToolbar("Vector Dev");
const button = toolbar.CreateButton("vector-run-specs", "Run Vector's TestEZ specs (Output shows the report)", "", "Run specs");
button.ClickableWhenViewportHidden = true;

button.Click.Connect(() => {
	button.SetActive(false);
	const roots = new Array<Instance>();
	for (const name of ["plugin", "shared"]) {
		const folder = root.FindFirstChild(name);
		if (folder) roots.push(folder);
	}
	const results = TestEZ.TestBootstrap.run(roots, TestEZ.Reporters.TextReporter);
	print(`Vector specs: ${results.successCount} passed, ${results.failureCount} failed, ${results.skippedCount} skipped`);
});
