/**
 * `npm run snapshots [-- <scene name>…] [--no-build] [--html <folder>]`
 *
 * Renders Vector's widget in its main states to `docs/screenshots/<scene>.png`: for each scene
 * (vector-scenes.ts) a fresh headless Studio loads the freshly built release plugin, points it at a
 * scripted fake proxy, and the scene drives the widget as a person would (toolbar button, typing,
 * Enter, clicks). The widget's laid-out drawing (host API guiExport) becomes HTML (../html.ts,
 * with Studio's title bar in the theme's colours) and headless Chromium screenshots it
 * (../chromium.ts). `--html` also keeps each page, for looking at a picture's boxes.
 *
 * Each scene runs in a child process of its own: a headless Studio is a whole Luau VM, and
 * luau-web cannot start a second one cleanly after the first is torn down.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../../vm.js";
import { screenshot } from "../chromium.js";
import { pageSize, toHtml } from "../html.js";
import { paint as paintSchema } from "../paint.js";
import { releasePlugin, VectorSession, WIDGET } from "./vector-session.js";
import { SCENES } from "./vector-scenes.js";

const OUT = join(repoRoot, "docs/screenshots");

interface Args {
	scenes: string[];
	build: boolean;
	html?: string;
	/** Internal: run one scene in this process. */
	child?: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { scenes: [], build: true };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--no-build") args.build = false;
		else if (arg === "--html") args.html = resolve(argv[++i] ?? "");
		else if (arg === "--child") args.child = argv[++i];
		else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
		else args.scenes.push(arg);
	}
	for (const name of [...args.scenes, ...(args.child ? [args.child] : [])]) {
		if (!SCENES.some((scene) => scene.name === name)) {
			throw new Error(`no scene "${name}"; scenes: ${SCENES.map((scene) => scene.name).join(", ")}`);
		}
	}
	return args;
}

/** Studio's colours around a widget (its title bar), read from the session's theme. */
const CHROME = `
	local theme = settings().Studio.Theme
	local function hex(name)
		local c = theme:GetColor(Enum.StudioStyleGuideColor[name])
		return string.format("#%02x%02x%02x", math.round(c.R * 255), math.round(c.G * 255), math.round(c.B * 255))
	end
	return { bar = hex("Titlebar"), text = hex("TitlebarText"), border = hex("Border"), widget = hex("MainBackground") }
`;

/** Runs one scene and writes its PNG. */
async function runScene(name: string, htmlDir?: string): Promise<void> {
	const scene = SCENES.find((entry) => entry.name === name)!;
	const session = await VectorSession.start(scene.options ?? {});
	try {
		await session.toggle();
		await session.resize(scene.width ?? 400, scene.height ?? 640);
		await scene.drive(session);
		await session.advance(0.3);
		const paint = paintSchema.parse(await session.studio.call("guiExport", WIDGET));
		const colors = (await session.studio.evaluate(CHROME)) as {
			bar: string;
			text: string;
			border: string;
			widget: string;
		};
		const options = {
			background: colors.widget,
			chrome: { title: "Vector", bar: colors.bar, text: colors.text, border: colors.border },
		};
		const html = toHtml(paint, options);
		const { width, height } = pageSize(paint, options);
		const work = mkdtempSync(join(tmpdir(), "vector-snapshots-"));
		try {
			const htmlFile = htmlDir ? join(htmlDir, `${name}.html`) : join(work, `${name}.html`);
			if (htmlDir) mkdirSync(htmlDir, { recursive: true });
			writeFileSync(htmlFile, html);
			mkdirSync(OUT, { recursive: true });
			const png = join(OUT, `${name}.png`);
			screenshot(htmlFile, png, width, height);
			console.log(`${png} (${width}x${height}, ${paint.items.length} items): ${scene.shows}`);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
		const errors = session.errors();
		if (errors.length > 0) throw new Error(`the plugin printed errors:\n${errors.join("\n")}`);
	} finally {
		await session.close();
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (args.child) {
		await runScene(args.child, args.html);
		return;
	}
	if (args.build) releasePlugin({ rebuild: true });
	const names = args.scenes.length > 0 ? args.scenes : SCENES.map((scene) => scene.name);
	const self = fileURLToPath(import.meta.url);
	let failed = 0;
	for (const name of names) {
		const childArgs = ["tsx", self, "--child", name, ...(args.html ? ["--html", args.html] : [])];
		const result = spawnSync("npx", childArgs, { cwd: repoRoot, stdio: "inherit" });
		if (result.status !== 0) {
			failed += 1;
			console.error(`scene ${name} failed`);
		}
	}
	console.log(`${names.length - failed} of ${names.length} snapshots written to ${OUT}`);
	if (failed > 0) process.exitCode = 1;
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(err) => {
		console.error(err instanceof Error ? (err.stack ?? err.message) : err);
		process.exit(1);
	},
);
