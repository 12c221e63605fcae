/**
 * A fake Canvas LMS on loopback, for the plugin's Canvas client and `lms_lookup` specs (started by
 * `--http-fixture`) and for scenarios with a `"canvas"` key. It speaks Canvas's REST wire format
 * as its API documentation describes it: JSON objects with Canvas's field names (and its nulls),
 * `Authorization: Bearer <token>` checked on every API route, lists paginated with a `Link` header
 * of absolute URLs (`rel="current"`, `"next"`, `"prev"`, `"first"`, `"last"`), and `per_page`
 * honoured up to a small cap (Canvas documents an "unspecified limit"; this one is 3, so every
 * list of the course spans several pages). Error bodies are Canvas's:
 * `{"errors":[{"message":…}]}`, and throttling is its `403 Forbidden (Rate Limit Exceeded)`.
 *
 *   GET /api/v1/users/self
 *   GET /api/v1/courses[?enrollment_type=teacher]
 *   GET /api/v1/courses/:id
 *   GET /api/v1/courses/:id/modules[?include[]=items]
 *   GET /api/v1/courses/:id/pages[?include[]=body]
 *   GET /api/v1/courses/:id/pages/:url
 *   GET /api/v1/courses/:id/assignments
 *   GET /__requests           what arrived so far (host, path, whether a bearer token came, and
 *                              whether it was the right one), for specs to check where the token went
 *
 * Courses that misbehave, one per failure a client must handle:
 *   403 → 403 "user not authorized"            429 → always "403 Forbidden (Rate Limit Exceeded)"
 *   430 → rate limited once, then fine          500 → 500 on every route
 *   200 → 200 with an HTML login page           666 → modules whose `next` link is on another
 *   900 → 40 assignments (many pages)                 origin (`localhost` instead of 127.0.0.1)
 *   any id not listed → 404 "The specified resource does not exist."
 */
import http from "node:http";
import net from "node:net";

export const FAKE_CANVAS_TOKEN = "7~FakeCanvasToken0123456789abcdef";

export interface FakeCanvas {
	/** `http://127.0.0.1:<port>`: the Canvas URL to configure. */
	url: string;
	/** The same server under another origin (`http://localhost:<port>`). */
	otherOriginUrl: string;
	token: string;
	requests: RecordedCanvasRequest[];
	close(): Promise<void>;
}

export interface RecordedCanvasRequest {
	method: string;
	host: string;
	path: string;
	query: string;
	/** A bearer token came with the request. */
	bearer: boolean;
	/** It was the right token. */
	tokenMatched: boolean;
}

const MAX_PER_PAGE = 3;
const MAX_CONNECTIONS = 64;
const MAX_LIFETIME_MS = 30 * 60_000;

interface Course {
	id: number;
	name: string;
	course_code: string;
	teacher: boolean;
}

const COURSES: Course[] = [
	{ id: 101, name: "Grade 5 Math: Fractions", course_code: "MATH5-FR", teacher: true },
	{ id: 102, name: "Grade 5 Science: Ecosystems", course_code: "SCI5-ECO", teacher: true },
	{ id: 103, name: "Grade 4 Reading Workshop", course_code: "ELA4", teacher: true },
	{ id: 104, name: "Staff Professional Development", course_code: "PD-2026", teacher: false },
	{ id: 105, name: "Grade 5 Social Studies: Explorers", course_code: "SS5-EXP", teacher: true },
	{ id: 106, name: "Robotics Club", course_code: "ROBO", teacher: true },
];

/** Extra courses that exist only to misbehave (not in the teacher's list). */
const ODD_COURSES = [403, 429, 430, 500, 200, 666, 900];

interface Page {
	page_id: number;
	url: string;
	title: string;
	body: string;
	front_page?: boolean;
}

