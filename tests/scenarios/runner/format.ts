/**
 * The scenario file format (tests/scenarios/README.md): a starting place, optional settings, and
 * steps that drive the real Vector plugin in a headless Studio the way a user would, with the
 * model's replies scripted. This module reads a file, checks its shape (so a typo in a scenario is
 * a clear error, not a silent no-op) and turns an inline place into the instance-tree IR.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PropValue, TreeNode } from "../../../plugin/build/tree.js";
import { loadModelFile } from "../../studio/host/fixtures.js";
import { checkCanvasOptions, type CanvasOptions } from "./fake-canvas.js";
import { PLAY_EXPECT_KEYS, PLAY_STEP_KEYS, type PlayExpectations, type PlayStep } from "./play-steps.js";

/** A node of an inline place: the compact form (or full IR, which has the same keys). */
export interface CompactNode {
	className: string;
	name?: string;
	/** Property name → value: booleans, numbers, strings as they are; typed values as {"Vector3": [x,y,z]},
	 * {"Color3": [r,g,b]} (0..1), {"Color3uint8": [r,g,b]}, {"UDim2": [...]}, {"Enum": "Neon"}, or full IR {type, value}. */
	properties?: Record<string, unknown>;
	/** Script source (Script, LocalScript, ModuleScript). */
	source?: string;
	attributes?: Record<string, unknown>;
	tags?: string[];
	children?: CompactNode[];
}

export interface ToolCallSpec {
	name: string;
	/** An object (sent as JSON) or a raw string (sent as it is: malformed JSON). */
	arguments?: unknown;
}

