/**
 * Structured logging for the proxy: one JSON line per event, redacted.
 *
 * Workers Logs and `wrangler tail` index JSON lines, so events are objects, not prose. Every string field
 * passes through `redactSecrets` with the request's known secrets, which is what lets the tests assert that
 * no key ever reaches a log.
 */
import { redactSecrets } from "./redact";

export type LogLevel = "info" | "warn" | "error";

export type LogFields = Record<string, string | number | boolean | undefined>;

/** Writes one redacted JSON log line at `level`. */
export function logEvent(level: LogLevel, event: string, fields: LogFields, secrets: readonly string[] = []): void {
	const record: Record<string, string | number | boolean> = { level, event };
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		record[key] = typeof value === "string" ? redactSecrets(value, secrets) : value;
	}
	const line = JSON.stringify(record);
	if (level === "error") console.error(line);
	else if (level === "warn") console.warn(line);
	else console.log(line);
}
