/**
 * Turns a GUI drawing (see paint.ts) into a static HTML page of absolutely positioned boxes that
 * a browser draws the way Roblox would: backgrounds, legacy borders, UICorner radii, UIStroke
 * outlines, a basic UIGradient, text lines exactly where the engine laid them out, scroll bar
 * thumbs, and neutral placeholders for images (an asset id, or "thumbnail" for rbxthumb://).
 *
 * Fonts are the installed ones closest to Roblox's (Roblox's own font files are not available):
 * Source Sans 3 / Source Sans Pro, then DejaVu Sans, for SourceSans; Arial-metric fonts for
 * Legacy/Arial; monospace for Code and RobotoMono. The engine measured each line with Roblox's
 * metrics (engine/gui/TextMetrics), so a small script squeezes any line the fallback font draws
 * wider than the engine's width: line breaks, alignment and TextBounds stay the engine's.
 *
 * Not drawn: images themselves, 9-slice, UIGradient Offset, rich text stroke and mark,
 * MaxVisibleGraphemes, AutoButtonColor's hover and press tints, a focused TextBox's cursor. The
 * scroll bar thumb is a rounded bar in ScrollBarImageColor3 (Roblox draws three images tinted
 * by it).
 */
import type { ObjectItem, Paint, Rect, Run, ScrollbarItem, TextItem } from "./paint.js";

const SANS = '"Source Sans 3", "Source Sans Pro", "DejaVu Sans", sans-serif';
const ARIAL = 'Arial, "Liberation Sans", Arimo, "DejaVu Sans", sans-serif';
const MONO = '"DejaVu Sans Mono", monospace';

/** CSS font stacks by Roblox font family file name (FontFace.Family without path and .json). */
export const FONT_STACKS: Readonly<Record<string, string>> = {
	SourceSansPro: SANS,
	GothamSSm: `"Gotham SSm", Gotham, Montserrat, ${SANS}`,
	Montserrat: `Montserrat, ${SANS}`,
	BuilderSans: `"Builder Sans", Inter, ${SANS}`,
	LegacyArial: ARIAL,
	Arial: ARIAL,
	Arimo: ARIAL,
	Roboto: `Roboto, ${SANS}`,
	Inconsolata: `Inconsolata, ${MONO}`,
	RobotoMono: `"Roboto Mono", ${MONO}`,
};

export function fontStack(family: string): string {
	return FONT_STACKS[family] ?? SANS;
}

/** Studio's dock widget frame around a plugin widget: the title bar Studio draws above it. */
export interface Chrome {
	title: string;
	bar: string;
	text: string;
	border: string;
}

export interface HtmlOptions {
	/** What shows where the GUI draws nothing: the widget background or the 3D viewport. */
	background: string;
	/** Draws Studio's title bar above the GUI (plugin widgets). */
	chrome?: Chrome;
}

/** Height of Studio's dock widget title bar, in pixels. */
export const CHROME_HEIGHT = 26;

