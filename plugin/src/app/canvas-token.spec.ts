/// <reference types="@rbxts/testez/globals" />
/**
 * The Canvas token's path through the whole engine: the model calls lms_lookup, the engine reads
 * Canvas and sends the result back to the model. The token must reach Canvas's origin only — never
 * the proxy (headers or body of any request), the conversation the model sees, or the session and
 * audit the plugin stores. Only the settings hold it.
 */
import { completionAnswer, createScriptedTransport, json } from "../net/dev/scripted-transport";
import { SETTINGS_KEY } from "../settings/settings-store";
import { createEngine } from "./create-engine";
import { MemoryPluginSettings, SpecContext } from "./dev/app-harness";

export = () => {
	const PROXY = "http://127.0.0.1:9001";
	const CANVAS = "https://school.instructure.com";
	const CANVAS_TOKEN = "7~CanvasTokenThatMustStayHome";
	const contains = (text: string, part: string) => string.find(text, part, 1, true)[0] !== undefined;

	it("sends the Canvas token to Canvas only, never to the proxy, the model or the stored session", () => {
		const host = new MemoryPluginSettings();
		const transport = createScriptedTransport({ streams: false });
		const { engine, cleanup } = createEngine(host, { context: new SpecContext(), transport });
		const saved = engine.settings.update({ proxyUrl: PROXY, token: "proxy-token", canvasBaseUrl: CANVAS, canvasToken: CANVAS_TOKEN });
		expect(saved.ok).to.equal(true);
		transport.script(
			completionAnswer(undefined, [{ id: "c1", name: "lms_lookup", arguments: '{"course":101,"include":["assignments"]}' }]),
			{ kind: "response", status: 200, body: json({ id: 101, name: "Grade 5 Math: Fractions", course_code: "MATH5-FR" }) },
			{
				kind: "response",
				status: 200,
				body: json([{ id: 2001, name: "Fraction Pizza", due_at: "2026-12-01T23:59:00Z", points_possible: 10, description: "<p>Shade 3/8.</p>" }]),
			},
			completionAnswer(undefined, [{ id: "c2", name: "attempt_completion", arguments: '{"result":"Read the course."}' }]),
		);
		engine.agent.send("Build a fractions lesson from my Canvas course 101");
		const deadline = os.clock() + 5;
		while (engine.agent.getState().kind !== "completed" && os.clock() < deadline) task.wait();
		expect(engine.agent.getState().kind).to.equal("completed");
		expect(transport.requests.size()).to.equal(4);

		let toProxy = 0;
		let toCanvas = 0;
		for (const { request } of transport.requests) {
			const headers = request.headers ?? {};
			let everything = request.url + "\n" + (request.body ?? "");
			for (const [name, value] of pairs(headers)) everything += `\n${name}: ${value}`;
			if (string.find(request.url, PROXY, 1, true)[0] === 1) {
				toProxy += 1;
				expect(contains(everything, CANVAS_TOKEN)).to.equal(false);
				expect(headers["Authorization"]).to.equal("Bearer proxy-token");
			} else {
				toCanvas += 1;
				expect(string.find(request.url, `${CANVAS}/api/v1/`, 1, true)[0]).to.equal(1);
				expect(headers["Authorization"]).to.equal(`Bearer ${CANVAS_TOKEN}`);
			}
		}
		expect(toProxy).to.equal(2);
		expect(toCanvas).to.equal(2);
		// The tool result reached the model (so the check above looked at a request that carried it).
		expect(contains(transport.requests[3].request.body!, "Fraction Pizza (due 2026-12-01, 10 pts): Shade 3/8.")).to.equal(true);

		for (const [key, value] of host.values) {
			if (key === SETTINGS_KEY) continue;
			if (typeIs(value, "string") && contains(value, CANVAS_TOKEN)) throw `plugin setting ${key} holds the Canvas token`;
		}
		expect(contains(host.values.get(SETTINGS_KEY) as string, CANVAS_TOKEN)).to.equal(true);
		cleanup();
	});
};
