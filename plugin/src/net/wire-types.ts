/**
 * Every shape the plugin accepts from the proxy, declared once as an @rbxts/t validator and typed
 * against the shared protocol (shared/src/proxy-api.ts), so a response that reaches the rest of the
 * plugin has been checked and the checks cannot drift from the protocol types.
 *
 * Where the proxy only relays what the provider sent (completions and streamed chunks), the
 * validators follow the proxy's own upstream schemas (proxy/src/chat/completion-schema.ts): loose
 * about what providers differ on (`object`, `created`, `model`, a tool-call delta's `index`, a
 * chunk without `choices`), strict about what the plugin relies on (choices, message text, tool
 * calls with string arguments, usage counts). JSON `null` arrives in Luau as nil, so "nullable" and
 * "optional" are the same here. Errors carry the proxy's `code` as a plain string: a newer proxy
 * may add codes, and its message stays usable.
 */
import { t } from "@rbxts/t";
import {
	AssetSearchResponse,
	AssetSearchResult,
	ChatCompletionChoice,
	ChatCompletionChunk,
	ChatCompletionResponse,
	ChatToolCall,
	ChatToolCallDelta,
	ChatUsage,
	HealthResponse,
} from "../../../shared/src/proxy-api";

/**
 * Keys of the request format whose value is a list, so an empty Luau table under them is sent as
 * `[]` (json.ts; every other empty table is `{}`): the chat request's own lists and JSON Schema's
 * list-valued keywords inside tool parameters.
 */
export const WIRE_LIST_KEYS: ReadonlySet<string> = new Set([
	"messages",
	"tools",
	"tool_calls",
	"content",
	"required",
	"enum",
	"anyOf",
	"oneOf",
	"allOf",
	"prefixItems",
	"examples",
]);

/** The proxy's error body, with `code` widened to any string (see the header). */
export interface WireErrorBody {
	readonly error: { readonly code: string; readonly message: string; readonly type?: string };
}

/** A completion as the proxy relays it: the provider may omit `object`, `created` and `model`. */
export type RelayedCompletion = Omit<ChatCompletionResponse, "object" | "created" | "model"> &
	Partial<Pick<ChatCompletionResponse, "object" | "created" | "model">>;

type ChunkChoice = ChatCompletionChunk["choices"][number];

/**
 * A streamed chunk as the proxy relays it: `choices` may be missing (a final usage chunk), a choice
 * may lack `delta`, and a tool-call fragment may lack `index` (some providers send one call per chunk).
 */
export interface RelayedChunk {
	readonly choices?: ReadonlyArray<
		Pick<ChunkChoice, "index" | "finish_reason"> & {
			readonly delta?: Pick<ChunkChoice["delta"], "content" | "refusal"> & {
				readonly tool_calls?: ReadonlyArray<Partial<ChatToolCallDelta>>;
			};
		}
	>;
	readonly usage?: ChatUsage;
}

const isUsage: t.check<ChatUsage> = t.interface({
	prompt_tokens: t.number,
	completion_tokens: t.number,
	total_tokens: t.number,
});

const isToolCall: t.check<ChatToolCall> = t.interface({
	id: t.string,
	type: t.literal("function"),
	function: t.interface({ name: t.string, arguments: t.string }),
});

const isChoice: t.check<ChatCompletionChoice> = t.interface({
	index: t.integer,
	message: t.interface({
		role: t.literal("assistant"),
		content: t.optional(t.string),
		tool_calls: t.optional(t.array(isToolCall)),
		refusal: t.optional(t.string),
	}),
	finish_reason: t.optional(t.string),
});

/** `{ error: { code, message, type? } }`, the body of every proxy error (and of a stream's error event). */
export const isWireErrorBody: t.check<WireErrorBody> = t.interface({
	error: t.interface({ code: t.string, message: t.string, type: t.optional(t.string) }),
});

/** A non-streamed `POST /v1/chat/completions` answer. */
export const isRelayedCompletion: t.check<RelayedCompletion> = t.interface({
	id: t.string,
	object: t.optional(t.literal("chat.completion")),
	created: t.optional(t.number),
	model: t.optional(t.string),
	choices: t.array(isChoice),
	usage: t.optional(isUsage),
});

const isToolCallDelta: t.check<Partial<ChatToolCallDelta>> = t.interface({
	index: t.optional(t.integer),
	id: t.optional(t.string),
	type: t.optional(t.literal("function")),
	function: t.optional(t.interface({ name: t.optional(t.string), arguments: t.optional(t.string) })),
});

/** One `data:` event of a streamed completion (the `[DONE]` marker and error events aside). */
export const isRelayedChunk: t.check<RelayedChunk> = t.interface({
	choices: t.optional(
		t.array(
			t.interface({
				index: t.integer,
				delta: t.optional(
					t.interface({
						content: t.optional(t.string),
						refusal: t.optional(t.string),
						tool_calls: t.optional(t.array(isToolCallDelta)),
					}),
				),
				finish_reason: t.optional(t.string),
			}),
		),
	),
	usage: t.optional(isUsage),
});

/** `GET /v1/health`. */
export const isHealthResponse: t.check<HealthResponse> = t.interface({
	status: t.literal("ok"),
	version: t.string,
	provider: t.interface({
		configured: t.boolean,
		models: t.array(t.string),
		defaultModel: t.optional(t.string),
		bringYourOwnKey: t.boolean,
	}),
	catalog: t.interface({ keyConfigured: t.boolean }),
});

const isAssetSearchResult: t.check<AssetSearchResult> = t.interface({
	id: t.integer,
	name: t.string,
	creator: t.string,
	type: t.string,
	thumbnailUrl: t.string,
});

/** `GET /v1/assets/search`. */
export const isAssetSearchResponse: t.check<AssetSearchResponse> = t.interface({
	results: t.array(isAssetSearchResult),
});