export interface ModelReply {
	text?: string;
	chunks?: string[];
	pieceDelayMs?: number;
	toolCalls?: ToolCallSpec[];
	/** Keep the stream open after the text until the plugin closes it (a model still "thinking"). */
	hang?: boolean;
	/** Appends this many characters of filler prose to `text` (a long answer, e.g. to fill the context window). */
	filler?: number;
	/** The provider answers this HTTP error (OpenAI error body; `retryAfter` seconds as Retry-After) instead. */
	error?: { status: number; code: string; message: string; retryAfter?: number };
	/** The provider answers 200 with this body, which is not a chat completion (garbage). */
	garbage?: string;
	usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export interface Expectations extends PlayExpectations {
	scripts?: Record<string, string>;
	/** Script path → text the editor shows (draft included). */
	editors?: Record<string, string>;
	instances?: Record<string, { className?: string; properties?: Record<string, unknown> }>;
	absent?: string[];
	proposals?: Array<{ state?: string }>;
	undo?: { count?: number; names?: string[]; redo?: number };
	widgetShows?: string[];
	widgetHides?: string[];
	modelWasSent?: Array<{ contains: string; in?: "last" | "any"; role?: string }>;
	modelNotSent?: Array<{ contains: string; in?: "last" | "any"; role?: string }>;
	modelRequests?: number;
	/** Whether the last request asked for a streamed answer. */
	modelStreamed?: boolean;
	/** The model the last request the provider received named (the proxy's default when the setting is empty). */
	modelNamed?: string;
	noErrors?: boolean;
	/** Terrain voxels in grid-aligned boxes (4-stud voxels): material name → how many voxels, or "some"/"none". */
	terrain?: Array<{ min: [number, number, number]; max: [number, number, number]; materials: Record<string, number | "some" | "none"> }>;
}

/** The settings with a text field in the Settings tab. */
export type TextSetting = "proxyUrl" | "token" | "providerBaseUrl" | "providerKey" | "model" | "canvasBaseUrl" | "canvasToken";

/** A `settings` step: text fields to retype (`$PROXY_URL`: the session's proxy), choices and toggles. */
export type SettingsChange = Partial<Record<TextSetting, string>> & {
	mode?: "plan" | "act";
	streaming?: boolean;
	autoApprove?: Record<string, boolean>;
};

export type Step =
	| { user: string }
	| { model: ModelReply }
	| { approve: number }
	| { reject: number; reason?: string }
	| { revert: number }
	| { undo: true }
	| { redo: true }
	| { editScript: { path: string; text?: string; insert?: string; line?: number; character?: number } }
	| { openScript: string }
	| { select: string[] }
	| { providerDown: boolean }
	| { proxyDown: boolean }
	| { mode: "plan" | "act" }
	| { settings: SettingsChange }
	| { click: string }
	| { type: { field: string; text: string } }
	| { command: string }
	| { wait: number }
	| { waitFor: string; seconds?: number }
	| { expect: Expectations }
	| PlayStep;

export interface Scenario {
	name: string;
	description?: string;
	place?: { file: string } | { tree: CompactNode[] };
	activeScript?: string;
	selection?: string[];
	settings?: Record<string, unknown>;
	/** What the proxy's asset search returns (insert_asset loads ids from tests/studio/host/snapshot/scenes/assets). */
	assets?: Array<{ id: number; name: string; creator: string; type?: string }>;
	steps: Step[];
	expect?: Expectations;
	/** Model requests beyond the scripted replies are allowed (the provider answers them with a 500). */
	allowUnscripted?: boolean;
	/** A fake Canvas LMS on loopback, connected in the settings (runner/fake-canvas.ts). */
	canvas?: CanvasOptions;
}

export interface LoadedScenario extends Scenario {
	file: string;
	nodes: TreeNode[];
	/** Luau run after the place loads (typed values the IR cannot say easily, e.g. enums by name). */
	setup: string;
}

const STEP_KEYS = [
	"user",
	"model",
	"approve",
	"reject",
	"revert",
	"undo",
	"redo",
	"editScript",
	"openScript",
	"select",
	"providerDown",
	"proxyDown",
	"mode",
	"settings",
	"click",
	"type",
	"command",
	"wait",
	"waitFor",
	"expect",
	...PLAY_STEP_KEYS,
];
const EXPECT_KEYS = [
	"scripts",
	"editors",
	"instances",
	"absent",
	"proposals",
	"undo",
	"widgetShows",
	"widgetHides",
	"modelWasSent",
	"modelNotSent",
	"modelRequests",
	"modelStreamed",
	"modelNamed",
	"noErrors",
	"terrain",
	...PLAY_EXPECT_KEYS,
];
const SETTINGS_KEYS = [
	"proxyUrl",
	"token",
	"providerBaseUrl",
	"providerKey",
	"model",
	"canvasBaseUrl",
	"canvasToken",
	"mode",
	"streaming",
	"autoApprove",
];
const SCRIPT_CLASSES = new Set(["Script", "LocalScript", "ModuleScript"]);

/** The key that names a step's kind. */
export function stepKind(step: Step): string {
	return Object.keys(step).find((key) => STEP_KEYS.includes(key)) ?? "?";
}

/** `a/b/c` slash path (the plugin's form) as a Luau expression resolving from `game` (nil if missing). */
export function luaResolve(path: string): string {
	return `(function() local node = game for _, name in string.split(${JSON.stringify(path)}, "/") do node = node and node:FindFirstChild(name) end return node end)()`;
}

export function loadScenario(file: string): LoadedScenario {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, "utf8"));
	} catch (error) {
		throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
	}
	const scenario = raw as Scenario;
	const problems: string[] = [];
	if (typeof scenario.name !== "string") problems.push(`"name" must be a string`);
	if (!Array.isArray(scenario.steps)) problems.push(`"steps" must be an array`);
	(scenario.steps ?? []).forEach((step, index) => {
		const kinds = Object.keys(step).filter((key) => STEP_KEYS.includes(key));
		if (kinds.length !== 1) problems.push(`step ${index + 1}: needs exactly one of ${STEP_KEYS.join(", ")}; has ${JSON.stringify(Object.keys(step))}`);
		if ("expect" in step) checkExpect(step.expect, `step ${index + 1}`, problems);
		if ("settings" in step) {
			for (const key of Object.keys(step.settings ?? {})) {
				if (!SETTINGS_KEYS.includes(key)) problems.push(`step ${index + 1}: unknown setting "${key}" (known: ${SETTINGS_KEYS.join(", ")})`);
			}
		}
	});
	if (scenario.expect) checkExpect(scenario.expect, "expect", problems);
	checkCanvasOptions(scenario.canvas, problems);
	if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join("\n  ")}`);

	let nodes: TreeNode[] = [];
	const setup: string[] = [];
	if (scenario.place && "file" in scenario.place) {
		nodes = loadModelFile(readFileSync(resolve(dirname(file), scenario.place.file), "utf8"));
	} else if (scenario.place && "tree" in scenario.place) {
		nodes = scenario.place.tree.map((node) => toIr(node, "", setup));
	}
	return { ...scenario, file, nodes, setup: setup.join("\n") };
}

function checkExpect(expect: Expectations, where: string, problems: string[]): void {
	for (const key of Object.keys(expect)) {
		if (!EXPECT_KEYS.includes(key)) problems.push(`${where}: unknown expectation "${key}" (known: ${EXPECT_KEYS.join(", ")})`);
	}
}

const VECTOR_TYPES = ["Vector3", "Vector2", "UDim", "UDim2", "Rect", "NumberRange", "Color3", "Color3uint8", "CFrame"];

function toIr(node: CompactNode, parentPath: string, setup: string[]): TreeNode {
	const name = node.name ?? node.className;
	const path = parentPath === "" ? name : `${parentPath}/${name}`;
	const properties: Record<string, PropValue> = {};
	for (const [key, value] of Object.entries(node.properties ?? {})) {
		const converted = toPropValue(value);
		if (converted === "enum") {
			const item = (value as { Enum: string }).Enum;
			setup.push(
				`do local inst = ${luaResolve(path)} inst[${JSON.stringify(key)}] = (Enum :: any)[tostring(inst[${JSON.stringify(key)}].EnumType)][${JSON.stringify(item)}] end`,
			);
		} else {
			properties[key] = converted;
		}
	}
	if (node.source !== undefined) {
		if (!SCRIPT_CLASSES.has(node.className)) throw new Error(`${path}: "source" on a ${node.className}`);
		properties.Source = { type: "ProtectedString", value: node.source };
	}
	const attributes: Record<string, PropValue> = {};
	for (const [key, value] of Object.entries(node.attributes ?? {})) {
		const converted = toPropValue(value);
		if (converted !== "enum") attributes[key] = converted;
	}
	return {
		name,
		className: node.className,
		properties,
		...(Object.keys(attributes).length > 0 ? { attributes } : {}),
		...(node.tags && node.tags.length > 0 ? { tags: node.tags } : {}),
		children: (node.children ?? []).map((child) => toIr(child, path, setup)),
	};
}

function toPropValue(value: unknown): PropValue | "enum" {
	if (typeof value === "boolean") return { type: "bool", value };
	if (typeof value === "number") return { type: "double", value };
	if (typeof value === "string") return { type: "string", value };
	if (value && typeof value === "object" && !Array.isArray(value)) {
		const record = value as Record<string, unknown>;
		if ("type" in record && "value" in record) return record as unknown as PropValue;
		const keys = Object.keys(record);
		if (keys.length === 1 && keys[0] === "Enum") return "enum";
		if (keys.length === 1 && VECTOR_TYPES.includes(keys[0])) {
			return { type: keys[0], value: record[keys[0]] } as PropValue;
		}
		if (keys.length === 1 && keys[0] === "BrickColor") return { type: "BrickColor", value: record.BrickColor as number };
	}
	throw new Error(`cannot read the property value ${JSON.stringify(value)} (see tests/scenarios/README.md)`);
}
