/**
 * Reads and writes Vector's settings through a small `SettingsStore` (the entry script passes one
 * over `plugin:GetSetting`/`SetSetting`; specs pass `createMemorySettingsStore()`), keeping the
 * values valid whatever is on disk.
 *
 * Engine facts (roblox-api.md): `GetSetting` is nil when nothing is stored and can also return nil
 * for a moment when several Studio windows write at once; values are stored as JSON, and arrays come
 * back as string-keyed maps. So all settings are kept as ONE JSON string of our own under a plain
 * key, validated field by field on every read: a corrupt or foreign value falls back to defaults
 * (per field when possible) and the load report lists what was reset, never an error. A nil read is
 * retried briefly before it counts as "nothing saved", and nothing is written on load, so a
 * momentary nil can never overwrite the user's saved settings with defaults. Each update re-reads
 * what is stored and applies the change on top of it, so two Studio windows do not undo each
 * other's edits. The token, the provider key and the Canvas token are stored like everything else,
 * in Studio's plugin settings on this computer.
 */
import { decodeJson, encodeJson } from "../net/json";
import {
	AUTO_APPROVE_CATEGORIES,
	checkSetting,
	DEFAULT_SETTINGS,
	LATER_FIELDS,
	SETTINGS_FIELDS,
	settingsLabel,
	SettingsField,
	SettingsPatch,
	VectorSettings,
} from "./settings-schema";

/** Where settings live: `plugin:GetSetting`/`SetSetting` in Studio, a table in specs. May throw. */
export interface SettingsStore {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
}

/** The key Vector's settings are stored under (plain: no dots, quotes, backslashes or newlines). */
export const SETTINGS_KEY = "VectorSettings";

/** The version of the stored JSON's layout. */
const FORMAT_VERSION = 1;

/** A field that was not read back as stored, and why. */
export interface SettingsReset {
	/** The field, or "all" when the stored value as a whole was unusable. */
	readonly field: SettingsField | "all";
	readonly reason: string;
}

/** What `load` found. */
export interface SettingsLoadReport {
	readonly settings: VectorSettings;
	/** "saved": read from the store (perhaps with resets); "defaults": nothing was saved yet. */
	readonly source: "saved" | "defaults";
	readonly resets: ReadonlyArray<SettingsReset>;
}

/** What `update` did. */
export type SettingsUpdateResult =
	| {
			readonly ok: true;
			readonly settings: VectorSettings;
			/** False when Studio would not store them (they still apply for this session). */
			readonly saved: boolean;
			readonly saveError?: string;
	  }
	/** Nothing changed: one message per field that broke its rules. */
	| { readonly ok: false; readonly errors: ReadonlyArray<{ readonly field: SettingsField; readonly message: string }> };

export type SettingsListener = (settings: VectorSettings, previous: VectorSettings) => void;

/** Options for tests and for Studio: how often and how long to retry a nil read. */
export interface PluginSettingsOptions {
	readonly key?: string;
	/** Reads of a nil value before it counts as "nothing saved" (default 3). */
	readonly readAttempts?: number;
	/** Seconds between those reads (default 0.1). */
	readonly readDelay?: number;
}

/** A store over a plain table, for specs and as a stand-in when Studio's is unavailable. */
export function createMemorySettingsStore(initial?: Record<string, unknown>): SettingsStore & { readonly values: Map<string, unknown> } {
	const values = new Map<string, unknown>();
	if (initial !== undefined) for (const [key, value] of pairs(initial)) values.set(key, value);
	return {
		values,
		get(key) {
			return values.get(key);
		},
		set(key, value) {
			values.set(key, value);
		},
	};
}

/** Reads a stored value into settings, per field; undefined `raw` means nothing is stored. */
function readStored(raw: unknown): { settings: VectorSettings; resets: Array<SettingsReset> } {
	const resets = new Array<SettingsReset>();
	if (!typeIs(raw, "string")) {
		resets.push({ field: "all", reason: `the saved settings were a ${typeOf(raw)}, not Vector's JSON text` });
		return { settings: DEFAULT_SETTINGS, resets };
	}
	const decoded = decodeJson(raw);
	if (!decoded.ok) {
		resets.push({ field: "all", reason: `the saved settings were not valid JSON (${decoded.message})` });
		return { settings: DEFAULT_SETTINGS, resets };
	}
	const document = decoded.value as { settings?: unknown } | undefined;
	const stored = typeIs(document, "table") ? (document as { settings?: unknown }).settings : undefined;
	if (!typeIs(stored, "table")) {
		resets.push({ field: "all", reason: "the saved settings had no settings object" });
		return { settings: DEFAULT_SETTINGS, resets };
	}
	const fields = stored as Record<string, unknown>;
	const result: Record<string, unknown> = {};
	for (const field of SETTINGS_FIELDS) {
		const value = fields[field];
		if (value === undefined) {
			result[field] = DEFAULT_SETTINGS[field];
			if (!LATER_FIELDS.has(field)) resets.push({ field, reason: `${settingsLabel(field)} was missing` });
			continue;
		}
		const checked = checkSetting(field, value);
		if (checked.ok) {
			result[field] = checked.value;
		} else {
			result[field] = DEFAULT_SETTINGS[field];
			resets.push({ field, reason: checked.message });
		}
	}
	return { settings: result as unknown as VectorSettings, resets };
}

