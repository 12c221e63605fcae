/// <reference types="@rbxts/testez/globals" />
import { AgentState } from "../agent/agent-state";
import { SUMMARY_HEADER } from "../agent/compaction";
import { NO_TOOL_REMINDER } from "../agent/loop-messages";
import { ChatMessage, ChatToolCall } from "../../../shared/src/proxy-api";
import { buildTranscript, ChatItem, chipLabel, MAX_ITEMS, RESULT_PREVIEW_CAP, TranscriptInput } from "./chat-items";
import { CONTEXT_HEADER } from "./context-note";

function call(id: string, name: string, args: string): ChatToolCall {
	return { id, type: "function", function: { name, arguments: args } };
}

function input(messages: Array<ChatMessage>, extra: Partial<TranscriptInput> = {}): TranscriptInput {
	return { messages, proposalsByCall: new Map(), state: { kind: "idle" }, streaming: "", ...extra };
}

function kinds(items: ReadonlyArray<ChatItem>): string {
	return items.map((item) => item.kind).join(",");
}

export = () => {
	it("maps user text, assistant text and a read tool's chip with its result", () => {
		const items = buildTranscript(
			input([
				{ role: "user", content: "What is in Workspace?" },
				{
					role: "assistant",
					content: "Let me look.",
					tool_calls: [call("c1", "list_children", '{"path": "Workspace"}')],
				},
				{ role: "tool", tool_call_id: "c1", content: "Workspace has 2 children:\n- Baseplate (Part)\n- Camera" },
			]),
		);
		expect(kinds(items)).to.equal("user,assistant,tool");
		const chip = items[2] as Extract<ChatItem, { kind: "tool" }>;
		expect(chip.name).to.equal("list_children");
		expect(chip.args).to.equal('{"path": "Workspace"}');
		expect(chip.summary).to.equal("Workspace has 2 children: - Baseplate (Part) - Camera");
		expect(chip.result).to.equal("Workspace has 2 children:\n- Baseplate (Part)\n- Camera");
		expect(chip.running).to.equal(false);
		expect(chip.failed).to.equal(false);
		expect(items[0].key).to.equal("m0");
		expect(chip.key).to.equal("m1:c1");
	});

	it("marks a chip as running until its result arrives, and as failed on an error result", () => {
		const running = buildTranscript(
			input([
				{ role: "user", content: "go" },
				{ role: "assistant", tool_calls: [call("c1", "read_script", "{}")] },
			]),
		)[1] as Extract<ChatItem, { kind: "tool" }>;
		expect(running.running).to.equal(true);
		const failed = buildTranscript(
			input([
				{ role: "user", content: "go" },
				{ role: "assistant", tool_calls: [call("c1", "read_script", "{}")] },
				{ role: "tool", tool_call_id: "c1", content: 'Error: path: no child named "X"' },
			]),
		)[1] as Extract<ChatItem, { kind: "tool" }>;
		expect(failed.failed).to.equal(true);
		expect(failed.summary).to.equal('path: no child named "X"');
	});

	it("caps an expanded chip's result", () => {
		const big = string.rep("x", RESULT_PREVIEW_CAP + 500);
		const chip = buildTranscript(
			input([
				{ role: "user", content: "go" },
				{ role: "assistant", tool_calls: [call("c1", "read_script", "{}")] },
				{ role: "tool", tool_call_id: "c1", content: big },
			]),
		)[1] as Extract<ChatItem, { kind: "tool" }>;
		expect(chip.result.size() < RESULT_PREVIEW_CAP + 40).to.equal(true);
		expect(chip.result.find("500 more bytes", 1, true)[0] !== undefined).to.equal(true);
	});

	it("puts a proposal card in place of the write tool's call", () => {
		const items = buildTranscript(
			input(
				[
					{ role: "user", content: "edit" },
					{ role: "assistant", content: "Here is the change.", tool_calls: [call("c9", "apply_edit", "{}")] },
				],
				{ proposalsByCall: new Map([["c9", "p1"]]) },
			),
		);
		expect(kinds(items)).to.equal("user,assistant,proposal");
		expect((items[2] as Extract<ChatItem, { kind: "proposal" }>).proposalId).to.equal("p1");
	});

	it("shows attempt_completion as the result and ask_user as a question", () => {
		const state: AgentState = { kind: "awaiting_answer", question: "Which?", toolCallId: "q1" };
		const items = buildTranscript(
			input(
				[
					{ role: "user", content: "go" },
					{ role: "assistant", tool_calls: [call("q1", "ask_user", '{"question":"Which?","options":["A","B"]}')] },
				],
				{ state },
			),
		);
		const question = items[1] as Extract<ChatItem, { kind: "question" }>;
		expect(question.kind).to.equal("question");
		expect(question.open).to.equal(true);
		expect(question.options.join(",")).to.equal("A,B");
		const answered = buildTranscript(
			input([
				{ role: "user", content: "go" },
				{ role: "assistant", tool_calls: [call("q1", "ask_user", '{"question":"Which?"}')] },
				{ role: "tool", tool_call_id: "q1", content: "The user answered: B" },
				{ role: "assistant", tool_calls: [call("d1", "attempt_completion", '{"result":"Used B."}')] },
			]),
		);
		expect(kinds(answered)).to.equal("user,question,completion");
		expect((answered[1] as Extract<ChatItem, { kind: "question" }>).answer).to.equal("B");
		expect((answered[2] as Extract<ChatItem, { kind: "completion" }>).text).to.equal("Used B.");
	});

	it("hides the loop's reminders, folds a summary and splits the context note into chips", () => {
		const items = buildTranscript(
			input([
				{
					role: "user",
					content: `Fix it\n\n${CONTEXT_HEADER}\n- Active script (open in the editor): Workspace/Door/Open`,
				},
				{ role: "user", content: `${SUMMARY_HEADER}\nThe user asked for a door.` },
				{ role: "assistant", content: "(empty reply)" },
				{ role: "user", content: NO_TOOL_REMINDER },
			]),
		);
		expect(kinds(items)).to.equal("user,summary");
		const user = items[0] as Extract<ChatItem, { kind: "user" }>;
		expect(user.text).to.equal("Fix it");
		expect(user.attached.join(",")).to.equal("Open");
		expect((items[1] as Extract<ChatItem, { kind: "summary" }>).text).to.equal("The user asked for a door.");
	});

	it("adds the streamed text and a line for the loop's state", () => {
		const messages: Array<ChatMessage> = [{ role: "user", content: "go" }];
		const thinking = buildTranscript(input(messages, { state: { kind: "requesting", purpose: "step" } }));
		expect(kinds(thinking)).to.equal("user,status");
		const streaming = buildTranscript(
			input(messages, { state: { kind: "requesting", purpose: "step" }, streaming: "Hel" }),
		);
		expect(kinds(streaming)).to.equal("user,assistant");
		expect((streaming[1] as Extract<ChatItem, { kind: "assistant" }>).streaming).to.equal(true);
		const tool = buildTranscript(
			input(messages, { state: { kind: "running_tool", toolName: "read_script", toolCallId: "c" } }),
		);
		expect((tool[1] as Extract<ChatItem, { kind: "status" }>).text).to.equal("Running read_script…");
		const stopped = buildTranscript(input(messages, { state: { kind: "stopped" } }));
		expect((stopped[1] as Extract<ChatItem, { kind: "status" }>).tone).to.equal("info");
		const guidance = buildTranscript(
			input(messages, { state: { kind: "awaiting_guidance", mistakes: 3, lastMistake: "bad" } }),
		);
		expect((guidance[1] as Extract<ChatItem, { kind: "status" }>).tone).to.equal("warning");
	});

	it("keeps only the newest items of a long conversation, saying how many were left out", () => {
		const messages = new Array<ChatMessage>();
		for (let index = 0; index < MAX_ITEMS + 20; index++) messages.push({ role: "user", content: `message ${index}` });
		const items = buildTranscript(input(messages, { firstIndex: 100 }));
		expect(items.size()).to.equal(MAX_ITEMS + 1);
		const omitted = items[0] as Extract<ChatItem, { kind: "omitted" }>;
		expect(omitted.count).to.equal(20);
		const last = items[items.size() - 1] as Extract<ChatItem, { kind: "user" }>;
		expect(last.text).to.equal(`message ${MAX_ITEMS + 19}`);
		expect(last.key).to.equal(`m${100 + MAX_ITEMS + 19}`);
	});

	it("labels chips with the last name of a path", () => {
		expect(chipLabel("Active script (open in the editor): Workspace/Door/Open")).to.equal("Open");
		expect(chipLabel("Selected (Part): Workspace")).to.equal("Workspace");
		expect(chipLabel("Also selected: 3 more instances (list_selection lists them all)")).to.equal("3 more instances");
	});
};
