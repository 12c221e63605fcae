/**
 * The only module that talks to the model provider, through the official `openai` SDK.
 *
 * The SDK's own retries are off (`maxRetries: 0`) so that `retry.ts` applies one policy to every upstream;
 * its logger is off and its env-reading defaults are pinned, so nothing reaches a log or a provider that the
 * proxy did not choose. Every attempt has a deadline: the whole call for plain completions, the wait for the
 * first byte for streams (after which `sse-stream.ts` enforces an idle limit between chunks).
 */
import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { ProxyError } from "../errors";
import { type RetryPolicy, withRetries } from "../retry";
import type { ChatRequest } from "./chat-request-schema";
import { chunkSchema, completionSchema } from "./completion-schema";
import type { ResolvedProvider } from "./provider";
import { mapProviderError } from "./provider-errors";

export interface ProviderCallOptions {
	provider: ResolvedProvider;
	model: string;
	timeoutMs: number;
	retry: RetryPolicy;
	/** Aborts the upstream call when the caller goes away. */
	signal?: AbortSignal;
}

export interface CompletionStream {
	/** Validated chunks, as the provider sends them. */
	chunks: AsyncIterable<unknown>;
	/** Cancels the upstream request. */
	abort: () => void;
}

/** Placeholder for providers that need no key (Ollama, LM Studio): the SDK insists on one. */
const NO_KEY = "not-needed";

/** Calls the provider for a complete (non-streamed) answer, validated. */
export async function createCompletion(body: ChatRequest, options: ProviderCallOptions): Promise<unknown> {
	const client = makeClient(options);
	const params = { ...toParams(body, options.model), stream: false } as ChatCompletionCreateParamsNonStreaming;
	const completion = await withRetries(
		() =>
			withDeadline(options, async (signal) => {
				// asResponse() + our own JSON parse: the SDK would otherwise return non-JSON bodies as strings.
				const response = await client.chat.completions.create(params, { signal }).asResponse();
				return (await response.json()) as unknown;
			}),
		{ policy: options.retry, signal: options.signal },
	);
	const parsed = completionSchema.safeParse(completion);
	if (!parsed.success) {
		throw new ProxyError(502, "provider_bad_response", "The model provider sent a response that is not a chat completion.", {
			detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
		});
	}
	return parsed.data;
}

/** Opens a streamed answer; resolves once the provider has started answering (headers received). */
export async function openCompletionStream(body: ChatRequest, options: ProviderCallOptions): Promise<CompletionStream> {
	const client = makeClient(options);
	const params = { ...toParams(body, options.model), stream: true } as ChatCompletionCreateParamsStreaming;
	const stream = await withRetries(
		() => withDeadline(options, (signal) => client.chat.completions.create(params, { signal })),
		{ policy: options.retry, signal: options.signal },
	);
	const context = { source: options.provider.source, timedOut: false, timeoutMs: options.timeoutMs };
	async function* validated(): AsyncGenerator<unknown> {
		try {
			for await (const chunk of stream) {
				const parsed = chunkSchema.safeParse(chunk);
				if (!parsed.success) {
					throw new ProxyError(502, "provider_bad_response", "The model provider sent a malformed stream chunk.", {
						detail: parsed.error.issues[0]?.message,
					});
				}
				yield parsed.data;
			}
		} catch (err) {
			throw mapProviderError(err, context);
		}
	}
	return { chunks: validated(), abort: () => stream.controller.abort() };
}

function makeClient(options: ProviderCallOptions): OpenAI {
	return new OpenAI({
		apiKey: options.provider.apiKey ?? NO_KEY,
		baseURL: options.provider.baseURL,
		maxRetries: 0,
		timeout: options.timeoutMs,
		organization: null,
		project: null,
		webhookSecret: null,
		logLevel: "off",
	});
}

/** The request body sent upstream: only the validated subset, with the resolved model. */
function toParams(body: ChatRequest, model: string): Record<string, unknown> {
	return {
		model,
		messages: body.messages,
		tools: body.tools,
		tool_choice: body.tool_choice,
		parallel_tool_calls: body.parallel_tool_calls,
		temperature: body.temperature,
		max_tokens: body.max_tokens,
		stream_options: body.stream_options,
	};
}

/**
 * Runs one attempt under the proxy's deadline and maps its failure. The deadline covers the attempt's
 * promise only: for a stream that is the wait for the response head, after which the same signal stays
 * live for the open stream (so the caller going away still cancels it).
 */
async function withDeadline<T>(options: ProviderCallOptions, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const deadline = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		deadline.abort();
	}, options.timeoutMs);
	const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal]);
	try {
		return await attempt(signal);
	} catch (err) {
		throw mapProviderError(err, { source: options.provider.source, timedOut, timeoutMs: options.timeoutMs });
	} finally {
		clearTimeout(timer);
	}
}
