/**
 * The wire protocol between the Studio plugin and the Vector proxy.
 *
 * Both sides compile this file: the proxy with tsc, the plugin with roblox-ts. It therefore holds type
 * declarations only (no runtime values, no imports) and avoids `null` (JSON null arrives in Luau as nil, so
 * fields the OpenAI wire format may send as null are declared optional here). The proxy's zod schemas are
 * checked against these types at compile time, so the two cannot drift.
 */

// ---------------------------------------------------------------------------------------------------------
// Errors: every non-2xx response from the proxy has this body (OpenAI's error shape).
// ---------------------------------------------------------------------------------------------------------

/** Machine-readable error codes the proxy emits. Clients should branch on these, not on messages. */
export type ProxyErrorCode =
	| "invalid_json"
	| "invalid_request"
	| "unauthorized"
	| "loopback_only"
	| "model_not_allowed"
	| "provider_not_allowed"
	| "provider_not_configured"
	| "payload_too_large"
	| "rate_limited"
	| "not_found"
	| "method_not_allowed"
	| "config_invalid"
	| "provider_error"
	| "provider_rejected"
	| "provider_auth_failed"
	| "provider_rate_limited"
	| "provider_timeout"
	| "provider_unreachable"
	| "provider_bad_response"
	| "catalog_error"
	| "catalog_auth_failed"
	| "catalog_rate_limited"
	| "catalog_timeout"
	| "catalog_unreachable"
	| "catalog_bad_response"
	| "internal_error";

/** OpenAI-style error `type`, derived from the HTTP status. */
export type ProxyErrorType =
	| "invalid_request_error"
	| "authentication_error"
	| "permission_error"
	| "rate_limit_error"
	| "api_error";

export interface ProxyErrorBody {
	error: {
		code: ProxyErrorCode;
		/** A message a user can act on. Never contains keys or internal detail. */
		message: string;
		type?: ProxyErrorType;
	};
}

// ---------------------------------------------------------------------------------------------------------
// GET /v1/health
// ---------------------------------------------------------------------------------------------------------

export interface HealthResponse {
	status: "ok";
	/** Proxy version (package.json of the repository). */
	version: string;
	provider: {
		/** True when the proxy's own provider (OPENAI_BASE_URL / OPENAI_API_KEY) and VECTOR_MODELS are set. */
		configured: boolean;
		/** The model allow-list; the first entry is the default. Empty when VECTOR_MODELS is unset. */
		models: string[];
		defaultModel?: string;
		/** True when callers may bring their own key for an allow-listed base URL. */
		bringYourOwnKey: boolean;
	};
	catalog: {
		/** True when ROBLOX_API_KEY is set (Open Cloud search); false means the public toolbox endpoints. */
		keyConfigured: boolean;
	};
}

// ---------------------------------------------------------------------------------------------------------
// GET /v1/assets/search?query=&tags=&limit=
// ---------------------------------------------------------------------------------------------------------

/** Values accepted in `tags` (comma-separated). Each names a Creator Store category; at most one category. */
export type AssetSearchTag =
	| "model"
	| "models"
	| "audio"
	| "sound"
	| "music"
	| "decal"
	| "decals"
	| "image"
	| "texture"
	| "mesh"
	| "meshes"
	| "meshpart"
	| "plugin"
	| "plugins"
	| "video"
	| "videos"
	| "font"
	| "fonts";

/** Creator Store asset categories, as named by Roblox's `searchCategoryType`. */
export type AssetCategory = "Model" | "Audio" | "Decal" | "MeshPart" | "Plugin" | "Video" | "FontFamily";

export interface AssetSearchResult {
	/** Asset id, for `game:GetObjects("rbxassetid://" .. id)`. */
	id: number;
	name: string;
	/** Creator display name. */
	creator: string;
	/** Asset type name, e.g. "Model", "Audio", "Decal". */
	type: string;
	/** `rbxthumb://type=Asset&id=ID&w=150&h=150`, shown by an ImageLabel without any HTTP request. */
	thumbnailUrl: string;
}

export interface AssetSearchResponse {
	results: AssetSearchResult[];
}

// ---------------------------------------------------------------------------------------------------------
// POST /v1/chat/completions: the subset of OpenAI's chat completions an agent needs.
// ---------------------------------------------------------------------------------------------------------

export interface ChatTextPart {
	type: "text";
	text: string;
}

export type ChatContent = string | ChatTextPart[];

export interface ChatToolCall {
	id: string;
	type: "function";
	function: {
		name: string;
		/** JSON text, exactly as the model produced it (may be invalid JSON: validate before use). */
		arguments: string;
	};
}

export interface ChatSystemMessage {
	role: "system";
	content: ChatContent;
	name?: string;
}

export interface ChatUserMessage {
	role: "user";
	content: ChatContent;
	name?: string;
}

export interface ChatAssistantMessage {
	role: "assistant";
	content?: ChatContent;
	tool_calls?: ChatToolCall[];
	name?: string;
}

export interface ChatToolMessage {
	role: "tool";
	content: ChatContent;
	tool_call_id: string;
}

export type ChatMessage = ChatSystemMessage | ChatUserMessage | ChatAssistantMessage | ChatToolMessage;

export interface ChatTool {
	type: "function";
	function: {
		name: string;
		description?: string;
		/** JSON Schema of the arguments. */
		parameters?: Record<string, unknown>;
		strict?: boolean;
	};
}

export type ChatToolChoice = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

export interface ChatCompletionRequest {
	/** Omit to use the proxy's default model (the first of VECTOR_MODELS). */
	model?: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	tool_choice?: ChatToolChoice;
	parallel_tool_calls?: boolean;
	temperature?: number;
	max_tokens?: number;
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

export interface ChatUsage {
	prompt_tokens: number;
	completion_tokens: number;
	total_tokens: number;
}

export interface ChatCompletionChoice {
	index: number;
	message: {
		role: "assistant";
		content?: string;
		tool_calls?: ChatToolCall[];
		refusal?: string;
	};
	/** "stop" | "length" | "tool_calls" | "content_filter" (providers may add others). */
	finish_reason?: string;
}

export interface ChatCompletionResponse {
	id: string;
	object: "chat.completion";
	created: number;
	model: string;
	choices: ChatCompletionChoice[];
	usage?: ChatUsage;
}

/** A tool call fragment inside a streamed delta: `arguments` arrive in pieces, joined by `index`. */
export interface ChatToolCallDelta {
	index: number;
	id?: string;
	type?: "function";
	function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunk {
	id: string;
	object: "chat.completion.chunk";
	created: number;
	model: string;
	choices: {
		index: number;
		delta: { role?: "assistant"; content?: string; tool_calls?: ChatToolCallDelta[]; refusal?: string };
		finish_reason?: string;
	}[];
	usage?: ChatUsage;
}
