/// <reference types="@rbxts/testez/globals" />
import {
	canvasCourseNumber,
	checkLessonRequest,
	EMPTY_LESSON_DRAFT,
	LessonDraft,
	lessonRequestMessage,
	objectiveLines,
} from "./lesson-request";

const FRACTIONS: LessonDraft = {
	subject: "Fractions",
	gradeLevel: "5th grade",
	objectives: "Compare fractions with unlike denominators\nAdd fractions",
	environment: "classroom",
	includeQuiz: true,
	canvasCourse: "",
};

export = () => {
	describe("checkLessonRequest", () => {
		it("accepts a filled form and tidies its texts", () => {
			const check = checkLessonRequest({
				...FRACTIONS,
				subject: "  Fractions \t and  decimals ",
				gradeLevel: " 5th grade ",
				objectives: "\n  Compare fractions  \n\n\t\nAdd fractions\n",
				environment: "Space Station",
			});
			const request = check.request!;
			expect(request.subject).to.equal("Fractions and decimals");
			expect(request.gradeLevel).to.equal("5th grade");
			expect(request.objectives.join("|")).to.equal("Compare fractions|Add fractions");
			expect(request.environment).to.equal("space station");
			expect(request.includeQuiz).to.equal(true);
			expect(request.canvasCourse).to.equal(undefined);
		});

		it("says what is missing in an empty form, field by field", () => {
			const check = checkLessonRequest(EMPTY_LESSON_DRAFT);
			expect(check.request).to.equal(undefined);
			expect(check.errors.subject).to.equal("Subject is required.");
			expect(check.errors.gradeLevel).to.equal("Grade level is required.");
			expect(check.errors.objectives).to.equal("Write at least one learning objective, one per line (or give a Canvas course to take them from).");
			expect(check.errors.environment).to.equal(undefined);
			expect(check.errors.canvasCourse).to.equal(undefined);
		});

		it("keeps subject to 80 characters and grade level to 40, counting characters not bytes", () => {
			expect(checkLessonRequest({ ...FRACTIONS, subject: string.rep("é", 80) }).request).to.be.ok();
			expect(checkLessonRequest({ ...FRACTIONS, subject: string.rep("a", 81) }).errors.subject).to.equal(
				"Subject is at most 80 characters (this one has 81).",
			);
			expect(checkLessonRequest({ ...FRACTIONS, gradeLevel: string.rep("b", 41) }).errors.gradeLevel).to.equal(
				"Grade level is at most 40 characters (this one has 41).",
			);
		});

		it("takes 1 to 8 objectives of at most 200 characters each", () => {
			const eight = ["1", "2", "3", "4", "5", "6", "7", "8"].map((n) => `Objective ${n}`);
			expect(checkLessonRequest({ ...FRACTIONS, objectives: eight.join("\n") }).request!.objectives.size()).to.equal(
				8,
			);
			expect(
				checkLessonRequest({ ...FRACTIONS, objectives: [...eight, "Nine"].join("\n") }).errors.objectives,
			).to.equal("At most 8 learning objectives (there are 9); merge or drop some.");
			expect(
				checkLessonRequest({ ...FRACTIONS, objectives: `Fine\n${string.rep("x", 201)}` }).errors.objectives,
			).to.equal("Objective 2 is 201 characters; keep each to 200.");
			expect(checkLessonRequest({ ...FRACTIONS, objectives: " \n\t\n" }).errors.objectives).to.equal(
				"Write at least one learning objective, one per line (or give a Canvas course to take them from).",
			);
		});

		it("refuses an environment the form does not offer", () => {
			const check = checkLessonRequest({ ...FRACTIONS, environment: "volcano" });
			expect(check.request).to.equal(undefined);
			expect(check.errors.environment).to.equal("Choose an environment: classroom, space station, forest, ocean.");
		});

		it("reduces a Canvas course URL to its number and refuses anything else", () => {
			expect(checkLessonRequest({ ...FRACTIONS, canvasCourse: " 1234 " }).request!.canvasCourse).to.equal("1234");
			expect(
				checkLessonRequest({ ...FRACTIONS, canvasCourse: "https://school.instructure.com/courses/1234/modules" })
					.request!.canvasCourse,
			).to.equal("1234");
			const bad = checkLessonRequest({ ...FRACTIONS, canvasCourse: "course twelve" });
			expect(bad.request).to.equal(undefined);
			expect(bad.errors.canvasCourse).to.equal(
				"Canvas course is a course number (1234) or its URL (https://school.instructure.com/courses/1234).",
			);
		});

		it("lets a Canvas course stand in for the objectives", () => {
			const request = checkLessonRequest({ ...FRACTIONS, objectives: "", canvasCourse: "1234" }).request!;
			expect(request.objectives.size()).to.equal(0);
			expect(lessonRequestMessage(request)).to.equal(
				"Build a lesson world: subject Fractions, grade level 5th grade, environment classroom, with a quiz.\n" +
					"Start by reading Canvas course 1234 with lms_lookup to seed the objectives.",
			);
		});
	});

	describe("canvasCourseNumber", () => {
		it("reads a number or a course URL", () => {
			expect(canvasCourseNumber("42")).to.equal("42");
			expect(canvasCourseNumber("0042")).to.equal("42");
			expect(canvasCourseNumber("https://canvas.example.edu/courses/77")).to.equal("77");
			expect(canvasCourseNumber("HTTPS://Canvas.Example.edu/courses/77?module_item_id=3")).to.equal("77");
			expect(canvasCourseNumber("http://127.0.0.1:8080/courses/5#top")).to.equal("5");
		});

		it("refuses what is not a course", () => {
			expect(canvasCourseNumber("0")).to.equal(undefined);
			expect(canvasCourseNumber("12a")).to.equal(undefined);
			expect(canvasCourseNumber("canvas.example.edu/courses/77")).to.equal(undefined);
			expect(canvasCourseNumber("https://canvas.example.edu/accounts/77")).to.equal(undefined);
			expect(canvasCourseNumber("https://canvas.example.edu/courses/77abc")).to.equal(undefined);
			expect(canvasCourseNumber("ftp://canvas.example.edu/courses/77")).to.equal(undefined);
		});
	});

	describe("objectiveLines", () => {
		it("drops blank lines and the bullets or numbers of a pasted list", () => {
			expect(objectiveLines("- Add fractions\r\n* Compare them\n\n• Order them\n2. Explain why\n3) Draw it").join("|")).to.equal(
				"Add fractions|Compare them|Order them|Explain why|Draw it",
			);
		});

		it("keeps a number that is part of the objective", () => {
			expect(objectiveLines("3 ways to halve a shape\n1/2 and 2/4 are equal").join("|")).to.equal(
				"3 ways to halve a shape|1/2 and 2/4 are equal",
			);
		});
	});

	describe("lessonRequestMessage", () => {
		it("reads as a teacher's request, with the objectives as a list", () => {
			const request = checkLessonRequest(FRACTIONS).request!;
			expect(lessonRequestMessage(request)).to.equal(
				"Build a lesson world: subject Fractions, grade level 5th grade, environment classroom, with a quiz.\n" +
					"Learning objectives:\n" +
					"- Compare fractions with unlike denominators\n" +
					"- Add fractions",
			);
		});

		it("says when there is no quiz and which Canvas course seeds the objectives", () => {
			const request = checkLessonRequest({
				...FRACTIONS,
				objectives: "Name the planets",
				environment: "space station",
				includeQuiz: false,
				canvasCourse: "https://school.instructure.com/courses/1234",
			}).request!;
			expect(lessonRequestMessage(request)).to.equal(
				"Build a lesson world: subject Fractions, grade level 5th grade, environment space station, without a quiz.\n" +
					"Learning objectives:\n" +
					"- Name the planets\n" +
					"Start by reading Canvas course 1234 with lms_lookup to seed the objectives.",
			);
		});
	});
};
