/**
 * lms_lookup: reads the teacher's Canvas course (modules with their items, pages, assignments) so
 * the model can seed a lesson's objectives from what the class is actually studying. Without a
 * course it lists the courses the teacher teaches; with `pageUrl` it reads one page in full.
 *
 * It talks to Canvas through `ToolContext.canvas` (net/canvas-client.ts, which keeps the token to
 * the Canvas site); what it returns is course content only, HTML turned into plain text, every
 * list bounded and the whole result capped like every tool's, saying what was cut and how to ask
 * for less.
 */
import { CanvasApi, CanvasError, CanvasList, CanvasResult } from "../net/canvas-client";
import { CanvasAssignment, CanvasModule, CanvasModuleItem, CanvasPage } from "../net/canvas-types";
import { capText, RESULT_CHARACTER_CAP } from "./cap-text";
import { excerpt, htmlToText } from "./html-text";
import * as s from "./schema";
import { ToolDefinition, ToolOutcome } from "./tool";

type Part = "modules" | "pages" | "assignments";
const PARTS: ReadonlyArray<Part> = ["modules", "pages", "assignments"];

/** Bounds of one answer (the whole is capped at RESULT_CHARACTER_CAP as well). */
const MAX_COURSES = 50;
const MAX_MODULES = 30;
const MAX_ITEMS_PER_MODULE = 25;
const MAX_PAGES = 30;
const MAX_ASSIGNMENTS = 40;
const PAGE_EXCERPT = 240;
const DESCRIPTION_EXCERPT = 160;

const COURSE_DESCRIPTION =
	"The Canvas course: its id (the number after /courses/ in its address, e.g. 101) or the course's address itself. Omit it to list the courses you teach.";
const COURSE_EXPECTED = "a course id (a whole number) or a Canvas course address";

/** A course as a number or as a Canvas address (`…/courses/123…`). */
const courseSchema: s.Schema<number | string, true> = {
	optional: true,
	description: COURSE_DESCRIPTION,
	expected: COURSE_EXPECTED,
	toJsonSchema() {
		return { anyOf: [{ type: "integer" }, { type: "string" }], description: COURSE_DESCRIPTION };
	},
	validate(value, path) {
		if ((typeIs(value, "number") && value === math.floor(value) && value > 0) || (typeIs(value, "string") && value !== "")) {
			return { ok: true, value: value as number | string };
		}
		return { ok: false, message: `${path === "" ? "course" : path}: expected ${COURSE_EXPECTED}, got ${s.describeValue(value)}` };
	},
};

const args = s.object(
	{
		course: courseSchema,
		include: s.optional(
			s.array(s.literals(["modules", "pages", "assignments"], { description: "A part of the course." }), {
				description: 'Which parts of the course to read (default: all three). Ignored without a course.',
				minItems: 1,
				maxItems: 3,
			}),
		),
		pageUrl: s.optional(
			s.text({
				description: 'Read one page in full: its URL slug as lms_lookup lists it (e.g. "parts-of-a-whole"). Needs a course.',
				minLength: 1,
				maxLength: 200,
			}),
		),
	},
	{ description: "What to read from Canvas." },
);

/** The course id in `course`, or why there is none. */
export function courseIdOf(course: number | string, site: string): { ok: true; id: number } | { ok: false; message: string } {
	if (typeIs(course, "number")) return { ok: true, id: course };
	const trimmed = course.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
	const [digitsOnly] = string.match(trimmed, "^(%d+)$");
	if (digitsOnly !== undefined) return { ok: true, id: tonumber(digitsOnly)! };
	const [origin, id] = string.match(trimmed, "^(%a[%w+.-]*://[^/]+).-/courses/(%d+)") as LuaTuple<[string?, string?]>;
	if (origin === undefined || id === undefined) {
		return { ok: false, message: `"${trimmed}" is neither a course id nor a Canvas course address (…/courses/<id>). Call lms_lookup without a course to list the courses.` };
	}
	if (site !== "" && origin.lower() !== site.lower()) {
		return { ok: false, message: `That course address is on ${origin}, but Vector is connected to the Canvas at ${site}. Use a course of that Canvas, or change the Canvas URL in Vector's settings.` };
	}
	return { ok: true, id: tonumber(id)! };
}

