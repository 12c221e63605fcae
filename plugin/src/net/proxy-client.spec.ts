/// <reference types="@rbxts/testez/globals" />
import { ChatResult } from "./chat-client";
import {
	chunk,
	completionAnswer,
	createScriptedTransport,
	cut,
	errorAnswer,
	json,
	ScriptedTransport,
	sseText,
	streamAnswer,
	toolFragment,
	usageChunk,
} from "./dev/scripted-transport";
import { transportError } from "./http-transport";
import { decodeJson } from "./json";
import { ProxyClient, ProxyClientOptions, ProxyConnection } from "./proxy-client";
import { RequestLimiter } from "./request-limiter";
import { ChatCompletionRequest } from "../../../shared/src/proxy-api";

export = () => {
	const LOCAL = "http://127.0.0.1:8787";
	const baseConnection: ProxyConnection = {
		proxyUrl: LOCAL,
		token: "tok-room1",
		providerBaseUrl: "",
		providerKey: "",
		model: "",
		streaming: true,
	};
	const request: ChatCompletionRequest = {
		messages: [
			{ role: "system", content: "You are Vector." },
			{ role: "user", content: "Select the door" },
		],
		tools: [{ type: "function", function: { name: "list_selection", description: "Lists the selection.", parameters: { type: "object", properties: {} } } }],
	};

	const client = (transport: ScriptedTransport, connection?: Partial<ProxyConnection>, options?: Partial<ProxyClientOptions>) =>
		new ProxyClient({ transport, connection: () => ({ ...baseConnection, ...(connection ?? {}) }), random: () => 0.5, ...(options ?? {}) });

	const failed = (result: ChatResult) => {
		if (result.ok) throw "expected a failure, got a reply";
		return result.error;
	};
	const replied = (result: ChatResult) => {
		if (!result.ok) throw `expected a reply, got ${result.error.code}: ${result.error.message}`;
		return result.reply;
	};
	const sentBody = (transport: ScriptedTransport, index: number) => {
		const decoded = decodeJson(transport.requests[index].request.body ?? "");
		if (!decoded.ok) throw decoded.message;
		return decoded.value as Record<string, unknown>;
	};
	const contains = (text: string, part: string) => string.find(text, part, 1, true)[0] !== undefined;
	const gaps = (transport: ScriptedTransport) => {
		const result = new Array<number>();
		for (let i = 1; i < transport.requests.size(); i++) result.push(transport.requests[i].at - transport.requests[i - 1].at);
		return result;
	};

	describe("the request", () => {
		it("posts a streamed chat completion with the token, usage requested and empty schemas kept as objects", () => {
			const transport = createScriptedTransport();
			transport.script(streamAnswer([chunk({ content: "ok" }, "stop")]));
			replied(client(transport).complete(request));
			const sent = transport.requests[0];
			expect(sent.via).to.equal("stream");
			expect(sent.request.method).to.equal("POST");
			expect(sent.request.url).to.equal(`${LOCAL}/v1/chat/completions`);
			const headers = sent.request.headers!;
			expect(headers["Authorization"]).to.equal("Bearer tok-room1");
			expect(headers["Content-Type"]).to.equal("application/json");
			expect(headers["Accept"]).to.equal("text/event-stream");
			expect(headers["X-Provider-Key"]).to.equal(undefined);
			expect(contains(sent.request.body!, '"parameters":{"properties":{},"type":"object"}')).to.equal(true);
			const body = sentBody(transport, 0);
			expect(body.stream).to.equal(true);
			expect((body.stream_options as { include_usage: boolean }).include_usage).to.equal(true);
			expect(body.model).to.equal(undefined);
			expect((body.messages as unknown[]).size()).to.equal(2);
		});

		it("uses the model from the settings unless the request names one, and trims a trailing slash", () => {
			const transport = createScriptedTransport();
			transport.script(streamAnswer([chunk({}, "stop")]), streamAnswer([chunk({}, "stop")]));
			const vector = client(transport, { model: "gpt-4.1-mini", proxyUrl: `${LOCAL}/` });
			vector.complete(request);
			vector.complete({ ...request, model: "gpt-4.1" });
			expect(sentBody(transport, 0).model).to.equal("gpt-4.1-mini");
			expect(sentBody(transport, 1).model).to.equal("gpt-4.1");
			expect(transport.requests[0].request.url).to.equal(`${LOCAL}/v1/chat/completions`);
		});

		it("sends the user's own provider key only with its base URL, and no Authorization without a token", () => {
			const transport = createScriptedTransport();
			transport.script(streamAnswer([chunk({}, "stop")]), streamAnswer([chunk({}, "stop")]));
			client(transport, { token: "", providerBaseUrl: "https://openrouter.ai/api/v1", providerKey: "sk-or-1" }).complete(request);
			client(transport, { providerBaseUrl: "", providerKey: "sk-or-1" }).complete(request);
			const first = transport.requests[0].request.headers!;
			expect(first["Authorization"]).to.equal(undefined);
			expect(first["X-Provider-Base-URL"]).to.equal("https://openrouter.ai/api/v1");
			expect(first["X-Provider-Key"]).to.equal("sk-or-1");
			expect(transport.requests[1].request.headers!["X-Provider-Key"]).to.equal(undefined);
		});

		it("sends a plain request without stream fields when streaming is off", () => {
			const transport = createScriptedTransport();
			transport.script(completionAnswer("Hello"));
			const deltas = new Array<string>();
			const reply = replied(client(transport, { streaming: false }).complete({ ...request, stream: true }, { onDelta: (text) => deltas.push(text) }));
			expect(transport.requests[0].via).to.equal("request");
			expect(transport.requests[0].request.headers!["Accept"]).to.equal("application/json");
			const body = sentBody(transport, 0);
			expect(body.stream).to.equal(undefined);
			expect(body.stream_options).to.equal(undefined);
			expect(reply.content).to.equal("Hello");
			expect(reply.usage!.total_tokens).to.equal(15);
			expect(deltas.join("|")).to.equal("Hello");
		});

		it("falls back to plain requests when Studio has no stream client", () => {
			for (const transport of [createScriptedTransport({ streams: false }), createScriptedTransport({ streamUnavailable: true })]) {
				transport.script(completionAnswer(undefined, [{ id: "t1", name: "list_selection", arguments: "{}" }]));
				const reply = replied(client(transport).complete(request));
				expect(transport.requests.size()).to.equal(1);
				expect(transport.requests[0].via).to.equal("request");
				expect(sentBody(transport, 0).stream).to.equal(undefined);
				expect(reply.toolCalls[0].function.name).to.equal("list_selection");
				expect(reply.finishReason).to.equal("tool_calls");
			}
		});
	});

	describe("streaming", () => {
		it("assembles text and tool calls that arrive in many small pieces", () => {
			const transport = createScriptedTransport();
			const args = '{"path":"Workspace/Door","properties":["Anchored","Size"]}';
			const payloads = [
				chunk({ role: "assistant", content: "" }),
				chunk({ content: "Let me " }),
				chunk({ content: "look at the door." }),
				chunk(toolFragment(0, { id: "call_1", name: "get_properties", arguments: "" })),
			];
			for (let i = 1; i <= args.size(); i += 4) payloads.push(chunk(toolFragment(0, { arguments: args.sub(i, i + 3) })));
			payloads.push(chunk({}, "tool_calls"), usageChunk(120, 30));
			transport.script(streamAnswer(payloads, 3));
			const deltas = new Array<string>();
			const reply = replied(client(transport).complete(request, { onDelta: (text) => deltas.push(text) }));
			expect(deltas.join("|")).to.equal("Let me |look at the door.");
			expect(reply.content).to.equal("Let me look at the door.");
			expect(reply.toolCalls.size()).to.equal(1);
			expect(reply.toolCalls[0].id).to.equal("call_1");
			expect(reply.toolCalls[0].function.name).to.equal("get_properties");
			expect(reply.toolCalls[0].function.arguments).to.equal(args);
			expect(reply.finishReason).to.equal("tool_calls");
			expect(reply.usage!.total_tokens).to.equal(150);
			expect(transport.inFlight()).to.equal(0);
		});

		it("accepts a stream that ends without [DONE] after the finish reason", () => {
			const transport = createScriptedTransport();
			transport.script({ kind: "stream", pieces: cut(sseText([chunk({ content: "Done." }, "stop")]), 10), end: "close" });
			expect(replied(client(transport).complete(request)).content).to.equal("Done.");
		});

		it("retries a stream cut before any text, and reports one cut after text without retrying", () => {
			const transport = createScriptedTransport();
			transport.script(
				{ kind: "stream", pieces: cut(sseText([chunk({ role: "assistant" })]), 8), end: "close" },
				streamAnswer([chunk({ content: "Second try." }, "stop")]),
			);
			expect(replied(client(transport).complete(request)).content).to.equal("Second try.");
			expect(transport.requests.size()).to.equal(2);

			const cutAfterText = createScriptedTransport();
			cutAfterText.script({ kind: "stream", pieces: cut(sseText([chunk({ content: "Half" })]), 8), end: "error" });
			const shown = new Array<string>();
			const err = failed(client(cutAfterText).complete(request, { onDelta: (text) => shown.push(text) }));
			expect(err.code).to.equal("upstream_error");
			expect(err.message).to.equal(`The connection to the Vector proxy at ${LOCAL} broke in the middle of an answer. Try again.`);
			expect(shown.join("")).to.equal("Half");
			expect(cutAfterText.requests.size()).to.equal(1);
		});

		it("turns the proxy's error event into the error it names", () => {
			const transport = createScriptedTransport();
			const errorEvent = json({ error: { code: "provider_timeout", message: "The model provider went silent for more than 60 s mid-answer." } });
			transport.script({ kind: "stream", pieces: cut(sseText([chunk({ content: "Par" }), errorEvent]), 20), end: "close" });
			const err = failed(client(transport).complete(request));
			expect(err.code).to.equal("upstream_error");
			expect(err.message).to.equal("The model provider went silent for more than 60 s mid-answer.");
			expect(err.detail).to.equal("HTTP 504 provider_timeout");
			expect(transport.requests.size()).to.equal(1);
		});

		it("retries an error event of a passing kind when no text was shown yet", () => {
			const transport = createScriptedTransport();
			const errorEvent = json({ error: { code: "provider_rate_limited", message: "The model provider is rate limiting." } });
			transport.script({ kind: "stream", pieces: cut(sseText([errorEvent]), 50), end: "close" }, streamAnswer([chunk({ content: "ok" }, "stop")]));
			expect(replied(client(transport).complete(request)).content).to.equal("ok");
			expect(transport.requests.size()).to.equal(2);
		});

		it("asks once more without streaming to learn why the proxy refused a stream", () => {
			const transport = createScriptedTransport();
			transport.script(
				{ kind: "stream", status: 403, pieces: [], end: "close" },
				errorAnswer(403, "model_not_allowed", 'Model "gpt-5" is not allowed on this proxy. Allowed: gpt-4.1-mini, gpt-4.1.'),
			);
			const err = failed(client(transport, { model: "gpt-5" }).complete(request));
			expect(transport.requests.size()).to.equal(2);
			expect(transport.requests[0].via).to.equal("stream");
			expect(transport.requests[1].via).to.equal("request");
			expect(sentBody(transport, 1).stream).to.equal(undefined);
			expect(err.code).to.equal("rejected");
			expect(err.message).to.equal(
				`Model "gpt-5" is not allowed on this proxy. Allowed: gpt-4.1-mini, gpt-4.1. Pick one of them in Vector's settings, or leave the model empty for the proxy's default.`,
			);
		});

		it("rejects a malformed chunk as a bad response", () => {
			const transport = createScriptedTransport();
			transport.script({ kind: "stream", pieces: cut('data: {"choices": [tru\n\n', 6), end: "close" });
			const err = failed(client(transport).complete(request));
			expect(err.code).to.equal("bad_response");
			expect(err.message).to.equal(
				`The server at ${LOCAL} sent something that is not a stream of chat completion chunks. Check that the proxy URL in Vector's settings points at a Vector proxy.`,
			);
			const wrongShape = createScriptedTransport();
			wrongShape.script({ kind: "stream", pieces: cut(sseText(['{"choices":"none"}']), 6), end: "close" });
			expect(failed(client(wrongShape).complete(request)).code).to.equal("bad_response");
		});

		it("gives up on a stream that goes silent, and on one that never opens", () => {
			const transport = createScriptedTransport();
			transport.script({ kind: "stream", pieces: cut(sseText([chunk({ content: "Thinking" })]), 100), end: "hang" });
			const started = os.clock();
			const err = failed(client(transport).complete(request));
			expect(err.code).to.equal("upstream_error");
			expect(err.message).to.equal(`The Vector proxy at ${LOCAL} went silent for 90 s in the middle of an answer.`);
			expect(os.clock() - started).to.be.near(90, 1);
			expect(transport.closedByClient()).to.equal(1);

			const never = createScriptedTransport();
			never.script({ kind: "stream", openDelay: 1000, pieces: [], end: "close" });
			const refused = failed(client(never).complete(request));
			expect(refused.code).to.equal("proxy_unreachable");
			expect(refused.message).to.equal(`The Vector proxy at ${LOCAL} did not answer within 60 s.`);
			expect(never.requests.size()).to.equal(1);
		});
	});

	describe("retries", () => {
		it("retries 5xx with growing, jittered waits and then succeeds", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(
				errorAnswer(502, "provider_unreachable", "Could not reach the model provider."),
				errorAnswer(502, "provider_error", "The model provider failed."),
				completionAnswer("Third time lucky"),
			);
			expect(replied(client(transport).complete(request)).content).to.equal("Third time lucky");
			const waits = gaps(transport);
			expect(waits.size()).to.equal(2);
			// random() = 0.5: half of 1 s fixed + a quarter; then half of 2 s + half of the other half.
			expect(waits[0]).to.be.near(0.75, 0.05);
			expect(waits[1]).to.be.near(1.5, 0.05);
		});

		it("waits what Retry-After says", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(errorAnswer(429, "rate_limited", "Too many requests for this token.", { "Retry-After": "7" }), completionAnswer("ok"));
			replied(client(transport).complete(request));
			expect(gaps(transport)[0]).to.be.near(7, 0.05);
		});

		it("does not wait out a Retry-After longer than the total allowed, and says when to try again", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(errorAnswer(429, "rate_limited", "Too many requests for this token.", { "Retry-After": "30", "X-Request-Id": "req-9" }));
			const started = os.clock();
			const err = failed(client(transport).complete(request));
			expect(os.clock() - started < 1).to.equal(true);
			expect(err.code).to.equal("rate_limited");
			expect(err.retryAfter).to.equal(30);
			expect(err.message).to.equal("Too many requests for this token. Try again in 30 s.");
			expect(err.detail).to.equal("HTTP 429 rate_limited, request id req-9");
			expect(transport.requests.size()).to.equal(1);
		});

		it("stops after three tries", () => {
			const transport = createScriptedTransport({ streams: false });
			for (let i = 0; i < 3; i++) transport.script(errorAnswer(429, "provider_rate_limited", "The model provider is rate limiting requests.", { "Retry-After": "2" }));
			const err = failed(client(transport).complete(request));
			expect(err.code).to.equal("rate_limited");
			expect(transport.requests.size()).to.equal(3);
			expect(transport.pending()).to.equal(0);
		});

		it("retries a refused connection and reports a proxy that stays down", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script({ kind: "throw", error: transportError("unreachable", "HttpError: ConnectFail") }, completionAnswer("up again"));
			expect(replied(client(transport).complete(request)).content).to.equal("up again");

			const down = createScriptedTransport({ streams: false });
			for (let i = 0; i < 3; i++) down.script({ kind: "throw", error: transportError("unreachable", "HttpError: ConnectFail") });
			const err = failed(client(down).complete(request));
			expect(err.code).to.equal("proxy_unreachable");
			expect(err.message).to.equal(`Can't reach the Vector proxy at ${LOCAL} — is \`npm start\` running?`);
			expect(err.detail).to.equal("HttpError: ConnectFail");
			expect(down.requests.size()).to.equal(3);
		});

		it("does not retry what would fail the same way again", () => {
			const cases: Array<[ReturnType<typeof errorAnswer>, string]> = [
				[errorAnswer(500, "config_invalid", "VECTOR_RATE_LIMIT_PER_MINUTE must be a whole number of at least 0."), "rejected"],
				[errorAnswer(504, "provider_timeout", "The model provider did not answer in 60 s."), "upstream_error"],
				[errorAnswer(400, "invalid_request", "messages[0].role: Invalid input"), "rejected"],
			];
			for (const [answer, code] of cases) {
				const transport = createScriptedTransport({ streams: false });
				transport.script(answer);
				expect(failed(client(transport).complete(request)).code).to.equal(code);
				expect(transport.requests.size()).to.equal(1);
			}
			const slow = createScriptedTransport({ streams: false });
			slow.script({ kind: "throw", error: transportError("timeout", "HttpError: Timedout") });
			const err = failed(client(slow).complete(request));
			expect(err.message).to.equal(`The Vector proxy at ${LOCAL} did not answer within 180 s.`);
			expect(slow.requests.size()).to.equal(1);
			expect(slow.requests[0].request.timeout).to.equal(180);
		});
	});

	describe("cancellation", () => {
		it("returns at once when cancelled mid-request and drops the late answer", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script({ ...completionAnswer("too late"), delay: 5 } as ReturnType<typeof completionAnswer>);
			const limiter = new RequestLimiter();
			const cancel = { cancelled: false };
			task.delay(1, () => (cancel.cancelled = true));
			const deltas = new Array<string>();
			const started = os.clock();
			const err = failed(client(transport, {}, { limiter }).complete(request, { cancel, onDelta: (text) => deltas.push(text) }));
			expect(err.code).to.equal("cancelled");
			expect(os.clock() - started).to.be.near(1, 0.1);
			expect(limiter.inFlight()).to.equal(1);
			task.wait(5);
			expect(limiter.inFlight()).to.equal(0);
			expect(deltas.size()).to.equal(0);
		});

		it("stops waiting between retries when cancelled", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(errorAnswer(429, "rate_limited", "Slow down.", { "Retry-After": "10" }), completionAnswer("never asked"));
			const cancel = { cancelled: false };
			task.delay(2, () => (cancel.cancelled = true));
			const started = os.clock();
			expect(failed(client(transport).complete(request, { cancel })).code).to.equal("cancelled");
			expect(os.clock() - started < 2.5).to.equal(true);
			expect(transport.requests.size()).to.equal(1);
		});

		it("closes a stream when cancelled and shows no text after", () => {
			const transport = createScriptedTransport();
			transport.script({
				kind: "stream",
				pieces: [
					{ text: sseText([chunk({ content: "one " })]), delay: 0.5 },
					{ text: sseText([chunk({ content: "two " })]), delay: 2 },
					{ text: sseText([chunk({ content: "three" }, "stop"), "[DONE]"]), delay: 2 },
				],
				end: "close",
			});
			const cancel = { cancelled: false };
			task.delay(1, () => (cancel.cancelled = true));
			const deltas = new Array<string>();
			expect(failed(client(transport).complete(request, { cancel, onDelta: (text) => deltas.push(text) })).code).to.equal("cancelled");
			task.wait(5);
			expect(deltas.join("|")).to.equal("one ");
			expect(transport.closedByClient()).to.equal(1);
			expect(transport.inFlight()).to.equal(0);
		});

		it("sends nothing when cancelled before it starts", () => {
			const transport = createScriptedTransport();
			expect(failed(client(transport).complete(request, { cancel: { cancelled: true } })).code).to.equal("cancelled");
			expect(transport.requests.size()).to.equal(0);
		});
	});

	describe("limits", () => {
		it("keeps two requests in flight; a third waits its turn", () => {
			const transport = createScriptedTransport({ streams: false });
			for (let i = 0; i < 3; i++) transport.script({ ...completionAnswer(`reply ${i}`), delay: 1 } as ReturnType<typeof completionAnswer>);
			const vector = client(transport);
			const results = new Array<string>();
			const started = os.clock();
			for (let i = 0; i < 3; i++) task.spawn(() => results.push(replied(vector.complete(request)).content));
			task.wait(3);
			expect(results.size()).to.equal(3);
			expect(transport.maxInFlight()).to.equal(2);
			expect(transport.requests[2].at - started).to.be.near(1, 0.1);
		});

		it("refuses a request over the per-minute budget without sending it", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(completionAnswer("a"), completionAnswer("b"));
			const vector = client(transport, {}, { limiter: new RequestLimiter({ perMinute: 2 }) });
			replied(vector.complete(request));
			replied(vector.complete(request));
			const err = failed(vector.complete(request));
			expect(err.code).to.equal("http_budget");
			expect(contains(err.message, "Vector has reached its own limit of requests per minute")).to.equal(true);
			expect(err.retryAfter! > 59).to.equal(true);
			expect(transport.requests.size()).to.equal(2);
		});

		it("reports Studio's own budget refusing a request", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script({ kind: "throw", error: transportError("budget", "Number of requests exceeded limit") });
			const err = failed(client(transport).complete(request));
			expect(err.code).to.equal("http_budget");
			expect(transport.requests.size()).to.equal(1);
		});
	});

	describe("errors a user can act on", () => {
		const failure = (answer: ReturnType<typeof errorAnswer>, connection?: Partial<ProxyConnection>) => {
			const transport = createScriptedTransport({ streams: false });
			transport.script(answer);
			return failed(client(transport, connection).complete(request));
		};

		it("explains a refused token", () => {
			const err = failure(errorAnswer(401, "unauthorized", "Invalid bearer token."));
			expect(err.code).to.equal("rejected");
			expect(err.message).to.equal(
				`The Vector proxy at ${LOCAL} refused the token: Invalid bearer token. Set the token in Vector's settings to one of the proxy's VECTOR_TOKENS.`,
			);
			const ownKey = failure(errorAnswer(401, "provider_auth_failed", "The model provider rejected your key (X-Provider-Key)."));
			expect(ownKey.message).to.equal("The model provider rejected your key (X-Provider-Key). Check the provider key in Vector's settings.");
		});

		it("passes on what the proxy says about its setup", () => {
			const notConfigured = failure(
				errorAnswer(503, "provider_not_configured", "No model provider is configured on this proxy. Set OPENAI_API_KEY and VECTOR_MODELS."),
			);
			expect(notConfigured.code).to.equal("rejected");
			expect(notConfigured.message).to.equal("No model provider is configured on this proxy. Set OPENAI_API_KEY and VECTOR_MODELS.");
			const loopback = failure(errorAnswer(403, "loopback_only", "This proxy has no VECTOR_TOKENS, so it only serves this machine."));
			expect(loopback.message).to.equal(
				"This proxy has no VECTOR_TOKENS, so it only serves this machine. Set a token in Vector's settings (the proxy needs VECTOR_TOKENS).",
			);
			const notAllowed = failure(errorAnswer(403, "provider_not_allowed", "Provider https://x.ai/v1 is not on this proxy's allow-list. Allowed: none"));
			expect(notAllowed.message).to.equal(
				"Provider https://x.ai/v1 is not on this proxy's allow-list. Allowed: none. Clear the provider URL and key in Vector's settings, or ask the proxy's owner to allow it.",
			);
			expect(failure(errorAnswer(413, "payload_too_large", "Request body is larger than 2097152 bytes.")).message).to.equal(
				"Request body is larger than 2097152 bytes. Start a new task to shorten the conversation.",
			);
		});

		it("says when the URL is not a Vector proxy at all", () => {
			const err = failure({ kind: "response", status: 404, body: "<html>Not Found</html>" } as ReturnType<typeof errorAnswer>);
			expect(err.message).to.equal(
				`Nothing at ${LOCAL} answers like a Vector proxy (HTTP 404 for /v1/chat/completions). Check the proxy URL in Vector's settings.`,
			);
			const notJson = failure({ kind: "response", status: 200, body: "<html>hello</html>" } as ReturnType<typeof errorAnswer>);
			expect(notJson.code).to.equal("bad_response");
			expect(contains(notJson.detail!, "<html>hello</html>")).to.equal(true);
			const notCompletion = failure({ kind: "response", status: 200, body: '{"id":"x","choices":[{"index":0}]}' } as ReturnType<typeof errorAnswer>);
			expect(notCompletion.code).to.equal("bad_response");
		});

		it("points a remote proxy that cannot be reached at the settings, not at npm start", () => {
			const transport = createScriptedTransport({ streams: false });
			for (let i = 0; i < 3; i++) transport.script({ kind: "throw", error: transportError("unreachable", "HttpError: DnsResolve") });
			const err = failed(client(transport, { proxyUrl: "https://vector.example.workers.dev" }).complete(request));
			expect(err.message).to.equal(
				"Can't reach the Vector proxy at https://vector.example.workers.dev — check the proxy URL in Vector's settings and your internet connection.",
			);
		});

		it("reports a request Studio refused to send", () => {
			const transport = createScriptedTransport({ streams: false });
			transport.script({ kind: "throw", error: transportError("refused", "HttpService is not allowed to access ROBLOX resources") });
			const err = failed(client(transport, { proxyUrl: "https://apis.roblox.com" }).complete(request));
			expect(err.code).to.equal("rejected");
			expect(err.message).to.equal(
				"Studio refused to send the request to https://apis.roblox.com: HttpService is not allowed to access ROBLOX resources. Check the proxy URL in Vector's settings.",
			);
		});
	});

	describe("searchAssets", () => {
		it("searches with the query, tags and limit and returns validated results", () => {
			const transport = createScriptedTransport();
			transport.script({
				kind: "response",
				status: 200,
				body: json({ results: [{ id: 94215407204609, name: "Low Poly Tree", creator: "Roblox", type: "Model", thumbnailUrl: "rbxthumb://type=Asset&id=94215407204609&w=150&h=150" }] }),
			});
			const results = client(transport).searchAssets("low poly tree & rock", { tags: "model", limit: 5 });
			expect(results.size()).to.equal(1);
			expect(results[0].name).to.equal("Low Poly Tree");
			const sent = transport.requests[0];
			expect(sent.via).to.equal("request");
			expect(sent.request.method).to.equal("GET");
			expect(sent.request.body).to.equal(undefined);
			expect(sent.request.url).to.equal(`${LOCAL}/v1/assets/search?query=low%20poly%20tree%20%26%20rock&tags=model&limit=5`);
			expect(sent.request.headers!["Authorization"]).to.equal("Bearer tok-room1");
		});

		it("throws a readable message on failure", () => {
			const transport = createScriptedTransport();
			transport.script(errorAnswer(400, "invalid_request", "tags: at most one category per search"));
			const [ok, message] = pcall(() => client(transport).searchAssets("tree", { tags: "model,audio" }));
			expect(ok).to.equal(false);
			expect(message).to.equal("tags: at most one category per search.");
			const garbled = createScriptedTransport();
			garbled.script({ kind: "response", status: 200, body: '{"results":[{"id":"x"}]}' });
			const [ok2, message2] = pcall(() => client(garbled).searchAssets("tree", {}));
			expect(ok2).to.equal(false);
			expect(contains(tostring(message2), "is not a list of Creator Store assets")).to.equal(true);
		});
	});

	describe("health", () => {
		const health = (provider: object) =>
			({ kind: "response", status: 200, body: json({ status: "ok", version: "0.1.0", provider, catalog: { keyConfigured: false } }) }) as ReturnType<typeof errorAnswer>;

		it("reports the proxy's health and what in the settings will not work with it", () => {
			const transport = createScriptedTransport();
			transport.script(health({ configured: true, models: ["gpt-4.1-mini", "gpt-4.1"], defaultModel: "gpt-4.1-mini", bringYourOwnKey: false }));
			const result = client(transport, { model: "gpt-5", providerBaseUrl: "https://openrouter.ai/api/v1", providerKey: "k" }).health();
			expect(result.ok).to.equal(true);
			if (!result.ok) return;
			expect(result.health.version).to.equal("0.1.0");
			expect(result.problems.size()).to.equal(2);
			expect(contains(result.problems[0], "does not accept your own provider key")).to.equal(true);
			expect(result.problems[1]).to.equal('The model "gpt-5" is not allowed on this proxy. Allowed: gpt-4.1-mini, gpt-4.1.');
			expect(transport.requests[0].request.url).to.equal(`${LOCAL}/v1/health`);
		});

		it("says when the proxy has no provider yet", () => {
			const transport = createScriptedTransport();
			transport.script(health({ configured: false, models: [], bringYourOwnKey: false }));
			const result = client(transport).health();
			expect(result.ok && result.problems[0]).to.equal(
				"The proxy has no model provider yet: set OPENAI_API_KEY (or OPENAI_BASE_URL) and VECTOR_MODELS in its .dev.vars, then restart it.",
			);
		});

		it("tries once and reports the failure", () => {
			const transport = createScriptedTransport();
			transport.script({ kind: "throw", error: transportError("unreachable", "HttpError: ConnectFail") });
			const result = client(transport).health();
			expect(result.ok).to.equal(false);
			if (result.ok) return;
			expect(result.error.code).to.equal("proxy_unreachable");
			expect(transport.requests.size()).to.equal(1);
			expect(transport.requests[0].request.timeout).to.equal(10);
		});
	});
};
