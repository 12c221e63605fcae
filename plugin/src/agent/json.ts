/**
 * JSON for the agent: HttpService's encoder and decoder (no request is made; net/ stays the only
 * module that talks HTTP), wrapped so a value that cannot be encoded or a text that does not parse is
 * an error value, never a thrown error inside the loop.
 */
import { HttpService } from "@rbxts/services";

/** JSON text of a value, or why it cannot be encoded (cycles, invalid UTF-8, functions). */
export function encodeJson(
	value: unknown,
): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string } {
	const [ok, result] = pcall(() => HttpService.JSONEncode(value));
	if (!ok) return { ok: false, message: `cannot encode as JSON: ${tostring(result)}` };
	return { ok: true, text: result as string };
}

/** The value of a JSON text, or why it does not parse. */
export function decodeJson(
	text: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string } {
	const [ok, result] = pcall(() => HttpService.JSONDecode(text));
	if (!ok) return { ok: false, message: `not valid JSON: ${tostring(result)}` };
	return { ok: true, value: result };
}
