/**
 * Runs one scenario: a fresh headless Studio with the release Vector plugin, talking to the real
 * proxy under `wrangler dev` in front of a scripted model provider and a fake Roblox catalog
 * (tests/studio/host/snapshot/scenes/real-proxy.ts), the place loaded, the widget opened; then each
 * step as the user does it (composer + Enter, the card's buttons, the editor, the settings panel),
 * letting the session settle after each, and the expectations checked where they appear.
 */
import { relative } from "node:path";
import { VectorSession } from "../../studio/host/snapshot/scenes/vector-session.js";
import { attachRealProxy, type StackAddress } from "../../studio/host/snapshot/scenes/real-proxy.js";
import type { FakeReply } from "../../studio/host/snapshot/scenes/scripted-proxy.js";
import { CARDS, check, describeFailure, type Failure } from "./expect.js";
import { runPlayStep } from "./play-steps.js";
import {
	luaResolve,
	stepKind,
	type Expectations,
	type LoadedScenario,
	type ModelReply,
	type SettingsChange,
	type Step,
	type TextSetting,
} from "./format.js";
import { startScenarioCanvas, type ScenarioCanvas } from "./fake-canvas.js";

export interface StepFailure extends Failure {
	step: string;
}

export interface Result {
	name: string;
	file: string;
	failures: StepFailure[];
	/** A step that could not run (the scenario stopped there). */
	error?: string;
	ms: number;
}

/** Runs `scenario` against the proxy stack at `options.stack` (real-proxy.ts `startProxyStack`). */
export async function runScenario(scenario: LoadedScenario, options: { stack: StackAddress; verbose?: boolean }): Promise<Result> {
	const started = Date.now();
	const result: Result = { name: scenario.name, file: scenario.file, failures: [], ms: 0 };
	const log = (text: string) => options.verbose && console.log(`    ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${text}`);
	let session: VectorSession | undefined;
	let canvas: ScenarioCanvas | undefined;
	try {
		if (scenario.canvas) canvas = await startScenarioCanvas(scenario.canvas);
		const setup = [scenario.setup];
		if (scenario.selection) {
			setup.push(`game:GetService("Selection"):Set({${scenario.selection.map((path) => luaResolve(path)).join(", ")}})`);
		}
		setup.push("return true");
		const stack = options.stack;
		const settings = canvas ? { ...(scenario.settings ?? {}), ...canvas.settings } : scenario.settings;
		session = await VectorSession.start({
			place: scenario.nodes,
			setup: setup.join("\n"),
			settings,
			proxy: () => attachRealProxy(stack),
		});
		if (scenario.assets) session.fake.assets(scenario.assets);
		if (scenario.activeScript) await session.studio.call("openScript", dotted(scenario.activeScript));
		await session.studio.call("resetChangeHistory");
		await session.toggle();
		await session.resize(420, 720);
		await settle(session);

		const steps: Step[] = [...scenario.steps, ...(scenario.expect ? [{ expect: scenario.expect }] : [])];
		for (const [index, step] of steps.entries()) {
			const label = `step ${index + 1} (${stepKind(step)}${describe(step)})`;
			log(label);
			if ("expect" in step) {
				const failures = await check(session, step.expect as Expectations);
				result.failures.push(...failures.map((failure) => ({ ...failure, step: label })));
				continue;
			}
			try {
				await runStep(session, step);
			} catch (error) {
				result.error = `${label}: ${(error as Error).message}`;
				break;
			}
		}
		if (session.fake.unscripted() > 0 && !scenario.allowUnscripted) {
			result.failures.push({
				step: "the end",
				what: "every model request had a scripted reply (add a { \"model\": … } step, or \"allowUnscripted\": true)",
				expected: 0,
				actual: `${session.fake.unscripted()} request(s) found no reply`,
			});
		}
	} catch (error) {
		result.error ??= `setting up: ${(error as Error).stack ?? error}`;
	} finally {
		// The proxy's relay and fakes first: their sockets close while the VM can still take the HTTP
		// bridge's last callbacks (a stream held open, say); a callback into a destroyed VM breaks the next one.
		if (session) {
			await session.fake.close();
			await new Promise((resolve) => setTimeout(resolve, 100));
			await session.advance(0.1).catch(() => undefined);
			session.studio.destroy();
		}
		await canvas?.close();
	}
	result.ms = Date.now() - started;
	return result;
}

function describe(step: Step): string {
	if ("user" in step) return `: ${JSON.stringify(step.user.slice(0, 40))}`;
	if ("model" in step) {
		const calls = step.model.toolCalls?.map((call) => call.name).join(", ");
		return calls ? `: ${calls}` : step.model.error ? `: error ${step.model.error.code}` : "";
	}
	if ("approve" in step) return ` ${step.approve}`;
	if ("reject" in step) return ` ${step.reject}`;
	return "";
}

/** "Workspace/Door/Open" → "Workspace.Door.Open" (the engine's host API paths). */
function dotted(path: string): string {
	return path.split("/").join(".");
}

