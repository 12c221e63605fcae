/**
 * Saves the agent session (conversation, proposal ids, loop state) in plugin settings so it
 * survives a plugin reload. Stored as our own JSON string under one plain key (plugin settings
 * mangle arrays and may read back nil when several Studio windows write at once) and validated on
 * read: anything unreadable is reported as `corrupt` and the loop starts fresh instead of crashing.
 */
import { encodeJson, decodeJson } from "../net/json";
import { AgentSession, checkSession } from "./session-schema";

/** Plugin settings as the engine sees them (plugin:GetSetting / plugin:SetSetting behind an interface). */
export interface SettingsStore {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
}

/** The settings key (plain: no dots, quotes, backslashes or newlines). */
export const SESSION_SETTING_KEY = "VectorAgentSession";

export type SessionLoad =
	| { readonly kind: "empty" }
	| { readonly kind: "restored"; readonly session: AgentSession }
	/** Something was saved but cannot be used; `message` says why (the loop starts fresh). */
	| { readonly kind: "corrupt"; readonly message: string };

export interface SessionStore {
	/** Reads the saved session. Never throws. */
	load(): SessionLoad;
	/** Saves the session, replacing the previous one. Never throws; says why when it could not save. */
	save(session: AgentSession): { readonly ok: true } | { readonly ok: false; readonly message: string };
	/** Forgets the saved session. */
	clear(): void;
}

/** A session store over plugin settings. */
export function createSessionStore(settings: SettingsStore, key = SESSION_SETTING_KEY): SessionStore {
	return {
		load() {
			const [readOk, raw] = pcall(() => settings.get(key));
			if (!readOk) return { kind: "corrupt", message: `reading the saved session failed: ${tostring(raw)}` };
			if (raw === undefined) return { kind: "empty" };
			if (!typeIs(raw, "string")) return { kind: "corrupt", message: "the saved session is not a JSON string" };
			const decoded = decodeJson(raw);
			if (!decoded.ok) return { kind: "corrupt", message: `the saved session is ${decoded.message}` };
			const checked = checkSession(decoded.value);
			if (!checked.ok) return { kind: "corrupt", message: checked.message };
			return { kind: "restored", session: checked.session };
		},
		save(session) {
			const encoded = encodeJson(session);
			if (!encoded.ok) return { ok: false, message: `the session could not be saved: ${encoded.message}` };
			const [ok, problem] = pcall(() => settings.set(key, encoded.text));
			if (!ok) return { ok: false, message: `the session could not be saved: ${tostring(problem)}` };
			return { ok: true };
		},
		clear() {
			pcall(() => settings.set(key, undefined));
		},
	};
}
