/// <reference types="@rbxts/testez/globals" />
import { transportError } from "./http-transport";
import { badResponse, failureFromStatus, failureFromStreamError, failureFromTransport, isLoopbackUrl } from "./proxy-errors";

export = () => {
	const URL = "http://127.0.0.1:8787";
	const ROUTE = "/v1/chat/completions";

	it("knows which URLs are this machine", () => {
		expect(isLoopbackUrl("http://127.0.0.1:8787")).to.equal(true);
		expect(isLoopbackUrl("http://LOCALHOST:8787/x")).to.equal(true);
		expect(isLoopbackUrl("http://[::1]:8787")).to.equal(true);
		expect(isLoopbackUrl("http://127.0.1.1")).to.equal(true);
		expect(isLoopbackUrl("https://vector.example.workers.dev")).to.equal(false);
		expect(isLoopbackUrl("http://192.168.1.5:8787")).to.equal(false);
	});

	it("maps every proxy error code of a stream's error event to a code and a retry decision", () => {
		const cases: Array<[string, string, boolean]> = [
			["invalid_request", "rejected", false],
			["provider_rejected", "rejected", false],
			["unauthorized", "rejected", false],
			["model_not_allowed", "rejected", false],
			["payload_too_large", "rejected", false],
			["rate_limited", "rate_limited", true],
			["provider_rate_limited", "rate_limited", true],
			["catalog_rate_limited", "rate_limited", true],
			["config_invalid", "rejected", false],
			["internal_error", "upstream_error", true],
			["provider_not_configured", "rejected", false],
			["provider_auth_failed", "rejected", false],
			["provider_error", "upstream_error", true],
			["provider_unreachable", "upstream_error", true],
			["provider_bad_response", "upstream_error", true],
			["provider_timeout", "upstream_error", false],
			["catalog_timeout", "upstream_error", false],
			["some_future_code", "upstream_error", true],
		];
		for (const [proxyCode, code, retriable] of cases) {
			const failure = failureFromStreamError(URL, ROUTE, proxyCode, "Something happened");
			expect(`${proxyCode}: ${failure.error.code} ${failure.retriable}`).to.equal(`${proxyCode}: ${code} ${retriable}`);
			expect(failure.error.message.size() > 0).to.equal(true);
		}
	});

	it("words statuses without a proxy body for the user", () => {
		expect(failureFromStatus(URL, "/v1/health", 502).error.message).to.equal(
			`The Vector proxy at ${URL} failed (HTTP 502). Try again; if it keeps failing, check the proxy's log.`,
		);
		expect(failureFromStatus(URL, "/v1/health", 429).error.message).to.equal("The Vector proxy is limiting requests. Try again in a minute.");
		expect(failureFromStatus(URL, "/v1/health", 429, undefined, undefined, 2.2).error.message).to.equal(
			"The Vector proxy is limiting requests. Try again in 3 s.",
		);
		expect(failureFromStatus(URL, ROUTE, 401).error.message).to.equal(
			`The Vector proxy at ${URL} refused the token. Set the token in Vector's settings to one of the proxy's VECTOR_TOKENS.`,
		);
		expect(failureFromStatus(URL, ROUTE, 302).error.message).to.equal(`The Vector proxy at ${URL} refused the request (HTTP 302).`);
		expect(failureFromStatus(URL, ROUTE, 403).error.message).to.equal(`The Vector proxy at ${URL} refused the request (HTTP 403).`);
	});

	it("names the model provider when it failed behind the proxy, from the proxy's code", () => {
		const said = (status: number, code: string, message: string, retryAfter?: number) =>
			failureFromStatus(URL, ROUTE, status, code, message, retryAfter).error.message;
		const again = "Try again; if it keeps failing, check the proxy's log.";
		expect(said(502, "provider_unreachable", "Could not reach the model provider.")).to.equal(
			`The Vector proxy could not reach the model provider. ${again}`,
		);
		expect(said(502, "provider_bad_response", "The model provider sent a response that is not valid JSON.")).to.equal(
			`The model provider answered the Vector proxy with something that is not a valid reply. ${again}`,
		);
		expect(said(502, "provider_error", "The model provider failed (HTTP 500). Try again.")).to.equal(
			"The model provider failed (HTTP 500). Try again.",
		);
		expect(said(504, "provider_timeout", "The model provider did not answer within 60 s.")).to.equal(
			"The model provider did not answer within 60 s.",
		);
		expect(said(429, "provider_rate_limited", "The model provider is rate limiting requests. Try again later.", 5)).to.equal(
			"The model provider is rate limiting the Vector proxy. Try again in 5 s.",
		);
		expect(said(502, "provider_auth_failed", "The model provider rejected the proxy's credentials. The proxy operator must check OPENAI_API_KEY and OPENAI_BASE_URL.")).to.equal(
			"The model provider rejected the proxy's credentials. The proxy operator must check OPENAI_API_KEY and OPENAI_BASE_URL.",
		);
		expect(failureFromStatus(URL, "/v1/assets/search", 502, "catalog_unreachable", "x").error.message).to.equal(
			`The Vector proxy could not reach the Creator Store search. ${again}`,
		);
	});

	it("names the model provider from the status alone when a stream's refusal carries no body", () => {
		// WebStreamClient's Error event gives the status, not the proxy's body; the proxy answers 502
		// and 504 only when its upstream failed.
		const failed = failureFromStatus(URL, ROUTE, 502);
		expect(failed.error.message).to.equal(
			"The model provider failed behind the Vector proxy (HTTP 502). Try again; if it keeps failing, check the proxy's log.",
		);
		expect(failed.retriable).to.equal(true);
		const slow = failureFromStatus(URL, ROUTE, 504);
		expect(slow.error.message).to.equal("The model provider did not answer the Vector proxy in time (HTTP 504).");
		expect(failureFromStatus(URL, ROUTE, 429).error.message).to.equal(
			"The Vector proxy or the model provider is limiting requests. Try again in a minute.",
		);
		expect(failureFromStatus(URL, ROUTE, 500).error.message).to.equal(
			`The Vector proxy at ${URL} failed (HTTP 500). Try again; if it keeps failing, check the proxy's log.`,
		);
	});

	it("sorts transport failures", () => {
		const unreachable = failureFromTransport(URL, transportError("unreachable", "HttpError: ConnectFail"), 10);
		expect(unreachable.error.code).to.equal("proxy_unreachable");
		expect(unreachable.retriable).to.equal(true);
		const timeout = failureFromTransport(URL, transportError("timeout", "HttpError: Timedout"), 10);
		expect(timeout.error.message).to.equal(`The Vector proxy at ${URL} did not answer within 10 s.`);
		expect(timeout.retriable).to.equal(false);
		const budget = failureFromTransport(URL, transportError("budget", "Number of requests exceeded limit"), 10);
		expect(budget.error.code).to.equal("http_budget");
		expect(budget.error.retryAfter).to.equal(60);
		expect(failureFromTransport(URL, transportError("refused", "Trust check failed"), 10).error.code).to.equal("rejected");
	});

	it("keeps a bad body out of the message and cuts it in the detail", () => {
		const failure = badResponse(URL, "a chat completion", string.rep("x", 500));
		expect(failure.error.code).to.equal("bad_response");
		expect(string.find(failure.error.message, "xxx", 1, true)[0]).to.equal(undefined);
		expect(failure.error.detail!.size() < 250).to.equal(true);
	});
};