const FILLER = "The lava floor glows red and the door stays closed until the player touches the button. ";

function toFakeReply(model: ModelReply): FakeReply {
	let chunks = model.chunks;
	if (model.filler) {
		const text = (model.text ?? "") + FILLER.repeat(Math.ceil(model.filler / FILLER.length)).slice(0, model.filler);
		chunks = text.match(/[\s\S]{1,16384}/g) ?? [];
	}
	return {
		text: model.text,
		chunks,
		pieceDelayMs: model.pieceDelayMs,
		hang: model.hang,
		error: model.error,
		garbage: model.garbage,
		usage: model.usage,
		tools: (model.toolCalls ?? []).map((call) => ({ name: call.name, args: call.arguments ?? {} })),
	};
}

async function runStep(session: VectorSession, step: Step): Promise<void> {
	if (await runPlayStep(session, step)) return;
	if ("model" in step) {
		session.fake.reply(toFakeReply(step.model));
		return;
	}
	if ("user" in step) {
		await session.typeInto("Box", step.user);
		await session.pressKey("Return");
	} else if ("approve" in step) {
		await clickInCard(session, step.approve, ["Approve", "Insert anyway"]);
	} else if ("reject" in step) {
		await clickInCard(session, step.reject, ["Reject"]);
		if (step.reason !== undefined) await session.typeInto("RejectReason", step.reason);
		await clickInCard(session, step.reject, ["Confirm reject"]);
	} else if ("revert" in step) {
		await clickInCard(session, step.revert, ["Revert"]);
	} else if ("undo" in step) {
		await session.command(`game:GetService("ChangeHistoryService"):Undo() return true`);
	} else if ("redo" in step) {
		await session.command(`game:GetService("ChangeHistoryService"):Redo() return true`);
	} else if ("editScript" in step) {
		const edit = step.editScript;
		const path = dotted(edit.path);
		await session.studio.call("openScript", path);
		if (edit.text !== undefined) {
			// The user selects everything in the tab and types the new text.
			const [current] = await session.command(
				`return game:GetService("ScriptEditorService"):GetEditorSource(${luaResolve(edit.path)})`,
			);
			const lines = String(current).split("\n");
			await session.studio.call("typeInEditor", path, edit.text, 1, 1, lines.length, lines[lines.length - 1].length + 1);
		} else {
			await session.studio.call("typeInEditor", path, edit.insert ?? "", edit.line, edit.character);
		}
	} else if ("openScript" in step) {
		await session.studio.call("openScript", dotted(step.openScript));
	} else if ("select" in step) {
		await session.command(
			`game:GetService("Selection"):Set({${step.select.map((path) => luaResolve(path)).join(", ")}}) return true`,
		);
	} else if ("providerDown" in step) {
		session.fake.setProviderDown(step.providerDown);
	} else if ("proxyDown" in step) {
		session.fake.setDown(step.proxyDown);
	} else if ("mode" in step) {
		await changeSettings(session, { mode: step.mode });
	} else if ("settings" in step) {
		await changeSettings(session, step.settings);
	} else if ("command" in step) {
		await session.command(step.command);
	} else if ("click" in step) {
		// A button by its text, or else by its name (a toggle such as the Lesson tab's "Quiz").
		const named = await session.query<string | null>(
			`local g = withText(${JSON.stringify(step.click)}, "GuiButton") if g then return nil end
			g = named(${JSON.stringify(step.click)}, "GuiButton") return g and path(g)`,
		);
		if (named) {
			await session.scrollIntoView(named);
			await session.studio.call("guiClick", named);
		} else {
			await session.clickButton(step.click);
		}
	} else if ("type" in step) {
		// The user clicks into the field and types; each line break is the Return key (a new line in a
		// multi-line box).
		const lines = step.type.text.split("\n");
		const box = await session.query<string | null>(
			`local g = named(${JSON.stringify(step.type.field)}) if g == nil then return nil end
			if g:IsA("TextBox") then return path(g) end
			local inner = g:FindFirstChildWhichIsA("TextBox", true)
			return inner and path(inner)`,
		);
		if (!box) throw new Error(`no text box named ${step.type.field}; the widget shows: ${(await session.shownTexts()).join(" | ")}`);
		await session.studio.call("guiFocus", box);
		await session.studio.call("guiType", lines[0]);
		for (const line of lines.slice(1)) {
			await session.pressKey("Return");
			if (line !== "") await session.studio.call("guiType", line);
		}
	} else if ("wait" in step) {
		await session.advance(step.wait);
	} else if ("waitFor" in step) {
		await session.waitForText(step.waitFor, step.seconds ?? 20);
		return;
	}
	await settle(session);
}

/** The settings panel's text fields: setting → the field's key (plugin/src/ui/settings/settings-panel.tsx). */
const TEXT_FIELDS: Record<TextSetting, string> = {
	proxyUrl: "ProxyUrl",
	token: "Token",
	providerBaseUrl: "ProviderUrl",
	providerKey: "ProviderKey",
	model: "Model",
	canvasBaseUrl: "CanvasUrl",
	canvasToken: "CanvasToken",
};

