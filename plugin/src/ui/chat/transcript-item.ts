/**
 * What the chat transcript shows, one entry per row, as plain data. The app maps the agent's events
 * onto these (a user message, assistant text streaming in, a `tool_used` chip, a progress line, an
 * error, a proposal card), and the Transcript only draws them: it knows nothing of the loop. Every
 * item has an `id` that stays the same while the item changes (streaming text grows, a stage line
 * finishes), so Roact updates the row in place instead of rebuilding it.
 */

export type TranscriptItem =
	| { readonly kind: "user"; readonly id: string; readonly text: string }
	/** `streaming`: text is still arriving (a cursor shows after it). */
	| { readonly kind: "assistant"; readonly id: string; readonly text: string; readonly streaming: boolean }
	/** A tool the model used (the agent's `tool_used` event). */
	| {
			readonly kind: "tool";
			readonly id: string;
			readonly name: string;
			readonly args: string;
			readonly result: string;
			readonly failed: boolean;
	  }
	/** A progress line of a long task ("Reading Workspace.Map…"); `active` while it is under way. */
	| { readonly kind: "stage"; readonly id: string; readonly text: string; readonly active: boolean }
	/**
	 * An error the user can act on. `retryAt` (an `os.clock()` time) holds Retry back until then;
	 * `canRetry` offers Retry at all.
	 */
	| {
			readonly kind: "error";
			readonly id: string;
			readonly message: string;
			readonly canRetry: boolean;
			readonly retryAt?: number;
	  }
	/** A proposal card, drawn by the Transcript's `renderProposal` (the cards live in ui/cards). */
	| { readonly kind: "proposal"; readonly id: string; readonly proposalId: string };

export type TranscriptItemKind = TranscriptItem["kind"];
