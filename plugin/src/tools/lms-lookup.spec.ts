/// <reference types="@rbxts/testez/globals" />
import { CanvasClient, CanvasConnection } from "../net/canvas-client";
import { createHttpTransport } from "../net/http-transport";
import { callTool, textOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";
import { courseIdOf } from "./lms-lookup";
import { ToolContext } from "./tool";

export = () => {
	const contains = (text: string, part: string) => string.find(text, part, 1, true)[0] !== undefined;

	describe("courseIdOf", () => {
		const SITE = "https://school.instructure.com";
		it("takes an id, digits in a string, or a course address on the connected Canvas", () => {
			expect((courseIdOf(101, SITE) as { id: number }).id).to.equal(101);
			expect((courseIdOf(" 42 ", SITE) as { id: number }).id).to.equal(42);
			expect((courseIdOf("https://School.Instructure.com/courses/77/modules", SITE) as { id: number }).id).to.equal(77);
		});

		it("refuses other text and addresses of another Canvas, saying what to do", () => {
			const other = courseIdOf("https://other.instructure.com/courses/77", SITE);
			expect(other.ok).to.equal(false);
			expect(contains((other as { message: string }).message, "connected to the Canvas at https://school.instructure.com")).to.equal(true);
			const words = courseIdOf("fractions", SITE);
			expect(contains((words as { message: string }).message, "without a course to list the courses")).to.equal(true);
		});
	});

	it("says Canvas is not connected when the context has none or it is not set up, and reads nothing", () => {
		const studio = createSpecStudio();
		const bare = createSpecContext(studio);
		const outcome = callTool(bare, "lms_lookup", {});
		expect(outcome.kind).to.equal("error");
		expect(contains(textOf(outcome), "Settings → Canvas (LMS)")).to.equal(true);
		const unset: ToolContext = {
			...bare,
			canvas: new CanvasClient({ transport: createHttpTransport(), connection: () => ({ canvasBaseUrl: "", canvasToken: "" }) }),
		};
		expect(callTool(unset, "lms_lookup", { course: 101 }).kind).to.equal("error");
	});

	it("checks its arguments", () => {
		const context = createSpecContext(createSpecStudio());
		expect(contains(textOf(callTool(context, "lms_lookup", { course: 1.5 })), "a course id (a whole number) or a Canvas course address")).to.equal(true);
		expect(callTool(context, "lms_lookup", { course: 101, include: ["grades"] }).kind).to.equal("error");
		expect(callTool(context, "lms_lookup", { course: 101, include: [] }).kind).to.equal("error");
	});

	const HttpService = game.GetService("HttpService");
	const canvasUrl = HttpService.GetAttribute("CanvasUrl");
	const canvasToken = HttpService.GetAttribute("CanvasToken");

	describe("against the fake Canvas", () => {
		if (!typeIs(canvasUrl, "string") || !typeIs(canvasToken, "string")) {
			itSKIP("needs the fake Canvas: run the specs with --http-fixture", () => {});
			return;
		}
		const transport = createHttpTransport();
		const contextWith = (connection?: Partial<CanvasConnection>): ToolContext => ({
			...createSpecContext(createSpecStudio()),
			canvas: new CanvasClient({
				transport,
				connection: () => ({ canvasBaseUrl: canvasUrl, canvasToken, ...(connection ?? {}) }),
				retry: { maxAttempts: 1, baseDelay: 0.01, maxDelay: 0.01, maxTotalWait: 0 },
				timeout: 5,
			}),
		});
		/** The tool's text, which must never hold the token. */
		const run = (args: object, connection?: Partial<CanvasConnection>) => {
			const outcome = callTool(contextWith(connection), "lms_lookup", args);
			const text = textOf(outcome);
			expect(contains(text, canvasToken)).to.equal(false);
			return { kind: outcome.kind, text };
		};

		it("lists the courses the teacher teaches, all pages of them", () => {
			const { kind, text } = run({});
			expect(kind).to.equal("result");
			expect(contains(text, `Your Canvas courses on ${canvasUrl}:`)).to.equal(true);
			expect(contains(text, '- 101: "Grade 5 Math: Fractions" (MATH5-FR)')).to.equal(true);
			expect(contains(text, '- 106: "Robotics Club" (ROBO)')).to.equal(true);
			expect(contains(text, "Staff Professional Development")).to.equal(false);
		});

		it("reads a whole course as plain text the model can plan a lesson from", () => {
			const { kind, text } = run({ course: 101 });
			expect(kind).to.equal("result");
			for (const part of [
				'Canvas course 101: "Grade 5 Math: Fractions" (MATH5-FR)',
				"Modules (4):",
				"1. Unit 1: What Is a Fraction?",
				"  - Page: Parts of a Whole (pageUrl: parts-of-a-whole)",
				"    - Assignment: Fraction Pizza (assignment 2001)",
				"  — Practice —",
				"- ExternalUrl: Fraction games (Khan Academy) (https://www.khanacademy.org/math/arithmetic/fraction-arithmetic)",
				"Pages (7):",
				'- "Welcome to Fractions" (pageUrl: welcome-to-fractions, front page): Welcome! / This unit we learn what a fraction is & how to compare them.',
				"Assignments (6):",
				"- Fraction Pizza (due 2026-12-01, 10 pts): Draw a pizza cut into 8 equal slices and shade 3/8 of it.",
				"- Number Line Walk (no due date, 5 pts)",
				"- Compare with Symbols (due 2026-12-05, 10 pts): Use <, > or = between each pair",
			]) {
				if (!contains(text, part)) throw `missing ${part} in:\n${text}`;
			}
			expect(contains(text, "<p>")).to.equal(false);
			expect(contains(text, "trackPageView")).to.equal(false);
			expect(contains(text, "&amp;")).to.equal(false);
		});

		it("reads only the parts asked for, from a course address too", () => {
			const { text } = run({ course: `${canvasUrl}/courses/101/assignments`, include: ["assignments"] });
			expect(contains(text, "Assignments (6):")).to.equal(true);
			expect(contains(text, "Modules (")).to.equal(false);
			expect(contains(text, "Pages (")).to.equal(false);
		});

		it("reads one page in full", () => {
			const { kind, text } = run({ course: 101, pageUrl: "parts-of-a-whole" });
			expect(kind).to.equal("result");
			expect(contains(text, 'Canvas page "Parts of a Whole" (pageUrl: parts-of-a-whole) of course 101:')).to.equal(true);
			expect(contains(text, "- 1/2 – one half\n- 1/4 – one quarter")).to.equal(true);
		});

		it("passes on Canvas's failures as errors the model can relay", () => {
			const missing = run({ course: 999999 });
			expect(missing.kind).to.equal("error");
			expect(contains(missing.text, "Canvas: Canvas has no course 999999")).to.equal(true);
			const wrongToken = run({}, { canvasToken: "7~expired" });
			expect(contains(wrongToken.text, "Canvas refused the access token (401)")).to.equal(true);
			expect(contains(run({ course: 101, pageUrl: "no-such-page" }).text, "Canvas has no page \"no-such-page\" of course 101 that this account can see (404). Use a pageUrl as lms_lookup lists")).to.equal(true);
			const foreign = run({ course: 666, include: ["modules"] });
			expect(foreign.kind).to.equal("result");
			expect(contains(foreign.text, "Modules: could not be read — Canvas's next page of a list of modules points outside")).to.equal(true);
		});
	});
};
