/**
 * What the loop tells the UI, as typed events on a plain listener list. The UI can redraw from
 * the loop's getters alone; events say what changed (and stream text) so it need not poll. A
 * listener that throws is reported with `warn` and never breaks the loop or the other listeners.
 */
import { ChatMessage } from "../../../shared/src/proxy-api";
import { Proposal } from "../proposals/proposal";
import { AgentError, AgentState } from "./agent-state";
import { CompactionMethod } from "./compaction";

export type AgentEvent =
	/** A message joined the conversation (user, assistant or tool result). */
	| { readonly kind: "message_added"; readonly message: ChatMessage }
	/** Assistant text streaming in for the current request. */
	| { readonly kind: "text_delta"; readonly text: string }
	/** A tool call ran (or became a proposal / question); summaries are short, for a chip. */
	| {
			readonly kind: "tool_used";
			readonly name: string;
			readonly args: string;
			readonly result: string;
			readonly failed: boolean;
	  }
	/** A write tool made a proposal that now waits for a decision. */
	| { readonly kind: "proposal_created"; readonly proposal: Proposal }
	| { readonly kind: "state_changed"; readonly state: AgentState; readonly previous: AgentState }
	/** Something failed; the state says whether the loop stopped (error) or went on (e.g. saving failed). */
	| { readonly kind: "error"; readonly error: AgentError }
	/** The size of the next request against the window, counted before every request. */
	| { readonly kind: "tokens"; readonly tokens: number; readonly limit: number; readonly measured: boolean }
	/** Older turns were folded to fit the window. */
	| {
			readonly kind: "compacted";
			readonly method: CompactionMethod;
			readonly foldedMessages: number;
			readonly tokensBefore: number;
			readonly tokensAfter: number;
	  };

export type AgentListener = (event: AgentEvent) => void;

/** A list of listeners with subscribe/emit. */
export class AgentEvents {
	private readonly listeners = new Array<AgentListener>();

	/** Adds a listener; returns the function that removes it. */
	subscribe(listener: AgentListener): () => void {
		this.listeners.push(listener);
		return () => {
			const index = this.listeners.indexOf(listener);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** Calls every listener with `event`, in subscription order. */
	emit(event: AgentEvent): void {
		for (const listener of [...this.listeners]) {
			const [ok, problem] = pcall(listener, event);
			if (!ok) warn(`Vector: an agent event listener failed on ${event.kind}: ${tostring(problem)}`);
		}
	}
}
