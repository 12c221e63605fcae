/**
 * The widget states `npm run snapshots` renders (snapshots.ts), each driven the way a person gets
 * there: typing into the composer and pressing Enter, clicking tabs, Search, Insert and Test
 * connection. The fake proxy (fake-proxy.ts) answers as a model would, streaming its text and
 * calling Vector's real tools, which read and propose against the place the scene sets up.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../vm.js";
import type { SessionOptions, VectorSession } from "./vector-session.js";

export interface Scene {
	/** The PNG's name under docs/screenshots. */
	name: string;
	/** What the picture shows (printed with its path). */
	shows: string;
	width?: number;
	height?: number;
	options?: SessionOptions;
	drive(session: VectorSession): Promise<void>;
}

/** A lava part with a damage script that only warns, for the scenes that talk about it. */
export const LAVA_PLACE = `
	local lava = Instance.new("Part")
	lava.Name = "Lava"
	lava.Anchored = true
	lava.Size = Vector3.new(24, 1, 24)
	lava.Position = Vector3.new(0, 0.5, 0)
	lava.Material = Enum.Material.Slate
	lava.Color = Color3.fromRGB(120, 40, 20)
	lava.Parent = workspace
	local damage = Instance.new("Script")
	damage.Name = "Damage"
	damage.Source = table.concat({
		"local lava = script.Parent",
		"",
		"lava.Touched:Connect(function(hit)",
		"\\tlocal humanoid = hit.Parent:FindFirstChildOfClass(\\"Humanoid\\")",
		"\\tif humanoid then",
		"\\t\\twarn(\\"touched lava\\", humanoid.Parent.Name)",
		"\\tend",
		"end)",
		"",
	}, "\\n")
	damage.Parent = lava
	return true
`;

/** The user types `text` into the composer and presses Enter. */
async function ask(session: VectorSession, text: string): Promise<void> {
	await session.typeInto("Box", text);
	await session.pressKey("Return");
}

/** The user clicks into the form field named `field` (a TextField's key) and types `text` ("\n" is Enter). */
async function fill(session: VectorSession, field: string, text: string): Promise<void> {
	const box = await session.query<string | null>(`
		local field = named(${JSON.stringify(field)}, "Frame")
		local box = field and field:FindFirstChild("Input") and field.Input:FindFirstChild("Box")
		return box and path(box)
	`);
	if (!box) throw new Error(`no text field named ${field}`);
	await session.studio.call("guiFocus", box);
	await session.studio.call("guiType", text);
}

/**
 * The model's tool calls for the fractions lesson, taken from its scenario (plan_lesson, then each
 * stage's propose_changes in order), so the picture shows what the scenario builds.
 */
function fractionsLessonCalls(): Array<{ name: string; args: unknown }> {
	const scenario = JSON.parse(readFileSync(join(repoRoot, "tests/scenarios/lesson-fractions-classroom.json"), "utf8")) as {
		steps: Array<{ model?: { toolCalls?: Array<{ name: string; arguments: unknown }> } }>;
	};
	return scenario.steps.flatMap((step) =>
		(step.model?.toolCalls ?? []).map((call) => ({ name: call.name, args: call.arguments })),
	);
}

