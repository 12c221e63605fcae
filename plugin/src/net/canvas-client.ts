/**
 * The Canvas LMS client: reads a teacher's courses, modules, pages and assignments through the
 * Canvas REST API (`{canvasBaseUrl}/api/v1/…`) so the model can seed a lesson's objectives from
 * them. Requests go over the same `HttpTransport` and the same shared `RequestLimiter` as the
 * proxy's (Studio's HTTP budget is one for the whole session), never through the proxy.
 *
 * The token: a Canvas personal access token is the teacher's own key to everything they can see
 * in Canvas, so it is sent as `Authorization: Bearer …` to the origin (scheme, host, port) of the
 * configured Canvas URL and to nothing else. Every URL is checked against that origin before a
 * request is made — in particular the `next` links of pagination, which Canvas documents as
 * absolute, opaque URLs: one on another origin (or a relative one, which Canvas never sends) ends
 * the read with `foreign_link` instead of being followed. No message this client produces contains
 * the token (messages are built from our own words, the route and at most Canvas's short error
 * text, and scrubbed of the token all the same), so tool results, the transcript and what the model
 * sees cannot carry it.
 *
 * Pagination: Canvas pages every list (10 items by default); lists are asked with `per_page=100`
 * and followed through the `Link` header's `rel="next"` (RFC 8288; header names are case-
 * insensitive, which the transport's lower-cased names handle) for at most `maxPages` pages; a
 * list cut there says so (`truncated`).
 *
 * Errors are mapped to what the teacher can do: not configured, 401 (token wrong or expired),
 * 403 (Canvas's throttling answer "403 Forbidden (Rate Limit Exceeded)" is retried with backoff,
 * any other 403 means the account may not see it), 404 (no such course, or no access), 5xx
 * (retried, then reported), a redirect (often http → https: use the address it points to; whether
 * Studio's RequestAsync follows redirects itself is not documented, and if it does, it decides where
 * the header goes — so the settings keep only the site and the error asks for the final address),
 * unreachable, timeout, and answers that are not the expected JSON (a login page, a proxy's HTML).
 * A JSON body that starts with Canvas's `while(1);` guard (sent to cookie sessions) is read all
 * the same.
 *
 * Schoology is not supported, on purpose. Its REST API (`api.schoology.com/v1`) authenticates every
 * request with OAuth 1.0a (developers.schoology.com, "Authentication"): a consumer key and secret
 * from the district's `/api` page, and an `Authorization: OAuth realm="Schoology API", …` header
 * carrying a per-request nonce, timestamp and signature (HMAC-SHA1 recommended) over the method,
 * URL and parameters. A bearer token cannot stand in for it. Doing it here would take an HMAC-SHA1
 * written in Luau (Studio has no crypto API), a signature base string built to RFC 5849's encoding
 * rules, a second pair of secrets in the plugin's settings (the consumer secret signs, so it would
 * sit on every teacher's computer, and since 2025 a personal key reads only its owner's data), a
 * fake Schoology that verifies signatures, and its own client for Schoology's different shapes
 * (sections rather than courses, `folders` and `assignments` per section, `links.next` paging in
 * the body). A proxy route that signs with a district key would be the safer design.
 */
import { t } from "@rbxts/t";
import { CancelToken } from "./chat-client";
import { HttpRequest, HttpResponse, HttpTransport, isTransportError, TransportError } from "./http-transport";
import { decodeJson } from "./json";
import { RequestLimiter } from "./request-limiter";
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, RetryPolicy, shouldRetry, waitBeforeRetry } from "./retry-policy";
import {
	CanvasAssignment,
	CanvasCourse,
	CanvasModule,
	CanvasPage,
	CanvasUser,
	isCanvasAssignment,
	isCanvasCourse,
	isCanvasModule,
	isCanvasPage,
	isCanvasUser,
} from "./canvas-types";

/** Where Canvas is and the token for it; read before every request, so saved settings apply at once. */
export interface CanvasConnection {
	/** The Canvas site, e.g. `https://school.instructure.com` (settings keep it without a path); "" when not set. */
	readonly canvasBaseUrl: string;
	readonly canvasToken: string;
}

