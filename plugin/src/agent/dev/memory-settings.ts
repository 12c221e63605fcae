/**
 * Spec support (dev build only): plugin settings in memory, with a switch to make writes throw.
 */
import { SettingsStore } from "../session-store";

export class MemorySettings implements SettingsStore {
	readonly values = new Map<string, unknown>();
	writes = 0;
	failWrites = false;

	get(key: string): unknown {
		return this.values.get(key);
	}

	set(key: string, value: unknown): void {
		if (this.failWrites) error("settings are read-only right now");
		this.writes += 1;
		if (value === undefined) this.values.delete(key);
		else this.values.set(key, value);
	}
}