export const SCENES: Scene[] = [
	{
		name: "empty-chat",
		shows: "a fresh widget: the empty conversation, the composer with focus, the status bar",
		async drive() {},
	},
	{
		name: "conversation",
		shows: "a question answered after two read tools (chips), with the streamed answer's code block",
		options: { setup: LAVA_PLACE },
		async drive(session) {
			session.fake.reply(
				{
					text: "Let me look at the lava and its script first.",
					tool: { name: "list_children", args: { path: "Workspace/Lava" } },
				},
				{ tool: { name: "read_script", args: { path: "Workspace/Lava/Damage" } } },
				{
					text:
						"The **Damage** script only warns when something touches the lava; it never hurts the player. " +
						"To make it kill, set the humanoid's health to zero:\n\n" +
						"```lua\nif humanoid then\n\thumanoid.Health = 0\nend\n```\n\nShall I change the script?",
					chunks: undefined,
					tool: { name: "attempt_completion", args: { result: "Explained why the lava does not hurt players." } },
				},
			);
			await ask(session, "Why doesn't the lava hurt anyone?");
			await session.waitForText("Explained why the lava does not hurt players.");
		},
	},
	{
		name: "script-edit-proposal",
		shows: "a pending script edit: the card with its coloured diff, line numbers, Approve / Reject / Open script",
		options: { setup: LAVA_PLACE },
		async drive(session) {
			session.fake.reply(
				{ tool: { name: "read_script", args: { path: "Workspace/Lava/Damage" } } },
				{
					text: "I'll make the lava kill on touch and keep the damage configurable with an attribute.",
					tool: {
						name: "replace_in_script",
						args: {
							path: "Workspace/Lava/Damage",
							blocks: [
								{
									search: "local lava = script.Parent\n",
									replace:
										'local lava = script.Parent\nlava:SetAttribute("Damage", lava:GetAttribute("Damage") or 100)\n',
								},
								{
									search: '\t\twarn("touched lava", humanoid.Parent.Name)',
									replace: '\t\thumanoid:TakeDamage(lava:GetAttribute("Damage"))',
								},
							],
							reason: "Lava damages players (Damage attribute, default 100)",
						},
					},
				},
			);
			await ask(session, "Make the lava kill players on touch, with configurable damage");
			await session.waitForText("Approve");
		},
	},
	{
		name: "instance-proposal",
		shows: "a pending instance change: the card's property table for set_properties",
		options: { setup: LAVA_PLACE },
		async drive(session) {
			session.fake.reply(
				{
					tool: {
						name: "get_properties",
						args: { path: "Workspace/Lava", names: ["Material", "Color", "Transparency"] },
					},
				},
				{
					text: "Neon makes it glow; a warm orange reads as lava.",
					tool: {
						name: "set_properties",
						args: {
							path: "Workspace/Lava",
							properties: { Material: "Neon", Color: [255, 98, 0], Transparency: 0.1 },
							reason: "Make the lava glow",
						},
					},
				},
			);
			await ask(session, "Make the lava glow");
			await session.waitForText("Approve");
		},
	},
	{
		name: "asset-picker",
		shows: "the Assets tab: search results, and an insert proposal whose scan found a backdoor",
		async drive(session) {
			session.fake.assets([
				{ id: 5001, name: "Lava Kit", creator: "FreeModels4U" },
				{ id: 5002, name: "Lava Rocks", creator: "Builderman" },
				{ id: 5003, name: "Lava Lamp", creator: "RetroDecor" },
				{ id: 5004, name: "Lava Flow (animated)", creator: "VFXStudio" },
			]);
			await session.clickButton("Assets");
			await session.typeInto("Query", "lava\n");
			await session.waitForText("Lava Lamp");
			await session.query(`
				for _, d in widget:GetDescendants() do
					if d:IsA("TextLabel") and d.Text == "Lava Kit" then
						widget:SetAttribute("InsertTarget", path(d.Parent))
					end
				end
				return true
			`);
			const card = await session.query<string>(`return widget:GetAttribute("InsertTarget")`);
			const insert = await session.query<string | null>(`
				local card = game
				for name in string.gmatch(${JSON.stringify(card)}, "[^%.]+") do card = card:FindFirstChild(name) end
				for _, d in card:GetDescendants() do
					if d:IsA("TextButton") and d.Text == "Insert" then return path(d) end
				end
				return nil
			`);
			if (!insert) throw new Error("no Insert button on the Lava Kit result");
			await session.studio.call("guiClick", insert);
			await session.waitForText("Script scan:");
		},
	},
	{
		name: "lesson-form",
		shows: "the Lesson tab: the New lesson form filled in for a fifth-grade fractions lesson, ready to build",
		// Tall enough for the whole form, so the picture needs no scrolling.
		height: 760,
		async drive(session) {
			await session.clickButton("Lesson");
			await fill(session, "Subject", "Fractions");
			await fill(session, "GradeLevel", "5th grade");
			await fill(
				session,
				"Objectives",
				"Compare fractions with unlike denominators\nAdd and subtract fractions\nExplain equivalent fractions with a model",
			);
			await fill(session, "CanvasCourse", "https://school.instructure.com/courses/1234");
			await session.waitForText("Build lesson");
		},
	},
	{
		name: "lesson-progress",
		shows: "a lesson being built: the progress panel atop Chat, the classroom stage done and the quiz waiting for approval",
		height: 720,
		async drive(session) {
			const [plan, environment, quiz] = fractionsLessonCalls();
			if (plan?.name !== "plan_lesson" || environment?.name !== "propose_changes" || quiz?.name !== "propose_changes")
				throw new Error("the fractions lesson scenario no longer starts plan_lesson, propose_changes, propose_changes");
			session.fake.reply({ tool: plan }, { tool: environment });
			await ask(session, "Build a fifth-grade fractions lesson with a quiz in a classroom.");
			await session.waitForText("Waiting for your approval");
			session.fake.reply({ tool: quiz });
			await session.clickButton("Approve");
			await session.waitForText("Stage 2 of 5");
			await session.waitForText("Waiting for your approval");
		},
	},
	{
		name: "settings",
		shows: "the Settings tab after Test connection against the proxy",
		// Tall enough for the whole form, so the picture needs no scrolling.
		height: 740,
		options: { settings: { token: "vector-classroom-token", model: "gpt-4.1" } },
		async drive(session) {
			await session.clickButton("Settings");
			await session.clickButton("Test connection");
			await session.waitForText("Connected to Vector proxy");
		},
	},
	{
		name: "error",
		shows: "a failed request: the error banner with Retry, and the status bar's connection state",
		async drive(session) {
			const refused = { status: 401, code: "unauthorized", message: "Missing or invalid bearer token." };
			session.fake.reply({ error: refused }, { error: refused });
			await ask(session, "Add a checkpoint at the end of the obby");
			await session.waitForText("Retry");
		},
	},
];
