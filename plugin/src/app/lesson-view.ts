/**
 * The lesson the widget shows progress for: the newest plan the model declared with plan_lesson in
 * the conversation (and the tool accepted — the same checker runs here), followed by the proposals
 * made since, and whether attempt_completion has closed the task since the plan. Derived from the
 * transcript's messages on every rebuild, so it survives a reload with the conversation and a new
 * plan (the teacher asks for another lesson) simply takes over.
 */
import { latestLessonPlan } from "../lesson/lesson-plan";
import { LessonProgress, lessonProgress, StageProposal } from "../lesson/lesson-progress";
import { Proposal } from "../proposals/proposal";
import { ChatMessage } from "../../../shared/src/proxy-api";

/**
 * Progress of the newest accepted lesson plan in `messages` (oldest first), with `proposals` (the
 * conversation's, oldest first); undefined when the conversation has no lesson.
 */
export function lessonFromMessages(
	messages: ReadonlyArray<ChatMessage>,
	proposals: ReadonlyArray<Proposal>,
): LessonProgress | undefined {
	const latest = latestLessonPlan(messages);
	if (latest === undefined) return undefined;
	const planIndex = latest.index;

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
	return lessonProgress(latest.plan, staged, completed);
}
