/**
 * Saving and loading players' progress through a DataStore, without ever breaking play: every request
 * runs in pcall with bounded retries and backoff (retry.ts), and a failure is reported and answered
 * with a safe outcome. A player whose progress could not be loaded plays on from scratch, and their
 * progress is then not saved this session, so a passing outage cannot overwrite what they had.
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

export function progressKey(userId: number): string {
	return `player_${userId}`;
}

export class ProgressStore {
	private readonly log: (message: string) => void;

	constructor(
		private readonly store: KeyValueStore,
		private readonly options: ProgressStoreOptions = {},
	) {
		this.log = options.log ?? ((message) => warn(`[VectorLessonKit] ${message}`));
	}

	load(userId: number): LoadOutcome {
		const key = progressKey(userId);
		const result = retryWithBackoff(() => this.store.GetAsync(key), this.retryOptions("load", key));
		if (!result.ok) {
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
		const record = toRecord(data);
		const result = retryWithBackoff(() => this.store.SetAsync(key, record, [userId]), this.retryOptions("save", key));
		if (!result.ok) this.log(`could not save ${key} after ${result.attempts} tries (${result.message})`);
		return result.ok;
	}

	private retryOptions(what: string, key: string): RetryOptions {
		return {
			...this.options.retry,
			onFailure: (attempt, message) => this.log(`${what} ${key}: try ${attempt} failed: ${message}`),
		};
	}
}
