/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { LessonPlan, lessonProgress, LessonProgress, StageProposal } from "../../lesson/lesson-progress";
import { overflowing, textsOf } from "../cards/dev/spec-queries";
import { specThemeSource } from "../cards/dev/spec-theme";
import { canActAsUser, click, findNamed, mountSpec, Mounted } from "../dev/spec-gui";
import { LessonProgressPanel, progressSummary } from "./lesson-progress-panel";

const PLAN: LessonPlan = {
	title: "Fractions in the classroom",
	subject: "Fractions",
	gradeLevel: "5th grade",
	objectives: ["Compare fractions"],
	environment: "classroom",
	includeQuiz: true,
	stages: [
		{ id: "environment", name: "Classroom and lighting", changesPlace: true },
		{ id: "quiz", name: "Quiz questions", changesPlace: true },
		{ id: "kit", name: "Lesson kit", changesPlace: true },
		{ id: "stations", name: "Quiz stations", changesPlace: true },
		{ id: "summary", name: "Summary for the teacher", changesPlace: false },
	],
};

export = () => {
	const source = specThemeSource();
	const colors = source.read().colors;
	let gui: Mounted;
	afterEach(() => gui.destroy());

	const mount = (progress: LessonProgress, width = 400) => {
		gui = mountSpec(<LessonProgressPanel Key="LessonProgress" progress={progress} />, {
			width,
			height: 600,
			theme: source,
		});
	};
	const progressOf = (proposals: Array<StageProposal>, completed = false) => lessonProgress(PLAN, proposals, completed);
	const row = (id: string) => findNamed(gui.host, `Stage_${id}`, "Frame");
	const status = (id: string) => findNamed(row(id), "Status", "TextLabel");
	const dot = (id: string) => findNamed(row(id), "Icon", "Frame");

	it("shows the title, which stage is being worked on and a row per stage in plan order", () => {
		mount(progressOf([{ id: "p1", stage: "environment", state: "applied" }]));
		const panel = findNamed(gui.host, "LessonProgress", "Frame");
		expect(panel.BackgroundColor3).to.equal(colors.titlebar);
		const rule = findNamed(panel, "Rule", "Frame");
		expect(rule.BackgroundColor3).to.equal(colors.border);
		expect(rule.AbsolutePosition.Y + rule.AbsoluteSize.Y).to.equal(panel.AbsolutePosition.Y + panel.AbsoluteSize.Y);
		expect(textsOf(gui.host).join("|")).to.equal(
			"Fractions in the classroom|Hide stages|Stage 2 of 5|Classroom and lighting|Done|Quiz questions|Waiting|" +
				"Lesson kit|Waiting|Quiz stations|Waiting|Summary for the teacher|Waiting",
		);
		expect(dot("environment").BackgroundColor3).to.equal(colors.success);
		expect(dot("quiz").BackgroundTransparency).to.equal(1);
		expect(findNamed(row("quiz"), "Name", "TextLabel").FontFace.Weight).to.equal(Enum.FontWeight.SemiBold);
		expect(findNamed(row("kit"), "Name", "TextLabel").FontFace.Weight).to.equal(Enum.FontWeight.Regular);
	});

	it("says a proposed stage waits for the teacher's approval", () => {
		mount(progressOf([{ id: "p1", stage: "environment", state: "pending" }]));
		expect(status("environment").Text).to.equal("Waiting for your approval");
		expect(dot("environment").BackgroundColor3).to.equal(colors.mainButton.default);
		expect(findNamed(gui.host, "Summary", "TextLabel").Text).to.equal("Stage 1 of 5");
	});

	it("says a stage being applied is being applied, not waiting", () => {
		mount(progressOf([{ id: "p1", stage: "environment", state: "applying" }]));
		expect(status("environment").Text).to.equal("Applying…");
		gui.destroy();
		mount(progressOf([{ id: "p1", stage: "environment", state: "approved" }]));
		expect(status("environment").Text).to.equal("Applying…");
	});

	it("names a failed stage, why it failed and that Retry is on its card", () => {
		mount(
			progressOf([
				{ id: "p1", stage: "environment", state: "applied" },
				{ id: "p2", stage: "quiz", state: "failed", reason: "The ModuleScript could not be created." },
			]),
		);
		expect(status("quiz").Text).to.equal("Failed: The ModuleScript could not be created. Retry it on its card.");
		expect(status("quiz").TextColor3).to.equal(colors.errorText);
		expect(dot("quiz").BackgroundColor3).to.equal(colors.errorText);
		expect(findNamed(gui.host, "Summary", "TextLabel").Text).to.equal("Stage 2 of 5");
	});

	it("says what to do about a stale, rejected, reverted or skipped stage", () => {
		mount(
			progressOf(
				[
					{ id: "p1", stage: "environment", state: "stale", reason: "Workspace.Classroom changed." },
					{ id: "p2", stage: "quiz", state: "rejected", reason: "Use easier questions" },
					{ id: "p3", stage: "kit", state: "reverted" },
				],
				true,
			),
		);
		expect(status("environment").Text).to.equal("The place changed; ask Vector to propose it again.");
		expect(status("environment").TextColor3).to.equal(colors.warningText);
		expect(status("quiz").Text).to.equal("Rejected: Use easier questions");
		expect(status("kit").Text).to.equal("Reverted");
		expect(status("stations").Text).to.equal("Skipped");
		expect(status("summary").Text).to.equal("Done");
	});

	it("a rejection without a reason is just Rejected", () => {
		mount(progressOf([{ id: "p1", stage: "environment", state: "rejected" }]));
		expect(status("environment").Text).to.equal("Rejected");
	});

	it("says when every stage is done", () => {
		const all = PLAN.stages
			.filter((stage) => stage.changesPlace)
			.map((stage, index): StageProposal => ({ id: `p${index}`, stage: stage.id, state: "applied" }));
		mount(progressOf(all, true));
		const summary = findNamed(gui.host, "Summary", "TextLabel");
		expect(summary.Text).to.equal("All 5 stages done");
		expect(summary.TextColor3).to.equal(colors.success);
	});

	it("folds a finished lesson to its title and summary; Show stages and Hide stages toggle the rows", () => {
		const all = PLAN.stages
			.filter((stage) => stage.changesPlace)
			.map((stage, index): StageProposal => ({ id: `p${index}`, stage: stage.id, state: "applied" }));
		mount(progressOf(all, true));
		expect(gui.host.FindFirstChild("Stage_summary", true)).to.equal(undefined);
		const toggle = findNamed(gui.host, "Toggle", "TextButton");
		expect(toggle.Text).to.equal("Show stages");
		if (!canActAsUser()) return; // the rest needs a simulated user (headless Studio only)
		click(toggle);
		expect(findNamed(row("summary"), "Name", "TextLabel").FontFace.Weight).to.equal(Enum.FontWeight.Regular);
		expect(findNamed(gui.host, "Toggle", "TextButton").Text).to.equal("Hide stages");
		click(findNamed(gui.host, "Toggle", "TextButton"));
		expect(gui.host.FindFirstChild("Stage_summary", true)).to.equal(undefined);
	});

	it("shows the rows while the lesson is being built, and hides them on Hide stages", () => {
		mount(progressOf([{ id: "p1", stage: "environment", state: "applied" }]));
		expect(findNamed(gui.host, "Toggle", "TextButton").Text).to.equal("Hide stages");
		expect(row("quiz")).to.be.ok();
		if (!canActAsUser()) return;
		click(findNamed(gui.host, "Toggle", "TextButton"));
		expect(gui.host.FindFirstChild("Stage_quiz", true)).to.equal(undefined);
	});

	it("counts stages from the plan, one stage or many", () => {
		const one = lessonProgress({ ...PLAN, stages: [PLAN.stages[4]] }, [], true);
		expect(progressSummary(one)).to.equal("The stage is done");
		expect(progressSummary(lessonProgress({ ...PLAN, stages: [PLAN.stages[0]] }, [], false))).to.equal(
			"Stage 1 of 1",
		);
	});

	it("wraps long names and reasons inside a 400 px dock, and a narrow one", () => {
		const reason =
			"Terrain could not be filled at Workspace.Lesson.Classroom because the region is larger than the place allows; make it smaller.";
		mount(
			lessonProgress(
				{
					...PLAN,
					title: "Comparing and ordering fractions with unlike denominators in a bright classroom",
					stages: [
						{
							id: "environment",
							name: "Classroom, lighting, desks, whiteboard and the reading corner",
							changesPlace: true,
						},
					],
				},
				[{ id: "p1", stage: "environment", state: "failed", reason }],
				false,
			),
		);
		const panel = findNamed(gui.host, "LessonProgress", "Frame");
		expect(overflowing(panel).join("\n")).to.equal("");
		expect(status("environment").AbsoluteSize.Y > 20).to.equal(true);
		gui.resize(240, 600);
		expect(overflowing(panel).join("\n")).to.equal("");
		expect(panel.AbsoluteSize.X <= 240).to.equal(true);
	});
};
