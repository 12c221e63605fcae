/**
 * Checks a scenario's expectations against the running session and reports each failure with a
 * readable expected/actual diff.
 */
import type { VectorSession } from "../../studio/host/snapshot/scenes/vector-session.js";
import { luaResolve, type Expectations } from "./format.js";
import { checkPlay } from "./play-steps.js";

export interface Failure {
	what: string;
	expected: unknown;
	actual: unknown;
}

/** Proposal cards in the widget, top to bottom, as their badge states (lower case). */
export async function proposalStates(session: VectorSession): Promise<string[]> {
	return session.query<string[]>(`${CARDS} local out = {} for i, card in cards() do out[i] = card:FindFirstChild("Badge", true).Text end return out`)
		.then((labels) => (labels ?? []).map((label) => label.replace("…", "").toLowerCase()));
}

/** Luau (PRELUDE in scope): `cards()`, every shown proposal card ordered by its place on screen. */
export const CARDS = `
local function cards()
	local list = {}
	for _, d in widget:GetDescendants() do
		if d.Name == "Card" and d:IsA("GuiObject") and shown(d) and d:FindFirstChild("Badge", true) then
			table.insert(list, d)
		end
	end
	table.sort(list, function(a, b) return a.AbsolutePosition.Y < b.AbsolutePosition.Y end)
	return list
end
`;

export function requestTexts(chats: VectorSession["fake"]["chats"], role?: string): string[] {
	return chats.map((chat) =>
		chat.messages
			.filter((message) => role === undefined || message.role === role)
			.map((message) => {
				const m = message as { role: string; content?: unknown; tool_calls?: unknown };
				const content = typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? "");
				return `${m.role}: ${content}${m.tool_calls ? ` ${JSON.stringify(m.tool_calls)}` : ""}`;
			})
			.join("\n"),
	);
}

export async function check(session: VectorSession, expect: Expectations): Promise<Failure[]> {
	const failures: Failure[] = [];
	const fail = (what: string, expected: unknown, actual: unknown) => failures.push({ what, expected, actual });

	for (const [path, text] of Object.entries(expect.scripts ?? {})) {
		const actual = await session.query<string | null>(`local s = ${luaResolve(path)} return s and s.Source`);
		if (actual !== text) fail(`scripts["${path}"] (Source)`, text, actual ?? "(no such script)");
	}
	for (const [path, text] of Object.entries(expect.editors ?? {})) {
		const actual = await session.query<string | null>(
			`local s = ${luaResolve(path)} return s and game:GetService("ScriptEditorService"):GetEditorSource(s)`,
		);
		if (actual !== text) fail(`editors["${path}"] (editor text)`, text, actual ?? "(no such script)");
	}
	for (const [path, want] of Object.entries(expect.instances ?? {})) {
		const names = Object.keys(want.properties ?? {});
		const actual = await session.query<{ className: string; properties: Record<string, unknown> } | null>(`
			local inst = ${luaResolve(path)}
			if inst == nil then return nil end
			local props = {}
			for _, name in ${JSON.stringify(names).replace(/^\[/, "{").replace(/\]$/, "}")} do
				local ok, value = pcall(function() return inst[name] end)
				if not ok then props[name] = "(error: " .. tostring(value) .. ")"
				elseif typeof(value) == "EnumItem" then props[name] = value.Name
				elseif type(value) == "boolean" or type(value) == "number" or type(value) == "string" then props[name] = value
				elseif typeof(value) == "Instance" then props[name] = value:GetFullName()
				elseif value == nil then props[name] = "nil"
				else props[name] = tostring(value) end
			end
			return { className = inst.ClassName, properties = props }
		`);
		if (!actual) {
			fail(`instances["${path}"]`, want, "(no such instance)");
			continue;
		}
		if (want.className !== undefined && want.className !== actual.className) {
			fail(`instances["${path}"].className`, want.className, actual.className);
		}
		for (const name of names) {
			const expected = want.properties![name];
			const got = actual.properties?.[name];
			if (!sameValue(expected, got)) fail(`instances["${path}"].properties.${name}`, expected, got);
		}
	}
	for (const path of expect.absent ?? []) {
		const exists = await session.query<boolean>(`return ${luaResolve(path)} ~= nil`);
		if (exists) fail(`absent: "${path}"`, "(no instance)", "it exists");
	}
	if (expect.proposals) {
		const states = await proposalStates(session);
		const want = expect.proposals.map((p) => p.state);
		const got = states;
		if (want.length !== got.length || want.some((state, i) => state !== undefined && state !== got[i])) {
			fail("proposals (card states, top to bottom)", want, got);
		}
	}
	if (expect.undo) {
		const stack = (await session.studio.call("changeHistory")) as { undo: string[]; redo: string[] };
		const undo = stack.undo ?? [];
		if (expect.undo.count !== undefined && undo.length !== expect.undo.count) fail("undo.count", expect.undo.count, undo);
		if (expect.undo.redo !== undefined && (stack.redo ?? []).length !== expect.undo.redo) {
			fail("undo.redo (redo count)", expect.undo.redo, stack.redo ?? []);
		}
		if (expect.undo.names) {
			const recent = undo.slice(-expect.undo.names.length);
			const ok = recent.length === expect.undo.names.length && expect.undo.names.every((name, i) => recent[i].includes(name));
			if (!ok) fail("undo.names (the newest steps, oldest first; each must contain the expected text)", expect.undo.names, undo);
		}
	}
	if (expect.widgetShows || expect.widgetHides) {
		const shown = await session.shownTexts();
		const all = shown.join("\n");
		for (const text of expect.widgetShows ?? []) if (!all.includes(text)) fail(`widgetShows "${text}"`, text, shown);
		for (const text of expect.widgetHides ?? []) if (all.includes(text)) fail(`widgetHides "${text}"`, `(not shown) ${text}`, shown);
	}
	const chats = session.fake.chats;
	for (const [list, negate] of [
		[expect.modelWasSent ?? [], false],
		[expect.modelNotSent ?? [], true],
	] as const) {
		for (const want of list) {
			const texts = requestTexts(chats, want.role);
			const pool = want.in === "any" ? texts : texts.slice(-1);
			const found = pool.some((text) => text.includes(want.contains));
			if (found === negate) {
				fail(
					`${negate ? "modelNotSent" : "modelWasSent"} ${JSON.stringify(want)}`,
					`${negate ? "no" : "a"} ${want.in === "any" ? "request" : "last request"} containing ${JSON.stringify(want.contains)}${want.role ? ` in a ${want.role} message` : ""}`,
					pool.length === 0 ? "(no requests)" : `…${pool.join("\n---\n").slice(-1200)}`,
				);
			}
		}
	}
	if (expect.modelRequests !== undefined && session.fake.chatRequests() !== expect.modelRequests) {
		fail("modelRequests (chat requests that reached the proxy)", expect.modelRequests, session.fake.chatRequests());
	}
	if (expect.modelStreamed !== undefined) {
		const last = chats.at(-1);
		if (!last || (last.stream === true) !== expect.modelStreamed) {
			fail("modelStreamed (the last request's stream flag)", expect.modelStreamed, last ? (last.stream ?? false) : "(no requests)");
		}
	}
	if (expect.modelNamed !== undefined) {
		const last = chats.at(-1);
		if (!last || last.model !== expect.modelNamed) fail("modelNamed (the model the last request named)", expect.modelNamed, last ? (last.model ?? "(none)") : "(no requests)");
	}
	if (expect.noErrors) {
		const errors = session.errors();
		if (errors.length > 0) fail("noErrors (nothing printed as an error)", [], errors);
	}
	for (const box of expect.terrain ?? []) {
		const counts = (await session.studio.call("terrainMaterialCounts", ...box.min, ...box.max)) as Record<string, number>;
		for (const [material, want] of Object.entries(box.materials)) {
			const have = counts[material] ?? 0;
			const ok = want === "some" ? have > 0 : want === "none" ? have === 0 : have === want;
			if (!ok) fail(`terrain ${material} voxels from (${box.min.join(", ")}) to (${box.max.join(", ")})`, want, counts);
		}
	}
	failures.push(...(await checkPlay(session, expect)));
	return failures;
}

