/**
 * Vector's user settings: what they are, their defaults, and the rules each value must follow.
 *
 * One declaration per field (its @rbxts/t type check, its label, and any rule beyond the type) is
 * used both when the user edits a field (the message says what to fix) and when stored settings are
 * read back (a field that breaks a rule falls back to its default, and the reset is reported). URLs
 * are http(s) with a host and no query, fragment or credentials, and are stored without trailing
 * slashes, so `proxyUrl + "/v1/…"` is always well formed; a proxy URL pasted with the `/v1` an
 * OpenAI client would want loses it, because Vector adds the route itself. Tokens and keys travel in
 * HTTP headers, so they cannot hold spaces or line breaks.
 *
 * The Canvas (LMS) connection is the one secret that never goes to the proxy: its base URL and
 * personal access token are read only by net/canvas-client.ts, which sends the token to that
 * URL's origin and nowhere else. Fields added after the first release (the Canvas pair) are
 * "later" fields: a save from before them loads with their defaults and no reset is reported.
 *
 * Defaults: the local proxy `npm start` runs, no token (a local proxy without VECTOR_TOKENS needs
 * none), the proxy's default model, streaming on, no auto-approval. The mode defaults to Act: Vector
 * is a copilot whose changes are proposals the user approves one by one anyway, so Act costs no
 * safety and spares a first-time user a mode switch before anything can happen; Plan (read tools
 * only) is one click away for users who only want answers.
 */
import { t } from "@rbxts/t";

/** Plan offers the model read tools only; Act offers every tool (writes still need approval). */
export type AgentMode = "plan" | "act";

/** Kinds of proposals the user may let Vector apply without asking. */
export type AutoApproveCategory = "script_edits" | "instance_changes" | "asset_inserts";

/** All auto-approve categories, in display order. */
export const AUTO_APPROVE_CATEGORIES: ReadonlyArray<AutoApproveCategory> = ["script_edits", "instance_changes", "asset_inserts"];

export interface VectorSettings {
	/** The Vector proxy, without a trailing slash. */
	readonly proxyUrl: string;
	/** Bearer token for the proxy; "" for none. */
	readonly token: string;
	/** Bring-your-own-key: an OpenAI-compatible base URL on the proxy's allow-list; "" for none. */
	readonly providerBaseUrl: string;
	/** Bring-your-own-key: the key for `providerBaseUrl`; "" for none. */
	readonly providerKey: string;
	/** Model to ask for; "" for the proxy's default. */
	readonly model: string;
	readonly mode: AgentMode;
	readonly autoApprove: Readonly<Record<AutoApproveCategory, boolean>>;
	/** Stream replies as they are written (when Studio can). */
	readonly streaming: boolean;
	/** The school's Canvas, e.g. `https://school.instructure.com`; "" when not connected. */
	readonly canvasBaseUrl: string;
	/** A Canvas personal access token; sent only to `canvasBaseUrl`'s origin; "" for none. */
	readonly canvasToken: string;
}

export type SettingsField = keyof VectorSettings;

/** A change to some fields; `autoApprove` may name only the categories that change. */
export type SettingsPatch = Partial<Omit<VectorSettings, "autoApprove">> & {
	readonly autoApprove?: Partial<Record<AutoApproveCategory, boolean>>;
};

export const DEFAULT_SETTINGS: VectorSettings = {
	proxyUrl: "http://127.0.0.1:8787",
	token: "",
	providerBaseUrl: "",
	providerKey: "",
	model: "",
	mode: "act",
	autoApprove: { script_edits: false, instance_changes: false, asset_inserts: false },
	streaming: true,
	canvasBaseUrl: "",
	canvasToken: "",
};

/** A field's value after its rules, or what is wrong with it. */
export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const MAX_URL = 2048;
const MAX_SECRET = 4096;
const MAX_MODEL = 200;

function trim(text: string): string {
	return text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
}

/**
 * Checks and normalizes an http(s) URL (see the module header). `""` is allowed when `optional`.
 * `label` names the field in messages.
 */
