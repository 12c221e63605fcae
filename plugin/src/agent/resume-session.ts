/**
 * Turns a saved session into one the loop can resume after a plugin reload, without sending
 * anything and without re-running or re-applying anything: a request or tool that was in flight
 * becomes an `interrupted` error with Retry (the model is told an interrupted tool did not
 * complete); a proposal still undecided is waited on again; one decided meanwhile, or lost by the
 * store, is answered for the model. Pure: the proposal store is only read.
 */
import { Proposal } from "../proposals/proposal";
import { AgentError } from "./agent-state";
import { answerToolCall } from "./answer-tool-call";
import { Conversation, answerOpenToolCalls, unansweredToolCalls } from "./conversation";
import { INTERRUPTED_RESULT, LOST_PROPOSAL_RESULT, decisionResult } from "./loop-messages";
import { isDecided } from "./proposal-sink";
import { AgentSession } from "./session-schema";

const REQUEST_INTERRUPTED: AgentError = {
	code: "interrupted",
	message: "Vector was reloaded while waiting for the model. Retry sends the step again.",
};
const TOOL_INTERRUPTED: AgentError = {
	code: "interrupted",
	message: "Vector was reloaded while a tool ran; the model was told it did not complete. Retry to continue.",
};
const DECISION_INTERRUPTED: AgentError = {
	code: "interrupted",
	message: "Vector was reloaded while waiting for a decision; the model was told the outcome. Retry to continue.",
};

function isOpen(conversation: Conversation, toolCallId: string): boolean {
	return unansweredToolCalls(conversation).some((call) => call.id === toolCallId);
}

/** The session as the loop should resume it. `lookup` reads a proposal from the store. */
export function resumeSession(session: AgentSession, lookup: (id: string) => Proposal | undefined): AgentSession {
	const conversation = session.conversation;
	if (conversation === undefined) return { ...session, state: { kind: "idle" }, anchor: undefined };
	const state = session.state;
	const interrupted = (resumed: Conversation, problem: AgentError): AgentSession => ({
		...session,
		conversation: answerOpenToolCalls(resumed, () => INTERRUPTED_RESULT),
		state: { kind: "error", error: problem },
	});

	switch (state.kind) {
		case "requesting":
			return interrupted(conversation, REQUEST_INTERRUPTED);
		case "running_tool":
			return interrupted(conversation, TOOL_INTERRUPTED);
		case "awaiting_approval": {
			if (!isOpen(conversation, state.toolCallId)) return interrupted(conversation, TOOL_INTERRUPTED);
			const proposal = lookup(state.proposalId);
			if (proposal === undefined) {
				return interrupted(answerToolCall(conversation, state.toolCallId, LOST_PROPOSAL_RESULT), DECISION_INTERRUPTED);
			}
			if (isDecided(proposal.state)) {
				const text = decisionResult(proposal, state.autoApproved)!;
				return interrupted(answerToolCall(conversation, state.toolCallId, text), DECISION_INTERRUPTED);
			}
			return session;
		}
		case "awaiting_answer":
			return isOpen(conversation, state.toolCallId) ? session : interrupted(conversation, TOOL_INTERRUPTED);
		default:
			// Resting states: nothing was in flight. Close any call left open by an inconsistent save.
			return { ...session, conversation: answerOpenToolCalls(conversation, () => INTERRUPTED_RESULT) };
	}
}