function sameValue(expected: unknown, actual: unknown): boolean {
	if (expected === actual) return true;
	if (typeof expected === "number" && typeof actual === "number") return Math.abs(expected - actual) < 1e-4;
	if (Array.isArray(expected) && typeof actual === "string") {
		const parts = actual.split(",").map((part) => Number(part.trim()));
		return parts.length === expected.length && expected.every((value, i) => Math.abs(Number(value) - parts[i]) < 1e-3);
	}
	if (typeof expected === "string" && typeof actual === "string") return expected === actual || `Enum.${actual}` === expected;
	return false;
}

/** A failure as readable text: multi-line texts as a line diff, other values as JSON. */
export function describeFailure(failure: Failure): string {
	const { expected, actual } = failure;
	const lines = [`✗ ${failure.what}`];
	if (typeof expected === "string" && typeof actual === "string" && expected.includes("\n")) {
		lines.push(...lineDiff(expected, actual).map((line) => `    ${line}`));
	} else if (typeof actual === "string" && actual.includes("\n")) {
		lines.push(`    expected: ${format(expected)}`, "    actual:", ...actual.split("\n").map((line) => `      | ${line}`));
	} else {
		lines.push(`    expected: ${format(expected)}`, `    actual:   ${format(actual)}`);
	}
	return lines.join("\n");
}

function format(value: unknown): string {
	const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, null, 2);
	return (text ?? "undefined").split("\n").join("\n              ");
}

/** A minimal line diff (LCS): "- " expected only, "+ " actual only, "  " both. */
export function lineDiff(expected: string, actual: string): string[] {
	const a = expected.split("\n");
	const b = actual.split("\n");
	const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
		}
	}
	const out = ["(- expected, + actual)"];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			out.push(`  ${a[i]}`);
			i++;
			j++;
		} else if (i < a.length && (j === b.length || table[i + 1][j] >= table[i][j + 1])) {
			out.push(`- ${a[i]}`);
			i++;
		} else {
			out.push(`+ ${b[j]}`);
			j++;
		}
	}
	return out;
}
