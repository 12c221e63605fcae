/// <reference types="@rbxts/testez/globals" />
import { HttpService, Workspace } from "@rbxts/services";
import { CanvasClient } from "../net/canvas-client";
import { createScriptedTransport, json } from "../net/dev/scripted-transport";
import { encodeJson } from "../net/json";
import { WIRE_LIST_KEYS } from "../net/wire-types";
import { ALL_TOOLS } from "./all-tools";
import { callTool } from "./dev/call-tool";
import {
	createSpecContext,
	createSpecStudio,
	makeFolder,
	makePart,
	makeScript,
	snapshot,
	SpecStudio,
} from "./dev/spec-studio";
import { ToolContext } from "./tool";

const P = "Workspace/VectorToolsSpec";

/** A realistic call of every tool, against the place built below. */
const EXAMPLES: { readonly [name: string]: object } = {
	get_active_script: {},
	list_open_documents: {},
	list_selection: {},
	list_children: { path: P, depth: 2 },
	get_properties: { path: `${P}/Door`, names: ["Size", "Anchored"] },
	read_script: { path: `${P}/Main`, startLine: 1, endLine: 2 },
	search_scripts: { query: "speed", path: P },
	search_assets: { query: "pine tree", category: "model", limit: 5 },
	lms_lookup: {},
	show_diff: {
		path: `${P}/Main`,
		edits: [{ start: { line: 0, character: 14 }, end: { line: 0, character: 16 }, newText: "24" }],
	},
	apply_edit: {
		path: `${P}/Main`,
		edits: [{ start: { line: 0, character: 14 }, end: { line: 0, character: 16 }, newText: "24" }],
		reason: "Faster.",
	},
	replace_in_script: { path: `${P}/Main`, blocks: [{ search: "local speed = 16", replace: "local speed = 24" }] },
	create_script: { parentPath: P, name: "Spinner", className: "Script", source: "print(1)", runContext: "Server" },
	create_instance: { parentPath: P, className: "Part", name: "Step", properties: { Size: [4, 1, 2], Anchored: true } },
	set_properties: { path: `${P}/Door`, properties: { Transparency: 0.5 } },
	rename_instance: { path: `${P}/Door`, newName: "FrontDoor" },
	move_instance: { path: `${P}/Door`, newParentPath: `${P}/Storage` },
	delete_instance: { path: `${P}/Door` },
	insert_asset: { assetId: 1001, parentPath: P },
	plan_lesson: {
		title: "Fractions",
		subject: "Fractions",
		gradeLevel: "5th grade",
		objectives: ["Compare fractions"],
		environment: "classroom",
		includeQuiz: true,
		stages: [
			{ id: "quiz", name: "Quiz content", changesPlace: true },
			{ id: "summary", name: "Summary", changesPlace: false },
		],
	},
	write_quiz: {
		quiz: {
			title: "Fractions",
			stations: [
				{
					id: "halves",
					title: "Halves",
					questions: [
						{ prompt: "What is 1/2 + 1/2?", choices: ["1", "2/4"], answer: "1", explanation: "Two halves make a whole.", difficulty: 1 },
					],
				},
			],
		},
	},
	install_lesson_kit: {},
	propose_changes: {
		summary: "Add a step and make the door see-through",
		changes: [
			{ tool: "create_instance", arguments: { parentPath: P, className: "Part", name: "Step" } },
			{ tool: "set_properties", arguments: { path: `${P}/Door`, properties: { Transparency: 0.5 } } },
		],
	},
	fill_terrain: { shape: "ball", material: "Grass", position: [0, 8, 0], radius: 6 },
	clear_terrain: { min: [0, 0, 0], max: [16, 8, 16] },
	attempt_completion: { result: "Done." },
	ask_user: { question: "Which one?", options: ["A", "B"] },
};

