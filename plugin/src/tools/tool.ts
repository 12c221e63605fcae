/**
 * What a tool is: one registry entry per tool, carrying everything the agent needs — the name and
 * description the model reads, the argument schema (one declaration that yields both the JSON schema
 * sent to the model and the @rbxts/t validator run on its arguments, so the two cannot drift), its
 * kind, and the executor. Read tools answer at once; write tools return a proposal for the user;
 * control tools end the task or ask the user.
 */
import type { CanvasApi } from "../net/canvas-client";
import { LessonPlan } from "../lesson/lesson-progress";
import type { PlannedInstances } from "./planned-instances";
import { Operation } from "../proposals/operation";
import { StudioApi } from "../studio/studio-api";
import { AssetSearchResult } from "../../../shared/src/proxy-api";

export type ToolKind = "read" | "write" | "control";

/** A declared argument shape: JSON schema for the model and a validator for what it sends back. */
export interface ArgSchema<T> {
	/** The JSON schema (draft 2020-12 subset OpenAI accepts) describing the arguments object. */
	toJsonSchema(): object;
	/** Checks decoded JSON arguments; on failure a message naming the offending field for the model. */
	check(value: unknown): { ok: true; value: T } | { ok: false; message: string };
}

/** Searches the Creator Store through the proxy (net/). Yields; throws a user-readable error. */
export type AssetSearch = (query: string, options: { tags?: string; limit?: number }) => ReadonlyArray<AssetSearchResult>;

export interface ToolContext {
	readonly studio: StudioApi;
	readonly searchAssets: AssetSearch;
	/** The teacher's Canvas LMS (net/canvas-client.ts), for lms_lookup; absent where none is wired. */
	readonly canvas?: CanvasApi;
	/** The lesson plan of the current conversation (plan_lesson's), so propose_changes can check its stage ids. */
	readonly lessonPlan?: () => LessonPlan | undefined;
	/** Inside propose_changes: what the earlier changes of the batch create, which later ones may name. */
	readonly planned?: PlannedInstances;
}

export type ToolOutcome =
	/** A read tool's answer, sent back to the model as the tool result (already size-capped). */
	| { readonly kind: "result"; readonly text: string }
	/** A write tool's change, shown to the user as a proposal; the loop waits for the decision. */
	| {
			readonly kind: "proposal";
			readonly summary: string;
			readonly operations: ReadonlyArray<Operation>;
			/** The lesson stage this proposal builds (propose_changes' `stage`). */
			readonly stage?: string;
	  }
	/** show_diff: a preview for the model and the user that changes nothing. */
	| { readonly kind: "preview"; readonly text: string }
	/** attempt_completion: the task is done; `result` is shown to the user. */
	| { readonly kind: "completion"; readonly result: string }
	/** ask_user: the loop waits for the user's answer. */
	| { readonly kind: "question"; readonly question: string; readonly options?: ReadonlyArray<string> }
	/** A precise error for the model (counts toward the consecutive-mistake limit). */
	| { readonly kind: "error"; readonly message: string };

export interface ToolDefinition<A = unknown> {
	readonly name: string;
	/** Product text: precise, short, Roblox-specific. */
	readonly description: string;
	readonly kind: ToolKind;
	readonly args: ArgSchema<A>;
	/** Runs the tool with validated arguments. May yield. Errors are outcomes, not throws. */
	execute(args: A, context: ToolContext): ToolOutcome;
}