function sameSettings(a: VectorSettings, b: VectorSettings): boolean {
	for (const field of SETTINGS_FIELDS) {
		if (field === "autoApprove") {
			for (const category of AUTO_APPROVE_CATEGORIES) if (a.autoApprove[category] !== b.autoApprove[category]) return false;
		} else if (a[field] !== b[field]) {
			return false;
		}
	}
	return true;
}

/** Vector's settings for one plugin session. */
export class PluginSettings {
	private readonly key: string;
	private readonly readAttempts: number;
	private readonly readDelay: number;
	private settings: VectorSettings = DEFAULT_SETTINGS;
	private readonly listeners = new Array<SettingsListener>();

	constructor(
		private readonly store: SettingsStore,
		options?: PluginSettingsOptions,
	) {
		this.key = options?.key ?? SETTINGS_KEY;
		this.readAttempts = math.max(1, options?.readAttempts ?? 3);
		this.readDelay = options?.readDelay ?? 0.1;
	}

	/** Reads the stored settings (yields briefly when the store answers nil). Never throws. */
	load(): SettingsLoadReport {
		let raw: unknown;
		let readError: string | undefined;
		for (let attempt = 1; attempt <= this.readAttempts; attempt++) {
			const [ok, value] = pcall(() => this.store.get(this.key));
			if (ok && value !== undefined) {
				raw = value;
				readError = undefined;
				break;
			}
			if (!ok) readError = tostring(value);
			if (attempt < this.readAttempts) task.wait(this.readDelay);
		}
		const previous = this.settings;
		if (raw === undefined) {
			this.settings = DEFAULT_SETTINGS;
			const resets: Array<SettingsReset> =
				readError !== undefined ? [{ field: "all", reason: `Studio could not read the saved settings (${readError})` }] : [];
			this.notify(previous);
			return { settings: this.settings, source: "defaults", resets };
		}
		const read = readStored(raw);
		this.settings = read.settings;
		this.notify(previous);
		return { settings: this.settings, source: "saved", resets: read.resets };
	}

	/** The settings in effect. */
	current(): VectorSettings {
		return this.settings;
	}

	/**
	 * Checks every field of `patch` and, when all pass, applies them on top of what is stored,
	 * saves, and tells the listeners. Nothing changes when a field fails.
	 */
	update(patch: SettingsPatch): SettingsUpdateResult {
		const errors = new Array<{ field: SettingsField; message: string }>();
		const checked: Record<string, unknown> = {};
		const base = this.freshBase();
		for (const field of SETTINGS_FIELDS) {
			let value = (patch as Record<string, unknown>)[field];
			if (value === undefined) continue;
			if (field === "autoApprove" && typeIs(value, "table")) value = { ...base.autoApprove, ...(value as object) };
			const result = checkSetting(field, value);
			if (result.ok) checked[field] = result.value;
			else errors.push({ field, message: result.message });
		}
		if (errors.size() > 0) return { ok: false, errors };
		return this.replace({ ...base, ...(checked as Partial<VectorSettings>) });
	}

	/** Puts every field back to its default, and saves. */
	resetToDefaults(): SettingsUpdateResult {
		return this.replace(DEFAULT_SETTINGS);
	}

	/** Calls `listener` after every change (with the new and the previous settings); returns the disconnect. */
	onChanged(listener: SettingsListener): () => void {
		this.listeners.push(listener);
		return () => {
			const index = this.listeners.indexOf(listener);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** What is stored now if it reads cleanly (another window may have saved), else what is in effect. */
	private freshBase(): VectorSettings {
		const [ok, raw] = pcall(() => this.store.get(this.key));
		if (!ok || raw === undefined) return this.settings;
		const read = readStored(raw);
		return read.resets.size() === 0 ? read.settings : this.settings;
	}

	private replace(updated: VectorSettings): SettingsUpdateResult {
		const previous = this.settings;
		this.settings = updated;
		const encoded = encodeJson({ version: FORMAT_VERSION, settings: updated });
		let saveError: string | undefined;
		if (!encoded.ok) {
			saveError = encoded.message;
		} else {
			const [ok, err] = pcall(() => this.store.set(this.key, encoded.text));
			if (!ok) saveError = tostring(err);
		}
		this.notify(previous);
		return saveError === undefined
			? { ok: true, settings: updated, saved: true }
			: { ok: true, settings: updated, saved: false, saveError: `Studio could not save Vector's settings: ${saveError}` };
	}

	/** Runs each listener on its own thread (one failing cannot stop the others), if anything changed. */
	private notify(previous: VectorSettings): void {
		if (sameSettings(previous, this.settings)) return;
		const current = this.settings;
		for (const listener of [...this.listeners]) task.spawn(listener, current, previous);
	}
}