const PAGES: Page[] = [
	{
		page_id: 501,
		url: "welcome-to-fractions",
		title: "Welcome to Fractions",
		front_page: true,
		body: "<h2>Welcome!</h2><p>This unit we learn what a <strong>fraction</strong> is &amp; how to compare them.</p><p>Bring a pizza appetite&nbsp;&#x1F355;</p>",
	},
	{
		page_id: 502,
		url: "parts-of-a-whole",
		title: "Parts of a Whole",
		body:
			"<p>A fraction names equal parts of a whole. In <em>3/4</em>, the <b>denominator</b> 4 says the whole is cut into 4 equal parts; " +
			"the <b>numerator</b> 3 says we take 3 of them.</p><ul><li>1/2 &ndash; one half</li><li>1/4 &ndash; one quarter</li></ul>" +
			"<script>trackPageView()</script>",
	},
	{
		page_id: 503,
		url: "equivalent-fractions",
		title: "Equivalent Fractions",
		body: "<p>Fractions that name the same amount are <i>equivalent</i>: 1/2 = 2/4 = 4/8. Multiply top and bottom by the same number.</p>",
	},
	{
		page_id: 504,
		url: "comparing-fractions",
		title: "Comparing Fractions",
		body: "<p>With the same denominator, the bigger numerator is bigger: 3/8 &lt; 5/8. Otherwise, find a common denominator first.</p>",
	},
	{
		page_id: 505,
		url: "adding-fractions-like-denominators",
		title: "Adding Fractions with Like Denominators",
		body: "<p>Add the numerators and keep the denominator: 1/5 + 2/5 = 3/5.</p>",
	},
	{
		page_id: 506,
		url: "fractions-on-a-number-line",
		title: "Fractions on a Number Line",
		body: "<p>Split the space between 0 and 1 into equal jumps. Each jump is 1/denominator.</p>",
	},
	{
		page_id: 507,
		url: "unit-review",
		title: "Unit Review",
		body: "<p>Review: name, compare, find equivalent and add fractions. Quiz on Friday!</p>",
	},
];

interface Assignment {
	id: number;
	name: string;
	description: string | null;
	due_at: string | null;
	points_possible: number | null;
	submission_types: string[];
}

const ASSIGNMENTS: Assignment[] = [
	{
		id: 2001,
		name: "Fraction Pizza",
		description: "<p>Draw a pizza cut into 8 equal slices and shade <strong>3/8</strong> of it.</p>",
		due_at: "2026-12-01T23:59:00Z",
		points_possible: 10,
		submission_types: ["online_upload"],
	},
	{
		id: 2002,
		name: "Equivalent Fractions Practice",
		description: "<p>Find two fractions equivalent to 2/3.</p>",
		due_at: "2026-12-03T23:59:00Z",
		points_possible: 15,
		submission_types: ["online_text_entry"],
	},
	{
		id: 2003,
		name: "Compare with Symbols",
		description: "<p>Use &lt;, &gt; or = between each pair: 1/2 ? 3/6, 2/5 ? 3/5.</p>",
		due_at: "2026-12-05T23:59:00Z",
		points_possible: 10,
		submission_types: ["online_quiz"],
	},
	{ id: 2004, name: "Number Line Walk", description: null, due_at: null, points_possible: 5, submission_types: ["on_paper"] },
	{
		id: 2005,
		name: "Adding Fractions Exit Ticket",
		description: "<p>Solve 2/7 + 3/7 and explain in one sentence.</p>",
		due_at: "2026-12-08T15:00:00Z",
		points_possible: 5,
		submission_types: ["online_text_entry"],
	},
	{
		id: 2006,
		name: "Unit Test: Fractions",
		description: "<p>Covers every page of the unit.</p>",
		due_at: "2026-12-12T15:00:00Z",
		points_possible: 50,
		submission_types: ["online_quiz"],
	},
];

interface ModuleItemSpec {
	title: string;
	type: "Page" | "Assignment" | "SubHeader" | "ExternalUrl" | "Quiz";
	page?: string;
	assignment?: number;
	external?: string;
	indent?: number;
}