export function checkUrl(label: string, input: string, optional: boolean): FieldCheck<string> {
	const text = trim(input);
	if (text === "") return optional ? { ok: true, value: "" } : { ok: false, message: `${label} is required, e.g. ${DEFAULT_SETTINGS.proxyUrl}.` };
	if (text.size() > MAX_URL) return { ok: false, message: `${label} is longer than ${MAX_URL} characters.` };
	const [scheme, rest] = string.match(text, "^(%a[%w+.-]*)://(.*)$") as LuaTuple<[string?, string?]>;
	if (scheme === undefined || rest === undefined) {
		return { ok: false, message: `${label} must start with http:// or https:// (got "${text}").` };
	}
	const lowerScheme = scheme.lower();
	if (lowerScheme !== "http" && lowerScheme !== "https") {
		return { ok: false, message: `${label} must use http:// or https://, not ${scheme}://.` };
	}
	if (string.find(text, "%s")[0] !== undefined) return { ok: false, message: `${label} cannot contain spaces.` };
	if (string.find(rest, "[?#]")[0] !== undefined) return { ok: false, message: `${label} cannot have a query (?…) or fragment (#…).` };
	const [authority, path] = string.match(rest, "^([^/]*)(.*)$") as LuaTuple<[string, string]>;
	if (string.find(authority, "@", 1, true)[0] !== undefined) {
		return { ok: false, message: `${label} cannot contain a user name or password; put the token in its own field.` };
	}
	// An IPv6 literal keeps its brackets; anything after the host must be ":port".
	const [host, portPart] = (
		authority.sub(1, 1) === "["
			? string.match(authority, "^(%[[^%]]*%])(.*)$")
			: string.match(authority, "^([^:]*)(.*)$")
	) as LuaTuple<[string?, string?]>;
	const port = portPart !== undefined && portPart !== "" ? (string.match(portPart, "^:(%d+)$")[0] as string | undefined) : "";
	if (host === undefined || host === "" || string.find(host, "^[%w%.%-%[%]:]+$")[0] === undefined || port === undefined) {
		return { ok: false, message: `${label} needs a host name and an optional port, e.g. ${lowerScheme}://127.0.0.1:8787.` };
	}
	if (port !== "") {
		const number = tonumber(port)!;
		if (number < 1 || number > 65535) return { ok: false, message: `${label} has an invalid port (${port}).` };
	}
	const lowerHost = host.lower();
	if (lowerHost === "roblox.com" || lowerHost.sub(-11) === ".roblox.com") {
		return { ok: false, message: `${label} cannot point at roblox.com: Studio does not let plugins call it.` };
	}
	const normalizedPath = path.gsub("/+$", "")[0];
	return { ok: true, value: `${lowerScheme}://${authority.lower()}${normalizedPath}` };
}

function checkSecret(label: string, input: string): FieldCheck<string> {
	const text = trim(input);
	if (text.size() > MAX_SECRET) return { ok: false, message: `${label} is longer than ${MAX_SECRET} characters.` };
	if (string.find(text, "[%s%c]")[0] !== undefined) return { ok: false, message: `${label} cannot contain spaces or line breaks.` };
	return { ok: true, value: text };
}

interface FieldRule<T> {
	/** The field's name in the settings UI and in messages. */
	readonly label: string;
	readonly type: t.check<T>;
	/** The type in words, for messages. */
	readonly expected: string;
	/** Rules beyond the type; normalizes the value. */
	readonly refine?: (value: T) => FieldCheck<T>;
}

const isAutoApprove = t.strictInterface({
	script_edits: t.optional(t.boolean),
	instance_changes: t.optional(t.boolean),
	asset_inserts: t.optional(t.boolean),
});

