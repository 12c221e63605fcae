/**
 * `npm run studio:spec -- <folder> [more folders] [options]`
 *
 * Loads Rojo-style folders of Luau into a fresh headless Studio (each under ReplicatedStorage,
 * named after the folder) and runs TestEZ on every `.spec` module in them, printing TestEZ's
 * report and a closing `N passed, N failed` line. Exit code 0 only when every spec passed, none
 * failed to load and at least one ran.
 *
 * Options:
 *   --project <file.project.json>
 *                           also load a Rojo project of a game (its tree is a DataModel) into the
 *                           DataModel, each service's contents into that service, the way
 *                           `rojo build` makes a place; then run the specs in those services
 *   --plugin <file.rbxmx | folder>
 *                           also load a plugin (a model file or a Rojo-style folder) the way
 *                           Studio loads an installed one: outside the DataModel, its Scripts
 *                           (RunContext Plugin or Legacy) running with the `plugin` global;
 *                           then run the specs inside it
 *   --testez <folder>       TestEZ sources (default: node_modules/@rbxts/testez/src)
 *   --filter <pattern>      only tests whose full name matches (TestEZ testNamePattern)
 *   --assets <folder>       <assetId>.rbxmx fixtures for InsertService / game:GetObjects
 *                           (default: tests/studio/fixtures/assets)
 *   --http-fixture          start the loopback HTTP fixture server (host/http-fixture.ts) and
 *                           tell the specs where it is: HttpService attributes FixtureUrl and
 *                           RefusedUrl; also a fake Canvas LMS (host/fake-canvas.ts), at
 *                           CanvasUrl with the token CanvasToken
 *   --summary <file>        write {passed, failed, skipped} as JSON (used by `npm test`)
 *   --settings <file>       where plugin settings persist (default: a new file per run in the
 *                           system's temp folder)
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { createStudio, repoRoot } from "./vm.js";
import { loadFolder, loadModelFile, loadProject, ensureClassDb } from "./fixtures.js";
import { startHttpFixture, type HttpFixture } from "./http-fixture.js";
import { startFakeCanvas, type FakeCanvas } from "./fake-canvas.js";

interface Options {
	folders: string[];
	plugin?: string;
	projects: string[];
	testez: string;
	filter?: string;
	assets: string;
	summary?: string;
	settings?: string;
	httpFixture: boolean;
}

function parseArgs(argv: string[]): Options {
	const options: Options = {
		folders: [],
		projects: [],
		testez: join(repoRoot, "node_modules/@rbxts/testez/src"),
		assets: join(repoRoot, "tests/studio/fixtures/assets"),
		httpFixture: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === "--plugin") options.plugin = resolve(value());
		else if (arg === "--project") options.projects.push(resolve(value()));
		else if (arg === "--testez") options.testez = resolve(value());
		else if (arg === "--filter") options.filter = value();
		else if (arg === "--assets") options.assets = resolve(value());
		else if (arg === "--summary") options.summary = resolve(value());
		else if (arg === "--http-fixture") options.httpFixture = true;
		else if (arg === "--settings") options.settings = resolve(value());
		else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
		else options.folders.push(resolve(arg));
	}
	if (options.folders.length === 0 && !options.plugin && options.projects.length === 0) {
		throw new Error(
			"usage: npm run studio:spec -- <folder> [more folders] [--project game.project.json] [--plugin file.rbxmx] [--filter pattern]",
		);
	}
	return options;
}

interface Summary {
	passed: number;
	failed: number;
	skipped: number;
	modules: number;
	loadErrors: string[];
	uncaught: number;
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	ensureClassDb();
	const started = performance.now();
	const settingsFile = options.settings ?? join(mkdtempSync(join(tmpdir(), "studio-spec-")), "plugin-settings.json");
	const studio = await createStudio({ assetsDir: options.assets, settingsFile });
	let fixture: HttpFixture | undefined;
	let canvas: FakeCanvas | undefined;
	if (options.httpFixture) {
		fixture = await startHttpFixture();
		canvas = await startFakeCanvas();
		await studio.call("setHttpFixture", fixture.url, fixture.refusedUrl, canvas.url, canvas.token);
	}
	const roots: string[] = [];
	await studio.call("mountDetached", "testez", [{ ...loadFolder(options.testez), name: "TestEZ" }]);
	for (const folder of options.folders) {
		if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);
		const node = { ...loadFolder(folder), name: basename(folder) };
		const warnings = (await studio.call("mountTree", [node], "ReplicatedStorage")) as string[];
		for (const w of warnings ?? []) console.warn(`load warning: ${w}`);
		roots.push(`ReplicatedStorage.${node.name}`);
	}
	for (const project of options.projects) {
		const tree = loadProject(project);
		if (tree.className !== "DataModel") {
			throw new Error(`${project}: the project's root is a ${tree.className}, not a DataModel (a game)`);
		}
		const warnings = (await studio.call("loadPlace", tree.children)) as string[];
		for (const w of warnings ?? []) console.warn(`load warning: ${w}`);
		for (const service of tree.children) roots.push(service.name);
	}
	if (options.plugin) {
		const nodes = statSync(options.plugin).isDirectory()
			? [{ ...loadFolder(options.plugin), name: basename(options.plugin) }]
			: loadModelFile(readFileSync(options.plugin, "utf8"));
		const warnings = (await studio.call("loadPlugin", "plugin", nodes)) as string[];
		for (const w of warnings ?? []) console.warn(`load warning: ${w}`);
		roots.push("@plugin");
	}
	const summary = (await studio.call("runSpecs", roots, "@testez.TestEZ", options.filter ?? null)) as Summary;
	studio.destroy();
	await fixture?.close();
	await canvas?.close();
	const seconds = (performance.now() - started) / 1000;
	if (summary.uncaught > 0) console.log(`${summary.uncaught} error(s) escaped in background threads (see output above)`);
	console.log(`${summary.modules} spec modules in ${seconds.toFixed(2)}s`);
	if (summary.modules === 0) {
		console.log("no spec modules found");
		summary.failed += 1;
	}
	if (options.summary) writeFileSync(options.summary, JSON.stringify(summary));
	console.log(`${summary.passed} passed, ${summary.failed} failed` + (summary.skipped ? `, ${summary.skipped} skipped` : ""));
	return summary.failed === 0 && summary.passed > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(2);
	},
);
