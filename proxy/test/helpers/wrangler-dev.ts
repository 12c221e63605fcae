/**
 * Runs the real Worker under `wrangler dev` (workerd) on a random loopback port, for tests and the bench.
 *
 * The repository's wrangler.toml is copied into a fresh temp directory (with `main` made absolute) next to
 * a generated `.dev.vars`, so the run uses exactly the project's config, never a developer's own
 * `.dev.vars`, and keeps its state (Cache API, rate-limit simulation) in the temp directory. Wrangler runs
 * offline: no account, telemetry off, no `Request.cf` download, no update check (banner hidden).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WRANGLER_BIN = path.join(REPO_ROOT, "node_modules", "wrangler", "bin", "wrangler.js");

export interface WranglerDev {
	/** e.g. http://127.0.0.1:53123 */
	url: string;
	/** Everything wrangler and the Worker printed so far. */
	output(): string;
	stop(): Promise<void>;
}

export interface WranglerDevOptions {
	vars: Record<string, string>;
	/** Another Worker entry to run with the project's config (the bench's baseline); default the proxy. */
	entry?: string;
	readyTimeoutMs?: number;
}

/** Environment that keeps wrangler off the network and out of interactive mode. */
export function offlineWranglerEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.startsWith("CLOUDFLARE_") && !key.startsWith("CF_") && !key.startsWith("OPENAI_")) env[key] = value;
	}
	return {
		...env,
		WRANGLER_SEND_METRICS: "false",
		CLOUDFLARE_CF_FETCH_ENABLED: "false",
		WRANGLER_HIDE_BANNER: "true",
		NO_COLOR: "1",
		FORCE_COLOR: "0",
		CI: "true",
	};
}

/** Starts `wrangler dev` with `vars` as its `.dev.vars`; resolves when the Worker answers HTTP. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
	const dir = await mkdtemp(path.join(os.tmpdir(), "vector-wrangler-"));
	const toml = await readFile(path.join(REPO_ROOT, "wrangler.toml"), "utf8");
	const entry = (options.entry ?? path.join(REPO_ROOT, "proxy", "src", "index.ts")).replaceAll("\\", "/");
	if (!/^main = "proxy\/src\/index\.ts"$/m.test(toml)) throw new Error('wrangler.toml must say main = "proxy/src/index.ts"');
	await writeFile(path.join(dir, "wrangler.toml"), toml.replace(/^main = .*$/m, `main = "${entry}"`));
	await writeFile(path.join(dir, ".dev.vars"), Object.entries(options.vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n"));

	// A free port can be taken between picking it and workerd binding it (another wrangler dev starting
	// at the same moment, e.g. a parallel test file): that attempt exits with "Address already in use"
	// and is retried on fresh ports, a bounded number of times.
	for (let attempt = 1; ; attempt++) {
		try {
			return await launch(dir, options);
		} catch (err) {
			if (attempt >= 3 || !String(err).includes("Address already in use")) {
				await rm(dir, { recursive: true, force: true });
				throw err;
			}
		}
	}
}

async function launch(dir: string, options: WranglerDevOptions): Promise<WranglerDev> {
	const [port, inspectorPort] = await Promise.all([freePort(), freePort()]);
	let output = "";
	const child = spawn(
		process.execPath,
		[
			WRANGLER_BIN,
			"dev",
			"--config",
			path.join(dir, "wrangler.toml"),
			"--ip",
			"127.0.0.1",
			"--port",
			String(port),
			"--inspector-port",
			String(inspectorPort),
			"--persist-to",
			path.join(dir, "state"),
			"--show-interactive-dev-session=false",
		],
		{ cwd: dir, env: offlineWranglerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true },
	);
	child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
	child.stderr?.on("data", (d: Buffer) => (output += d.toString()));

	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		await terminate(child);
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await waitUntilReady(url, child, () => output, options.readyTimeoutMs ?? 60_000);
	} catch (err) {
		await terminate(child);
		throw err;
	}
	return { url, output: () => output, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
		try {
			// Any HTTP answer (even 401/403) means the Worker is up.
			const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2_000) });
			await res.body?.cancel();
			return;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
	}
	throw new Error(`wrangler dev was not ready within ${timeoutMs} ms:\n${output()}`);
}

/** Ends the process group we started (wrangler and its workerd child), by id. */
async function terminate(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	const signal = (sig: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, sig);
		} catch {
			// already gone
		}
	};
	signal("SIGTERM");
	const timer = setTimeout(() => signal("SIGKILL"), 5_000);
	await exited;
	clearTimeout(timer);
}

/** An ephemeral loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