export type CanvasErrorCode =
	| "not_configured"
	| "unauthorized"
	| "forbidden"
	| "rate_limited"
	| "not_found"
	| "server_error"
	| "redirected"
	| "bad_status"
	| "unreachable"
	| "timeout"
	| "refused"
	| "http_budget"
	| "bad_response"
	| "foreign_link"
	| "bad_argument";

/** Why a Canvas read failed, in words a teacher can act on (never containing the token). */
export interface CanvasError {
	readonly code: CanvasErrorCode;
	readonly message: string;
	/** The HTTP status, when Canvas answered. */
	readonly status?: number;
}

export type CanvasResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CanvasError };

/** A list read through its pages. */
export interface CanvasList<T> {
	readonly items: ReadonlyArray<T>;
	/** True when `maxPages` pages were read and Canvas had more. */
	readonly truncated: boolean;
}

/** What tools use of Canvas (ToolContext.canvas); `CanvasClient` implements it. Every method yields. */
export interface CanvasApi {
	/** Whether a Canvas URL and token are set. */
	configured(): boolean;
	/** The Canvas site in use (for messages), "" when not set. */
	site(): string;
	/** `GET /api/v1/users/self`: who the token belongs to (the settings' "Test Canvas"). */
	self(): CanvasResult<CanvasUser>;
	/** The courses the user teaches (`enrollment_type=teacher`). */
	listCourses(): CanvasResult<CanvasList<CanvasCourse>>;
	getCourse(courseId: number): CanvasResult<CanvasCourse>;
	/** Modules with their items inlined (`include[]=items`). */
	listModules(courseId: number): CanvasResult<CanvasList<CanvasModule>>;
	/** Pages with their bodies where Canvas includes them (`include[]=body`). */
	listPages(courseId: number): CanvasResult<CanvasList<CanvasPage>>;
	/** One page with its body; `pageUrl` is the page's URL slug (`page_url` of a module item). */
	getPage(courseId: number, pageUrl: string): CanvasResult<CanvasPage>;
	listAssignments(courseId: number): CanvasResult<CanvasList<CanvasAssignment>>;
}

export interface CanvasClientOptions {
	readonly transport: HttpTransport;
	readonly connection: () => CanvasConnection;
	/** Share the session's one; a new one (2 in flight, 120 a minute) by default. */
	readonly limiter?: RequestLimiter;
	readonly retry?: RetryPolicy;
	/** Jitter source, [0, 1) (default `math.random`). */
	readonly random?: () => number;
	/** Seconds per request (default 20). */
	readonly timeout?: number;
	/** Most pages read of one list (default 10, so at most 1000 items). */
	readonly maxPages?: number;
}

const PER_PAGE = 100;
const DEFAULT_TIMEOUT = 20;
const DEFAULT_MAX_PAGES = 10;
const CANVAS_MESSAGE_LIMIT = 200;
const NEVER_CANCELLED: CancelToken = { cancelled: false };
const SETTINGS_HINT = "in Vector's Settings → Canvas (LMS)";

/** `scheme://host:port` of an absolute http(s) URL, lower-cased, default ports made explicit; undefined otherwise. */
export function urlOrigin(url: string): string | undefined {
	const [scheme, authority] = string.match(url, "^(%a[%w+.-]*)://([^/?#]*)") as LuaTuple<[string?, string?]>;
	if (scheme === undefined || authority === undefined || authority === "") return undefined;
	const lowerScheme = scheme.lower();
	if (lowerScheme !== "http" && lowerScheme !== "https") return undefined;
	// Credentials in a URL would be a way around the origin check; such a URL is never ours.
	if (string.find(authority, "@", 1, true)[0] !== undefined) return undefined;
	const lower = authority.lower();
	const [host, port] = (
		lower.sub(1, 1) === "[" ? string.match(lower, "^(%[[^%]]*%])(.*)$") : string.match(lower, "^([^:]*)(.*)$")
	) as LuaTuple<[string?, string?]>;
	if (host === undefined || host === "") return undefined;
	let portNumber: string;
	if (port === undefined || port === "") portNumber = lowerScheme === "https" ? "443" : "80";
	else {
		const [digits] = string.match(port, "^:(%d+)$");
		if (digits === undefined) return undefined;
		portNumber = tostring(tonumber(digits));
	}
	return `${lowerScheme}://${host}:${portNumber}`;
}

