/**
 * Scrubs secrets out of text before it leaves the proxy (responses, stream error frames, logs).
 *
 * Two layers: the exact secret values this request knows about (configured keys, tokens, the caller's own
 * provider key), and patterns for key-like strings an upstream might echo back that the proxy never saw
 * (other `sk-…` keys, bearer credentials, `api_key=…`). Redaction is the last line of defence; the first is
 * never putting a key into a message at all.
 */

const REDACTED = "[redacted]";

/** Values shorter than this are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** Returns `text` with every known secret and key-like token replaced by "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
	let out = text;
	const known = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
	for (const secret of known) out = out.split(secret).join(REDACTED);
	return out
		.replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`)
		.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, REDACTED)
		.replace(/\b(x-api-key|api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)(?!Bearer )[^\s"',;&]+/gi, `$1$2${REDACTED}`);
}
