/**
 * The user settings the loop reads before every step (so a change applies at the next request):
 * the model, its window, auto-approve per category (all off by default: nothing changes the place
 * without a click unless the user opted in) and how much history compaction keeps verbatim. The
 * settings module (settings/) stores and validates them; the loop only reads.
 */
import { ApprovalCategory } from "../proposals/operation";
import { DEFAULT_TOKEN_WINDOW, TokenWindow } from "./token-budget";

export interface AgentSettings {
	/** The model to ask for; undefined lets the proxy use its default. */
	readonly model?: string;
	readonly temperature?: number;
	readonly window: TokenWindow;
	/** Per category: approve proposals of that category without asking. */
	readonly autoApprove: { readonly [category in ApprovalCategory]: boolean };
	/** How many of the newest turns compaction keeps verbatim. */
	readonly keepTurns: number;
	/** The summary's token allowance when compacting. */
	readonly summaryTokens: number;
}

/** The settings of a fresh install. */
export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
	window: DEFAULT_TOKEN_WINDOW,
	autoApprove: { script_edits: false, instance_changes: false, asset_inserts: false },
	keepTurns: 4,
	summaryTokens: 1_500,
};
