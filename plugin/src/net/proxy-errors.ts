/**
 * Turns everything that can go wrong between the plugin and the proxy into a `ChatError` a user can
 * act on, plus whether trying again could help.
 *
 * The proxy's own messages are written for people ("Model "x" is not allowed on this proxy.
 * Allowed: a, b."), so they are passed on, with what to change in Vector's settings added where the
 * fix is on the user's side. Internal detail (status, proxy code, request id, Studio's raw error) is
 * kept in `detail`, apart from the message. Retrying is only offered for failures that can pass on
 * their own: 429, a connection that failed, 5xx other than the proxy's misconfigurations and
 * timeouts (the proxy has already retried its provider, and a model call that timed out would most
 * likely time out again while costing tokens).
 *
 * A failure behind the proxy is told as one: the proxy's error code says whether its model provider
 * (or the Creator Store) could not be reached, is rate limiting, or answered garbage, so the message
 * names the provider, not the proxy. A stream refused before it opened gives Studio only a status
 * (WebStreamClient's Error event has no body); the proxy answers 502 and 504 only for its upstream
 * (proxy/src/chat/provider-errors.ts), so those statuses alone still name the upstream.
 */
import { ChatError, ChatErrorCode } from "./chat-client";
import { HttpResponse, TransportError } from "./http-transport";
import { decodeJson } from "./json";
import { parseRetryAfter } from "./retry-policy";
import { isWireErrorBody } from "./wire-types";

/** A failed exchange: the error to report, and whether the same request may succeed later. */
export interface Failure {
	readonly error: ChatError;
	readonly retriable: boolean;
}

/** Proxy codes that say the setup is wrong: the same request fails the same way until someone fixes it. */
const SETUP_CODES = new Set([
	"config_invalid",
	"provider_not_configured",
	"provider_auth_failed",
	"catalog_auth_failed",
	"provider_rejected",
]);

/** Proxy codes for an upstream that was too slow. */
const TIMEOUT_CODES = new Set(["provider_timeout", "catalog_timeout"]);

/** The HTTP status the proxy gives each code, for error events inside a stream (which carry no status). */
const STATUS_OF_CODE = new Map<string, number>([
	["invalid_json", 400],
	["invalid_request", 400],
	["provider_rejected", 400],
	["unauthorized", 401],
	["loopback_only", 403],
	["model_not_allowed", 403],
	["provider_not_allowed", 403],
	["payload_too_large", 413],
	["rate_limited", 429],
	["provider_rate_limited", 429],
	["catalog_rate_limited", 429],
	["config_invalid", 500],
	["internal_error", 500],
	["provider_not_configured", 503],
	["provider_timeout", 504],
	["catalog_timeout", 504],
]);

const SETTINGS = "Vector's settings";

/** What stands behind the proxy on each route, for "the model provider failed". */
const UPSTREAM_OF_ROUTE = new Map<string, string>([
	["/v1/chat/completions", "the model provider"],
	["/v1/assets/search", "the Creator Store search"],
]);

/**
 * The message for a failure of the proxy's upstream (`upstream`: "the model provider"), from the
 * proxy's code when there is one, else from the status (502: it failed, 504: it was too slow).
 * Undefined when neither says the upstream failed.
 */
function upstreamMessage(upstream: string, status: number, code: string | undefined, said: string | undefined): string | undefined {
	const Upstream = `${upstream.sub(1, 1).upper()}${upstream.sub(2)}`;
	const again = "Try again; if it keeps failing, check the proxy's log.";
	switch (code) {
		case "provider_unreachable":
		case "catalog_unreachable":
			return `The Vector proxy could not reach ${upstream}. ${again}`;
		case "provider_bad_response":
		case "catalog_bad_response":
			return `${Upstream} answered the Vector proxy with something that is not a valid reply. ${again}`;
		case "provider_error":
		case "catalog_error":
			// The proxy's own words already name its upstream ("The model provider failed (HTTP 500).").
			return said ?? `${Upstream} failed behind the Vector proxy. ${again}`;
		case "provider_timeout":
		case "catalog_timeout":
			return said ?? `${Upstream} did not answer the Vector proxy in time.`;
		case undefined:
			if (status === 502) return `${Upstream} failed behind the Vector proxy (HTTP 502). ${again}`;
			if (status === 504) return `${Upstream} did not answer the Vector proxy in time (HTTP 504).`;
			return undefined;
		default:
			return undefined;
	}
}

