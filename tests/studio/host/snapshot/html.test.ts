/**
 * The HTML conversion of a GUI drawing: boxes at the engine's coordinates with Roblox's styles,
 * clipping wrappers, text lines, strokes, gradients, placeholders and the widget title bar. Pure:
 * JSON in, HTML string out, no browser.
 */
import { describe, expect, it } from "vitest";
import { CHROME_HEIGHT, fontStack, pageSize, toHtml } from "./html.js";
import { paint as paintSchema, type ObjectItem, type Paint } from "./paint.js";

function frame(overrides: Partial<ObjectItem> = {}): ObjectItem {
	return {
		kind: "object",
		class: "Frame",
		name: "Frame",
		path: "CoreGui.Gui.Frame",
		x: 10,
		y: 20,
		w: 100,
		h: 50,
		z: 1,
		...overrides,
	};
}

function drawing(items: Paint["items"], root: Partial<Paint["root"]> = {}): Paint {
	return paintSchema.parse({
		root: { class: "ScreenGui", name: "Gui", width: 400, height: 300, zIndexBehavior: "Sibling", ...root },
		items,
	});
}

const html = (p: Paint) => toHtml(p, { background: "#252525" });

describe("boxes", () => {
	it("places each element at its absolute position and size", () => {
		const out = html(drawing([frame()]));
		expect(out).toContain('data-path="CoreGui.Gui.Frame" style="left:10px;top:20px;width:100px;height:50px');
	});

	it("draws the background in BackgroundColor3 with the background's opacity", () => {
		const out = html(drawing([frame({ background: { color: "#2e2e2e", alpha: 0.5 } })]));
		expect(out).toContain("background-color:rgba(46, 46, 46, 0.5)");
	});

	it("keeps the engine's paint order", () => {
		const out = html(drawing([frame({ name: "Below", path: "Below" }), frame({ name: "Above", path: "Above" })]));
		expect(out.indexOf('data-path="Below"')).toBeLessThan(out.indexOf('data-path="Above"'));
	});

	it("draws the legacy border outside (Outline), across (Middle) or inside (Inset) the box", () => {
		const outline = html(drawing([frame({ border: { size: 2, color: "#1b2a35", alpha: 1, mode: "Outline" } })]));
		expect(outline).toContain("outline:2px solid rgb(27, 42, 53);outline-offset:0px");
		const inset = html(drawing([frame({ border: { size: 2, color: "#1b2a35", alpha: 1, mode: "Inset" } })]));
		expect(inset).toContain("outline-offset:-2px");
	});

	it("rounds corners by the UICorner radii", () => {
		const out = html(drawing([frame({ corners: [4, 4, 8, 8] })]));
		expect(out).toContain("border-radius:4px 4px 8px 8px");
	});

	it("draws a UIStroke on the border in place of the legacy border, by BorderStrokePosition", () => {
		const out = html(
			drawing([
				frame({
					border: { size: 1, color: "#000000", alpha: 1, mode: "Outline" },
					stroke: { applyTo: "border", color: "#00a2ff", alpha: 1, thickness: 2, position: "Center" },
				}),
			]),
		);
		expect(out).toContain("outline:2px solid rgb(0, 162, 255);outline-offset:-1px");
		expect(out).not.toContain("rgb(0, 0, 0)");
	});

	it("multiplies a UIGradient into the background along its rotation", () => {
		const out = html(
			drawing([
				frame({
					background: { color: "#ffffff", alpha: 1 },
					gradient: {
						colors: [
							{ t: 0, color: "#ff0000" },
							{ t: 1, color: "#0000ff" },
						],
						alphas: [
							{ t: 0, alpha: 1 },
							{ t: 1, alpha: 0.5 },
						],
						rotation: 90,
						offsetX: 0,
						offsetY: 0,
					},
				}),
			]),
		);
		expect(out).toContain("linear-gradient(180deg, rgba(255, 0, 0, 1) 0%, rgba(0, 0, 255, 0.5) 100%)");
	});

	it("rotates by Rotation and clips its own contents with ClipsDescendants", () => {
		const out = html(drawing([frame({ rotation: 15, clipsDescendants: true })]));
		expect(out).toContain("transform:rotate(15deg)");
		expect(out).toContain("overflow:hidden");
	});
});

describe("clipping", () => {
	it("wraps a clipped element in a box at the clip rectangle and offsets it into it", () => {
		const out = html(drawing([frame({ x: 30, y: 40, clip: { x: 20, y: 30, w: 50, h: 60 } })]));
		expect(out).toContain('<div class="c" style="left:20px;top:30px;width:50px;height:60px">');
		expect(out).toContain("left:10px;top:10px;width:100px;height:50px");
	});
});