/** The `rel="next"` target of a `Link` header (RFC 8288), if any. */
export function nextLink(header: string | undefined): string | undefined {
	if (header === undefined) return undefined;
	for (const [target, params] of header.gmatch("<([^>]*)>([^<]*)")) {
		for (const [name, value] of (params as string).gmatch(";%s*([%w%-]+)%s*=%s*([^;,]*)")) {
			if ((name as string).lower() !== "rel") continue;
			const [unquoted] = (value as string).gsub('^%s*"?', "")[0].gsub('"?%s*$', "");
			for (const [relation] of unquoted.gmatch("%S+")) {
				if ((relation as string).lower() === "next") return target as string;
			}
		}
	}
	return undefined;
}

/** `text` with every occurrence of `secret` replaced (plain match, no patterns). */
export function scrub(text: string, secret: string): string {
	if (secret === "") return text;
	let result = text;
	for (;;) {
		const [start, finish] = string.find(result, secret, 1, true);
		if (start === undefined || finish === undefined) return result;
		result = result.sub(1, start - 1) + "[token]" + result.sub(finish + 1);
	}
}

function encodeQueryPart(text: string): string {
	return text.gsub("[^%w%-_%.~]", (character) => string.format("%%%02X", string.byte(character)[0]))[0];
}

/** `?a=1&b=2` from ordered pairs (keys such as `include[]` are percent-encoded). */
function queryString(query: ReadonlyArray<[string, string]>): string {
	if (query.size() === 0) return "";
	return "?" + query.map(([key, value]) => `${encodeQueryPart(key)}=${encodeQueryPart(value)}`).join("&");
}

/** Canvas's own short error text (`{"errors":[{"message":…}]}` or `{"message":…}`), if the body has one. */
function canvasMessage(body: string): string | undefined {
	const decoded = decodeJson(stripGuard(body));
	if (!decoded.ok || !typeIs(decoded.value, "table")) return undefined;
	const value = decoded.value as { errors?: unknown; message?: unknown };
	let message: unknown = value.message;
	if (typeIs(value.errors, "table")) {
		const first = (value.errors as Array<unknown>)[0];
		if (typeIs(first, "table") && typeIs((first as { message?: unknown }).message, "string")) message = (first as { message: string }).message;
	}
	if (!typeIs(message, "string") || message === "") return undefined;
	return message.size() > CANVAS_MESSAGE_LIMIT ? message.sub(1, CANVAS_MESSAGE_LIMIT) + "…" : message;
}

/** Canvas prefixes JSON for cookie sessions with `while(1);` against JSON hijacking. */
function stripGuard(body: string): string {
	return body.gsub("^%s*while%(1%);", "")[0];
}

/** The first characters of a body, on one line, for "not JSON" messages. */
function preview(body: string): string {
	const [oneLine] = body.gsub("%s+", " ");
	const trimmed = oneLine.gsub("^ ", "")[0];
	return trimmed.size() > 60 ? trimmed.sub(1, 60) + "…" : trimmed;
}


type Attempt = { readonly ok: true; readonly response: HttpResponse } | { readonly ok: false; readonly error: CanvasError; readonly retriable: boolean; readonly retryAfter?: number };

/** The Canvas REST client (see the module header). */
export class CanvasClient implements CanvasApi {
	private readonly transport: HttpTransport;
	private readonly connection: () => CanvasConnection;
	private readonly limiter: RequestLimiter;
	private readonly policy: RetryPolicy;
	private readonly random: () => number;
	private readonly timeout: number;
	private readonly maxPages: number;

	constructor(options: CanvasClientOptions) {
		this.transport = options.transport;
		this.connection = options.connection;
		this.limiter = options.limiter ?? new RequestLimiter();
		this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
		this.random = options.random ?? (() => math.random());
		this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
		this.maxPages = math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
	}

	configured(): boolean {
		const connection = this.connection();
		return connection.canvasBaseUrl !== "" && connection.canvasToken !== "";
	}

	site(): string {
		return this.connection().canvasBaseUrl;
	}

	self(): CanvasResult<CanvasUser> {
		return this.getOne("/api/v1/users/self", [], isCanvasUser, "your Canvas user");
	}

