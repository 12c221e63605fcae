/// <reference types="@rbxts/testez/globals" />
import { checkLessonPlan } from "./lesson-plan";
import { LessonPlan, lessonProgress, StageProposal } from "./lesson-progress";

const PLAN: LessonPlan = {
	title: "Fractions",
	subject: "Fractions",
	gradeLevel: "5th grade",
	objectives: ["Add fractions"],
	environment: "classroom",
	includeQuiz: true,
	stages: [
		{ id: "environment", name: "Classroom", changesPlace: true },
		{ id: "quiz", name: "Quiz", changesPlace: true },
		{ id: "stations", name: "Stations", changesPlace: true },
		{ id: "summary", name: "Summary", changesPlace: false },
	],
};

export = () => {
	it("follows each stage's newest proposal and counts how far along the lesson is", () => {
		const proposals: Array<StageProposal> = [
			{ id: "p1", stage: "environment", state: "applied" },
			{ id: "p2", stage: "quiz", state: "rejected", reason: "harder questions" },
			{ id: "p3", stage: "quiz", state: "pending" },
			{ id: "p4", state: "applied" },
		];
		const progress = lessonProgress(PLAN, proposals, false);
		expect(progress.stages.map((stage) => stage.status).join(",")).to.equal("done,proposed,waiting,waiting");
		expect(progress.stages[1].proposalId).to.equal("p3");
		expect(progress.done).to.equal(1);
		expect(progress.current).to.equal(2);
		expect(progress.finished).to.equal(false);
	});

	it("marks failures retryable and gives the reason; stale and rejected are not retryable", () => {
		const progress = lessonProgress(
			PLAN,
			[
				{ id: "p1", stage: "environment", state: "failed", reason: "operation 2 of 5 failed" },
				{ id: "p2", stage: "quiz", state: "stale", reason: "the script changed" },
				{ id: "p3", stage: "stations", state: "rejected", reason: "too many" },
			],
			false,
		);
		expect(progress.stages[0].status).to.equal("failed");
		expect(progress.stages[0].canRetry).to.equal(true);
		expect(progress.stages[0].reason).to.equal("operation 2 of 5 failed");
		expect(progress.stages[1].canRetry).to.equal(false);
		expect(progress.stages[2].status).to.equal("rejected");
		expect(progress.current).to.equal(1);
	});

	it("finishes a stage without changes on completion, and never calls a skipped stage done", () => {
		const all = lessonProgress(
			PLAN,
			[
				{ id: "p1", stage: "environment", state: "applied" },
				{ id: "p2", stage: "quiz", state: "applied" },
				{ id: "p3", stage: "stations", state: "applied" },
			],
			true,
		);
		expect(all.finished).to.equal(true);
		expect(all.done).to.equal(4);
		expect(all.current).to.equal(5);
		const skipped = lessonProgress(PLAN, [{ id: "p1", stage: "environment", state: "applied" }], true);
		expect(skipped.stages[1].status).to.equal("skipped");
		expect(skipped.stages[3].status).to.equal("done");
		expect(skipped.finished).to.equal(false);
	});

	it("reads back the plan plan_lesson accepted", () => {
		const checked = checkLessonPlan({ ...PLAN, stages: [{ id: "env", name: "Room", changesPlace: true }] });
		if (!checked.ok) throw checked.message;
		expect(checked.plan.stages[0].id).to.equal("env");
		expect(checkLessonPlan({ ...PLAN, includeQuiz: "yes" }).ok).to.equal(false);
	});
};
