/**
 * What the loop itself writes into the conversation: the reminder after a reply without a tool
 * call, the answer to tool calls that did not run, the outcome of a proposal, the user's answer, and
 * the notes left by Stop and by a plugin reload. Product text the model reads, so each says what
 * happened and what to do next.
 */
import { ChatToolCall } from "../../../shared/src/proxy-api";
import { Operation } from "../proposals/operation";
import { Proposal } from "../proposals/proposal";
import { describeFill, formatPoint } from "../proposals/terrain-geometry";

/** The user message sent after a reply with no tool call. */
export const NO_TOOL_REMINDER =
	"[Reminder] Your last reply had no tool call. Every reply must call exactly one tool. " +
	"To finish, call attempt_completion with the result; to ask the user something, call ask_user; " +
	"otherwise call the tool for your next step.";

/** Why a reply with no tool call counts as a mistake (shown to the user when mistakes stop the task). */
export const NO_TOOL_MISTAKE = "the reply had no tool call";

/** The result of a tool call that did not run because an earlier call of the same reply did. */
export function notRunResult(call: ChatToolCall, first: ChatToolCall): string {
	return (
		`Not run: only one tool call per message is allowed, and only the first (${first.function.name}) ran. ` +
		`Call ${call.function.name} in a later message if you still need it.`
	);
}

/** The result of a tool call whose tool reported an error. */
export function toolErrorResult(message: string): string {
	return `Error: ${message}`;
}

/** The result of attempt_completion. */
export const COMPLETION_ACK = "The result was shown to the user. The task is complete unless the user writes again.";

/** The result of ask_user once the user answered. */
export function answerResult(answer: string): string {
	return `The user answered: ${answer}`;
}

/** The result of a tool call cut short by Stop. */
export const STOPPED_RESULT = "Not completed: the user stopped the task. Nothing was changed by this call.";

/** The result of a proposal still undecided when the user stopped the task (it is withdrawn). */
export const STOPPED_PROPOSAL_RESULT =
	"The user stopped the task before deciding on this proposal; it was withdrawn and nothing was changed.";

/** The result of a proposal that was already being applied when the user stopped the task. */
export const STOPPED_APPLYING_RESULT =
	"The user stopped the task while this proposal was being applied; its outcome is shown to the user. Check the place before relying on it.";

/** The reason recorded on a proposal withdrawn by Stop. */
export const STOPPED_PROPOSAL_REASON = "The task was stopped before a decision.";

/** The result of ask_user when the user stopped instead of answering. */
export const STOPPED_QUESTION_RESULT = "The user stopped the task without answering.";

/** The result of a tool call that was in flight when the plugin reloaded. */
export const INTERRUPTED_RESULT =
	"Not completed: Vector was reloaded while this tool ran. Nothing was changed; call it again if you still need it.";

/** The result for a proposal the store no longer knows after a reload. */
export const LOST_PROPOSAL_RESULT =
	"The proposal was lost when Vector reloaded; nothing was applied. Propose the change again if it is still needed.";

/** The result of a write tool called in Plan mode (the registry should not offer it; this is the backstop). */
export function planModeWriteResult(name: string): string {
	return `${name} changes the place, and Plan mode offers read tools only. Present your plan with attempt_completion; the user switches to Act mode to apply it.`;
}

/** One line per operation: what it does and to which path. */
export function describeOperations(operations: ReadonlyArray<Operation>): string {
	return operations
		.map((operation) => {
			switch (operation.kind) {
				case "edit_script":
					return `- edited the script ${operation.path}`;
				case "create_script":
					return `- created ${operation.className} "${operation.name}" in ${operation.parentPath}`;
				case "create_instance":
					return `- created ${operation.className} "${operation.name}" in ${operation.parentPath}`;
				case "set_properties": {
					const names = new Array<string>();
					for (const [name] of pairs(operation.properties)) names.push(name as string);
					names.sort();
					return `- set ${names.join(", ")} on ${operation.path}`;
				}
				case "rename_instance":
					return `- renamed ${operation.path} to "${operation.newName}"`;
				case "move_instance":
					return `- moved ${operation.path} into ${operation.newParentPath}`;
				case "delete_instance":
					return `- deleted ${operation.path}`;
				case "insert_asset":
					return `- inserted asset ${operation.assetId} into ${operation.parentPath}`;
				case "install_kit":
					return `- installed the lesson kit ${operation.kitVersion} into ${operation.roots.map((root) => root.parentPath).join(", ")}`;
				case "fill_terrain":
					return `- filled terrain with ${describeFill(operation)}`;
				case "clear_terrain":
					return `- cleared the terrain from ${formatPoint(operation.min)} to ${formatPoint(operation.max)}`;
			}
		})
		.join("\n");
}

/**
 * The tool result that answers a write tool once its proposal is decided, or undefined while it is
 * still undecided (pending, approved, applying).
 */
export function decisionResult(proposal: Proposal, autoApproved: boolean): string | undefined {
	switch (proposal.state) {
		case "applied": {
			const how = autoApproved
				? "Auto-approved (the user's setting) and applied"
				: "The user approved it and it was applied";
			const waypoint = proposal.waypoint !== undefined ? ` as the undo step "${proposal.waypoint}"` : "";
			return `${how}${waypoint}:\n${describeOperations(proposal.operations)}`;
		}
		case "rejected":
			return proposal.reason !== undefined && proposal.reason !== ""
				? `The user rejected the proposal; nothing was changed. Their reason: ${proposal.reason}`
				: "The user rejected the proposal without a reason; nothing was changed. Ask the user (ask_user) if the next step is unclear.";
		case "failed":
			return `The proposal failed to apply and the place was left unchanged: ${proposal.reason ?? "no reason was given"}`;
		case "stale": {
			const conflicts = (proposal.conflicts ?? [])
				.map((conflict) => `\n- ${conflict.path}: ${conflict.detail}`)
				.join("");
			return (
				`The proposal went stale and nothing was changed: ${proposal.reason ?? "the script changed after it was proposed"}.${conflicts}\n` +
				"Read the current text again and propose the change anew."
			);
		}
		case "reverted":
			return "The proposal was applied and then reverted by the user; the place is as before it.";
		default:
			return undefined;
	}
}
