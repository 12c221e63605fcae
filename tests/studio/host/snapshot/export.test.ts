/**
 * The drawing a headless Studio exports for snapshots (host API guiRenderScene / guiExport,
 * engine/gui/Paint.luau) and the GUI host API a simulated user drives (guiClick, guiFocus,
 * guiType, guiScroll, guiGeometry). No browser: the drawing is checked as data against the
 * schema the HTML conversion relies on.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureClassDb } from "../fixtures.js";
import { createStudio, type Studio } from "../vm.js";
import { paint as paintSchema, type ObjectItem, type Paint } from "./paint.js";

let studio: Studio;

beforeAll(async () => {
	ensureClassDb();
	studio = await createStudio({ output: () => {} });
	await studio.call("guiSetViewportSize", 400, 300);
});

async function render(source: string): Promise<Paint> {
	return paintSchema.parse(await studio.call("guiRenderScene", source));
}

function object(p: Paint, name: string): ObjectItem {
	const item = p.items.find((i) => i.kind === "object" && i.name === name);
	if (!item || item.kind !== "object") throw new Error(`no drawn element named ${name}`);
	return item;
}

function order(p: Paint): string[] {
	return p.items.filter((i) => i.kind === "object").map((i) => i.name);
}

const screen = (behavior: string, body: string) => `
	local gui = Instance.new("ScreenGui")
	gui.Name = "Scene"
	gui.ZIndexBehavior = Enum.ZIndexBehavior.${behavior}
	local function make(className, props, parent)
		local inst = Instance.new(className)
		for k, v in props do inst[k] = v end
		inst.Parent = parent
		return inst
	end
	${body}
	gui.Parent = game:GetService("CoreGui")
	return gui
`;

describe("the exported drawing", () => {
	it("describes the root and each visible element at its laid-out rectangle", async () => {
		const p = await render(
			screen(
				"Sibling",
				`make("Frame", { Name = "Panel", Size = UDim2.fromOffset(200, 100), Position = UDim2.fromScale(0.5, 0.5), AnchorPoint = Vector2.new(0.5, 0.5), BackgroundColor3 = Color3.fromRGB(46, 46, 46), BackgroundTransparency = 0.25, BorderSizePixel = 0 }, gui)
				 make("Frame", { Name = "Hidden", Visible = false }, gui)`,
			),
		);
		expect(p.root).toMatchObject({ class: "ScreenGui", name: "Scene", width: 400, height: 300, zIndexBehavior: "Sibling" });
		expect(object(p, "Panel")).toMatchObject({ x: 100, y: 100, w: 200, h: 100, background: { color: "#2e2e2e", alpha: 0.75 } });
		expect(order(p)).not.toContain("Hidden");
	});

	it("orders Sibling by ZIndex among siblings, children above their parent", async () => {
		const p = await render(
			screen(
				"Sibling",
				`local a = make("Frame", { Name = "A", ZIndex = 2 }, gui)
				 make("Frame", { Name = "AChild", ZIndex = 1 }, a)
				 make("Frame", { Name = "B", ZIndex = 1 }, gui)`,
			),
		);
		expect(order(p)).toEqual(["B", "A", "AChild"]);
	});

	it("orders Global by every element's ZIndex, ties in tree order", async () => {
		const p = await render(
			screen(
				"Global",
				`local a = make("Frame", { Name = "A", ZIndex = 2 }, gui)
				 make("Frame", { Name = "AChild", ZIndex = 1 }, a)
				 make("Frame", { Name = "B", ZIndex = 2 }, gui)`,
			),
		);
		expect(order(p)).toEqual(["AChild", "A", "B"]);
	});

	it("clips descendants of ClipsDescendants and ScrollingFrames, and draws the scroll bar above the content", async () => {
		const p = await render(
			screen(
				"Sibling",
				`local clip = make("Frame", { Name = "Clip", Size = UDim2.fromOffset(50, 50), Position = UDim2.fromOffset(10, 10), ClipsDescendants = true }, gui)
				 make("Frame", { Name = "Inside", Size = UDim2.fromOffset(100, 100) }, clip)
				 local s = make("ScrollingFrame", { Name = "Scroll", Size = UDim2.fromOffset(100, 100), Position = UDim2.fromOffset(200, 0), CanvasSize = UDim2.fromOffset(0, 400), ScrollBarThickness = 8 }, gui)
				 make("Frame", { Name = "Row", Size = UDim2.new(1, 0, 0, 30) }, s)`,
			),
		);
		expect(object(p, "Inside").clip).toEqual({ x: 10, y: 10, w: 50, h: 50 });
		expect(object(p, "Row").clip).toEqual({ x: 200, y: 0, w: 100, h: 100 });
		const bar = p.items.findIndex((i) => i.kind === "scrollbar");
		expect(bar).toBeGreaterThan(p.items.findIndex((i) => i.name === "Row"));
		expect(p.items[bar]).toMatchObject({ kind: "scrollbar", x: 292, y: 0, w: 8, h: 25 });
	});

	it("exports text lines where the engine laid them out, with rich text runs", async () => {
		const p = await render(
			screen(
				"Sibling",
				`make("TextLabel", { Name = "Label", Size = UDim2.fromOffset(200, 50), Font = Enum.Font.SourceSans, TextSize = 20, RichText = true, Text = "<b>Hello</b> world", TextXAlignment = Enum.TextXAlignment.Left }, gui)`,
			),
		);
		const text = object(p, "Label").text!;
		expect(text.font).toEqual({ family: "SourceSansPro", weight: 400, style: "Normal" });
		expect(text.lines).toEqual([{ x: 0, y: 15, w: expect.closeTo(96.34, 2), runs: [{ text: "Hello", bold: true }, { text: " world" }] }]);
	});

	it("exports UICorner radii, UIStroke, images and a TextBox's placeholder", async () => {
		const p = await render(
			screen(
				"Sibling",
				`local f = make("Frame", { Name = "Card", Size = UDim2.fromOffset(100, 40) }, gui)
				 make("UICorner", { CornerRadius = UDim.new(0.5, 0) }, f)
				 make("UIStroke", { Thickness = 2, Color = Color3.fromRGB(0, 162, 255) }, f)
				 make("ImageLabel", { Name = "Thumb", Image = "rbxthumb://type=Asset&id=42&w=150&h=150" }, gui)
				 make("TextBox", { Name = "Box", Text = "", PlaceholderText = "Ask", PlaceholderColor3 = Color3.fromRGB(102, 102, 102) }, gui)`,
			),
		);
		expect(object(p, "Card")).toMatchObject({
			corners: [20, 20, 20, 20],
			stroke: { applyTo: "border", color: "#00a2ff", thickness: 2, position: "Outer" },
		});
		expect(object(p, "Thumb").image).toMatchObject({ kind: "thumbnail", id: "42" });
		expect(object(p, "Box").text).toMatchObject({ placeholder: true, color: "#666666", lines: [{ runs: [{ text: "Ask" }] }] });
	});

	it("renders the demo scene: a dock widget with its Title", async () => {
		const source = readFileSync(new URL("./scenes/dock-widget.luau", import.meta.url), "utf8");
		const p = await render(source);
		expect(p.root).toMatchObject({ class: "DockWidgetPluginGui", title: "Vector", width: 400, height: 300 });
		expect(object(p, "Transcript").clip).toBeUndefined();
		expect(object(p, "Composer").y + object(p, "Composer").h).toBe(object(p, "StatusBar").y);
	});
});

describe("the simulated user's GUI host API", () => {
	beforeAll(async () => {
		await studio.evaluate(`
			local gui = Instance.new("ScreenGui")
			gui.Name = "UserGui"
			local button = Instance.new("TextButton")
			button.Name = "Go"
			button.Size = UDim2.fromOffset(100, 30)
			button.Parent = gui
			button.Activated:Connect(function() gui:SetAttribute("activated", (gui:GetAttribute("activated") or 0) + 1) end)
			local box = Instance.new("TextBox")
			box.Name = "Box"
			box.Text = ""
			box.Size = UDim2.fromOffset(200, 30)
			box.Position = UDim2.fromOffset(0, 50)
			box.FocusLost:Connect(function(enter) gui:SetAttribute("submitted", enter and box.Text or false) end)
			box.Parent = gui
			local scroll = Instance.new("ScrollingFrame")
			scroll.Name = "Scroll"
			scroll.Size = UDim2.fromOffset(100, 100)
			scroll.Position = UDim2.fromOffset(250, 0)
			scroll.CanvasSize = UDim2.fromOffset(0, 300)
			scroll.Parent = gui
			gui.Parent = game:GetService("CoreGui")
			return true
		`);
	});

	it("guiClick clicks a button: its handlers have run when the call returns", async () => {
		expect(await studio.call("guiClick", "CoreGui.UserGui.Go")).toBe("CoreGui.UserGui.Go");
		expect(await studio.evaluate(`return game:GetService("CoreGui").UserGui:GetAttribute("activated")`)).toBe(1);
	});

	it("guiFocus and guiType type into a text box; Enter submits", async () => {
		await studio.call("guiFocus", "CoreGui.UserGui.Box");
		expect(await studio.call("guiType", "hello\n")).toBe("hello");
		expect(await studio.evaluate(`return game:GetService("CoreGui").UserGui:GetAttribute("submitted")`)).toBe("hello");
	});

	it("guiScroll scrolls within the canvas; guiGeometry reports where an element is", async () => {
		expect(await studio.call("guiScroll", "CoreGui.UserGui.Scroll", 500)).toEqual({ x: 0, y: 200 });
		expect(await studio.call("guiGeometry", "CoreGui.UserGui.Box")).toMatchObject({ x: 0, y: 50, w: 200, h: 30, visible: true });
	});

	it("names what is wrong when a click cannot happen", async () => {
		await expect(studio.call("guiClick", "CoreGui.UserGui.Missing")).rejects.toThrow("no instance at CoreGui.UserGui.Missing");
	});
});
