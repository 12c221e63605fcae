/**
 * The fake Canvas itself: that it speaks what Canvas documents (bearer auth, Link pagination with
 * absolute URLs and every parameter kept, per_page capped, Canvas's error bodies and throttling
 * answer), so the plugin specs that run against it test the client against the real wire format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeCanvas, type FakeCanvas } from "./fake-canvas.js";

let canvas: FakeCanvas;
beforeAll(async () => {
	canvas = await startFakeCanvas();
});
afterAll(async () => {
	await canvas.close();
});

/** GET with a bearer token (the fake's own unless given; null sends none). */
const get = (path: string, token: string | null = canvas.token) =>
	fetch(`${canvas.url}${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });

/** The rel → URL map of a Link header. */
function links(header: string | null): Record<string, string> {
	const out: Record<string, string> = {};
	for (const match of (header ?? "").matchAll(/<([^>]*)>;\s*rel="([^"]+)"/g)) out[match[2]] = match[1];
	return out;
}

describe("fake Canvas", () => {
	it("refuses requests without the right bearer token, as Canvas does", async () => {
		const missing = await get("/api/v1/users/self", null);
		expect(missing.status).toBe(401);
		expect(await missing.json()).toEqual({ status: "unauthenticated", errors: [{ message: "user authorization required" }] });
		const wrong = await get("/api/v1/users/self", "7~nope");
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get("www-authenticate")).toContain("Bearer");
		expect(await wrong.json()).toEqual({ errors: [{ message: "Invalid access token." }] });
	});

	it("pages a list with absolute Link URLs that keep the query, capping per_page", async () => {
		const first = await get("/api/v1/courses/101/modules?include%5B%5D=items&per_page=100");
		expect(first.status).toBe(200);
		const page1 = (await first.json()) as Array<{ id: number; items: unknown[] }>;
		expect(page1.map((m) => m.id)).toEqual([301, 302, 303]);
		expect(page1[0].items).toHaveLength(3);
		const rel = links(first.headers.get("link"));
		expect(Object.keys(rel).sort()).toEqual(["current", "first", "last", "next"]);
		const next = new URL(rel.next);
		expect(next.origin).toBe(canvas.url);
		expect(next.searchParams.getAll("include[]")).toEqual(["items"]);
		expect(next.searchParams.get("page")).toBe("2");
		const second = await fetch(rel.next, { headers: { Authorization: `Bearer ${canvas.token}` } });
		expect(((await second.json()) as Array<{ id: number }>).map((m) => m.id)).toEqual([304]);
		expect(links(second.headers.get("link")).next).toBeUndefined();
		expect(links(second.headers.get("link")).prev).toBeDefined();
	});

	it("includes page bodies only when asked, as Canvas's include[]=body does", async () => {
		const bare = (await (await get("/api/v1/courses/101/pages")).json()) as Array<Record<string, unknown>>;
		expect(bare[0].body).toBeUndefined();
		const full = (await (await get("/api/v1/courses/101/pages?include[]=body")).json()) as Array<Record<string, unknown>>;
		expect(typeof full[0].body).toBe("string");
	});

	it("misbehaves on the documented courses", async () => {
		const limited = await get("/api/v1/courses/429");
		expect(limited.status).toBe(403);
		expect(await limited.text()).toContain("403 Forbidden (Rate Limit Exceeded)");
		expect((await get("/api/v1/courses/403")).status).toBe(403);
		expect((await get("/api/v1/courses/31337")).status).toBe(404);
		expect((await get("/api/v1/courses/500/modules")).status).toBe(500);
		expect((await get("/api/v1/courses/200")).headers.get("content-type")).toContain("text/html");
		const foreign = links((await get("/api/v1/courses/666/modules?per_page=100")).headers.get("link"));
		expect(new URL(foreign.next).hostname).toBe("localhost");
		expect(new URL(foreign.current).hostname).toBe("127.0.0.1");
	});

	it("records where requests came and whether they carried the token", async () => {
		const before = canvas.requests.length;
		await get("/api/v1/users/self", "7~other");
		const recorded = canvas.requests.slice(before);
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({ path: "/api/v1/users/self", bearer: true, tokenMatched: false });
	});
});
