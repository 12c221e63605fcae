/**
 * `npx tsx tests/studio/host/http-fixture-cli.ts`: serves the HTTP specs' loopback fixture and the
 * fake Canvas LMS on their own, for running tests/studio/specs/http and the plugin's Canvas specs
 * inside Studio. Prints the command-bar line that tells the specs where they listen; Ctrl+C stops
 * them (they also stop by themselves after their lifetime cap).
 */
import { startFakeCanvas } from "./fake-canvas.js";
import { startHttpFixture } from "./http-fixture.js";

const fixture = await startHttpFixture();
const canvas = await startFakeCanvas();
console.log(`HTTP fixture at ${fixture.url} (refused: ${fixture.refusedUrl}); fake Canvas at ${canvas.url}`);
console.log("Paste into Studio's command bar:");
console.log(
	`local h = game:GetService("HttpService") h:SetAttribute("FixtureUrl", "${fixture.url}") h:SetAttribute("RefusedUrl", "${fixture.refusedUrl}")` +
		` h:SetAttribute("CanvasUrl", "${canvas.url}") h:SetAttribute("CanvasToken", "${canvas.token}")`,
);
process.on("SIGINT", () => void Promise.all([fixture.close(), canvas.close()]).then(() => process.exit(0)));
