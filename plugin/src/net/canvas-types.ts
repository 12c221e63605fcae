/**
 * The shapes the plugin reads from the Canvas LMS REST API (`/api/v1/…`), declared once as @rbxts/t
 * validators, so a Canvas answer that reaches a tool has been checked.
 *
 * Only the fields Vector uses are declared, and the checks are loose about everything else (Canvas
 * adds fields over time and installs differ). JSON `null` arrives in Luau as nil, so Canvas's many
 * nullable fields (`due_at`, `points_possible`, `description`, `body`) are optional here.
 * Identifiers are numbers: Canvas sends them as JSON numbers unless the client asks for
 * `Accept: application/json+canvas-string-ids`, which Vector never does.
 */
import { t } from "@rbxts/t";

/** `GET /api/v1/users/self`. */
export interface CanvasUser {
	readonly id: number;
	readonly name: string;
}

/** A course (`GET /api/v1/courses`, `GET /api/v1/courses/:id`). */
export interface CanvasCourse {
	readonly id: number;
	readonly name: string;
	readonly course_code?: string;
	readonly workflow_state?: string;
}

/** One entry of a module (`include[]=items`): a page, assignment, quiz, file, link, header… */
export interface CanvasModuleItem {
	readonly id: number;
	readonly title: string;
	/** File, Page, Discussion, Assignment, Quiz, SubHeader, ExternalUrl or ExternalTool. */
	readonly type: string;
	readonly position?: number;
	readonly indent?: number;
	/** For a Page: its URL slug, which `/pages/:url` takes. */
	readonly page_url?: string;
	readonly content_id?: number;
	readonly external_url?: string;
}

/** A module (`GET /api/v1/courses/:id/modules?include[]=items`). */
export interface CanvasModule {
	readonly id: number;
	readonly name: string;
	readonly position?: number;
	readonly items_count?: number;
	/** Absent when the module has too many items to inline (Canvas then leaves them to `items_url`). */
	readonly items?: ReadonlyArray<CanvasModuleItem>;
}

/** A wiki page; `body` (HTML) comes with `GET …/pages/:url`, or in a list asked with `include[]=body`. */
export interface CanvasPage {
	readonly url: string;
	readonly title: string;
	readonly page_id?: number;
	readonly published?: boolean;
	readonly front_page?: boolean;
	readonly body?: string;
}

/** An assignment (`GET /api/v1/courses/:id/assignments`); `description` is HTML. */
export interface CanvasAssignment {
	readonly id: number;
	readonly name: string;
	readonly description?: string;
	/** ISO 8601, e.g. "2026-12-01T23:59:00Z"; absent when there is no due date. */
	readonly due_at?: string;
	readonly points_possible?: number;
	readonly position?: number;
	readonly published?: boolean;
}

export const isCanvasUser: t.check<CanvasUser> = t.interface({ id: t.number, name: t.string });

export const isCanvasCourse: t.check<CanvasCourse> = t.interface({
	id: t.number,
	name: t.string,
	course_code: t.optional(t.string),
	workflow_state: t.optional(t.string),
});

export const isCanvasModuleItem: t.check<CanvasModuleItem> = t.interface({
	id: t.number,
	title: t.string,
	type: t.string,
	position: t.optional(t.number),
	indent: t.optional(t.number),
	page_url: t.optional(t.string),
	content_id: t.optional(t.number),
	external_url: t.optional(t.string),
});

export const isCanvasModule: t.check<CanvasModule> = t.interface({
	id: t.number,
	name: t.string,
	position: t.optional(t.number),
	items_count: t.optional(t.number),
	items: t.optional(t.array(isCanvasModuleItem)),
});

export const isCanvasPage: t.check<CanvasPage> = t.interface({
	url: t.string,
	title: t.string,
	page_id: t.optional(t.number),
	published: t.optional(t.boolean),
	front_page: t.optional(t.boolean),
	body: t.optional(t.string),
});

export const isCanvasAssignment: t.check<CanvasAssignment> = t.interface({
	id: t.number,
	name: t.string,
	description: t.optional(t.string),
	due_at: t.optional(t.string),
	points_possible: t.optional(t.number),
	position: t.optional(t.number),
	published: t.optional(t.boolean),
});