/** One rule per field: the single declaration of what a valid setting is. */
const RULES: { readonly [K in SettingsField]: FieldRule<VectorSettings[K]> } = {
	proxyUrl: { label: "Proxy URL", type: t.string, expected: "text", refine: (value) => checkProxyUrl(value) },
	token: { label: "Token", type: t.string, expected: "text", refine: (value) => checkSecret("Token", value) },
	providerBaseUrl: { label: "Provider URL", type: t.string, expected: "text", refine: (value) => checkUrl("Provider URL", value, true) },
	providerKey: { label: "Provider key", type: t.string, expected: "text", refine: (value) => checkSecret("Provider key", value) },
	model: {
		label: "Model",
		type: t.string,
		expected: "text",
		refine: (value) => {
			const text = trim(value);
			if (text.size() > MAX_MODEL) return { ok: false, message: `Model is longer than ${MAX_MODEL} characters.` };
			if (string.find(text, "[%s%c]")[0] !== undefined) return { ok: false, message: "Model names have no spaces or line breaks." };
			return { ok: true, value: text };
		},
	},
	mode: { label: "Mode", type: t.literal("plan", "act"), expected: '"plan" or "act"' },
	autoApprove: {
		label: "Auto-approve",
		type: isAutoApprove as t.check<Record<AutoApproveCategory, boolean>>,
		expected: "on/off switches for script_edits, instance_changes and asset_inserts",
		refine: (value) => ({
			ok: true,
			value: {
				script_edits: value.script_edits ?? false,
				instance_changes: value.instance_changes ?? false,
				asset_inserts: value.asset_inserts ?? false,
			},
		}),
	},
	streaming: { label: "Streaming", type: t.boolean, expected: "on or off" },
	canvasBaseUrl: { label: "Canvas URL", type: t.string, expected: "text", refine: (value) => checkCanvasUrl(value) },
	canvasToken: { label: "Canvas token", type: t.string, expected: "text", refine: (value) => checkSecret("Canvas token", value) },
};

function checkCanvasUrl(value: string): FieldCheck<string> {
	const checked = checkUrl("Canvas URL", value, true);
	if (!checked.ok) return checked;
	// Vector adds /api/v1/… itself; a URL copied from the API docs or a course page keeps only the site.
	const [site] = string.match(checked.value, "^(https?://[^/]+)");
	return { ok: true, value: (site as string | undefined) ?? checked.value };
}

function checkProxyUrl(value: string): FieldCheck<string> {
	const checked = checkUrl("Proxy URL", value, false);
	if (!checked.ok) return checked;
	// Vector adds /v1/… itself; an OpenAI-style base URL would otherwise give /v1/v1/….
	return { ok: true, value: checked.value.gsub("/v1$", "")[0] };
}

/** Every settings field, in display order. */
export const SETTINGS_FIELDS: ReadonlyArray<SettingsField> = [
	"proxyUrl",
	"token",
	"providerBaseUrl",
	"providerKey",
	"model",
	"mode",
	"autoApprove",
	"streaming",
	"canvasBaseUrl",
	"canvasToken",
];

/** Fields added after the first saved layout: missing from an older save is normal, not a reset. */
export const LATER_FIELDS: ReadonlySet<SettingsField> = new Set<SettingsField>(["canvasBaseUrl", "canvasToken"]);

/** The label of `field` in the settings UI. */
export function settingsLabel(field: SettingsField): string {
	return RULES[field].label;
}

/** Checks one field's value; on success the value is normalized (trimmed, URLs without trailing slash). */
export function checkSetting<K extends SettingsField>(field: K, value: unknown): FieldCheck<VectorSettings[K]> {
	const rule = RULES[field] as FieldRule<VectorSettings[K]>;
	if (!rule.type(value)) return { ok: false, message: `${rule.label} must be ${rule.expected}.` };
	return rule.refine !== undefined ? rule.refine(value) : { ok: true, value };
}

/**
 * What is valid field by field but will not work together, for the settings UI to show: the
 * bring-your-own-key pair is used only when both halves are set.
 */
export function settingsProblems(settings: VectorSettings): Array<string> {
	const problems = new Array<string>();
	if (settings.providerKey !== "" && settings.providerBaseUrl === "") {
		problems.push("Provider key is set but Provider URL is empty: set both to use your own key, or clear the key.");
	} else if (settings.providerBaseUrl !== "" && settings.providerKey === "") {
		problems.push("Provider URL is set but Provider key is empty: set both to use your own key, or clear the URL.");
	}
	if (settings.canvasToken !== "" && settings.canvasBaseUrl === "") {
		problems.push("Canvas token is set but Canvas URL is empty: set your school's Canvas address (e.g. https://school.instructure.com), or clear the token.");
	} else if (settings.canvasBaseUrl !== "" && settings.canvasToken === "") {
		problems.push("Canvas URL is set but Canvas token is empty: create a token in Canvas (Account → Settings → New access token), or clear the URL.");
	}
	return problems;
}
