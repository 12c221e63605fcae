/// <reference types="@rbxts/testez/globals" />
import { CanvasClient, CanvasConnection, CanvasError, CanvasResult, nextLink, scrub, urlOrigin } from "./canvas-client";
import { createScriptedTransport, json, ScriptedAnswer, ScriptedTransport } from "./dev/scripted-transport";
import { createHttpTransport, transportError } from "./http-transport";
import { decodeJson } from "./json";
import { RetryPolicy } from "./retry-policy";

/** Retries that take hundredths of a second, so rate-limit specs stay quick. */
const QUICK_RETRY: RetryPolicy = { maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02, maxTotalWait: 1 };

export = () => {
	const ok = <T>(result: CanvasResult<T>): T => {
		if (!result.ok) throw `expected success, got ${result.error.code}: ${result.error.message}`;
		return result.value;
	};
	const failure = <T>(result: CanvasResult<T>): CanvasError => {
		if (result.ok) throw "expected a failure";
		return result.error;
	};
	const contains = (text: string, part: string) => string.find(text, part, 1, true)[0] !== undefined;

	describe("urlOrigin", () => {
		it("gives scheme, host and port in lower case, with the default port made explicit", () => {
			expect(urlOrigin("https://School.Instructure.com/api/v1/courses?page=2")).to.equal("https://school.instructure.com:443");
			expect(urlOrigin("https://school.instructure.com:443/x")).to.equal("https://school.instructure.com:443");
			expect(urlOrigin("http://127.0.0.1:8080")).to.equal("http://127.0.0.1:8080");
			expect(urlOrigin("http://[::1]:9/x")).to.equal("http://[::1]:9");
		});

		it("tells origins apart that differ only in scheme, host or port, and refuses what is not an absolute http(s) URL", () => {
			expect(urlOrigin("http://school.instructure.com") === urlOrigin("https://school.instructure.com")).to.equal(false);
			expect(urlOrigin("http://localhost:80") === urlOrigin("http://127.0.0.1:80")).to.equal(false);
			expect(urlOrigin("/api/v1/courses?page=2")).to.equal(undefined);
			expect(urlOrigin("ftp://school.instructure.com")).to.equal(undefined);
			expect(urlOrigin("https://school.instructure.com@evil.example/x")).to.equal(undefined);
			expect(urlOrigin("https://school.instructure.com:x/")).to.equal(undefined);
		});
	});

	describe("nextLink", () => {
		it("finds rel=next among Canvas's links, whatever the order, quoting or case", () => {
			const header =
				'<https://c.test/api/v1/courses?page=1&per_page=3>; rel="current",' +
				'<https://c.test/api/v1/courses?page=2&per_page=3>; rel="next",' +
				'<https://c.test/api/v1/courses?page=1&per_page=3>; rel="first",' +
				'<https://c.test/api/v1/courses?page=4&per_page=3>; rel="last"';
			expect(nextLink(header)).to.equal("https://c.test/api/v1/courses?page=2&per_page=3");
			expect(nextLink('<https://c.test/a?x=1,2>; REL=Next')).to.equal("https://c.test/a?x=1,2");
			expect(nextLink('<https://c.test/b>; title="next one"; rel="prev next"')).to.equal("https://c.test/b");
		});

		it("gives nothing on the last page or without a header", () => {
			expect(nextLink('<https://c.test/x?page=4>; rel="current",<https://c.test/x?page=1>; rel="first"')).to.equal(undefined);
			expect(nextLink('<https://c.test/x?page=3>; rel="prev"')).to.equal(undefined);
			expect(nextLink(undefined)).to.equal(undefined);
			expect(nextLink("")).to.equal(undefined);
		});
	});

	it("scrub replaces every copy of a secret, patterns and all", () => {
		expect(scrub("a 7~x.y% b 7~x.y%", "7~x.y%")).to.equal("a [token] b [token]");
		expect(scrub("nothing", "")).to.equal("nothing");
	});

	describe("over a scripted transport", () => {
		const SITE = "https://school.instructure.com";
		const TOKEN = "7~SecretToken%.+";
		const client = (transport: ScriptedTransport, connection?: Partial<CanvasConnection>, maxPages?: number) =>
			new CanvasClient({
				transport,
				connection: () => ({ canvasBaseUrl: SITE, canvasToken: TOKEN, ...(connection ?? {}) }),
				retry: QUICK_RETRY,
				random: () => 0.5,
				maxPages,
			});
		/** A page of a Canvas list; the header name's case is Canvas's business (the transport lower-cases it). */
		const page = (items: unknown, link?: string): ScriptedAnswer => {
			const headers: Record<string, string> = {};
			if (link !== undefined) headers["LINK"] = link;
			return { kind: "response", status: 200, body: typeIs(items, "string") ? items : json(items), headers };
		};

		it("asks for 100 a page with the bearer token and follows next links on the same origin", () => {
			const transport = createScriptedTransport();
			transport.script(
				page([{ id: 1, name: "A" }], `<${SITE}/api/v1/courses?enrollment_type=teacher&page=2&per_page=100>; rel="next"`),
				page([{ id: 2, name: "B", course_code: "B1" }]),
			);
			const list = ok(client(transport).listCourses());
			expect(list.items.size()).to.equal(2);
			expect(list.truncated).to.equal(false);
			const first = transport.requests[0].request;
			expect(first.url).to.equal(`${SITE}/api/v1/courses?enrollment_type=teacher&per_page=100`);
			expect(first.method).to.equal("GET");
			expect(first.headers!["Authorization"]).to.equal(`Bearer ${TOKEN}`);
			expect(transport.requests[1].request.url).to.equal(`${SITE}/api/v1/courses?enrollment_type=teacher&page=2&per_page=100`);
		});

		it("percent-encodes Canvas's bracketed parameters", () => {
			const transport = createScriptedTransport();
			transport.script(page([]));
			ok(client(transport).listModules(101));
			expect(transport.requests[0].request.url).to.equal(`${SITE}/api/v1/courses/101/modules?include%5B%5D=items&per_page=100`);
		});

		it("refuses a next link on another origin (or a downgrade to http) without sending the token there", () => {
			for (const foreign of ["https://evil.example/api/v1/courses?page=2", "http://school.instructure.com/api/v1/courses?page=2", "/api/v1/courses?page=2"]) {
				const transport = createScriptedTransport();
				transport.script(page([{ id: 1, name: "A" }], `<${foreign}>; rel="next"`));
				const err = failure(client(transport).listCourses());
				expect(err.code).to.equal("foreign_link");
				expect(transport.requests.size()).to.equal(1);
				expect(transport.pending()).to.equal(0);
			}
		});

		it("stops after maxPages and says the list was cut", () => {
			const transport = createScriptedTransport();
			transport.script(
				page([{ id: 1, name: "A" }], `<${SITE}/p2>; rel="next"`),
				page([{ id: 2, name: "B" }], `<${SITE}/p3>; rel="next"`),
			);
			const list = ok(client(transport, undefined, 2).listCourses());
			expect(list.items.size()).to.equal(2);
			expect(list.truncated).to.equal(true);
			expect(transport.requests.size()).to.equal(2);
		});

		it("reads JSON behind Canvas's while(1); guard, and refuses JSON of the wrong shape", () => {
			const transport = createScriptedTransport();
			transport.script(page(`while(1);[{"id":5,"name":"Guarded"}]`), page(`{"id":5}`), page(`[{"id":"5","name":"x"}]`));
			expect(ok(client(transport).listCourses()).items[0].name).to.equal("Guarded");
			expect(failure(client(transport).listCourses()).code).to.equal("bad_response");
			expect(failure(client(transport).listCourses()).code).to.equal("bad_response");
		});

		it("says what to do about a redirect instead of following it", () => {
			const transport = createScriptedTransport();
			transport.script({ kind: "response", status: 301, body: "", headers: { Location: "https://school.instructure.com/api/v1/users/self" } });
			const err = failure(client(transport, { canvasBaseUrl: "http://school.instructure.com" }).self());
			expect(err.code).to.equal("redirected");
			expect(contains(err.message, "https://school.instructure.com:443")).to.equal(true);
		});

		it("retries a refused connection, then reports it; never puts the token in a message", () => {
			const transport = createScriptedTransport();
			transport.script(
				{ kind: "throw", error: transportError("unreachable", `HttpError: ConnectFail ${TOKEN}`) },
				{ kind: "throw", error: transportError("unreachable", `HttpError: ConnectFail ${TOKEN}`) },
			);
			const err = failure(client(transport).self());
			expect(err.code).to.equal("unreachable");
			expect(transport.requests.size()).to.equal(2);
			expect(contains(err.message, TOKEN)).to.equal(false);
			expect(contains(err.message, "[token]")).to.equal(true);
			const echoed = createScriptedTransport();
			echoed.script({ kind: "response", status: 400, body: json({ errors: [{ message: `bad token ${TOKEN}` }] }) });
			const bad = failure(client(echoed).self());
			expect(bad.code).to.equal("bad_status");
			expect(contains(bad.message, TOKEN)).to.equal(false);
		});

		it("makes no request at all without a URL and token", () => {
			const transport = createScriptedTransport();
			for (const connection of [{ canvasBaseUrl: "" }, { canvasToken: "" }]) {
				const err = failure(client(transport, connection).listCourses());
				expect(err.code).to.equal("not_configured");
				expect(contains(err.message, "Settings → Canvas (LMS)")).to.equal(true);
			}
			expect(transport.requests.size()).to.equal(0);
			expect(client(transport, { canvasToken: "" }).configured()).to.equal(false);
			expect(client(transport).configured()).to.equal(true);
		});

		it("checks page slugs before making a request", () => {
			const transport = createScriptedTransport();
			expect(failure(client(transport).getPage(101, "../users/self")).code).to.equal("bad_argument");
			expect(transport.requests.size()).to.equal(0);
		});
	});

	// The fake Canvas (tests/studio/host/fake-canvas.ts) runs with `--http-fixture`; its address and
	// token are attributes of HttpService.
	const HttpService = game.GetService("HttpService");
	const canvasUrl = HttpService.GetAttribute("CanvasUrl");
	const canvasToken = HttpService.GetAttribute("CanvasToken");
	const refusedUrl = HttpService.GetAttribute("RefusedUrl");

	describe("against the fake Canvas over real HTTP", () => {
		if (!typeIs(canvasUrl, "string") || !typeIs(canvasToken, "string") || !typeIs(refusedUrl, "string")) {
			itSKIP("needs the fake Canvas: run the specs with --http-fixture", () => {});
			return;
		}
		const transport = createHttpTransport();
		const client = (connection?: Partial<CanvasConnection>, maxPages?: number) =>
			new CanvasClient({
				transport,
				connection: () => ({ canvasBaseUrl: canvasUrl, canvasToken, ...(connection ?? {}) }),
				retry: QUICK_RETRY,
				random: () => 0.5,
				maxPages,
				timeout: 5,
			});
		/** What the fake received so far. */
		const received = () => {
			const response = transport.request({ url: `${canvasUrl}/__requests`, method: "GET" });
			const decoded = decodeJson(response.body);
			if (!decoded.ok) throw decoded.message;
			return decoded.value as Array<{ host: string; path: string; query: string; bearer: boolean; tokenMatched: boolean }>;
		};

		it("reads who the token belongs to", () => {
			expect(ok(client().self()).name).to.equal("Ms. Rivera");
		});

		it("lists the teacher's courses through several pages of Link headers", () => {
			const before = received().size();
			const courses = ok(client().listCourses());
			expect(courses.items.map((course) => course.id).join(",")).to.equal("101,102,103,105,106");
			expect(courses.truncated).to.equal(false);
			const requests = received();
			expect(requests.size() - before).to.equal(2); // two pages: the fake caps per_page at 3 (it does not record /__requests)
			const first = requests[before];
			expect(first.path).to.equal("/api/v1/courses");
			expect(contains(first.query, "per_page=100")).to.equal(true);
			expect(first.tokenMatched).to.equal(true);
		});

		it("reads a course's modules with items, pages with bodies, one page, and assignments", () => {
			const canvas = client();
			expect(ok(canvas.getCourse(101)).name).to.equal("Grade 5 Math: Fractions");
			const modules = ok(canvas.listModules(101)).items;
			expect(modules.size()).to.equal(4);
			expect(modules[0].items!.size()).to.equal(3);
			expect(modules[0].items![1].page_url).to.equal("parts-of-a-whole");
			expect(modules[3].name).to.equal("Wrap-up");
			const pages = ok(canvas.listPages(101)).items;
			expect(pages.size()).to.equal(7);
			expect(contains(pages.find((p) => p.url === "parts-of-a-whole")!.body!, "denominator")).to.equal(true);
			expect(ok(canvas.getPage(101, "unit-review")).title).to.equal("Unit Review");
			const assignments = ok(canvas.listAssignments(101)).items;
			expect(assignments.size()).to.equal(6);
			expect(assignments[0].due_at).to.equal("2026-12-01T23:59:00Z");
			expect(assignments[3].due_at).to.equal(undefined);
			expect(assignments[3].description).to.equal(undefined);
		});

		it("maps Canvas's failures to what the teacher can do", () => {
			const unauthorized = failure(client({ canvasToken: "7~wrong" }).self());
			expect(unauthorized.code).to.equal("unauthorized");
			expect(unauthorized.status).to.equal(401);
			expect(contains(unauthorized.message, "New access token")).to.equal(true);
			expect(contains(unauthorized.message, "7~wrong")).to.equal(false);
			expect(failure(client().getCourse(403)).code).to.equal("forbidden");
			const missing = failure(client().getCourse(999999));
			expect(missing.code).to.equal("not_found");
			expect(contains(missing.message, "course 999999")).to.equal(true);
			expect(failure(client().listModules(500)).code).to.equal("server_error");
			const html = failure(client().getCourse(200));
			expect(html.code).to.equal("bad_response");
			expect(contains(html.message, "<!DOCTYPE html>")).to.equal(true);
			expect(failure(client({ canvasBaseUrl: refusedUrl }).self()).code).to.equal("unreachable");
		});

		it("retries Canvas's '403 Forbidden (Rate Limit Exceeded)' and reports it when it lasts", () => {
			expect(ok(client().getCourse(430)).id).to.equal(430);
			const before = received().size();
			const limited = failure(client().getCourse(429));
			expect(limited.code).to.equal("rate_limited");
			expect(received().size() - before).to.equal(QUICK_RETRY.maxAttempts);
		});

		it("refuses a next link to another origin: nothing reaches it, with or without the token", () => {
			const before = received().size();
			const err = failure(client().listModules(666));
			expect(err.code).to.equal("foreign_link");
			const after = received();
			for (let i = before; i < after.size(); i++) {
				expect(string.find(after[i].host, "^127%.0%.0%.1:")[0] !== undefined).to.equal(true);
			}
			expect(after.size() - before).to.equal(1);
		});

		it("reads at most maxPages pages of a long list", () => {
			const list = ok(client(undefined, 3).listAssignments(900));
			expect(list.items.size()).to.equal(9);
			expect(list.truncated).to.equal(true);
		});
	});
};