const MODULES: Array<{ id: number; name: string; items: ModuleItemSpec[] }> = [
	{
		id: 301,
		name: "Unit 1: What Is a Fraction?",
		items: [
			{ title: "Welcome to Fractions", type: "Page", page: "welcome-to-fractions" },
			{ title: "Parts of a Whole", type: "Page", page: "parts-of-a-whole" },
			{ title: "Fraction Pizza", type: "Assignment", assignment: 2001, indent: 1 },
		],
	},
	{
		id: 302,
		name: "Unit 2: Equivalent and Comparing",
		items: [
			{ title: "Practice", type: "SubHeader" },
			{ title: "Equivalent Fractions", type: "Page", page: "equivalent-fractions", indent: 1 },
			{ title: "Equivalent Fractions Practice", type: "Assignment", assignment: 2002, indent: 1 },
			{ title: "Comparing Fractions", type: "Page", page: "comparing-fractions" },
			{ title: "Compare with Symbols", type: "Assignment", assignment: 2003 },
		],
	},
	{
		id: 303,
		name: "Unit 3: Adding Fractions",
		items: [
			{ title: "Adding Fractions with Like Denominators", type: "Page", page: "adding-fractions-like-denominators" },
			{ title: "Fractions on a Number Line", type: "Page", page: "fractions-on-a-number-line" },
			{ title: "Fraction games (Khan Academy)", type: "ExternalUrl", external: "https://www.khanacademy.org/math/arithmetic/fraction-arithmetic" },
			{ title: "Number Line Walk", type: "Assignment", assignment: 2004 },
			{ title: "Adding Fractions Exit Ticket", type: "Assignment", assignment: 2005 },
		],
	},
	{
		id: 304,
		name: "Wrap-up",
		items: [
			{ title: "Unit Review", type: "Page", page: "unit-review" },
			{ title: "Unit Test: Fractions", type: "Assignment", assignment: 2006 },
		],
	},
];