describe("text", () => {
	const text = {
		size: 15,
		lineHeight: 15,
		color: "#cccccc",
		alpha: 1,
		font: { family: "SourceSansPro", weight: 400, style: "Normal" },
		xAlign: "Left" as const,
		yAlign: "Top" as const,
		wrapped: true,
		lines: [
			{ x: 14, y: 24, w: 61, runs: [{ text: "Hello " }, { text: "<world>", bold: true, color: "#ff0000" }] },
			{ x: 14, y: 39, w: 20, runs: [{ text: "a\tb" }] },
		],
	};

	it("puts each line where the engine laid it out, relative to its element, in the engine's width", () => {
		const out = html(drawing([frame({ class: "TextLabel", text })]));
		expect(out).toContain('data-w="61"');
		expect(out).toContain("left:4px;top:4px;width:61px");
		expect(out).toContain("left:4px;top:19px;width:20px");
		expect(out).toContain("font-size:15px;line-height:15px;height:15px;font-weight:400;font-style:normal;color:rgb(204, 204, 204);text-align:left");
	});

	it("styles rich text runs and escapes their text; a tab draws as a space", () => {
		const out = html(drawing([frame({ class: "TextLabel", text })]));
		expect(out).toContain('<span style="font-weight:700;color:rgb(255, 0, 0)">&lt;world&gt;</span>');
		expect(out).toContain('<span class="f">a b</span>');
	});

	it("uses installed fonts close to Roblox's: Source Sans, Arial-metric for Legacy, monospace for code", () => {
		expect(fontStack("SourceSansPro")).toContain('"Source Sans 3"');
		expect(fontStack("SourceSansPro")).toContain('"DejaVu Sans"');
		expect(fontStack("LegacyArial")).toContain('"Liberation Sans"');
		expect(fontStack("RobotoMono")).toContain("monospace");
		expect(fontStack("Inconsolata")).toContain("monospace");
		expect(fontStack("SomeAssetFont")).toBe(fontStack("SourceSansPro"));
	});

	it("strokes the glyphs for a contextual UIStroke on a text object", () => {
		const out = html(
			drawing([frame({ class: "TextLabel", text, stroke: { applyTo: "text", color: "#000000", alpha: 1, thickness: 1, position: "Outer" } })]),
		);
		expect(out).toContain("-webkit-text-stroke:2px rgb(0, 0, 0);paint-order:stroke fill");
		expect(out).not.toContain("outline:");
	});

	it("ships the script that squeezes lines the fallback font draws too wide", () => {
		const out = html(drawing([frame({ class: "TextLabel", text })]));
		expect(out).toContain('document.querySelectorAll(".l")');
		expect(out).toContain("scaleX");
	});
});

describe("images and scroll bars", () => {
	it("draws a neutral placeholder naming the asset id, or 'thumbnail' for rbxthumb://", () => {
		const asset = html(
			drawing([frame({ class: "ImageLabel", image: { kind: "asset", id: "12345", source: "rbxassetid://12345", color: "#ffffff", alpha: 1 } })]),
		);
		expect(asset).toContain("<span>asset 12345</span>");
		const thumb = html(
			drawing([
				frame({
					class: "ImageLabel",
					image: { kind: "thumbnail", id: "9", source: "rbxthumb://type=Asset&id=9&w=150&h=150", color: "#ffffff", alpha: 1 },
				}),
			]),
		);
		expect(thumb).toContain("<span>thumbnail</span>");
		expect(thumb).toContain('title="rbxthumb://type=Asset&amp;id=9&amp;w=150&amp;h=150"');
	});

	it("draws a scroll bar thumb with round ends in ScrollBarImageColor3", () => {
		const out = html(
			drawing([{ kind: "scrollbar", name: "List", x: 394, y: 10, w: 6, h: 100, color: "#666666", alpha: 1, clip: { x: 0, y: 0, w: 400, h: 300 } }]),
		);
		expect(out).toContain("left:394px;top:10px;width:6px;height:100px;background-color:rgb(102, 102, 102);border-radius:3px");
	});
});

describe("the page", () => {
	it("is as large as the GUI, on the given background", () => {
		const p = drawing([]);
		expect(pageSize(p, { background: "#000" })).toEqual({ width: 400, height: 300 });
		expect(toHtml(p, { background: "#123456" })).toContain("width:400px;height:300px;background:#123456");
	});

	it("adds Studio's title bar above a plugin widget, with the widget's Title", () => {
		const p = drawing([], { class: "DockWidgetPluginGui", name: "VectorDemo", title: "Vector <beta>" });
		const options = { background: "#2e2e2e", chrome: { title: "Vector <beta>", bar: "#353535", text: "#aaaaaa", border: "#222222" } };
		expect(pageSize(p, options)).toEqual({ width: 400, height: 300 + CHROME_HEIGHT });
		const out = toHtml(p, options);
		expect(out).toContain("Vector &lt;beta&gt;</div>");
		expect(out).toContain(`<div id="gui" style="top:${CHROME_HEIGHT}px`);
	});

	it("the schema rejects a malformed drawing", () => {
		expect(() => drawing([frame({ background: { color: "red", alpha: 1 } })])).toThrow();
		expect(() => drawing([{ ...frame(), kind: "sprite" } as never])).toThrow();
	});
});
