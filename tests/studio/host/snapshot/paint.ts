/**
 * The drawing a headless Studio exports for a GUI root (engine/gui/Paint.luau, host API
 * `guiExport` / `guiRenderScene`): one schema, parsed at the boundary so the HTML conversion
 * only ever sees well-formed data.
 */
import { z } from "zod";

const rect = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const color = z.string().regex(/^#[0-9a-f]{6}$/);
const alpha = z.number().min(0).max(1);

const run = z.object({
	text: z.string(),
	bold: z.boolean().optional(),
	italic: z.boolean().optional(),
	underline: z.boolean().optional(),
	strike: z.boolean().optional(),
	color: color.optional(),
	alpha: alpha.optional(),
	size: z.number().optional(),
});

const text = z.object({
	size: z.number(),
	lineHeight: z.number(),
	color,
	alpha,
	font: z.object({ family: z.string(), weight: z.number(), style: z.string() }),
	xAlign: z.enum(["Left", "Center", "Right"]),
	yAlign: z.enum(["Top", "Center", "Bottom"]),
	wrapped: z.boolean(),
	placeholder: z.boolean().optional(),
	lines: z.array(z.object({ x: z.number(), y: z.number(), w: z.number(), runs: z.array(run) })),
	outline: z.object({ color, alpha }).optional(),
});

export const objectItem = z.object({
	kind: z.literal("object"),
	class: z.string(),
	name: z.string(),
	path: z.string(),
	x: z.number(),
	y: z.number(),
	w: z.number(),
	h: z.number(),
	rotation: z.number().optional(),
	z: z.number(),
	clip: rect.optional(),
	clipsDescendants: z.boolean().optional(),
	background: z.object({ color, alpha }).optional(),
	corners: z.array(z.number()).length(4).optional(),
	border: z.object({ size: z.number(), color, alpha, mode: z.enum(["Outline", "Middle", "Inset"]) }).optional(),
	stroke: z
		.object({
			applyTo: z.enum(["border", "text"]),
			color,
			alpha,
			thickness: z.number(),
			position: z.enum(["Outer", "Center", "Inner"]),
		})
		.optional(),
	gradient: z
		.object({
			colors: z.array(z.object({ t: z.number(), color })),
			alphas: z.array(z.object({ t: z.number(), alpha })),
			rotation: z.number(),
			offsetX: z.number(),
			offsetY: z.number(),
		})
		.optional(),
	text: text.optional(),
	image: z
		.object({
			kind: z.enum(["asset", "thumbnail"]),
			id: z.string(),
			source: z.string(),
			color,
			alpha,
		})
		.optional(),
});

export const scrollbarItem = z.object({
	kind: z.literal("scrollbar"),
	name: z.string(),
	x: z.number(),
	y: z.number(),
	w: z.number(),
	h: z.number(),
	clip: rect.optional(),
	color,
	alpha,
});

export const paint = z.object({
	root: z.object({
		class: z.string(),
		name: z.string(),
		width: z.number(),
		height: z.number(),
		zIndexBehavior: z.enum(["Global", "Sibling"]),
		title: z.string().optional(),
	}),
	items: z.array(z.discriminatedUnion("kind", [objectItem, scrollbarItem])),
});

export type Paint = z.infer<typeof paint>;
export type ObjectItem = z.infer<typeof objectItem>;
export type ScrollbarItem = z.infer<typeof scrollbarItem>;
export type TextItem = z.infer<typeof text>;
export type Run = z.infer<typeof run>;
export type Rect = z.infer<typeof rect>;
