/**
 * A lesson being built, as the widget shows it: the plan the model declared with plan_lesson (its
 * stages, in order) and how far each stage has come, derived from the proposals made for it. A
 * stage is its own proposal (one undo step); its state is the state of the newest proposal made for
 * it, so a stage proposed again after a rejection or a conflict shows the new attempt.
 *
 * The last stage is usually the teacher's summary, which changes nothing in the place: a stage
 * declared without changes is done when the task completes; a stage with changes that was never
 * proposed by then is shown as skipped, never as done.
 */
import { ProposalState } from "../proposals/proposal";

/** Environment types the lesson form offers (the model may be asked for others in chat). */
export const LESSON_ENVIRONMENTS = ["classroom", "space station", "forest", "ocean"] as const;

/** One stage of the plan, as plan_lesson declared it. */
export interface LessonStagePlan {
	/** Short id the stage's proposal names ("environment", "quiz", "kit", "stations", "summary"). */
	readonly id: string;
	/** What the teacher reads ("Classroom and lighting"). */
	readonly name: string;
	/** False for a stage that proposes nothing (the teacher's summary). */
	readonly changesPlace: boolean;
}

/** The lesson the model planned (plan_lesson's validated arguments). */
export interface LessonPlan {
	readonly title: string;
	readonly subject: string;
	readonly gradeLevel: string;
	readonly objectives: ReadonlyArray<string>;
	readonly environment: string;
	readonly includeQuiz: boolean;
	readonly stages: ReadonlyArray<LessonStagePlan>;
}

export type LessonStageStatus =
	/** Nothing proposed for it yet. */
	| "waiting"
	/** Its proposal waits for the teacher's decision (or is being applied). */
	| "proposed"
	/** Applied (or, for a stage without changes, the task completed). */
	| "done"
	/** Applying failed and the place is as before; Retry on its card applies it again. */
	| "failed"
	/** The teacher rejected it. */
	| "rejected"
	/** A script changed meanwhile and the change no longer fits; Vector must propose it again. */
	| "stale"
	/** Applied, then reverted by the teacher. */
	| "reverted"
	/** The task completed without proposing this stage. */
	| "skipped";

export interface LessonStageView {
	readonly id: string;
	readonly name: string;
	readonly status: LessonStageStatus;
	/** The newest proposal made for this stage. */
	readonly proposalId?: string;
	/** Why it failed, went stale or was rejected. */
	readonly reason?: string;
	/** Failed stages can be retried from their card (the proposal allows it). */
	readonly canRetry: boolean;
}

export interface LessonProgress {
	readonly title: string;
	readonly stages: ReadonlyArray<LessonStageView>;
	/** Stages done. */
	readonly done: number;
	/** 1-based index of the stage being worked on (the first not done); stages.size() + 1 when all are done. */
	readonly current: number;
	/** The task completed with every stage done. */
	readonly finished: boolean;
}

/** A proposal as progress needs it. */
export interface StageProposal {
	readonly id: string;
	readonly stage?: string;
	readonly state: ProposalState;
	readonly reason?: string;
}

const STATUS_BY_STATE: Record<ProposalState, LessonStageStatus> = {
	pending: "proposed",
	approved: "proposed",
	applying: "proposed",
	applied: "done",
	failed: "failed",
	rejected: "rejected",
	stale: "stale",
	reverted: "reverted",
};

/**
 * Progress of `plan` from the conversation's proposals (oldest first) and whether the task has
 * completed (attempt_completion), which finishes stages that had nothing to propose.
 */
export function lessonProgress(
	plan: LessonPlan,
	proposals: ReadonlyArray<StageProposal>,
	completed: boolean,
): LessonProgress {
	const newest = new Map<string, StageProposal>();
	for (const proposal of proposals) if (proposal.stage !== undefined) newest.set(proposal.stage, proposal);
	const stages = plan.stages.map((stage): LessonStageView => {
		const proposal = newest.get(stage.id);
		if (proposal === undefined) {
			const status = !completed ? "waiting" : stage.changesPlace ? "skipped" : "done";
			return { id: stage.id, name: stage.name, status, canRetry: false };
		}
		const status = STATUS_BY_STATE[proposal.state];
		return {
			id: stage.id,
			name: stage.name,
			status,
			proposalId: proposal.id,
			reason: proposal.reason,
			canRetry: status === "failed",
		};
	});
	let done = 0;
	let current = stages.size() + 1;
	stages.forEach((stage, index) => {
		if (stage.status === "done") done += 1;
		else if (current > stages.size()) current = index + 1;
	});
	return { title: plan.title, stages, done, current, finished: completed && done === stages.size() };
}
