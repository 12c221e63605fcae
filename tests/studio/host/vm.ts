/**
 * Boots a headless Studio: one Luau VM (luau-web) with the engine emulation loaded, and the host
 * bridge through which the engine reaches the outside world (engine sources, compilation, output,
 * the real clock, real HTTP, the plugin-settings file, fixture assets).
 *
 * The bridge is deliberately narrow: data crosses it as strings and numbers (JSON for anything
 * structured), never as live JS objects, so Luau code never depends on luau-web's JS-object proxies.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { HttpBridge } from "./http.js";
import { installMemoryPatch } from "./wasm-memory.js";

// Must run before luau-web instantiates its module (see wasm-memory.ts).
installMemoryPatch(1024);
const { LuauState } = await import("luau-web");
type LuauState = InstanceType<typeof LuauState>;

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const engineRoot = join(repoRoot, "tests/studio/engine");
export const generatedRoot = join(repoRoot, "tests/studio/.generated");

/**
 * Strings crossing the bridge as numbered blobs in chunks: luau-web copies each string through a
 * fixed-size buffer and crashes on ones much over half a megabyte (see engine/kernel/Bridge.luau).
 */
class BlobStore {
	private static readonly CHUNK = 128 * 1024;
	private next = 1;
	private readonly blobs = new Map<number, string[]>();

	put(text: string): number {
		const id = this.next++;
		const chunks: string[] = [];
		for (let start = 0; start < text.length; ) {
			let end = Math.min(start + BlobStore.CHUNK, text.length);
			// Never split a surrogate pair: each chunk is converted to UTF-8 on its own.
			const last = text.charCodeAt(end - 1);
			if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
			chunks.push(text.slice(start, end));
			start = end;
		}
		this.blobs.set(id, chunks);
		return id;
	}

	/** Chunk `index` of blob `id`, or undefined past the end (the blob is then freed). */
	chunk(id: number, index: number): string | undefined {
		const chunks = this.blobs.get(id);
		if (!chunks || index >= chunks.length) {
			this.blobs.delete(id);
			return undefined;
		}
		return chunks[index];
	}

	create(): number {
		const id = this.next++;
		this.blobs.set(id, []);
		return id;
	}

	append(id: number, chunk: string): void {
		this.blobs.get(id)?.push(chunk);
	}

	take(id: number): string {
		const text = (this.blobs.get(id) ?? []).join("");
		this.blobs.delete(id);
		return text;
	}
}

export interface StudioOptions {
	/** Where plugin settings persist (one JSON file per run). Defaults to a temp file. */
	settingsFile?: string;
	/** Folder of `<assetId>.rbxmx` fixtures served by InsertService / game:GetObjects (default: tests/studio/fixtures/assets). */
	assetsDir?: string;
	/** Receives everything printed (print/warn/errors). Defaults to process.stdout/stderr. */
	output?: (stream: "out" | "warn" | "err", text: string) => void;
}

export interface Studio {
	/** Calls an exported engine API function by name with JSON-able arguments; resolves to its JSON result. */
	call(name: string, ...args: unknown[]): Promise<unknown>;
	/** Runs Luau in the session (as a script would) and resolves to its first result. */
	evaluate<T = unknown>(source: string): Promise<T>;
	/** Every HTTP request the session made, in order (HttpService and stream clients alike). */
	readonly httpLog: HttpBridge["log"];
	destroy(): void;
}

function readEngineFile(name: string): string {
	if (!/^[A-Za-z0-9_\-/]+$/.test(name) || name.includes("..")) {
		throw new Error(`bad engine module name ${name}`);
	}
	const candidates = name.startsWith("generated/")
		? [join(generatedRoot, name.slice("generated/".length) + ".luau")]
		: [join(engineRoot, name + ".luau"), join(engineRoot, name, "init.luau")];
	for (const file of candidates) {
		if (existsSync(file)) return readFileSync(file, "utf8");
	}
	if (name.startsWith("generated/")) {
		throw new Error(`missing ${candidates[0]}: run \`npm run studio:classdb\` first`);
	}
	throw new Error(`no engine module ${name}`);
}

/** Starts a fresh headless Studio. */
export async function createStudio(options: StudioOptions = {}): Promise<Studio> {
	const output =
		options.output ??
		((stream, text) => (stream === "out" ? process.stdout : process.stderr).write(text + "\n"));
	const http = new HttpBridge();
	const settingsFile = options.settingsFile;
	const blobs = new BlobStore();
	let state: LuauState;
	const hostBridge = {
		readEngineFile,
		compile: (source: string, chunkName: string) => state.loadstring(source, chunkName, false),
		write: (stream: "out" | "warn" | "err", text: string) => output(stream, text),
		realClock: () => performance.now() / 1000,
		unixTime: () => Date.now() / 1000,
		httpStart: (requestBlob: number) => http.start(blobs.take(requestBlob)),
		httpCancel: (id: number) => http.cancel(id),
		ioWait: async (maxMs: number) => blobs.put(await http.waitAny(maxMs)),
		readSettings: () => blobs.put(settingsFile && existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : "{}"),
		writeSettings: (blobId: number) => {
			const json = blobs.take(blobId);
			if (!settingsFile) return;
			mkdirSync(dirname(settingsFile), { recursive: true });
			writeFileSync(settingsFile, json);
		},
		// Imported on first use: assets.ts reads models through fixtures.ts, which imports this module.
		loadAsset: async (id: string) => {
			const text = (await import("./assets.js")).loadAsset(options.assetsDir ?? join(repoRoot, "tests/studio/fixtures/assets"), id);
			return text ? blobs.put(text) : 0;
		},
		blobChunk: (id: number, index: number) => blobs.chunk(id, index),
		blobNew: () => blobs.create(),
		blobAppend: (id: number, chunk: string) => blobs.append(id, chunk),
	};
	state = await LuauState.createAsync({ __host: hostBridge });
	const boot = state.loadstring(readEngineFile("boot"), "=engine/boot", true);
	// luau-web resolves a Luau call to the array of its return values.
	const [api] = (await boot()) as [{ callJson: (name: string, argsBlob: number) => Promise<[number]> }?];
	if (!api) throw new Error("engine boot returned nothing");
	const callJson = api.callJson;
	return {
		async call(name, ...args) {
			const [resultBlob] = await callJson(name, blobs.put(JSON.stringify(args)));
			const result = blobs.take(resultBlob);
			const parsed = JSON.parse(result) as { ok: boolean; value?: unknown; error?: string };
			if (!parsed.ok) throw new Error(parsed.error);
			return parsed.value;
		},
		evaluate(source) {
			return this.call("evaluate", source) as Promise<never>;
		},
		httpLog: http.log,
		destroy() {
			// luau-web 1.4 breaks the next state created after a destroy(), so the VM is left to
			// the process's exit; only the I/O is shut down.
			http.closeAll();
		},
	};
}