function px(n: number): string {
	return `${Math.round(n * 100) / 100}px`;
}

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function rgba(hex: string, alpha: number): string {
	const r = parseInt(hex.slice(1, 3), 16);
	const g = parseInt(hex.slice(3, 5), 16);
	const b = parseInt(hex.slice(5, 7), 16);
	return alpha >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round(alpha * 1000) / 1000})`;
}

function lerp(a: number, b: number, t: number): number {
	return a + (b - a) * t;
}

function sample<T extends { t: number }>(points: T[], t: number, value: (p: T) => number[]): number[] {
	if (points.length === 0) return [];
	if (t <= points[0].t) return value(points[0]);
	for (let i = 1; i < points.length; i++) {
		if (t <= points[i].t) {
			const a = points[i - 1];
			const b = points[i];
			const f = b.t === a.t ? 0 : (t - a.t) / (b.t - a.t);
			const va = value(a);
			const vb = value(b);
			return va.map((v, k) => lerp(v, vb[k], f));
		}
	}
	return value(points[points.length - 1]);
}

function hexParts(hex: string): number[] {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** UIGradient multiplies the background colour and transparency along its direction. */
function gradientCss(item: ObjectItem, background: { color: string; alpha: number }): string {
	const g = item.gradient!;
	const times = [...new Set([...g.colors.map((c) => c.t), ...g.alphas.map((a) => a.t)])].sort((a, b) => a - b);
	const base = hexParts(background.color);
	const stops = times.map((t) => {
		const [r, gr, b] = sample(g.colors, t, (c) => hexParts(c.color));
		const [a] = sample(g.alphas, t, (p) => [p.alpha]);
		const color = [r, gr, b].map((v, i) => Math.round((v * base[i]) / 255));
		const alpha = Math.round(background.alpha * a * 1000) / 1000;
		return `rgba(${color.join(", ")}, ${alpha}) ${Math.round(t * 10000) / 100}%`;
	});
	return `linear-gradient(${90 + g.rotation}deg, ${stops.join(", ")})`;
}

function runHtml(run: Run, text: TextItem): string {
	const style: string[] = [];
	if (run.bold) style.push("font-weight:700");
	if (run.italic) style.push("font-style:italic");
	const decorations = [run.underline ? "underline" : "", run.strike ? "line-through" : ""].filter(Boolean);
	if (decorations.length > 0) style.push(`text-decoration:${decorations.join(" ")}`);
	if (run.color || run.alpha !== undefined) style.push(`color:${rgba(run.color ?? text.color, run.alpha ?? text.alpha)}`);
	if (run.size) style.push(`font-size:${px(run.size)}`);
	// A tab draws as a space (TextLabel.Text reference), as the engine measured it.
	const body = escape(run.text.replace(/\t/g, " "));
	return style.length > 0 ? `<span style="${style.join(";")}">${body}</span>` : body;
}

function textHtml(item: ObjectItem, text: TextItem): string {
	const align = text.xAlign.toLowerCase();
	const shared = [
		`font-family:${escape(fontStack(text.font.family))}`,
		`font-size:${px(text.size)}`,
		`line-height:${px(text.lineHeight)}`,
		`height:${px(text.lineHeight)}`,
		`font-weight:${text.font.weight}`,
		`font-style:${text.font.style === "Italic" ? "italic" : "normal"}`,
		`color:${rgba(text.color, text.alpha)}`,
		`text-align:${align}`,
	];
	if (item.stroke?.applyTo === "text") {
		const s = item.stroke;
		// Roblox strokes outside the glyphs: a stroke of twice the width, painted under the fill.
		shared.push(`-webkit-text-stroke:${px(s.thickness * 2)} ${rgba(s.color, s.alpha)}`, "paint-order:stroke fill");
	}
	if (text.outline) {
		const c = rgba(text.outline.color, text.outline.alpha);
		shared.push(`text-shadow:1px 0 ${c},-1px 0 ${c},0 1px ${c},0 -1px ${c}`);
	}
	return text.lines
		.map((line) => {
			const style = [...shared, `left:${px(line.x - item.x)}`, `top:${px(line.y - item.y)}`, `width:${px(line.w)}`];
			const runs = line.runs.map((r) => runHtml(r, text)).join("");
			const attributes = `data-w="${line.w}" data-align="${align}" style="${style.join(";")}"`;
			return `<div class="l" ${attributes}><span class="f">${runs}</span></div>`;
		})
		.join("");
}

function imageHtml(item: ObjectItem): string {
	const image = item.image!;
	const label = image.kind === "thumbnail" ? "thumbnail" : `asset ${image.id}`;
	const attributes = `style="opacity:${image.alpha}" title="${escape(image.source)}"`;
	return `<div class="img" ${attributes}><span>${escape(label)}</span></div>`;
}

function outline(size: number, color: string, offset: number): string[] {
	return [`outline:${px(size)} solid ${color}`, `outline-offset:${px(offset)}`];
}

function objectHtml(item: ObjectItem, origin: { x: number; y: number }): string {
	const style = [
		`left:${px(item.x - origin.x)}`,
		`top:${px(item.y - origin.y)}`,
		`width:${px(item.w)}`,
		`height:${px(item.h)}`,
	];
	if (item.rotation) style.push(`transform:rotate(${item.rotation}deg)`);
	if (item.background) {
		if (item.gradient) style.push(`background-image:${gradientCss(item, item.background)}`);
		else style.push(`background-color:${rgba(item.background.color, item.background.alpha)}`);
	}
	if (item.corners) {
		const [tl, tr, br, bl] = item.corners;
		style.push(`border-radius:${px(tl)} ${px(tr)} ${px(br)} ${px(bl)}`);
	}
	// A UIStroke on the border replaces the legacy border.
	if (item.stroke?.applyTo === "border" && item.stroke.thickness > 0) {
		const s = item.stroke;
		const offset = s.position === "Outer" ? 0 : s.position === "Center" ? -s.thickness / 2 : -s.thickness;
		style.push(...outline(s.thickness, rgba(s.color, s.alpha), offset));
	} else if (item.border) {
		const b = item.border;
		const offset = b.mode === "Outline" ? 0 : b.mode === "Middle" ? -b.size / 2 : -b.size;
		style.push(...outline(b.size, rgba(b.color, b.alpha), offset));
	}
	if (item.clipsDescendants) style.push("overflow:hidden");
	const inner = (item.image ? imageHtml(item) : "") + (item.text ? textHtml(item, item.text) : "");
	return `<div class="o" data-path="${escape(item.path)}" style="${style.join(";")}">${inner}</div>`;
}

function scrollbarHtml(item: ScrollbarItem, origin: { x: number; y: number }): string {
	const radius = Math.min(item.w, item.h) / 2;
	const style = [
		`left:${px(item.x - origin.x)}`,
		`top:${px(item.y - origin.y)}`,
		`width:${px(item.w)}`,
		`height:${px(item.h)}`,
		`background-color:${rgba(item.color, item.alpha)}`,
		`border-radius:${px(radius)}`,
	];
	return `<div class="o bar" data-path="${escape(item.name)}" style="${style.join(";")}"></div>`;
}

function clipped(clip: Rect | undefined, body: (origin: { x: number; y: number }) => string): string {
	if (!clip) return body({ x: 0, y: 0 });
	const style = `left:${px(clip.x)};top:${px(clip.y)};width:${px(clip.w)};height:${px(clip.h)}`;
	return `<div class="c" style="${style}">${body({ x: clip.x, y: clip.y })}</div>`;
}

// Squeezes a line drawn wider by the fallback font than the engine measured it.
const FIT_SCRIPT = `
for (const line of document.querySelectorAll(".l")) {
	const want = parseFloat(line.dataset.w);
	const span = line.firstElementChild;
	const have = span.offsetWidth;
	if (have > want + 0.5 && have > 0) {
		const align = line.dataset.align;
		span.style.transformOrigin = align === "center" ? "50% 50%" : align === "right" ? "100% 50%" : "0 50%";
		span.style.transform = "scaleX(" + (want / have) + ")";
	}
}`;

const STYLE = `
html, body { margin: 0; padding: 0; }
#page { position: relative; overflow: hidden; }
#gui { position: absolute; left: 0; overflow: hidden; }
.c { position: absolute; overflow: hidden; }
.o { position: absolute; box-sizing: border-box; }
.l { position: absolute; white-space: pre; overflow: visible; }
.f { display: inline-block; white-space: pre; }
.img { position: absolute; inset: 0; box-sizing: border-box; overflow: hidden; display: flex; align-items: center;
	justify-content: center; border: 1px dashed rgba(170, 170, 170, 0.7); color: rgba(220, 220, 220, 0.9);
	background: repeating-linear-gradient(45deg, rgba(128, 128, 128, 0.28) 0 6px, rgba(128, 128, 128, 0.14) 6px 12px);
	font: 10px ${MONO}; text-align: center; }
