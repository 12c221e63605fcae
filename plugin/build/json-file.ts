// Reads the JSON files of a Rojo project (project, meta, model and data files). Rojo accepts comments and
// trailing commas in them (JSONC), so a plain JSON.parse would reject projects Rojo builds; the TypeScript
// compiler's JSON reader accepts exactly that dialect and reports errors with a position.

import ts from "typescript";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses JSON-with-comments text; `file` is only used in error messages. */
export function parseJsonc(text: string, file: string): Json {
	if (text.trim() === "") throw new Error(`${file}: invalid JSON: the file is empty`);
	const source = ts.parseJsonText(file, text);
	const errors: ts.Diagnostic[] = [
		...((source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []),
	];
	const value = ts.convertToObject(source, errors) as Json;
	const error = errors[0];
	if (error !== undefined) {
		const message = ts.flattenDiagnosticMessageText(error.messageText, "\n");
		const at = error.start === undefined ? undefined : source.getLineAndCharacterOfPosition(error.start);
		throw new Error(`${file}${at === undefined ? "" : `:${at.line + 1}:${at.character + 1}`}: invalid JSON: ${message}`);
	}
	return value;
}

/** Whether a JSON value is a plain object (not an array, not null). */
export function isJsonObject(value: Json | undefined): value is { [key: string]: Json } {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
