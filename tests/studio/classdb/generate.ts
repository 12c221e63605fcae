// Why this exists: the command (`npm run studio:classdb`) that regenerates the headless Studio's class database and
// default values from @rbxts/types and defaults.ts into tests/studio/.generated/. It refuses to write when the defaults
// disagree with the database or when the emitted Luau does not load in luau-web, and prints sizes and load time.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LuauState } from "luau-web";
import { buildClassDb, type ClassDb } from "./parse";
import { emitClassDb, emitDefaults } from "./emit";
import { DEFAULTS } from "./defaults";
import { validateDefaults } from "./validate";

// Works whether tsx runs this file as CommonJS or as an ES module (package.json "type").
const THIS_FILE = typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
export const REPO_ROOT = path.resolve(path.dirname(THIS_FILE), "..", "..", "..");
// Not under out/: rbxtsc deletes files in its outDir that no TypeScript source produced.
export const OUT_DIR = path.join(REPO_ROOT, "tests", "studio", ".generated");

export interface Generated {
	db: ClassDb;
	classDbSource: string;
	defaultsSource: string;
}

/** Builds both Luau sources in memory (no I/O besides reading @rbxts/types). Throws if the defaults are inconsistent. */
export function buildSources(repoRoot = REPO_ROOT): Generated {
	const db = buildClassDb(repoRoot);
	const errors = validateDefaults(db, DEFAULTS);
	if (errors.length) throw new Error(`defaults.ts disagrees with the class database:\n  ${errors.join("\n  ")}`);
	return { db, classDbSource: emitClassDb(db), defaultsSource: emitDefaults(DEFAULTS) };
}

/**
 * Compiles and runs a chunk in luau-web (in `state`, or a new state); returns the milliseconds compile + run took.
 * States are never destroyed here: in luau-web 1.4 the first state created after a destroy() cannot call anything.
 */
export async function loadInLuau(
	source: string,
	chunkName: string,
	state?: LuauState,
): Promise<{ ms: number; state: LuauState; result: unknown[] }> {
	// luau-web is an ES module with top-level await: imported lazily so this file also loads as CommonJS.
	state ??= await (await import("luau-web")).LuauState.createAsync({});
	const t0 = performance.now();
	const fn = state.loadstring(source, `=${chunkName}`, true);
	const result = (await fn()) as unknown[];
	return { ms: performance.now() - t0, state, result };
}

async function main() {
	const t0 = performance.now();
	const { db, classDbSource, defaultsSource } = buildSources();
	const parseMs = performance.now() - t0;
	fs.mkdirSync(OUT_DIR, { recursive: true });

	const files: [string, string][] = [
		["ClassDb.luau", classDbSource],
		["Defaults.luau", defaultsSource],
	];
	const { state } = await loadInLuau("return nil", "warmup"); // keep VM start-up out of the measurements
	const heapKb = async () => ((await loadInLuau("return gcinfo()", "gcinfo", state)).result[0] as number);
	for (const [name, src] of files) {
		const before = await heapKb();
		const { ms, result } = await loadInLuau(src, name.replace(/\.luau$/, ""), state);
		const retained = (await heapKb()) - before;
		void result; // kept referenced so the heap figure includes the loaded tables
		fs.writeFileSync(path.join(OUT_DIR, name), src);
		console.log(
			`${path.relative(REPO_ROOT, path.join(OUT_DIR, name))}: ${Buffer.byteLength(src)} bytes, ` +
				`loads in luau-web in ${ms.toFixed(0)} ms, Luau heap +${retained} KB`,
		);
	}
	const classes = Object.values(db.classes);
	console.log(
		`@rbxts/types ${db.version}: ${classes.length} classes (${classes.filter((c) => c.creatable).length} creatable, ` +
			`${classes.filter((c) => c.service).length} services), ${Object.keys(db.enums).length} enums; parsed in ${parseMs.toFixed(0)} ms`,
	);
	if (db.notes.length) {
		console.log(`${db.notes.length} note(s) from the .d.ts:`);
		for (const n of db.notes) console.log(`  - ${n}`);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
	main().catch((e) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