.chrome { position: absolute; left: 0; top: 0; right: 0; box-sizing: border-box; padding-left: 8px;
	font: 13px ${SANS}; display: flex; align-items: center; }
`;

/** The page size: the GUI, plus Studio's title bar for a plugin widget. */
export function pageSize(p: Paint, options: HtmlOptions): { width: number; height: number } {
	return {
		width: Math.ceil(p.root.width),
		height: Math.ceil(p.root.height) + (options.chrome ? CHROME_HEIGHT : 0),
	};
}

/** The HTML page that draws `p`. */
export function toHtml(p: Paint, options: HtmlOptions): string {
	const { width, height } = pageSize(p, options);
	const top = options.chrome ? CHROME_HEIGHT : 0;
	const items = p.items
		.map((item) =>
			item.kind === "scrollbar"
				? clipped(item.clip, (origin) => scrollbarHtml(item, origin))
				: clipped(item.clip, (origin) => objectHtml(item, origin)),
		)
		.join("\n");
	const chrome = options.chrome
		? `<div class="chrome" style="height:${CHROME_HEIGHT}px;background:${options.chrome.bar};color:${options.chrome.text};` +
			`border-bottom:1px solid ${options.chrome.border}">${escape(options.chrome.title)}</div>`
		: "";
	return [
		"<!doctype html>",
		'<html><head><meta charset="utf-8">',
		`<title>${escape(p.root.name)}</title>`,
		`<style>${STYLE}</style>`,
		"</head><body>",
		`<div id="page" style="width:${width}px;height:${height}px;background:${options.background}">`,
		chrome,
		`<div id="gui" style="top:${top}px;width:${px(p.root.width)};height:${px(p.root.height)}">`,
		items,
		"</div></div>",
		`<script>${FIT_SCRIPT}</script>`,
		"</body></html>",
	].join("\n");
}