	listCourses(): CanvasResult<CanvasList<CanvasCourse>> {
		return this.getList("/api/v1/courses", [["enrollment_type", "teacher"]], isCanvasCourse, "a list of courses");
	}

	getCourse(courseId: number): CanvasResult<CanvasCourse> {
		return this.getOne(`/api/v1/courses/${this.id(courseId)}`, [], isCanvasCourse, "a course", `course ${this.id(courseId)}`);
	}

	listModules(courseId: number): CanvasResult<CanvasList<CanvasModule>> {
		const id = this.id(courseId);
		return this.getList(`/api/v1/courses/${id}/modules`, [["include[]", "items"]], isCanvasModule, "a list of modules", `modules of course ${id}`);
	}

	listPages(courseId: number): CanvasResult<CanvasList<CanvasPage>> {
		const id = this.id(courseId);
		return this.getList(`/api/v1/courses/${id}/pages`, [["include[]", "body"], ["sort", "title"]], isCanvasPage, "a list of pages", `pages of course ${id}`);
	}

	getPage(courseId: number, pageUrl: string): CanvasResult<CanvasPage> {
		const id = this.id(courseId);
		if (pageUrl === "" || string.find(pageUrl, "[/?#%s]")[0] !== undefined) {
			return this.failWith({ code: "bad_argument", message: `"${pageUrl}" is not a Canvas page URL slug (like "parts-of-a-whole").` });
		}
		return this.getOne(`/api/v1/courses/${id}/pages/${encodeQueryPart(pageUrl)}`, [], isCanvasPage, "a page", `page "${pageUrl}" of course ${id}`);
	}

	listAssignments(courseId: number): CanvasResult<CanvasList<CanvasAssignment>> {
		const id = this.id(courseId);
		return this.getList(`/api/v1/courses/${id}/assignments`, [["order_by", "position"]], isCanvasAssignment, "a list of assignments", `assignments of course ${id}`);
	}

	/** A course id as Canvas writes it in a path. */
	private id(courseId: number): string {
		return string.format("%d", courseId);
	}

	private failWith<T>(problem: CanvasError): CanvasResult<T> {
		return { ok: false, error: { ...problem, message: scrub(problem.message, this.connection().canvasToken) } };
	}

	/** The configured site, or why there is none. */
	private base(): { ok: true; site: string; origin: string; token: string } | { ok: false; error: CanvasError } {
		const connection = this.connection();
		if (connection.canvasBaseUrl === "" || connection.canvasToken === "") {
			return {
				ok: false,
				error: {
					code: "not_configured",
					message: `Canvas is not connected: set the Canvas URL and a Canvas access token ${SETTINGS_HINT}.`,
				},
			};
		}
		const site = connection.canvasBaseUrl.gsub("/+$", "")[0];
		const origin = urlOrigin(site);
		if (origin === undefined) {
			return { ok: false, error: { code: "not_configured", message: `The Canvas URL "${site}" is not an http(s) address; fix it ${SETTINGS_HINT}.` } };
		}
		return { ok: true, site, origin, token: connection.canvasToken };
	}

	private getOne<T>(path: string, query: ReadonlyArray<[string, string]>, check: t.check<T>, what: string, subject?: string): CanvasResult<T> {
		const base = this.base();
		if (!base.ok) return this.failWith(base.error);
		const url = base.site + path + queryString(query);
		const fetched = this.fetch(url, base.origin, base.token, subject);
		if (!fetched.ok) return this.failWith(fetched.error);
		const decoded = this.decode(fetched.response, base.site);
		if (!decoded.ok) return this.failWith(decoded.error);
		if (!check(decoded.value)) return this.failWith(this.unexpected(base.site, what, fetched.response.body));
		return { ok: true, value: decoded.value };
	}

