/**
 * The lesson the widget shows progress for: the newest plan the model declared with plan_lesson in
 * the conversation (and the tool accepted — the same checker runs here), followed by the proposals
 * made since, and whether attempt_completion has closed the task since the plan. Derived from the
 * transcript's messages on every rebuild, so it survives a reload with the conversation and a new
 * plan (the teacher asks for another lesson) simply takes over.
 */
import { HttpService } from "@rbxts/services";
import { contentText } from "../agent/conversation";
import { checkLessonPlan } from "../lesson/lesson-plan";
import { LessonProgress, lessonProgress, StageProposal } from "../lesson/lesson-progress";
import { Proposal } from "../proposals/proposal";
import { ChatMessage } from "../../../shared/src/proxy-api";

const ERROR_PREFIX = "Error: ";

function decode(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	const [ok, value] = pcall(() => HttpService.JSONDecode(text));
	return ok ? value : undefined;
}

/**
 * Progress of the newest accepted lesson plan in `messages` (oldest first), with `proposals` (the
 * conversation's, oldest first); undefined when the conversation has no lesson.
 */
export function lessonFromMessages(
	messages: ReadonlyArray<ChatMessage>,
	proposals: ReadonlyArray<Proposal>,
): LessonProgress | undefined {
	// Tool results by call id, to know which plan_lesson calls were accepted.
	const failedCalls = new Set<string>();
	for (const message of messages) {
		if (message.role === "tool" && contentText(message.content).sub(1, ERROR_PREFIX.size()) === ERROR_PREFIX) {
			failedCalls.add(message.tool_call_id);
		}
	}
	let planIndex = -1;
	let planCall: { id: string; args: unknown } | undefined;
	messages.forEach((message, index) => {
		if (message.role !== "assistant") return;
		for (const call of message.tool_calls ?? []) {
			if (call.function.name !== "plan_lesson" || failedCalls.has(call.id)) continue;
			planIndex = index;
			planCall = { id: call.id, args: decode(call.function.arguments) };
		}
	});
	if (planCall === undefined) return undefined;
	const checked = checkLessonPlan(planCall.args);
	if (!checked.ok) return undefined;

	let completed = false;
	const callIds = new Set<string>();
	for (let i = planIndex; i < messages.size(); i++) {
		const message = messages[i];
		if (message.role !== "assistant") continue;
		for (const call of message.tool_calls ?? []) {
			callIds.add(call.id);
			if (call.function.name === "attempt_completion" && i > planIndex) completed = true;
		}
	}
	const staged = new Array<StageProposal>();
	for (const proposal of proposals) {
		if (callIds.has(proposal.toolCallId)) {
			staged.push({ id: proposal.id, stage: proposal.stage, state: proposal.state, reason: proposal.reason });
		}
	}
	return lessonProgress(checked.plan, staged, completed);
}
