/// <reference types="@rbxts/testez/globals" />
import { AgentState } from "../agent/agent-state";
import { lessonStartNote, lessonWaitNote } from "./lesson-start";

export = () => {
	const approval: AgentState = { kind: "awaiting_approval", proposalId: "p1", toolCallId: "c1", autoApproved: false };
	const question: AgentState = { kind: "awaiting_answer", question: "Which grade?", toolCallId: "c2" };

	it("lets a lesson start when the agent is idle, done, stopped, failed or waiting for guidance", () => {
		const free: Array<AgentState> = [
			{ kind: "idle" },
			{ kind: "completed", result: "Done." },
			{ kind: "stopped" },
			{ kind: "error", error: { code: "proxy_unreachable", message: "down" } },
			{ kind: "awaiting_guidance", mistakes: 3, lastMistake: "bad path" },
		];
		for (const state of free) {
			expect(lessonStartNote(state)).to.equal(undefined);
			expect(lessonWaitNote(state)).to.equal(undefined);
		}
	});

	it("waits for a step in flight (the agent itself refuses a message then)", () => {
		const note = "Vector is working on a step. Build the lesson when it is done, or press Stop in Chat.";
		expect(lessonStartNote({ kind: "requesting", purpose: "step" })).to.equal(note);
		expect(lessonStartNote({ kind: "running_tool", toolName: "read_script", toolCallId: "c" })).to.equal(note);
		expect(lessonWaitNote({ kind: "requesting", purpose: "step" })).to.equal(undefined);
	});

	it("waits for a pending proposal or a question, which a message would otherwise settle", () => {
		expect(lessonWaitNote(approval)).to.equal(
			"A proposal is waiting in Chat: approve or reject it before starting a lesson.",
		);
		expect(lessonStartNote(question)).to.equal(
			"Vector asked you a question in Chat: answer it before starting a lesson.",
		);
	});
};