function failed(problem: CanvasError): ToolOutcome {
	return { kind: "error", message: `Canvas: ${problem.message}` };
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "(showing N of M)" or "" — and whether Canvas had more than Vector read. */
function shown(count: number, limit: number, truncated: boolean): string {
	if (count > limit) return ` (first ${limit} of ${count}${truncated ? "+" : ""})`;
	return truncated ? ` (Canvas has more than these ${count})` : "";
}

function listCourses(canvas: CanvasApi): ToolOutcome {
	const listed = canvas.listCourses();
	if (!listed.ok) return failed(listed.error);
	const courses = listed.value.items;
	if (courses.size() === 0) {
		return { kind: "result", text: `You teach no courses on ${canvas.site()} (Canvas lists courses where this account has a teacher enrollment).` };
	}
	const lines = new Array<string>();
	lines.push(`Your Canvas courses on ${canvas.site()}${shown(courses.size(), MAX_COURSES, listed.value.truncated)}:`);
	for (const [index, course] of ipairs(courses)) {
		if (index > MAX_COURSES) break;
		const code = course.course_code !== undefined && course.course_code !== "" ? ` (${course.course_code})` : "";
		lines.push(`- ${string.format("%d", course.id)}: "${course.name}"${code}`);
	}
	lines.push("Call lms_lookup with a course id to read its modules, pages and assignments.");
	return { kind: "result", text: lines.join("\n") };
}

function describeItem(item: CanvasModuleItem): string {
	const indent = string.rep("  ", math.clamp(item.indent ?? 0, 0, 4));
	if (item.type === "SubHeader") return `  ${indent}— ${item.title} —`;
	let where = "";
	if (item.type === "Page" && item.page_url !== undefined) where = ` (pageUrl: ${item.page_url})`;
	else if (item.type === "Assignment" && item.content_id !== undefined) where = ` (assignment ${string.format("%d", item.content_id)})`;
	else if (item.type === "ExternalUrl" && item.external_url !== undefined) where = ` (${item.external_url})`;
	return `  ${indent}- ${item.type}: ${item.title}${where}`;
}

function modulesSection(result: CanvasResult<CanvasList<CanvasModule>>): Array<string> {
	if (!result.ok) return [`Modules: could not be read — ${result.error.message}`];
	const modules = result.value.items;
	const lines = [`Modules (${modules.size()})${shown(modules.size(), MAX_MODULES, result.value.truncated)}:`];
	if (modules.size() === 0) lines.push("  (none)");
	for (const [index, module] of ipairs(modules)) {
		if (index > MAX_MODULES) break;
		const items = module.items;
		lines.push(`${index}. ${module.name}`);
		if (items === undefined) {
			lines.push(`  (${plural(module.items_count ?? 0, "item")}; Canvas did not list them with the module)`);
			continue;
		}
		for (const [position, item] of ipairs(items)) {
			if (position > MAX_ITEMS_PER_MODULE) {
				lines.push(`  … ${items.size() - MAX_ITEMS_PER_MODULE} more items`);
				break;
			}
			lines.push(describeItem(item));
		}
	}
	return lines;
}

function pagesSection(result: CanvasResult<CanvasList<CanvasPage>>): Array<string> {
	if (!result.ok) return [`Pages: could not be read — ${result.error.message}`];
	const pages = result.value.items;
	const lines = [`Pages (${pages.size()})${shown(pages.size(), MAX_PAGES, result.value.truncated)}:`];
	if (pages.size() === 0) lines.push("  (none)");
	for (const [index, page] of ipairs(pages)) {
		if (index > MAX_PAGES) break;
		const front = page.front_page === true ? ", front page" : "";
		const body = page.body !== undefined ? excerpt(htmlToText(page.body), PAGE_EXCERPT) : "";
		lines.push(`- "${page.title}" (pageUrl: ${page.url}${front})${body !== "" ? `: ${body}` : ""}`);
	}
	return lines;
}

/** "2026-12-01" from Canvas's ISO 8601 time (the date as Canvas wrote it, in UTC). */
function dueDate(dueAt: string | undefined): string {
	if (dueAt === undefined) return "no due date";
	const [date] = string.match(dueAt, "^(%d%d%d%d%-%d%d%-%d%d)");
	return `due ${(date as string | undefined) ?? dueAt}`;
}

function points(value: number | undefined): string {
	if (value === undefined) return "ungraded";
	return value === math.floor(value) ? `${string.format("%d", value)} pts` : `${value} pts`;
}

function assignmentsSection(result: CanvasResult<CanvasList<CanvasAssignment>>): Array<string> {
	if (!result.ok) return [`Assignments: could not be read — ${result.error.message}`];
	const assignments = result.value.items;
	const lines = [`Assignments (${assignments.size()})${shown(assignments.size(), MAX_ASSIGNMENTS, result.value.truncated)}:`];
	if (assignments.size() === 0) lines.push("  (none)");
	for (const [index, assignment] of ipairs(assignments)) {
		if (index > MAX_ASSIGNMENTS) break;
		const description = assignment.description !== undefined ? excerpt(htmlToText(assignment.description), DESCRIPTION_EXCERPT) : "";
		lines.push(
			`- ${assignment.name} (${dueDate(assignment.due_at)}, ${points(assignment.points_possible)})${description !== "" ? `: ${description}` : ""}`,
		);
	}
	return lines;
}

function readPage(canvas: CanvasApi, courseId: number, pageUrl: string): ToolOutcome {
	const page = canvas.getPage(courseId, pageUrl);
	if (!page.ok) return failed(page.error);
	const body = page.value.body !== undefined ? htmlToText(page.value.body) : "";
	const text = `Canvas page "${page.value.title}" (pageUrl: ${page.value.url}) of course ${string.format("%d", courseId)}:\n${body !== "" ? body : "(the page is empty)"}`;
	return { kind: "result", text: capText(text, RESULT_CHARACTER_CAP, "a course's overview instead of the whole page") };
}

function readCourse(canvas: CanvasApi, courseId: number, include: ReadonlyArray<Part>): ToolOutcome {
	const course = canvas.getCourse(courseId);
	if (!course.ok) return failed(course.error);
	const code = course.value.course_code !== undefined && course.value.course_code !== "" ? ` (${course.value.course_code})` : "";
	const lines = [`Canvas course ${string.format("%d", course.value.id)}: "${course.value.name}"${code}`];
	const wanted = new Set(include);
	// One part failing (a course with pages switched off answers 404 there) leaves the others readable.
	for (const part of PARTS) {
		if (!wanted.has(part)) continue;
		lines.push("");
		if (part === "modules") for (const line of modulesSection(canvas.listModules(courseId))) lines.push(line);
		else if (part === "pages") for (const line of pagesSection(canvas.listPages(courseId))) lines.push(line);
		else for (const line of assignmentsSection(canvas.listAssignments(courseId))) lines.push(line);
	}
	lines.push("");
	lines.push('Read a page in full with lms_lookup { course, pageUrl }. Use these objectives and activities to plan the lesson.');
	return { kind: "result", text: capText(lines.join("\n"), RESULT_CHARACTER_CAP, 'include: ["modules"] or ["pages"] or ["assignments"]') };
}

export const lmsLookup: ToolDefinition<s.Infer<typeof args>> = {
	name: "lms_lookup",
	description:
		"Reads the teacher's Canvas LMS (connected in Vector's settings): without a course, lists the courses they teach; " +
		"with a course, its modules and their items, its pages (with short excerpts) and its assignments (due dates, points, " +
		"descriptions); with pageUrl, one page in full. Use it to take a lesson's objectives from the class's real course.",
	kind: "read",
	args,
	execute(a, context) {
		const canvas = context.canvas;
		if (canvas === undefined || !canvas.configured()) {
			return {
				kind: "error",
				message:
					"Canvas is not connected: the user must set the Canvas URL and a Canvas access token in Vector's Settings → Canvas (LMS). " +
					"Ask the user for the lesson's objectives instead, or to connect Canvas.",
			};
		}
		if (a.course === undefined) {
			if (a.pageUrl !== undefined) return { kind: "error", message: "pageUrl needs a course: give the course id too." };
			return listCourses(canvas);
		}
		const id = courseIdOf(a.course, canvas.site());
		if (!id.ok) return { kind: "error", message: id.message };
		if (a.pageUrl !== undefined) return readPage(canvas, id.id, a.pageUrl);
		return readCourse(canvas, id.id, a.include ?? PARTS);
	},
};
