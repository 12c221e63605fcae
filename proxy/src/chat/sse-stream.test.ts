import { describe, expect, it, vi } from "vitest";
import { readAllSse } from "../../test/helpers/sse";
import { toSseStream } from "./sse-stream";

const errorEvent = (_err: unknown, timedOut: boolean) => ({ error: { code: timedOut ? ("provider_timeout" as const) : ("provider_error" as const), message: "m" } });

async function* items<T>(...values: T[]): AsyncGenerator<T> {
	for (const value of values) yield value;
}

describe("toSseStream", () => {
	it("writes one data event per chunk and ends with [DONE]", async () => {
		const stream = toSseStream(items({ a: 1 }, { b: "x\ny" }), { idleTimeoutMs: 1_000, abortUpstream: vi.fn(), errorEvent });
		expect(await readAllSse(stream)).toEqual(['{"a":1}', '{"b":"x\\ny"}', "[DONE]"]);
	});

	it("turns a failure into an error event without [DONE]", async () => {
		async function* failing() {
			yield { a: 1 };
			throw new Error("boom");
		}
		const abort = vi.fn();
		const events = await readAllSse(toSseStream(failing(), { idleTimeoutMs: 1_000, abortUpstream: abort, errorEvent }));
		expect(events).toEqual(['{"a":1}', '{"error":{"code":"provider_error","message":"m"}}']);
		expect(abort).not.toHaveBeenCalled();
	});

	it("aborts upstream and reports a timeout when the source goes silent", async () => {
		async function* silent() {
			yield { a: 1 };
			await new Promise(() => undefined);
		}
		const abort = vi.fn();
		const events = await readAllSse(toSseStream(silent(), { idleTimeoutMs: 50, abortUpstream: abort, errorEvent }));
		expect(events.at(-1)).toContain("provider_timeout");
		expect(abort).toHaveBeenCalledOnce();
	});

	it("aborts upstream when the client cancels", async () => {
		const abort = vi.fn();
		const stream = toSseStream(items({ a: 1 }, { a: 2 }), { idleTimeoutMs: 1_000, abortUpstream: abort, errorEvent });
		const reader = stream.getReader();
		await reader.read();
		await reader.cancel();
		expect(abort).toHaveBeenCalledOnce();
	});
});
