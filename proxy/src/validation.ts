/**
 * Turns caller input into typed values or a 400, never a 500.
 *
 * Every route validates through here, so malformed JSON and schema violations produce the same
 * `invalid_json` / `invalid_request` errors with a message naming the offending field.
 */
import type { z } from "zod";
import { ProxyError } from "./errors";

/** At most this many issues are listed in one message. */
const MAX_LISTED_ISSUES = 3;

/** Reads the request body as JSON and validates it with `schema`. */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
	const text = await request.text();
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ProxyError(400, "invalid_json", "The request body is not valid JSON.");
	}
	return parseOrThrow(schema, value);
}

/** Validates `value` with `schema`; throws `invalid_request` listing the first issues. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	throw new ProxyError(400, "invalid_request", formatIssues(result.error.issues));
}

/** "messages.0.role: Invalid input; temperature: Too big…" */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
	const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
		const path = issue.path.map(String).join(".");
		return path === "" ? issue.message : `${path}: ${issue.message}`;
	});
	const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : "";
	return `Invalid request: ${listed.join("; ")}${more}.`;
}
