/**
 * Saving and loading players' progress through a DataStore, without ever breaking play: every request
 * runs in pcall with bounded retries and backoff (retry.ts), and a failure is reported and answered
 * with a safe outcome. A player whose progress could not be loaded plays on from scratch, and their
 * progress is then not saved this session, so a passing outage cannot overwrite what they had.
 *
 * One failure is not passing: 403, which Roblox answers when the place may not use DataStores at all
 * (Studio without "Enable Studio Access to API Services", an unpublished place). Retrying cannot help,
 * so the store says so once and stops asking for the rest of the session.
 */
import { retryWithBackoff, RetryOptions } from "./retry";
import { ProgressData } from "./player-progress";
import { fromRecord, toRecord } from "./progress-record";

/** The DataStore the kit keeps progress in (one per experience). */
export const PROGRESS_STORE_NAME = "VectorLessonProgress";

/** The part of GlobalDataStore the kit uses. */
export interface KeyValueStore {
	GetAsync(key: string): unknown;
	SetAsync(key: string, value: unknown, userIds?: Array<number>): unknown;
}

export type LoadOutcome =
	/** Saved progress, checked. */
	| { readonly kind: "loaded"; readonly data: ProgressData }
	/** Nothing saved yet, or a saved value this kit cannot read (it is replaced on the next save). */
	| { readonly kind: "fresh"; readonly note?: string }
	/** The store kept failing: play from scratch and do not save. */
	| { readonly kind: "failed"; readonly message: string };

export interface ProgressStoreOptions {
	readonly retry?: RetryOptions;
	/** Where failures are reported (default warn). */
	readonly log?: (message: string) => void;
}

/** Roblox's "this place may not use DataStores" errors start with their HTTP-like code 403. */
function isForbidden(message: string): boolean {
	return message.find("403:", 1, true)[0] !== undefined;
}

export function progressKey(userId: number): string {
	return `player_${userId}`;
}

export class ProgressStore {
	private readonly log: (message: string) => void;
	/** Why the store is off for this session (a 403), once it is. */
	private forbidden?: string;

	constructor(
		private readonly store: KeyValueStore,
		private readonly options: ProgressStoreOptions = {},
	) {
		this.log = options.log ?? ((message) => warn(`[VectorLessonKit] ${message}`));
	}

	load(userId: number): LoadOutcome {
		const key = progressKey(userId);
		if (this.forbidden !== undefined) return { kind: "failed", message: this.forbidden };
		const result = retryWithBackoff(() => this.store.GetAsync(key), this.retryOptions("load", key));
		if (!result.ok) {
			if (this.refusedForGood(result.message)) return { kind: "failed", message: this.forbidden! };
			const message = `could not load ${key} after ${result.attempts} tries (${result.message}); playing without saving`;
			this.log(message);
			return { kind: "failed", message };
		}
		if (result.value === undefined) return { kind: "fresh" };
		const data = fromRecord(result.value);
		if (data === undefined) {
			const note = `the saved progress in ${key} is not in a format this kit reads; starting fresh`;
			this.log(note);
			return { kind: "fresh", note };
		}
		return { kind: "loaded", data };
	}

	/** Saves `data`; false (reported) when the store kept failing. */
	save(userId: number, data: ProgressData): boolean {
		const key = progressKey(userId);
		if (this.forbidden !== undefined) return false;
		const record = toRecord(data);
		const result = retryWithBackoff(() => this.store.SetAsync(key, record, [userId]), this.retryOptions("save", key));
		if (!result.ok && !this.refusedForGood(result.message)) {
			this.log(`could not save ${key} after ${result.attempts} tries (${result.message})`);
		}
		return result.ok;
	}

	/** Whether `message` means the place may not use DataStores; the first one turns the store off, said once. */
	private refusedForGood(message: string): boolean {
		if (!isForbidden(message)) return false;
		if (this.forbidden === undefined) {
			this.forbidden = `progress is not saved: this place may not use DataStores (${message})`;
			this.log(this.forbidden);
		}
		return true;
	}

	private retryOptions(what: string, key: string): RetryOptions {
		return {
			...this.options.retry,
			retryable: (message) => !isForbidden(message),
			onFailure: (attempt, message) => {
				if (!isForbidden(message)) this.log(`${what} ${key}: try ${attempt} failed: ${message}`);
			},
		};
	}
}