	private getList<T extends defined>(
		path: string,
		query: ReadonlyArray<[string, string]>,
		check: t.check<T>,
		what: string,
		subject?: string,
	): CanvasResult<CanvasList<T>> {
		const base = this.base();
		if (!base.ok) return this.failWith(base.error);
		let url: string | undefined = base.site + path + queryString([...query, ["per_page", tostring(PER_PAGE)]]);
		const items = new Array<T>();
		let pages = 0;
		while (url !== undefined) {
			if (pages >= this.maxPages) return { ok: true, value: { items, truncated: true } };
			const fetched = this.fetch(url, base.origin, base.token, subject);
			if (!fetched.ok) return this.failWith(fetched.error);
			pages += 1;
			const decoded = this.decode(fetched.response, base.site);
			if (!decoded.ok) return this.failWith(decoded.error);
			if (!typeIs(decoded.value, "table")) return this.failWith(this.unexpected(base.site, what, fetched.response.body));
			const page = decoded.value as Array<unknown>;
			// An empty list decodes as an empty table; anything with string keys is an object, not a list.
			for (const [key] of pairs(page)) {
				if (!typeIs(key, "number")) return this.failWith(this.unexpected(base.site, what, fetched.response.body));
			}
			for (const item of page) {
				if (!check(item)) return this.failWith(this.unexpected(base.site, what, fetched.response.body));
				items.push(item);
			}
			const following = nextLink(fetched.response.headers.get("link"));
			if (following === undefined) break;
			if (urlOrigin(following) !== base.origin) {
				return this.failWith({
					code: "foreign_link",
					message:
						`Canvas's next page of ${what} points outside ${base.site} (to ${urlOrigin(following) ?? "a relative or malformed address"}); ` +
						"Vector does not follow it, so your Canvas token stays with your Canvas. Check the Canvas URL in Vector's settings.",
				});
			}
			url = following;
		}
		return { ok: true, value: { items, truncated: false } };
	}

	private decode(response: HttpResponse, site: string): CanvasResult<unknown> {
		const decoded = decodeJson(stripGuard(response.body));
		if (!decoded.ok) {
			return {
				ok: false,
				error: {
					code: "bad_response",
					message:
						`${site} did not answer with JSON (it sent "${preview(response.body)}"), so it is probably not a Canvas API: ` +
						`check the Canvas URL ${SETTINGS_HINT} (your school's Canvas address, e.g. https://school.instructure.com).`,
				},
			};
		}
		return { ok: true, value: decoded.value };
	}

	private unexpected(site: string, what: string, body: string): CanvasError {
		return {
			code: "bad_response",
			message: `${site} answered with JSON that is not ${what} as Canvas sends it ("${preview(body)}"); check the Canvas URL ${SETTINGS_HINT}.`,
		};
	}

	/** One GET with retries; the URL must be on `origin` (checked again here, the last gate before the token is sent). */
	private fetch(url: string, origin: string, token: string, subject?: string): Attempt {
		if (urlOrigin(url) !== origin) {
			return { ok: false, retriable: false, error: { code: "foreign_link", message: "Vector refused to send your Canvas token outside your Canvas site." } };
		}
		const request: HttpRequest = {
			url,
			method: "GET",
			headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
			timeout: this.timeout,
		};
		let failures = 0;
		let waited = 0;
		for (;;) {
			const attempt = this.once(request, subject);
			if (attempt.ok) return attempt;
			failures += 1;
			if (!attempt.retriable) return attempt;
			const delay = retryDelay(this.policy, failures, this.random, attempt.retryAfter);
			if (!shouldRetry(this.policy, failures, waited, delay)) return attempt;
			waitBeforeRetry(delay, NEVER_CANCELLED);
			waited += delay;
		}
	}

	private once(request: HttpRequest, subject?: string): Attempt {
		const slot = this.limiter.acquire(NEVER_CANCELLED);
		if (!slot.ok) {
			const seconds = slot.reason === "http_budget" ? math.max(1, math.ceil(slot.retryAfter)) : 1;
			return {
				ok: false,
				retriable: false,
				error: {
					code: "http_budget",
					message: `Vector has reached its own limit of requests per minute (Studio allows 500 a minute for all plugins together). Try again in ${seconds} s.`,
				},
			};
		}
		let response: HttpResponse | undefined;
		let thrown: unknown;
		try {
			response = this.transport.request(request);
		} catch (err) {
			thrown = err;
		} finally {
			slot.release();
		}
		if (response === undefined) return this.transportFailure(isTransportError(thrown) ? thrown : undefined, tostring(thrown));
		if (response.status >= 200 && response.status <= 299) return { ok: true, response };
		return this.statusFailure(response, subject);
	}

