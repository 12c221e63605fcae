/**
 * When the "New lesson" form may start a lesson. Its message goes through the agent like a typed
 * one, and a typed message is taken in more states than a new lesson should be: while a proposal
 * waits it would reject that proposal with the lesson request as the reason, and while Vector asks
 * a question it would be taken as the answer. So the form waits for those to be settled in Chat,
 * as it waits while a step is in flight.
 */
import { AgentState, isBusy } from "../agent/agent-state";

/** Why a lesson cannot start in `state` although a message could be sent (see the module header). */
export function lessonWaitNote(state: AgentState): string | undefined {
	if (state.kind === "awaiting_approval")
		return "A proposal is waiting in Chat: approve or reject it before starting a lesson.";
	if (state.kind === "awaiting_answer")
		return "Vector asked you a question in Chat: answer it before starting a lesson.";
	return undefined;
}

/** The note under a disabled Build lesson button, or undefined when a lesson can start now. */
export function lessonStartNote(state: AgentState): string | undefined {
	if (isBusy(state)) return "Vector is working on a step. Build the lesson when it is done, or press Stop in Chat.";
	return lessonWaitNote(state);
}
