/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { EMPTY_LESSON_DRAFT, LessonDraft, LessonRequest } from "../../lesson/lesson-request";
import { findButton, overflowing, textsOf } from "../cards/dev/spec-queries";
import { specThemeSource } from "../cards/dev/spec-theme";
import { canActAsUser, click, expectText, findNamed, mountSpec, Mounted, pressKey, typeInto } from "../dev/spec-gui";
import { LessonForm } from "./lesson-form";

interface HolderProps {
	readonly initial: LessonDraft;
	readonly blockedNote?: string;
	readonly onBuild: (request: LessonRequest) => void;
}

/** The form's owner, as the App is: keeps the draft the form hands back. */
@Roact.ClassComponent
class DraftHolder extends Roact.Component<HolderProps, { draft: LessonDraft }> {
	constructor(props: HolderProps) {
		super(props);
		this.state = { draft: props.initial };
	}

	render(): Roact.Element {
		return (
			<LessonForm
				draft={this.state.draft}
				onDraft={(draft) => this.setState({ draft })}
				blockedNote={this.props.blockedNote}
				onBuild={this.props.onBuild}
			/>
		);
	}
}

export = () => {
	const source = specThemeSource();
	const colors = source.read().colors;
	let gui: Mounted;
	let built: Array<LessonRequest>;

	beforeEach(() => {
		built = [];
	});
	afterEach(() => gui.destroy());

	const mount = (initial: LessonDraft = EMPTY_LESSON_DRAFT, blockedNote?: string, width = 400) => {
		gui = mountSpec(
			<DraftHolder initial={initial} blockedNote={blockedNote} onBuild={(request) => built.push(request)} />,
			{ width, height: 900, theme: source },
		);
	};
	const field = (key: string) => findNamed(gui.host, key, "Frame");
	const box = (key: string) => findNamed(field(key), "Box", "TextBox");
	const note = (key: string) => field(key).FindFirstChild("Note") as TextLabel | undefined;
	const isChecked = () => findNamed(findNamed(gui.host, "Quiz", "TextButton"), "Check", "Frame").Visible;
	const build = () => findButton(gui.host, "Build lesson")!;

	describe("what it shows", () => {
		it("every field with its label, a quiz by default and the classroom chosen", () => {
			mount();
			const texts = textsOf(gui.host);
			for (const label of [
				"New lesson",
				"Subject",
				"Grade level",
				"Learning objectives",
				"Environment",
				"Include a quiz",
				"Canvas course (optional)",
				"Build lesson",
				"Classroom",
				"Space station",
				"Forest",
				"Ocean",
			]) {
				expect(texts.includes(label)).to.equal(true);
			}
			expect(box("GradeLevel").PlaceholderText).to.equal("e.g. 5th grade");
			expect(box("Objectives").MultiLine).to.equal(true);
			expect(box("Subject").MultiLine).to.equal(false);
			expect(isChecked()).to.equal(true);
			expect(findButton(gui.host, "Classroom")!.BackgroundColor3).to.equal(colors.mainButton.default);
			expect(findButton(gui.host, "Forest")!.BackgroundColor3).to.equal(colors.button.default);
			expect(build().Active).to.equal(true);
			expect(note("Subject")).to.equal(undefined);
		});

		it("shows a draft it is given (the owner kept it while another tab was open)", () => {
			mount({ ...EMPTY_LESSON_DRAFT, subject: "Tides", environment: "ocean", includeQuiz: false });
			expect(box("Subject").Text).to.equal("Tides");
			expect(findButton(gui.host, "Ocean")!.BackgroundColor3).to.equal(colors.mainButton.default);
			expect(isChecked()).to.equal(false);
		});

		it("disables Build lesson with a note while a lesson cannot start", () => {
			mount(EMPTY_LESSON_DRAFT, "Vector is working on a step.");
			expect(build().Active).to.equal(false);
			expect(build().BackgroundColor3).to.equal(colors.mainButton.disabled);
			expect(expectText(gui.host, "Vector is working on a step.").TextColor3).to.equal(colors.warningText);
		});

		it("fits a 400 px dock, and a narrow one, without clipped text", () => {
			mount({
				...EMPTY_LESSON_DRAFT,
				objectives: "Compare fractions with unlike denominators by finding a common denominator first",
			});
			const scroller = gui.host.FindFirstChildOfClass("ScrollingFrame")!;
			expect(overflowing(scroller).join("\n")).to.equal("");
			gui.resize(260, 900);
			expect(overflowing(scroller).join("\n")).to.equal("");
			const ocean = findButton(gui.host, "Ocean")!;
			expect(ocean.AbsolutePosition.X + ocean.AbsoluteSize.X <= 260).to.equal(true);
		});
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("Build lesson hands over the request typed, one objective per line", () => {
			mount();
			typeInto(box("Subject"), "Fractions");
			typeInto(box("GradeLevel"), "5th grade");
			typeInto(box("Objectives"), "Compare fractions");
			pressKey("Return");
			pressKey("Return");
			typeInto(box("Objectives"), "Add fractions with like denominators");
			click(findButton(gui.host, "Space station")!);
			click(findNamed(gui.host, "Quiz", "TextButton"));
			typeInto(box("CanvasCourse"), "https://school.instructure.com/courses/1234");
			click(build());
			expect(built.size()).to.equal(1);
			const request = built[0];
			expect(request.subject).to.equal("Fractions");
			expect(request.gradeLevel).to.equal("5th grade");
			expect(request.objectives.join("|")).to.equal("Compare fractions|Add fractions with like denominators");
			expect(request.environment).to.equal("space station");
			expect(request.includeQuiz).to.equal(false);
			expect(request.canvasCourse).to.equal("1234");
		});

		it("shows what is wrong under each field and sends nothing; the messages follow the edits", () => {
			mount();
			expect(note("Subject")).to.equal(undefined);
			click(build());
			expect(built.size()).to.equal(0);
			expect(note("Subject")!.Text).to.equal("Subject is required.");
			expect(note("Subject")!.TextColor3).to.equal(colors.errorText);
			expect(note("GradeLevel")!.Text).to.equal("Grade level is required.");
			expect(note("Objectives")!.Text).to.equal(
				"Write at least one learning objective, one per line (or give a Canvas course to take them from).",
			);
			typeInto(box("Subject"), "Fractions");
			expect(note("Subject")).to.equal(undefined);
			typeInto(box("GradeLevel"), "5th grade");
			typeInto(box("CanvasCourse"), "course 12");
			expect(note("CanvasCourse")!.Text).to.equal(
				"Canvas course is a course number (1234) or its URL (https://school.instructure.com/courses/1234).",
			);
			click(build());
			expect(built.size()).to.equal(0);
			typeInto(box("Objectives"), "Add fractions");
			box("CanvasCourse").Text = "";
			click(build());
			expect(built.size()).to.equal(1);
			expect(built[0].canvasCourse).to.equal(undefined);
		});

		it("a disabled Build lesson ignores clicks", () => {
			mount(
				{ ...EMPTY_LESSON_DRAFT, subject: "Tides", gradeLevel: "4th grade", objectives: "Why tides happen" },
				"A proposal is waiting in Chat: approve or reject it before starting a lesson.",
			);
			click(build());
			expect(built.size()).to.equal(0);
		});
	});
};