/** Whether `url`'s host is this machine (then the proxy is the one `npm start` runs). */
export function isLoopbackUrl(url: string): boolean {
	const lower = url.lower();
	const [bracketed] = string.match(lower, "^%a+://%[([^%]]*)%]");
	const host = (bracketed ?? string.match(lower, "^%a+://([^/:]*)")[0]) as string | undefined;
	if (host === undefined) return false;
	return host === "localhost" || host === "::1" || host.sub(1, 4) === "127.";
}

/** "Can't reach the Vector proxy at URL — …": what to check depends on where the proxy runs. */
function unreachableMessage(proxyUrl: string): string {
	return isLoopbackUrl(proxyUrl)
		? `Can't reach the Vector proxy at ${proxyUrl} — is \`npm start\` running?`
		: `Can't reach the Vector proxy at ${proxyUrl} — check the proxy URL in ${SETTINGS} and your internet connection.`;
}

function sentence(text: string): string {
	const trimmed = text.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
	const last = trimmed.sub(-1);
	return last === "." || last === "!" || last === "?" ? trimmed : `${trimmed}.`;
}

function failure(code: ChatErrorCode, message: string, retriable: boolean, detail: string, retryAfter?: number): Failure {
	return { error: { code, message, detail, retryAfter }, retriable };
}

/**
 * The failure for a proxy answer with `status` (not 2xx). `code` and `proxyMessage` come from the
 * proxy's error body when there was one; `route` names the endpoint, for "nothing answers there".
 */
export function failureFromStatus(
	proxyUrl: string,
	route: string,
	status: number,
	code?: string,
	proxyMessage?: string,
	retryAfter?: number,
	requestId?: string,
): Failure {
	const detail = `HTTP ${status}${code !== undefined ? ` ${code}` : ""}${requestId !== undefined ? `, request id ${requestId}` : ""}`;
	const said = proxyMessage !== undefined ? sentence(proxyMessage) : undefined;
	const upstream = UPSTREAM_OF_ROUTE.get(route);
	if (status === 429) {
		const wait = retryAfter !== undefined ? ` Try again in ${math.max(1, math.ceil(retryAfter))} s.` : " Try again in a minute.";
		let who = "The Vector proxy is limiting requests.";
		if (code === "provider_rate_limited" || code === "catalog_rate_limited") {
			who = `${upstream ?? "The service behind the Vector proxy"} is rate limiting the Vector proxy.`;
			who = `${who.sub(1, 1).upper()}${who.sub(2)}`;
		} else if (code === "rate_limited") {
			who = said ?? who;
		} else if (code === undefined && upstream !== undefined) {
			// A stream's refusal has no body: the limit may be the proxy's or its upstream's.
			who = `The Vector proxy or ${upstream} is limiting requests.`;
		} else if (said !== undefined) {
			who = said;
		}
		return failure("rate_limited", `${who}${wait}`, true, detail, retryAfter);
	}
	if (status === 401) {
		if (code === "provider_auth_failed") {
			return failure("rejected", `${said} Check the provider key in ${SETTINGS}.`, false, detail);
		}
		return failure(
			"rejected",
			`The Vector proxy at ${proxyUrl} refused the token${said !== undefined ? `: ${said}` : "."} Set the token in ${SETTINGS} to one of the proxy's VECTOR_TOKENS.`,
			false,
			detail,
		);
	}
	if (status === 403) {
		if (code === "model_not_allowed") {
			return failure("rejected", `${said} Pick one of them in ${SETTINGS}, or leave the model empty for the proxy's default.`, false, detail);
		}
		if (code === "loopback_only") {
			return failure("rejected", `${said} Set a token in ${SETTINGS} (the proxy needs VECTOR_TOKENS).`, false, detail);
		}
		if (code === "provider_not_allowed") {
			return failure("rejected", `${said} Clear the provider URL and key in ${SETTINGS}, or ask the proxy's owner to allow it.`, false, detail);
		}
		return failure("rejected", said ?? `The Vector proxy at ${proxyUrl} refused the request (HTTP 403).`, false, detail);
	}
	if (status === 404 || status === 405) {
		return failure(
			"rejected",
			`Nothing at ${proxyUrl} answers like a Vector proxy (HTTP ${status} for ${route}). Check the proxy URL in ${SETTINGS}.`,
			false,
			detail,
		);
	}
	if (status === 413) {
		return failure("rejected", `${said ?? "The request is too large for the proxy."} Start a new task to shorten the conversation.`, false, detail);
	}
	if (status >= 500) {
		if (code !== undefined && SETUP_CODES.has(code)) return failure("rejected", said!, false, detail);
		const retriable = code === undefined || !TIMEOUT_CODES.has(code);
		const behind = upstream !== undefined ? upstreamMessage(upstream, status, code, said) : undefined;
		return failure(
			"upstream_error",
			behind ?? said ?? `The Vector proxy at ${proxyUrl} failed (HTTP ${status}). Try again; if it keeps failing, check the proxy's log.`,
			retriable,
			detail,
			retryAfter,
		);
	}
	return failure("rejected", said ?? `The Vector proxy at ${proxyUrl} refused the request (HTTP ${status}).`, false, detail);
}

