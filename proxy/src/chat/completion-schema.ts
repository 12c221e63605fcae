/**
 * zod schemas for what the provider sends back: a chat completion, or one streamed chunk.
 *
 * Loose on purpose: providers add their own fields (`system_fingerprint`, `usage` details, reasoning text)
 * and the proxy passes them through untouched. What is checked is what the plugin relies on: the choices,
 * their messages or deltas, and tool calls with string arguments. A response that fails this is the
 * provider's fault and becomes 502 `provider_bad_response`, not a crash in the plugin.
 */
import { z } from "zod";

const toolCall = z.looseObject({
	id: z.string(),
	type: z.literal("function"),
	function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

const usage = z.looseObject({
	prompt_tokens: z.number(),
	completion_tokens: z.number(),
	total_tokens: z.number(),
});

export const completionSchema = z.looseObject({
	id: z.string(),
	object: z.literal("chat.completion").optional(),
	created: z.number().optional(),
	model: z.string().optional(),
	choices: z.array(
		z.looseObject({
			index: z.number().int(),
			message: z.looseObject({
				role: z.literal("assistant"),
				content: z.string().nullish(),
				tool_calls: z.array(toolCall).nullish(),
			}),
			finish_reason: z.string().nullish(),
		}),
	),
	usage: usage.nullish(),
});

const toolCallDelta = z.looseObject({
	index: z.number().int().optional(),
	id: z.string().nullish(),
	type: z.literal("function").nullish(),
	function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const chunkChoice = z.looseObject({
	index: z.number().int(),
	delta: z
		.looseObject({
			role: z.string().nullish(),
			content: z.string().nullish(),
			tool_calls: z.array(toolCallDelta).nullish(),
		})
		.optional(),
	finish_reason: z.string().nullish(),
});

/** `choices` may be empty (OpenAI's final usage chunk) or, with some providers, absent. */
export const chunkSchema = z.looseObject({
	choices: z.array(chunkChoice).optional(),
	usage: usage.nullish(),
});
