/**
 * `npx tsx tests/studio/host/snapshot/render.ts <scene.luau> <out.png> [--size WxH] [--html out.html] [--project game.project.json]`
 *
 * Renders a GUI the way Studio would show it: runs the scene (Luau that builds a GUI and returns
 * it: a ScreenGui on the simulated screen, a plugin dock widget, or an element in one) in a
 * fresh headless Studio whose screen is W x H (default 400 x 600), exports the laid-out drawing
 * (host API guiRenderScene), turns it into HTML (html.ts) and screenshots it with headless
 * Chromium (chromium.ts). A plugin widget gets Studio's title bar above it, in the current
 * Studio theme's colours. With --project, a game's Rojo project is loaded into the DataModel's services
 * first (as studio:spec --project does), so the scene can require the game's modules.
 */
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ensureClassDb, loadProject } from "../fixtures.js";
import { createStudio } from "../vm.js";
import { screenshot } from "./chromium.js";
import { pageSize, toHtml, type HtmlOptions } from "./html.js";
import { paint as paintSchema } from "./paint.js";

interface Args {
	scene: string;
	out: string;
	width: number;
	height: number;
	html?: string;
	project?: string;
}

function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	let width = 400;
	let height = 600;
	let html: string | undefined;
	let project: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--size") {
			const match = /^(\d+)x(\d+)$/.exec(argv[++i] ?? "");
			if (!match) throw new Error("--size takes WIDTHxHEIGHT, e.g. --size 400x600");
			width = Number(match[1]);
			height = Number(match[2]);
		} else if (arg === "--html") {
			html = argv[++i];
			if (!html) throw new Error("--html takes a file name");
		} else if (arg === "--project") {
			project = argv[++i];
			if (!project) throw new Error("--project takes a game's .project.json");
		} else if (arg.startsWith("--")) {
			throw new Error(`unknown option ${arg}`);
		} else {
			positional.push(arg);
		}
	}
	if (positional.length !== 2) {
		throw new Error("usage: render.ts <scene.luau> <out.png> [--size WxH] [--html out.html] [--project game.project.json]");
	}
	return {
		scene: resolve(positional[0]),
		out: resolve(positional[1]),
		width,
		height,
		html: html && resolve(html),
		project: project && resolve(project),
	};
}

// The theme colours Studio draws around and behind a widget.
const THEME = `
	local theme = settings().Studio.Theme
	local function hex(name)
		local c = theme:GetColor(Enum.StudioStyleGuideColor[name])
		return string.format("#%02x%02x%02x", math.round(c.R * 255), math.round(c.G * 255), math.round(c.B * 255))
	end
	return {
		bar = hex("Titlebar"),
		text = hex("TitlebarText"),
		border = hex("Border"),
		widget = hex("MainBackground"),
		viewport = hex("ViewPortBackground"),
	}
`;

interface Theme {
	bar: string;
	text: string;
	border: string;
	widget: string;
	viewport: string;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	ensureClassDb();
	const studio = await createStudio({ output: (_stream, text) => process.stderr.write(text + "\n") });
	try {
		if (args.project) await studio.call("loadPlace", loadProject(args.project).children);
		await studio.call("guiSetViewportSize", args.width, args.height);
		const paint = paintSchema.parse(await studio.call("guiRenderScene", readFileSync(args.scene, "utf8")));
		const theme = (await studio.evaluate(THEME)) as Theme;
		const widget = paint.root.class.endsWith("PluginGui");
		const title = paint.root.title || paint.root.name;
		const options: HtmlOptions = widget
			? { background: theme.widget, chrome: { title, bar: theme.bar, text: theme.text, border: theme.border } }
			: { background: theme.viewport };
		const html = toHtml(paint, options);
		const { width, height } = pageSize(paint, options);
		const work = mkdtempSync(join(tmpdir(), "vector-render-"));
		try {
			const htmlFile = args.html ?? join(work, "snapshot.html");
			mkdirSync(dirname(htmlFile), { recursive: true });
			writeFileSync(htmlFile, html);
			mkdirSync(dirname(args.out), { recursive: true });
			const command = screenshot(htmlFile, args.out, width, height);
			console.log(`${args.out} (${width}x${height}, ${paint.items.length} items)`);
			console.log(`chromium: ${command.join(" ")}`);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	} finally {
		studio.destroy();
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	},
);