/** The failure for a non-2xx `response`, reading the proxy's error body when it sent one. */
export function failureFromResponse(proxyUrl: string, route: string, response: HttpResponse): Failure {
	let code: string | undefined;
	let message: string | undefined;
	const decoded = decodeJson(response.body);
	if (decoded.ok && isWireErrorBody(decoded.value)) {
		code = decoded.value.error.code;
		message = decoded.value.error.message;
	}
	return failureFromStatus(
		proxyUrl,
		route,
		response.status,
		code,
		message,
		parseRetryAfter(response.headers.get("retry-after")),
		response.headers.get("x-request-id"),
	);
}

/** The failure for an error event inside a stream (`data: {"error": …}`), which has no status of its own. */
export function failureFromStreamError(proxyUrl: string, route: string, code: string, message: string): Failure {
	const status = STATUS_OF_CODE.get(code) ?? (code.sub(1, 9) === "provider_" || code.sub(1, 8) === "catalog_" ? 502 : 500);
	return failureFromStatus(proxyUrl, route, status, code, message);
}

/** The failure for a request that got no HTTP answer at all. `timeout` is the limit that passed, in seconds. */
export function failureFromTransport(proxyUrl: string, err: TransportError, timeout: number): Failure {
	const detail = err.message;
	switch (err.kind) {
		case "timeout":
			return failure("proxy_unreachable", `The Vector proxy at ${proxyUrl} did not answer within ${timeout} s.`, false, detail);
		case "refused":
			return failure(
				"rejected",
				`Studio refused to send the request to ${proxyUrl}: ${sentence(err.message)} Check the proxy URL in ${SETTINGS}.`,
				false,
				detail,
			);
		case "budget":
			return failure(
				"http_budget",
				"Studio's HTTP budget for this session (500 requests a minute, shared by all plugins) is spent. Wait a minute and try again.",
				false,
				detail,
				60,
			);
		default:
			return failure("proxy_unreachable", unreachableMessage(proxyUrl), true, detail);
	}
}

/** The failure for a 2xx answer that is not what the route promises (`what`: e.g. "a chat completion"). */
export function badResponse(proxyUrl: string, what: string, body: string): Failure {
	const excerpt = body.size() > 200 ? `${body.sub(1, 200)}…` : body;
	return failure(
		"bad_response",
		`The server at ${proxyUrl} sent something that is not ${what}. Check that the proxy URL in ${SETTINGS} points at a Vector proxy.`,
		false,
		`unexpected body: ${excerpt}`,
	);
}

/** The failure of a stream the server cut before the reply was complete. */
export function streamCut(proxyUrl: string): Failure {
	return failure(
		"upstream_error",
		`The answer from the Vector proxy at ${proxyUrl} stopped before it was complete. Try again.`,
		true,
		"stream closed without [DONE]",
	);
}

/** The failure of a stream whose connection broke after it opened (`detail`: Studio's message). */
export function streamBroken(proxyUrl: string, detail: string): Failure {
	return failure("upstream_error", `The connection to the Vector proxy at ${proxyUrl} broke in the middle of an answer. Try again.`, true, detail);
}

/** The failure of a stream that went silent for `seconds`. */
export function streamSilent(proxyUrl: string, seconds: number): Failure {
	return failure("upstream_error", `The Vector proxy at ${proxyUrl} went silent for ${seconds} s in the middle of an answer.`, false, "stream idle timeout");
}

/** The failure of a request the caller cancelled. */
export function cancelled(): Failure {
	return failure("cancelled", "Stopped.", false, "cancelled by the caller");
}