/** Text typed into a settings field, with `$PROXY_URL` standing for the session's proxy address. */
function typedText(session: VectorSession, text: string): string {
	return text.split("$PROXY_URL").join(session.fake.url);
}

/**
 * The user opens the Settings tab, retypes the text fields, changes the choices and toggles, clicks
 * Save, and goes back to Chat.
 */
export async function changeSettings(session: VectorSession, change: SettingsChange): Promise<void> {
	await session.clickButton("Settings");
	await session.advance(0.2);
	for (const [setting, key] of Object.entries(TEXT_FIELDS) as Array<[TextSetting, string]>) {
		const text = change[setting];
		if (text === undefined) continue;
		const box = await session.query<string | null>(
			`local field = named(${JSON.stringify(key)}) local box = field and field:FindFirstChild("Box", true) return box and path(box)`,
		);
		if (!box) throw new Error(`no "${key}" text field in the Settings tab`);
		const typed = typedText(session, text);
		const shown = await session.retype(box, typed);
		if (shown !== typed) throw new Error(`typed ${JSON.stringify(typed)} into ${key}, but it holds ${JSON.stringify(shown)}`);
		await session.advance(0.2);
	}
	if (change.mode) {
		await session.clickButton(change.mode === "plan" ? "Plan" : "Act");
		await session.advance(0.2);
	}
	const toggles: Array<[string, boolean]> = [];
	if (change.streaming !== undefined) toggles.push(["Streaming", change.streaming]);
	for (const [category, on] of Object.entries(change.autoApprove ?? {})) toggles.push([category, on]);
	for (const [name, on] of toggles) {
		const found = await session.query<{ path: string; checked: boolean } | null>(
			`local g = named(${JSON.stringify(name)}, "GuiButton") if g == nil then return nil end
			local check = g:FindFirstChild("Check", true)
			return { path = path(g), checked = check ~= nil and check.Visible }`,
		);
		if (!found) throw new Error(`no setting toggle "${name}" in the Settings tab`);
		if (found.checked !== on) {
			await session.scrollIntoView(found.path);
			await session.studio.call("guiClick", found.path);
			await session.advance(0.2);
		}
	}
	await session.clickButton("Save");
	await session.advance(0.2);
	await session.clickButton("Chat");
}

/** Clicks the first button with one of `texts` on proposal card `n` (1-based, top to bottom). */
async function clickInCard(session: VectorSession, n: number, texts: string[]): Promise<void> {
	const found = await session.query<string | null>(`${CARDS}
		local card = cards()[${n}]
		if card == nil then return nil end
		local wanted = ${JSON.stringify(texts).replace(/^\[/, "{").replace(/\]$/, "}")}
		for _, text in wanted do
			for _, d in card:GetDescendants() do
				if d:IsA("GuiButton") and shown(d) and (d.Text == text or d.ContentText == text) then return path(d) end
			end
		end
		return nil
	`);
	if (!found) {
		throw new Error(`no "${texts.join('" or "')}" button on proposal ${n}; the widget shows: ${(await session.shownTexts()).join(" | ")}`);
	}
	await session.scrollIntoView(found);
	await session.studio.call("guiClick", found);
}

/**
 * Lets the session run until nothing changes: no request to the proxy in flight, and the same
 * widget texts and number of model requests over several rounds of virtual time (real time passes
 * while HTTP is in flight). A request held open (a hanging stream) counts as settled after longer.
 * Gives up quietly after `seconds` (a countdown that keeps ticking, say); the next expectation tells.
 */
export async function settle(session: VectorSession, seconds = 15): Promise<void> {
	const deadline = Date.now() + seconds * 1000;
	let last = "";
	let stable = 0;
	while (Date.now() < deadline) {
		await session.advance(0.25);
		const signature = JSON.stringify([session.fake.chatRequests(), session.fake.chats.length, await session.shownTexts()]);
		stable = signature === last ? stable + 1 : 0;
		last = signature;
		if (stable >= 3 && session.fake.inFlight() === 0) return;
		if (stable >= 12) return;
	}
}

export function report(result: Result): string {
	const lines: string[] = [];
	const ok = result.failures.length === 0 && !result.error;
	lines.push(`${ok ? "✓" : "✗"} ${result.name} (${relative(process.cwd(), result.file)}, ${(result.ms / 1000).toFixed(1)} s)`);
	let lastStep = "";
	for (const failure of result.failures) {
		if (failure.step !== lastStep) lines.push(`  at ${failure.step}:`);
		lastStep = failure.step;
		lines.push(
			describeFailure(failure)
				.split("\n")
				.map((line) => `    ${line}`)
				.join("\n"),
		);
	}
	if (result.error) lines.push(`  stopped: ${result.error}`);
	return lines.join("\n");
}