export async function startFakeCanvas(options: { token?: string } = {}): Promise<FakeCanvas> {
	const token = options.token ?? FAKE_CANVAS_TOKEN;
	const requests: RecordedCanvasRequest[] = [];
	const rateLimitedOnce = new Set<string>();
	const sockets = new Set<net.Socket>();
	const server = http.createServer((req, res) => {
		try {
			handle(req, res);
		} catch (err) {
			if (!res.headersSent) sendJson(res, 500, { errors: [{ message: `fake Canvas failed: ${String(err)}` }] });
			else res.destroy();
		}
	});
	server.maxConnections = MAX_CONNECTIONS;
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.address() as net.AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	const otherOriginUrl = `http://localhost:${port}`;
	const lifetime = setTimeout(() => void close(), MAX_LIFETIME_MS);
	lifetime.unref();

	async function close(): Promise<void> {
		clearTimeout(lifetime);
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		const host = req.headers.host ?? "";
		const parsed = new URL(req.url ?? "/", `http://${host || "127.0.0.1"}`);
		const path = parsed.pathname;
		if (path === "/__requests") {
			sendJson(res, 200, requests);
			return;
		}
		const auth = req.headers.authorization ?? "";
		const bearer = /^Bearer\s+(.+)$/i.exec(auth);
		requests.push({
			method: req.method ?? "",
			host,
			path,
			query: parsed.search,
			bearer: bearer !== null,
			tokenMatched: bearer !== null && bearer[1] === token,
		});
		if (req.method !== "GET") {
			sendJson(res, 405, { errors: [{ message: "The fake Canvas serves GET only." }] });
			return;
		}
		if (!path.startsWith("/api/v1/")) {
			sendJson(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
			return;
		}
		if (bearer === null) {
			res.setHeader("WWW-Authenticate", 'Bearer realm="canvas-lms"');
			sendJson(res, 401, { status: "unauthenticated", errors: [{ message: "user authorization required" }] });
			return;
		}
		if (bearer[1] !== token) {
			res.setHeader("WWW-Authenticate", 'Bearer realm="canvas-lms"');
			sendJson(res, 401, { errors: [{ message: "Invalid access token." }] });
			return;
		}
		const base = `http://${host}`;
		if (path === "/api/v1/users/self") {
			sendJson(res, 200, {
				id: 9001,
				name: "Ms. Rivera",
				created_at: "2019-08-01T12:00:00-06:00",
				sortable_name: "Rivera, Ana",
				short_name: "Ms. Rivera",
				avatar_url: `${base}/images/messages/avatar-50.png`,
				locale: null,
				effective_locale: "en",
				permissions: { can_update_name: true, can_update_avatar: true },
			});
			return;
		}
		if (path === "/api/v1/courses") {
			const teacherOnly = parsed.searchParams.get("enrollment_type") === "teacher";
			const list = COURSES.filter((course) => !teacherOnly || course.teacher).map((course) => courseJson(course, base));
			sendPage(res, parsed, base, list);
			return;
		}
		const courseMatch = /^\/api\/v1\/courses\/(\d+)(\/.*)?$/.exec(path);
		if (!courseMatch) {
			sendJson(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
			return;
		}
		const id = Number(courseMatch[1]);
		const rest = courseMatch[2] ?? "";
		const course = COURSES.find((c) => c.id === id) ?? (ODD_COURSES.includes(id) ? oddCourse(id) : undefined);
		if (!course) {
			sendJson(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
			return;
		}
		if (id === 403) {
			sendJson(res, 403, { status: "unauthorized", errors: [{ message: "user not authorized to perform that action" }] });
			return;
		}
		const onceKey = `${path}${parsed.search}`;
		if (id === 429 || (id === 430 && !rateLimitedOnce.has(onceKey))) {
			rateLimitedOnce.add(onceKey);
			res.writeHead(403, "Forbidden", { "Content-Type": "text/plain; charset=utf-8", "X-Rate-Limit-Remaining": "0.0", "X-Request-Cost": "0.1" });
			res.end("403 Forbidden (Rate Limit Exceeded)\n");
			return;
		}
		if (id === 500) {
			res.writeHead(500, "Internal Server Error", { "Content-Type": "application/json; charset=utf-8" });
			res.end(JSON.stringify({ errors: [{ message: "An error occurred." }], error_report_id: 8812 }));
			return;
		}
		if (id === 200) {
			res.writeHead(200, "OK", { "Content-Type": "text/html; charset=utf-8" });
			res.end('<!DOCTYPE html>\n<html><head><title>Log In to Canvas</title></head><body><form action="/login/canvas"></form></body></html>');
			return;
		}
		if (rest === "" || rest === "/") {
			sendJson(res, 200, courseJson(course, base));
			return;
		}
		if (rest === "/modules") {
			const withItems = parsed.searchParams.getAll("include[]").includes("items");
			const modules = (id === 101 || id === 666 ? MODULES : []).map((module, index) =>
				moduleJson(module, index + 1, id, base, withItems),
			);
			if (id === 666) {
				// Page 1 is honest, except that its `next` link names another origin.
				sendPage(res, parsed, base, modules, `http://localhost:${port}`);
				return;
			}
			sendPage(res, parsed, base, modules);
			return;
		}
		if (rest === "/pages") {
			const withBody = parsed.searchParams.getAll("include[]").includes("body");
			const pages = (id === 101 ? PAGES : []).map((page) => pageJson(page, id, base, withBody));
			sendPage(res, parsed, base, pages);
			return;
		}
		const pageMatch = /^\/pages\/([^/]+)$/.exec(rest);
		if (pageMatch) {
			const slug = decodeURIComponent(pageMatch[1]);
			const page = id === 101 ? PAGES.find((p) => p.url === slug || String(p.page_id) === slug) : undefined;
			if (!page) {
				sendJson(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
				return;
			}
			sendJson(res, 200, pageJson(page, id, base, true));
			return;
		}
		if (rest === "/assignments") {
			const assignments = id === 101 ? ASSIGNMENTS : id === 900 ? manyAssignments() : [];
			sendPage(res, parsed, base, assignments.map((a, index) => assignmentJson(a, index + 1, id, base)));
			return;
		}
		sendJson(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
	}

	return { url, otherOriginUrl, token, requests, close };
}

function oddCourse(id: number): Course {
	return { id, name: `Odd course ${id}`, course_code: `ODD${id}`, teacher: true };
}

function manyAssignments(): Assignment[] {
	return Array.from({ length: 40 }, (_, i) => ({
		id: 9000 + i,
		name: `Drill ${i + 1}`,
		description: `<p>Drill number ${i + 1}.</p>`,
		due_at: null,
		points_possible: 1,
		submission_types: ["none"],
	}));
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, http.STATUS_CODES[status] ?? "Unknown", { "Content-Type": "application/json; charset=utf-8", ...headers });
	res.end(JSON.stringify(value));
}

/**
 * One page of `items` as Canvas sends a list: `per_page` (default 10, capped) and `page` (1-based)
 * from the query, a `Link` header with absolute URLs that keep every other parameter. `nextOrigin`
 * replaces the origin of the `next` link only (to test a client's refusal to follow it).
 */
function sendPage(res: http.ServerResponse, url: URL, base: string, items: unknown[], nextOrigin?: string): void {
	const perPage = Math.max(1, Math.min(MAX_PER_PAGE, Number(url.searchParams.get("per_page") ?? "10") || 10));
	const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
	const last = Math.max(1, Math.ceil(items.length / perPage));
	const link = (n: number, origin = base) => {
		const params = new URLSearchParams(url.searchParams);
		params.set("page", String(n));
		params.set("per_page", String(perPage));
		return `<${origin}${url.pathname}?${params.toString()}>`;
	};
	const links = [`${link(page)}; rel="current"`];
	if (page < last) links.push(`${link(page + 1, nextOrigin)}; rel="next"`);
	if (page > 1) links.push(`${link(page - 1)}; rel="prev"`);
	links.push(`${link(1)}; rel="first"`, `${link(last)}; rel="last"`);
	sendJson(res, 200, items.slice((page - 1) * perPage, page * perPage), { Link: links.join(",") });
}

function courseJson(course: Course, base: string): Record<string, unknown> {
	return {
		id: course.id,
		name: course.name,
		account_id: 1,
		uuid: `WvAHhY5FINzq5IyRIJybGeiXyFkG3SqHUPb7jZY${course.id}`,
		start_at: "2026-08-20T06:00:00Z",
		grading_standard_id: null,
		is_public: false,
		created_at: "2026-07-01T15:00:00Z",
		course_code: course.course_code,
		default_view: "modules",
		root_account_id: 1,
		enrollment_term_id: 3,
		license: "private",
		grade_passback_setting: null,
		end_at: null,
		public_syllabus: false,
		public_syllabus_to_auth: false,
		storage_quota_mb: 500,
		is_public_to_auth_users: false,
		homeroom_course: false,
		course_color: null,
		friendly_name: null,
		apply_assignment_group_weights: false,
		calendar: { ics: `${base}/feeds/calendars/course_${course.id}.ics` },
		time_zone: "America/Denver",
		blueprint: false,
		template: false,
		enrollments: [
			{
				type: course.teacher ? "teacher" : "student",
				role: course.teacher ? "TeacherEnrollment" : "StudentEnrollment",
				role_id: course.teacher ? 4 : 3,
				user_id: 9001,
				enrollment_state: "active",
				limit_privileges_to_course_section: false,
			},
		],
		hide_final_grades: false,
		workflow_state: "available",
		restrict_enrollments_to_course_dates: false,
	};
}

function moduleJson(
	module: { id: number; name: string; items: ModuleItemSpec[] },
	position: number,
	courseId: number,
	base: string,
	withItems: boolean,
): Record<string, unknown> {
	const json: Record<string, unknown> = {
		id: module.id,
		name: module.name,
		position,
		unlock_at: null,
		require_sequential_progress: false,
		requirement_type: "all",
		publish_final_grade: false,
		prerequisite_module_ids: [],
		published: true,
		items_count: module.items.length,
		items_url: `${base}/api/v1/courses/${courseId}/modules/${module.id}/items`,
	};
	if (withItems) {
		json.items = module.items.map((item, index) => {
			const itemId = module.id * 100 + index + 1;
			const entry: Record<string, unknown> = {
				id: itemId,
				title: item.title,
				position: index + 1,
				indent: item.indent ?? 0,
				quiz_lti: false,
				type: item.type,
				module_id: module.id,
				html_url: `${base}/courses/${courseId}/modules/items/${itemId}`,
				published: true,
				unpublishable: true,
			};
			if (item.type === "Page") {
				entry.page_url = item.page;
				entry.url = `${base}/api/v1/courses/${courseId}/pages/${item.page}`;
			} else if (item.type === "Assignment") {
				entry.content_id = item.assignment;
				entry.url = `${base}/api/v1/courses/${courseId}/assignments/${item.assignment}`;
			} else if (item.type === "ExternalUrl") {
				entry.external_url = item.external;
				entry.new_tab = true;
			}
			return entry;
		});
	}
	return json;
}

function pageJson(page: Page, courseId: number, base: string, withBody: boolean): Record<string, unknown> {
	const json: Record<string, unknown> = {
		title: page.title,
		created_at: "2026-08-10T16:00:00Z",
		url: page.url,
		editing_roles: "teachers",
		page_id: page.page_id,
		last_edited_by: { id: 9001, anonymous_id: "6yh", display_name: "Ms. Rivera", avatar_image_url: `${base}/images/messages/avatar-50.png`, html_url: `${base}/courses/${courseId}/users/9001`, pronouns: null },
		published: true,
		hide_from_students: false,
		front_page: page.front_page ?? false,
		html_url: `${base}/courses/${courseId}/pages/${page.url}`,
		todo_date: null,
		publish_at: null,
		updated_at: "2026-08-12T16:00:00Z",
		locked_for_user: false,
	};
	if (withBody) json.body = page.body;
	return json;
}

function assignmentJson(a: Assignment, position: number, courseId: number, base: string): Record<string, unknown> {
	return {
		id: a.id,
		description: a.description,
		due_at: a.due_at,
		unlock_at: null,
		lock_at: null,
		points_possible: a.points_possible,
		grading_type: "points",
		assignment_group_id: 77,
		grading_standard_id: null,
		created_at: "2026-08-10T16:00:00Z",
		updated_at: "2026-08-12T16:00:00Z",
		peer_reviews: false,
		automatic_peer_reviews: false,
		position,
		grade_group_students_individually: false,
		anonymous_peer_reviews: false,
		group_category_id: null,
		post_to_sis: false,
		moderated_grading: false,
		omit_from_final_grade: false,
		intra_group_peer_reviews: false,
		anonymous_instructor_annotations: false,
		anonymous_grading: false,
		graders_anonymous_to_graders: false,
		grader_count: 0,
		grader_comments_visible_to_graders: true,
		final_grader_id: null,
		grader_names_visible_to_final_grader: true,
		allowed_attempts: -1,
		annotatable_attachment_id: null,
		hide_in_gradebook: false,
		secure_params: "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.fake",
		lti_context_id: `f0a1b2c3-${a.id}`,
		course_id: courseId,
		name: a.name,
		submission_types: a.submission_types,
		has_submitted_submissions: false,
		due_date_required: false,
		max_name_length: 255,
		in_closed_grading_period: false,
		graded_submissions_exist: false,
		is_quiz_assignment: a.submission_types.includes("online_quiz"),
		can_duplicate: true,
		original_course_id: null,
		original_assignment_id: null,
		original_lti_resource_link_id: null,
		original_assignment_name: null,
		original_quiz_id: null,
		workflow_state: "published",
		important_dates: false,
		muted: true,
		html_url: `${base}/courses/${courseId}/assignments/${a.id}`,
		has_overrides: false,
		needs_grading_count: 0,
		sis_assignment_id: null,
		integration_id: null,
		integration_data: {},
		published: true,
		unpublishable: true,
		only_visible_to_overrides: false,
		locked_for_user: false,
		submissions_download_url: `${base}/courses/${courseId}/assignments/${a.id}/submissions?zip=1`,
		post_manually: false,
		anonymize_students: false,
		require_lockdown_browser: false,
		restrict_quantitative_data: false,
	};
}
