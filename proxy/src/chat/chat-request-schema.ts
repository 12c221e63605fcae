/**
 * The zod schema of `POST /v1/chat/completions` bodies: OpenAI's wire format, the subset an agent needs.
 *
 * Unknown top-level fields are refused (a caller sending `top_p` learns it is unsupported instead of having
 * it silently dropped); unknown fields inside messages are stripped, because clients echo back assistant
 * messages with extra response-only fields (`refusal`, `annotations`). JSON `null` is accepted wherever
 * OpenAI clients send it for "absent". The output type is checked against the shared protocol type.
 */
import { z } from "zod";
import type { ChatCompletionRequest } from "../../../shared/src/proxy-api";

/** Accepts `null` for an absent optional field and normalizes it to `undefined`. */
function optional<T extends z.ZodType>(schema: T) {
	return schema.nullish().transform((value) => value ?? undefined);
}

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const content = z.union([z.string(), z.array(textPart).min(1)]);

const toolCall = z.object({
	id: z.string().min(1),
	type: z.literal("function"),
	function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

const systemMessage = z.object({ role: z.literal("system"), content, name: optional(z.string()) });
const userMessage = z.object({ role: z.literal("user"), content, name: optional(z.string()) });
const assistantMessage = z
	.object({
		role: z.literal("assistant"),
		content: optional(content),
		tool_calls: optional(z.array(toolCall).min(1)),
		name: optional(z.string()),
	})
	.refine((m) => m.content !== undefined || m.tool_calls !== undefined, {
		message: "an assistant message needs content or tool_calls",
	});
const toolMessage = z.object({ role: z.literal("tool"), content, tool_call_id: z.string().min(1) });

const message = z.discriminatedUnion("role", [systemMessage, userMessage, assistantMessage, toolMessage]);

const tool = z.object({
	type: z.literal("function"),
	function: z.object({
		name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "tool names are 1-64 letters, digits, _ or -"),
		description: optional(z.string()),
		parameters: optional(z.record(z.string(), z.unknown())),
		strict: optional(z.boolean()),
	}),
});

const toolChoice = z.union([
	z.enum(["none", "auto", "required"]),
	z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
]);

export const chatRequestSchema = z
	.strictObject({
		model: optional(z.string().min(1).max(200)),
		messages: z.array(message).min(1).max(5_000),
		tools: optional(z.array(tool).max(128)),
		tool_choice: optional(toolChoice),
		parallel_tool_calls: optional(z.boolean()),
		temperature: optional(z.number().min(0).max(2)),
		max_tokens: optional(z.number().int().min(1).max(1_000_000)),
		stream: optional(z.boolean()),
		stream_options: optional(z.object({ include_usage: optional(z.boolean()) })),
	})
	.superRefine((body, ctx) => {
		const toolNames = new Set((body.tools ?? []).map((t) => t.function.name));
		const choice = body.tool_choice;
		if (choice === "required" && toolNames.size === 0) {
			ctx.addIssue({ code: "custom", path: ["tool_choice"], message: '"required" needs at least one tool' });
		}
		if (typeof choice === "object" && !toolNames.has(choice.function.name)) {
			ctx.addIssue({ code: "custom", path: ["tool_choice"], message: `no tool named "${choice.function.name}"` });
		}
		if (body.stream_options !== undefined && body.stream !== true) {
			ctx.addIssue({ code: "custom", path: ["stream_options"], message: "only allowed with stream: true" });
		}
	}) satisfies z.ZodType<ChatCompletionRequest>;

export type ChatRequest = z.output<typeof chatRequestSchema>;