/** Every object schema inside `schema` (itself included), with where it is. */
function objectSchemas(schema: Record<string, unknown>, where: string, out: Array<[string, Record<string, unknown>]>) {
	if (schema.type === "object" && schema.additionalProperties === false) out.push([where, schema]);
	const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
	if (properties !== undefined)
		for (const [name, child] of pairs(properties)) objectSchemas(child, `${where}.${name}`, out);
	if (typeIs(schema.items, "table")) objectSchemas(schema.items as Record<string, unknown>, `${where}[]`, out);
	if (typeIs(schema.additionalProperties, "table"))
		objectSchemas(schema.additionalProperties as Record<string, unknown>, `${where}{}`, out);
	return out;
}

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	beforeEach(() => {
		studio = createSpecStudio();
		// Canvas answers one page of courses (lms_lookup's example lists them).
		const canvasTransport = createScriptedTransport();
		canvasTransport.script({ kind: "response", status: 200, body: json([{ id: 101, name: "Grade 5 Math" }]) });
		context = {
			...createSpecContext(studio, () => []),
			canvas: new CanvasClient({
				transport: canvasTransport,
				connection: () => ({ canvasBaseUrl: "https://school.instructure.com", canvasToken: "7~spec" }),
			}),
		};
		root = makeFolder("VectorToolsSpec", Workspace);
		studio.active = makeScript(studio, "Script", "Main", root, "local speed = 16\nprint(speed)\n");
		makePart("Door", root);
		makeFolder("Storage", root);
		studio.assets.set(1001, () => [new Instance("Model")]);
	});
	afterEach(() => root.Destroy());

	it("lists every tool once, with a product description", () => {
		const names = new Set<string>();
		for (const tool of ALL_TOOLS) {
			expect(names.has(tool.name)).to.equal(false);
			names.add(tool.name);
			expect(tool.name.match("^[a-z_]+$")[0]).to.be.ok();
			expect(tool.description.size() > 40 && tool.description.size() < 600).to.equal(true);
		}
		expect(names.size()).to.equal(27);
	});

	it("gives every tool an object schema whose required fields exist and whose fields are all described", () => {
		for (const tool of ALL_TOOLS) {
			const schema = tool.args.toJsonSchema() as Record<string, unknown>;
			expect(schema.type).to.equal("object");
			for (const [where, object] of objectSchemas(schema, tool.name, [])) {
				const properties = (object.properties ?? {}) as Record<string, Record<string, unknown>>;
				for (const name of (object.required ?? []) as Array<string>) {
					if (properties[name] === undefined) throw `${where}: required field ${name} is not in properties`;
				}
				for (const [name, property] of pairs(properties)) {
					if (!typeIs(property.description, "string") || property.description === "")
						throw `${where}.${name} has no description`;
				}
			}
			// Encodes for the wire with objects kept objects (an empty properties table must not become []).
			const encoded = encodeJson(schema, { emptyArrayKeys: WIRE_LIST_KEYS });
			if (!encoded.ok) throw `${tool.name}: ${encoded.message}`;
			expect(encoded.text.find('"properties":[]', 1, true)[0]).to.equal(undefined);
		}
	});

	it("accepts each tool's example, which covers every tool", () => {
		for (const tool of ALL_TOOLS) {
			const example = EXAMPLES[tool.name];
			if (example === undefined) throw `no example for ${tool.name}`;
			const checked = tool.args.check(HttpService.JSONDecode(HttpService.JSONEncode(example)));
			if (!checked.ok) throw `${tool.name}: ${checked.message}`;
		}
	});

	it("runs each example without changing the place: reads answer, writes only propose", () => {
		const before = snapshot(root, studio);
		for (const tool of ALL_TOOLS) {
			const outcome = callTool(context, tool.name, EXAMPLES[tool.name]);
			if (outcome.kind === "error") throw `${tool.name}: ${outcome.message}`;
			const expected =
				tool.kind === "write"
					? "proposal"
					: tool.kind === "read"
						? tool.name === "show_diff"
							? "preview"
							: "result"
						: outcome.kind;
			expect(outcome.kind).to.equal(expected);
			expect(snapshot(root, studio)).to.equal(before);
		}
	});

	it("answers every kind of malformed call with an error and changes nothing", () => {
		const before = snapshot(root, studio);
		for (const tool of ALL_TOOLS) {
			const bad = [
				callTool(context, tool.name, '{"path": '),
				callTool(context, tool.name, "[1, 2]"),
				callTool(context, tool.name, { ...EXAMPLES[tool.name], unexpected: 1 }),
				callTool(context, `${tool.name}_v2`, EXAMPLES[tool.name]),
			];
			if (tool.kind === "write") bad.push(callTool(context, tool.name, EXAMPLES[tool.name], "plan"));
			for (const outcome of bad) {
				if (outcome.kind !== "error") throw `${tool.name}: a malformed call gave ${outcome.kind}`;
			}
			expect(snapshot(root, studio)).to.equal(before);
		}
	});
};