	private transportFailure(err: TransportError | undefined, raw: string): Attempt {
		const site = this.connection().canvasBaseUrl;
		const kind = err?.kind ?? "unreachable";
		if (kind === "timeout") {
			return { ok: false, retriable: true, error: { code: "timeout", message: `${site} did not answer within ${this.timeout} s. Canvas may be slow right now; try again.` } };
		}
		if (kind === "budget") {
			return {
				ok: false,
				retriable: false,
				error: { code: "http_budget", message: "Studio's limit of 500 requests a minute (shared by all plugins) is used up; try again in a minute." },
			};
		}
		if (kind === "refused") {
			return {
				ok: false,
				retriable: false,
				error: {
					code: "refused",
					message: `Studio refused to send the request to ${site} (${err?.message ?? raw}). Allow HTTP requests for the plugin and check the Canvas URL ${SETTINGS_HINT}.`,
				},
			};
		}
		return {
			ok: false,
			retriable: true,
			error: {
				code: "unreachable",
				message: `Vector could not reach ${site} (${err?.message ?? raw}). Check the Canvas URL ${SETTINGS_HINT} and your network.`,
			},
		};
	}

	private statusFailure(response: HttpResponse, subject?: string): Attempt {
		const site = this.connection().canvasBaseUrl;
		const status = response.status;
		const said = canvasMessage(response.body);
		const saying = said !== undefined ? ` Canvas said: "${said}".` : "";
		const what = subject ?? "that";
		if (status === 401) {
			return {
				ok: false,
				retriable: false,
				error: {
					code: "unauthorized",
					status,
					message: `Canvas refused the access token (401): it is wrong, expired or was deleted. Create a new one in Canvas (Account → Settings → New access token) and paste it ${SETTINGS_HINT}.${saying}`,
				},
			};
		}
		if (status === 403) {
			const [limited] = string.find(response.body.lower(), "rate limit exceeded", 1, true);
			if (limited !== undefined) {
				return {
					ok: false,
					retriable: true,
					retryAfter: parseRetryAfter(response.headers.get("retry-after")),
					error: { code: "rate_limited", status, message: "Canvas is throttling requests from this account (403 Rate Limit Exceeded). Wait a minute and try again." },
				};
			}
			return {
				ok: false,
				retriable: false,
				error: { code: "forbidden", status, message: `Canvas does not let this account read ${what} (403). Use a course you teach, or a token of an account that can see it.${saying}` },
			};
		}
		if (status === 404) {
			return {
				ok: false,
				retriable: false,
				error: {
					code: "not_found",
					status,
					message:
						string.find(what, "^page ")[0] !== undefined
							? `Canvas has no ${what} that this account can see (404). Use a pageUrl as lms_lookup lists the course's pages.`
							: `Canvas has no ${what} that this account can see (404). Check the course id (the number after /courses/ in the course's address); call lms_lookup without a course to list your courses.`,
				},
			};
		}
		if (status === 429) {
			return {
				ok: false,
				retriable: true,
				retryAfter: parseRetryAfter(response.headers.get("retry-after")),
				error: { code: "rate_limited", status, message: "Canvas is throttling requests from this account (429). Wait a minute and try again." },
			};
		}
		if (status >= 300 && status <= 399) {
			const location = response.headers.get("location");
			const where = location !== undefined ? urlOrigin(location) ?? location : undefined;
			return {
				ok: false,
				retriable: false,
				error: {
					code: "redirected",
					status,
					message: `${site} redirects API requests${where !== undefined ? ` to ${where}` : ""} (${status}); set the Canvas URL ${SETTINGS_HINT} to the address Canvas really answers on (usually https://…).`,
				},
			};
		}
		if (status >= 500) {
			return {
				ok: false,
				retriable: status !== 501,
				error: { code: "server_error", status, message: `Canvas had a server error (${status} ${response.statusMessage}). Try again in a few minutes.${saying}` },
			};
		}
		return {
			ok: false,
			retriable: false,
			error: { code: "bad_status", status, message: `Canvas refused the request (${status} ${response.statusMessage}).${saying}` },
		};
	}
}
