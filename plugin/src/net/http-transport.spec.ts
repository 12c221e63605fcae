/// <reference types="@rbxts/testez/globals" />
import { classifyHttpError, createHttpTransport, HttpTransport, isTransportError, StreamHandle, TransportError } from "./http-transport";
import { decodeJson } from "./json";

export = () => {
	describe("classifyHttpError", () => {
		it("sorts Studio's HttpService errors into kinds", () => {
			expect(classifyHttpError("HttpError: ConnectFail")).to.equal("unreachable");
			expect(classifyHttpError("HttpError: DnsResolve")).to.equal("unreachable");
			expect(classifyHttpError("HttpError: SslConnectFail")).to.equal("unreachable");
			expect(classifyHttpError("Workspace.Script:3: HttpError: Timedout")).to.equal("timeout");
			expect(classifyHttpError("HttpError: TimedOut")).to.equal("timeout");
			expect(classifyHttpError("Number of requests exceeded limit")).to.equal("budget");
			expect(classifyHttpError("HttpService is not allowed to access ROBLOX resources")).to.equal("refused");
			expect(classifyHttpError("ftp://x: Trust check failed")).to.equal("refused");
			expect(classifyHttpError('Header "User-Agent" is not allowed!')).to.equal("refused");
			expect(classifyHttpError("Http requests are not enabled. Enable via game settings")).to.equal("refused");
		});
	});

	// The loopback fixture server (tests/studio/host/http-fixture.ts) publishes its address as
	// attributes of HttpService when the spec run starts it (`--http-fixture`).
	const HttpService = game.GetService("HttpService");
	const fixtureUrl = HttpService.GetAttribute("FixtureUrl");
	const refusedUrl = HttpService.GetAttribute("RefusedUrl");

	describe("over real HTTP (the loopback fixture server)", () => {
		if (!typeIs(fixtureUrl, "string") || !typeIs(refusedUrl, "string")) {
			itSKIP("needs the HTTP fixture server: run the specs with --http-fixture", () => {});
			return;
		}
		const transport: HttpTransport = createHttpTransport();

		const thrown = (run: () => unknown): TransportError => {
			const [ok, err] = pcall(run);
			if (ok) throw "expected the request to throw";
			if (!isTransportError(err)) throw `expected a TransportError, got ${tostring(err)}`;
			return err;
		};

		const waitFor = (done: () => boolean, seconds = 5) => {
			const deadline = os.clock() + seconds;
			while (!done()) {
				if (os.clock() > deadline) throw "timed out waiting for the stream";
				task.wait();
			}
		};

		interface StreamLog {
			opened?: number;
			messages: Array<string>;
			errors: Array<[number, string]>;
			closed: boolean;
		}
		const listen = (path: string, streamKind?: "sse" | "raw"): [StreamLog, StreamHandle] => {
			const log: StreamLog = { messages: [], errors: [], closed: false };
			const handle = createHttpTransport({ streamKind }).openStream!(
				{ url: `${fixtureUrl}${path}`, method: "GET" },
				{
					onOpened(status) {
						log.opened = status;
					},
					onMessage(data) {
						log.messages.push(data);
					},
					onError(status, message) {
						log.errors.push([status, message]);
					},
					onClosed() {
						log.closed = true;
					},
				},
			);
			return [log, handle];
		};

		const SSE_MESSAGES = ["first", "second line one\nsecond line two", "no space after colon", '{"done":false}', "", "last"];

		it("sends the method, headers and body and returns status, lower-cased headers and body", () => {
			const response = transport.request({
				url: `${fixtureUrl}/echo`,
				method: "POST",
				headers: { "Content-Type": "application/json", Authorization: "Bearer tok" },
				body: '{"a":1}',
				timeout: 5,
			});
			expect(response.status).to.equal(200);
			expect(response.headers.get("content-type")).to.equal("application/json");
			const echoed = decodeJson(response.body);
			expect(echoed.ok).to.equal(true);
			const sent = (echoed as { value: { method: string; body: string; headers: Record<string, string> } }).value;
			expect(sent.method).to.equal("POST");
			expect(sent.body).to.equal('{"a":1}');
			expect(sent.headers["authorization"]).to.equal("Bearer tok");
		});

		it("sends no body with GET", () => {
			const response = transport.request({ url: `${fixtureUrl}/echo`, method: "GET", body: "ignored" });
			const echoed = decodeJson(response.body) as { ok: true; value: { method: string; body: string } };
			expect(echoed.value.method).to.equal("GET");
			expect(echoed.value.body).to.equal("");
		});

		it("returns a non-2xx answer as a response, not an error", () => {
			const response = transport.request({ url: `${fixtureUrl}/status/503`, method: "GET" });
			expect(response.status).to.equal(503);
			expect(response.statusMessage).to.equal("Service Unavailable");
			expect(response.body).to.equal("status 503");
		});

		it("throws unreachable, timeout and refused transport errors", () => {
			const refused = thrown(() => transport.request({ url: `${refusedUrl}/`, method: "GET" }));
			expect(refused.kind).to.equal("unreachable");
			expect(string.find(refused.message, "ConnectFail", 1, true)[0] !== undefined).to.equal(true);
			expect(thrown(() => transport.request({ url: `${fixtureUrl}/slow?ms=3000`, method: "GET", timeout: 0.3 })).kind).to.equal("timeout");
			expect(thrown(() => transport.request({ url: "https://apis.roblox.com/x", method: "GET" })).kind).to.equal("refused");
			expect(thrown(() => transport.request({ url: `${fixtureUrl}/echo`, method: "GET", headers: { "User-Agent": "Vector" } })).kind).to.equal(
				"refused",
			);
		});

		it("streams server-sent events, then reports the end", () => {
			const [log] = listen("/sse");
			waitFor(() => log.closed);
			task.wait();
			expect(log.opened).to.equal(200);
			expect(log.messages.join("|")).to.equal(SSE_MESSAGES.join("|"));
			expect(log.errors.size()).to.equal(0);
		});

		it("reads the same events from a raw stream with its own parser", () => {
			const [log] = listen("/sse", "raw");
			waitFor(() => log.closed);
			task.wait();
			expect(log.messages.join("|")).to.equal(SSE_MESSAGES.join("|"));
		});

		const createRefused = (): [StreamLog, StreamHandle] => {
			const log: StreamLog = { messages: [], errors: [], closed: false };
			const handle = transport.openStream!(
				{ url: `${refusedUrl}/`, method: "GET" },
				{
					onOpened() {},
					onMessage() {},
					onError(status, message) {
						log.errors.push([status, message]);
					},
					onClosed() {},
				},
			);
			return [log, handle];
		};

		it("reports a refused stream with its status, and a failed connection with status 0", () => {
			const [notFound] = listen("/status/404");
			waitFor(() => notFound.errors.size() > 0);
			expect(notFound.errors[0][0]).to.equal(404);
			expect(notFound.opened).to.equal(undefined);
			const [log] = createRefused();
			waitFor(() => log.errors.size() > 0);
			expect(log.errors[0][0]).to.equal(0);
		});

		it("runs no handler after close", () => {
			const [log, handle] = listen("/sse-open");
			waitFor(() => log.messages.size() >= 1);
			handle.close();
			task.wait(0.3);
			expect(log.messages.size()).to.equal(1);
			expect(log.closed).to.equal(false);
		});

		it("says a stream is unavailable when Studio's six stream clients are in use", () => {
			const handles = new Array<StreamHandle>();
			for (let i = 0; i < 6; i++) handles.push(listen("/sse-open")[1]);
			const seventh = thrown(() => listen("/sse-open"));
			expect(seventh.kind).to.equal("stream_unavailable");
			for (const handle of handles) handle.close();
			const [, again] = listen("/sse-open");
			again.close();
		});
	});
};
