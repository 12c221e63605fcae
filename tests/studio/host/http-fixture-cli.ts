/**
 * `npx tsx tests/studio/host/http-fixture-cli.ts`: serves the HTTP specs' loopback fixture on its
 * own, for running tests/studio/specs/http inside Studio. Prints the command-bar line that tells
 * the specs where it listens; Ctrl+C stops it (it also stops by itself after its lifetime cap).
 */
import { startHttpFixture } from "./http-fixture.js";

const fixture = await startHttpFixture();
console.log(`HTTP fixture at ${fixture.url} (refused: ${fixture.refusedUrl})`);
console.log("Paste into Studio's command bar:");
console.log(
	`local h = game:GetService("HttpService") h:SetAttribute("FixtureUrl", "${fixture.url}") h:SetAttribute("RefusedUrl", "${fixture.refusedUrl}")`,
);
process.on("SIGINT", () => void fixture.close().then(() => process.exit(0)));
