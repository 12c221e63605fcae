/// <reference types="@rbxts/testez/globals" />
import { ChatCompletionRequest, ChatMessage } from "../../../shared/src/proxy-api";
import { AgentEvent } from "./agent-events";
import { AgentLoop, MAX_CONSECUTIVE_MISTAKES, createAgentLoop } from "./agent-loop";
import { AgentSettings, DEFAULT_AGENT_SETTINGS } from "./agent-settings";
import { AgentState } from "./agent-state";
import { SUMMARY_HEADER, SUMMARY_SYSTEM_PROMPT } from "./compaction";
import { contentText } from "./conversation";
import { pairsIntact } from "./dev/conversation-checks";
import { MemoryProposals } from "./dev/memory-proposals";
import { MemorySettings } from "./dev/memory-settings";
import { ScriptedChatClient, ScriptedStep, callsTool, fails, says, toolCall } from "./dev/scripted-chat-client";
import { NOTES, SpecToolbox, createSpecToolbox } from "./dev/spec-tools";
import {
	COMPLETION_ACK,
	INTERRUPTED_RESULT,
	NO_TOOL_REMINDER,
	STOPPED_APPLYING_RESULT,
	STOPPED_PROPOSAL_REASON,
	STOPPED_PROPOSAL_RESULT,
	STOPPED_QUESTION_RESULT,
	STOPPED_RESULT,
	planModeWriteResult,
} from "./loop-messages";
import { SESSION_SETTING_KEY, createSessionStore } from "./session-store";
import { buildSystemPrompt } from "./system-prompt";
import { estimateFixedTokens, estimateMessagesTokens, promptLimit } from "./token-budget";

interface Harness {
	readonly client: ScriptedChatClient;
	readonly toolbox: SpecToolbox;
	readonly proposals: MemoryProposals;
	readonly loop: AgentLoop;
	readonly events: Array<AgentEvent>;
	readonly settings: { value: AgentSettings };
}

const loops = new Array<AgentLoop>();

function setup(
	steps: ReadonlyArray<ScriptedStep>,
	options: {
		settings?: Partial<AgentSettings>;
		sessions?: MemorySettings;
		proposals?: MemoryProposals;
		toolbox?: SpecToolbox;
	} = {},
): Harness {
	const client = new ScriptedChatClient(steps);
	const toolbox = options.toolbox ?? createSpecToolbox();
	const proposals = options.proposals ?? new MemoryProposals();
	const settings = { value: { ...DEFAULT_AGENT_SETTINGS, ...options.settings } };
	const loop = createAgentLoop({
		client,
		toolbox,
		proposals,
		sessions: options.sessions ? createSessionStore(options.sessions) : undefined,
		settings: () => settings.value,
	});
	loops.push(loop);
	const events = new Array<AgentEvent>();
	loop.subscribe((event) => events.push(event));
	return { client, toolbox, proposals, loop, events, settings };
}

function text(message: ChatMessage | undefined): string {
	return message === undefined ? "" : contentText(message.content);
}

function has(haystack: string, needle: string): boolean {
	return haystack.find(needle, 1, true)[0] !== undefined;
}

function last<T extends defined>(list: ReadonlyArray<T>): T {
	return list[list.size() - 1];
}

function roles(request: ChatCompletionRequest): string {
	return request.messages.map((message) => message.role).join(",");
}

function toolNames(request: ChatCompletionRequest): string {
	return (request.tools ?? []).map((tool) => tool.function.name).join(",");
}

function stateKinds(events: ReadonlyArray<AgentEvent>): string {
	const kinds = new Array<string>();
	for (const event of events) if (event.kind === "state_changed") kinds.push(event.state.kind);
	return kinds.join(",");
}

function ofKind<K extends AgentEvent["kind"]>(
	events: ReadonlyArray<AgentEvent>,
	kind: K,
): Array<Extract<AgentEvent, { kind: K }>> {
	const found = new Array<Extract<AgentEvent, { kind: K }>>();
	for (const event of events) if (event.kind === kind) found.push(event as Extract<AgentEvent, { kind: K }>);
	return found;
}

function stateOf<K extends AgentState["kind"]>(loop: AgentLoop, kind: K): Extract<AgentState, { kind: K }> {
	const state = loop.getState();
	if (state.kind !== kind) error(`expected state ${kind}, got ${state.kind}`);
	return state as Extract<AgentState, { kind: K }>;
}

/** The last tool result of a request's messages. */
function lastToolResult(request: ChatCompletionRequest): string {
	for (let index = request.messages.size() - 1; index >= 0; index--) {
		if (request.messages[index].role === "tool") return text(request.messages[index]);
	}
	return "";
}

const done = (result = "Done.") => callsTool("attempt_completion", { result });

export = () => {
	afterEach(() => {
		for (const loop of loops) loop.destroy();
		loops.clear();
	});

	describe("agent loop: steps", () => {
		it("sends the system prompt, the Act tools and the task; a read tool's result goes back and the loop goes on", () => {
			const h = setup([callsTool("read_note", { name: "a" }), done("The door is red.")]);
			expect(h.loop.getState().kind).to.equal("idle");
			expect(h.loop.send("What colour is the door?").ok).to.equal(true);

			expect(h.client.requests.size()).to.equal(2);
			const first = h.client.requests[0];
			expect(roles(first)).to.equal("system,user");
			expect(text(first.messages[0])).to.equal(buildSystemPrompt("act"));
			expect(text(first.messages[1])).to.equal("What colour is the door?");
			expect(toolNames(first)).to.equal(
				"read_note,slow_read,big_read,set_note,edit_script,attempt_completion,ask_user",
			);
			expect(first.parallel_tool_calls).to.equal(false);

			const second = h.client.requests[1];
			expect(roles(second)).to.equal("system,user,assistant,tool");
			const reply = second.messages[2];
			expect(reply.role === "assistant" && reply.tool_calls![0].function.name).to.equal("read_note");
			expect(text(second.messages[3])).to.equal(NOTES.a);
			expect(pairsIntact(second.messages)).to.equal(true);

			expect(stateOf(h.loop, "completed").result).to.equal("The door is red.");
			expect(stateKinds(h.events)).to.equal("requesting,running_tool,requesting,running_tool,completed");
			const used = ofKind(h.events, "tool_used");
			expect(used.size()).to.equal(2);
			expect(used[0].name).to.equal("read_note");
			expect(used[0].args).to.equal('{"name":"a"}');
			expect(used[0].result).to.equal(NOTES.a);
			expect(used[0].failed).to.equal(false);
			// attempt_completion is answered too, so a later message can continue the conversation.
			expect(text(last(h.loop.getConversation()!.messages))).to.equal(COMPLETION_ACK);
		});

		it("announces every message and counts tokens before every request", () => {
			const h = setup([callsTool("read_note", { name: "b" }), done()]);
			h.loop.send("task");
			const added = ofKind(h.events, "message_added").map((event) => event.message.role);
			expect(added.join(",")).to.equal("user,assistant,tool,assistant,tool");
			const tokens = ofKind(h.events, "tokens");
			expect(tokens.size()).to.equal(2);
			expect(tokens[1].tokens > tokens[0].tokens).to.equal(true);
			expect(tokens[0].limit).to.equal(promptLimit(DEFAULT_AGENT_SETTINGS.window));
		});

		it("streams assistant text as text_delta events", () => {
			const h = setup([
				{
					kind: "reply",
					content: "Let me look.",
					deltas: ["Let me ", "look."],
					toolCalls: [toolCall("read_note", { name: "a" })],
				},
				done(),
			]);
			h.loop.send("task");
			expect(
				ofKind(h.events, "text_delta")
					.map((event) => event.text)
					.join("|"),
			).to.equal("Let me |look.");
			const reply = h.client.requests[1].messages[2];
			expect(text(reply)).to.equal("Let me look.");
		});

		it("offers read and control tools only in Plan mode, with the Plan prompt", () => {
			const h = setup([done("1. Paint Workspace/Door red.")]);
			h.loop.setMode("plan");
			h.loop.send("Plan a red door");
			const request = h.client.requests[0];
			expect(toolNames(request)).to.equal("read_note,slow_read,big_read,attempt_completion,ask_user");
			expect(text(request.messages[0])).to.equal(buildSystemPrompt("plan"));
			expect(h.loop.getMode()).to.equal("plan");
		});

		it("switching mode applies from the next request", () => {
			const h = setup([callsTool("read_note", { name: "a" }), done()]);
			h.loop.setMode("plan");
			h.loop.send("task");
			expect(toolNames(h.client.requests[0]).find("set_note", 1, true)[0]).to.equal(undefined);
			h.loop.setMode("act");
			h.client.enqueue(done());
			h.loop.send("now do it");
			expect(has(toolNames(h.client.requests[2]), "set_note")).to.equal(true);
		});

		it("a write tool called in Plan mode anyway is a tool error, and no proposal is made", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()], {
				toolbox: createSpecToolbox(undefined, { guardPlanMode: false }),
			});
			h.loop.setMode("plan");
			h.loop.send("task");
			expect(lastToolResult(h.client.requests[1])).to.equal(`Error: ${planModeWriteResult("set_note")}`);
			expect(h.proposals.log.size()).to.equal(0);
			expect(h.loop.getProposalIds().size()).to.equal(0);
		});
	});

	describe("agent loop: protocol mistakes", () => {
		it("shows a reply without a tool call as text, reminds the model of the rules, and counts a mistake", () => {
			const h = setup([says("I think the door should be red."), done()]);
			h.loop.send("task");
			const added = ofKind(h.events, "message_added");
			expect(added[1].message.role).to.equal("assistant");
			expect(text(added[1].message)).to.equal("I think the door should be red.");
			const second = h.client.requests[1];
			expect(roles(second)).to.equal("system,user,assistant,user");
			expect(text(last(second.messages))).to.equal(NO_TOOL_REMINDER);
			expect(h.loop.getState().kind).to.equal("completed");
			// The valid call afterwards reset the count.
			expect(h.loop.getMistakes()).to.equal(0);
		});

		it("runs only the first of several tool calls and tells the model why the others did not run", () => {
			const calls = [
				toolCall("read_note", { name: "a" }),
				toolCall("read_note", { name: "b" }),
				toolCall("set_note", { path: "Workspace/Door", value: "red" }),
			];
			const h = setup([{ kind: "reply", content: "", toolCalls: calls }, done()]);
			h.loop.send("task");
			expect(h.toolbox.executed.join(",")).to.equal("read_note,attempt_completion");
			const second = h.client.requests[1];
			expect(roles(second)).to.equal("system,user,assistant,tool,tool,tool");
			const results = second.messages.filter((message) => message.role === "tool");
			expect(results[0].role === "tool" && results[0].tool_call_id).to.equal(calls[0].id);
			expect(text(results[0])).to.equal(NOTES.a);
			expect(results[1].role === "tool" && results[1].tool_call_id).to.equal(calls[1].id);
			expect(has(text(results[1]), "only the first (read_note) ran")).to.equal(true);
			expect(has(text(results[2]), "Call set_note in a later message")).to.equal(true);
			expect(h.proposals.log.size()).to.equal(0);
			expect(pairsIntact(second.messages)).to.equal(true);
		});

		it("sends malformed arguments, unknown tools and failed validation back as precise errors; three in a row stop and ask the user", () => {
			const h = setup([
				callsTool("read_note", "{not json"),
				callsTool("paint_everything", { colour: "red" }),
				callsTool("read_note", { title: "a" }),
				done(),
			]);
			h.loop.send("task");
			expect(h.client.requests.size()).to.equal(3);
			const guidance = stateOf(h.loop, "awaiting_guidance");
			expect(guidance.mistakes).to.equal(MAX_CONSECUTIVE_MISTAKES);
			expect(has(guidance.lastMistake, '"name" is required')).to.equal(true);
			expect(has(lastToolResult(h.client.requests[1]), "not valid JSON")).to.equal(true);
			expect(has(lastToolResult(h.client.requests[2]), 'There is no tool named "paint_everything"')).to.equal(true);
			const conversation = h.loop.getConversation()!;
			expect(
				has(text(last(conversation.messages)), 'Error: Invalid arguments for read_note: "name" is required'),
			).to.equal(true);
			expect(
				ofKind(h.events, "tool_used")
					.filter((event) => event.failed)
					.size(),
			).to.equal(3);
			expect(h.toolbox.executed.size()).to.equal(0);

			// The user's guidance goes in as a user message and the loop goes on.
			expect(h.loop.send("Use read_note with name a.").ok).to.equal(true);
			expect(h.loop.getMistakes()).to.equal(0);
			const guided = h.client.requests[3];
			expect(text(last(guided.messages))).to.equal("Use read_note with name a.");
			expect(pairsIntact(guided.messages)).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("counts only consecutive mistakes: a valid call resets the count", () => {
			const h = setup([
				callsTool("nope"),
				says("hmm"),
				callsTool("read_note", { name: "a" }),
				callsTool("nope"),
				callsTool("read_note", { name: "zzz" }),
				done(),
			]);
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("completed");
			expect(h.client.requests.size()).to.equal(6);
			// read_note with an unknown note is the tool's own error, also counted.
			expect(has(lastToolResult(h.client.requests[5]), 'Error: no note named "zzz"')).to.equal(true);
		});

		it("three replies without a tool call also stop the loop", () => {
			const h = setup([says("one"), says("two"), says("three"), done()]);
			h.loop.send("task");
			expect(h.client.requests.size()).to.equal(3);
			expect(stateOf(h.loop, "awaiting_guidance").lastMistake).to.equal("the reply had no tool call");
		});

		it("a tool runner that throws is a tool error, not a crash", () => {
			const toolbox = createSpecToolbox();
			const throwing: SpecToolbox = {
				executed: toolbox.executed,
				toChatTools(mode) {
					return toolbox.toChatTools(mode);
				},
				run(mode, call) {
					return call.function.name === "read_note" ? error("boom") : toolbox.run(mode, call);
				},
			};
			const h = setup([callsTool("read_note", { name: "a" }), done()], { toolbox: throwing });
			h.loop.send("task");
			expect(has(lastToolResult(h.client.requests[1]), "the tool failed unexpectedly")).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
		});
	});

	describe("agent loop: proposals", () => {
		it("turns a write tool into a proposal and waits; approval comes back with the waypoint and what was applied", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()]);
			h.loop.send("Make the door red");
			const waiting = stateOf(h.loop, "awaiting_approval");
			expect(waiting.proposalId).to.equal("p1");
			expect(waiting.autoApproved).to.equal(false);
			expect(h.client.requests.size()).to.equal(1);
			expect(h.proposals.get("p1")!.state).to.equal("pending");
			expect(h.proposals.get("p1")!.toolCallId).to.equal(waiting.toolCallId);
			const created = ofKind(h.events, "proposal_created");
			expect(created.size()).to.equal(1);
			expect(created[0].proposal.summary).to.equal("Set Workspace/Door to red");
			expect(h.loop.getProposalIds().join(",")).to.equal("p1");
			expect(ofKind(h.events, "tool_used")[0].result).to.equal("proposal: Set Workspace/Door to red");

			// Nothing happens while the user thinks.
			task.wait(30);
			expect(h.client.requests.size()).to.equal(1);

			h.proposals.decide("p1", "approved");
			h.proposals.decide("p1", "applying");
			task.wait();
			expect(h.client.requests.size()).to.equal(1);

			h.proposals.decide("p1", "applied", { waypoint: "Vector: Set Workspace/Door to red" });
			task.wait();
			expect(h.client.requests.size()).to.equal(2);
			const result = lastToolResult(h.client.requests[1]);
			expect(has(result, "The user approved it and it was applied")).to.equal(true);
			expect(has(result, 'undo step "Vector: Set Workspace/Door to red"')).to.equal(true);
			expect(has(result, "- set Value on Workspace/Door")).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("sends a rejection's reason back, and a message typed while a proposal waits rejects it with that text", () => {
			const h = setup([
				callsTool("set_note", { path: "Workspace/Door", value: "pink" }),
				callsTool("set_note", { path: "Workspace/Door", value: "orange" }),
				done(),
			]);
			h.loop.send("Make the door bright");
			h.proposals.reject("p1", "Too bright");
			task.wait();
			expect(has(lastToolResult(h.client.requests[1]), "Their reason: Too bright")).to.equal(true);
			expect(stateOf(h.loop, "awaiting_approval").proposalId).to.equal("p2");

			expect(h.loop.send("Use blue instead").ok).to.equal(true);
			task.wait();
			expect(h.proposals.get("p2")!.state).to.equal("rejected");
			expect(has(lastToolResult(h.client.requests[2]), "Their reason: Use blue instead")).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
			expect(h.loop.getProposalIds().join(",")).to.equal("p1,p2");
		});

		it("refuses a message while the waiting proposal is being applied", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()]);
			h.loop.send("task");
			h.proposals.decide("p1", "applying");
			const refused = h.loop.send("actually, blue");
			expect(!refused.ok && refused.code).to.equal("busy");
			expect(h.proposals.log.join(";")).to.equal("create p1");
			h.proposals.decide("p1", "applied", { waypoint: "w" });
			task.wait();
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("sends the reason of a failed or stale proposal back", () => {
			const h = setup([
				callsTool("set_note", { path: "Workspace/Door", value: "red" }),
				callsTool("edit_script", { path: "ServerScriptService/Main", text: "print(1)" }),
				done(),
			]);
			h.loop.send("task");
			h.proposals.decide("p1", "failed", { reason: "Workspace/Door no longer exists" });
			task.wait();
			expect(
				has(
					lastToolResult(h.client.requests[1]),
					"failed to apply and the place was left unchanged: Workspace/Door no longer exists",
				),
			).to.equal(true);
			h.proposals.decide("p2", "stale", {
				reason: "the script changed after it was proposed",
				conflicts: [{ path: "ServerScriptService/Main", detail: "line 3 was edited by the user" }],
			});
			task.wait();
			const stale = lastToolResult(h.client.requests[2]);
			expect(has(stale, "went stale")).to.equal(true);
			expect(has(stale, "line 3 was edited by the user")).to.equal(true);
		});

		it("answers the other calls of a write tool's reply once the proposal is decided", () => {
			const calls = [
				toolCall("set_note", { path: "Workspace/Door", value: "red" }),
				toolCall("read_note", { name: "a" }),
			];
			const h = setup([{ kind: "reply", content: "", toolCalls: calls }, done()]);
			h.loop.send("task");
			h.proposals.decide("p1", "applied", { waypoint: "w" });
			task.wait();
			const request = h.client.requests[1];
			expect(roles(request)).to.equal("system,user,assistant,tool,tool");
			expect(has(text(request.messages[4]), "only the first (set_note) ran")).to.equal(true);
			expect(pairsIntact(request.messages)).to.equal(true);
		});

		it("auto-approves per category without waiting; other categories still wait (all off by default)", () => {
			const h = setup(
				[
					callsTool("set_note", { path: "Workspace/Door", value: "red" }),
					callsTool("edit_script", { path: "ServerScriptService/Main", text: "print(1)" }),
					done(),
				],
				{ settings: { autoApprove: { script_edits: false, instance_changes: true, asset_inserts: false } } },
			);
			expect(DEFAULT_AGENT_SETTINGS.autoApprove.script_edits).to.equal(false);
			expect(DEFAULT_AGENT_SETTINGS.autoApprove.instance_changes).to.equal(false);
			expect(DEFAULT_AGENT_SETTINGS.autoApprove.asset_inserts).to.equal(false);
			h.loop.send("task");
			task.wait();
			expect(h.proposals.log.join(";")).to.equal("create p1;approve p1;create p2");
			expect(has(lastToolResult(h.client.requests[1]), "Auto-approved (the user's setting) and applied")).to.equal(
				true,
			);
			const waiting = stateOf(h.loop, "awaiting_approval");
			expect(waiting.proposalId).to.equal("p2");
			expect(waiting.autoApproved).to.equal(false);
		});

		it("sends the reason back when an auto-approved proposal fails to apply", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()], {
				settings: { autoApprove: { script_edits: true, instance_changes: true, asset_inserts: true } },
			});
			h.proposals.approveOutcome = "failed";
			h.loop.send("task");
			task.wait();
			expect(has(lastToolResult(h.client.requests[1]), "failed to apply")).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("ignores decisions about proposals it is not waiting for", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()]);
			h.loop.send("task");
			const other = h.proposals.create("elsewhere", [], "call_other");
			h.proposals.decide(other.id, "applied");
			task.wait();
			expect(h.client.requests.size()).to.equal(1);
			expect(stateOf(h.loop, "awaiting_approval").proposalId).to.equal("p1");
		});
	});

	describe("agent loop: the user", () => {
		it("waits for the answer to ask_user and sends it back as the tool result", () => {
			const h = setup([callsTool("ask_user", { question: "Which colour?", options: ["red", "blue"] }), done()]);
			h.loop.send("Paint the door");
			const asking = stateOf(h.loop, "awaiting_answer");
			expect(asking.question).to.equal("Which colour?");
			expect(asking.options!.join(",")).to.equal("red,blue");
			task.wait(30);
			expect(h.client.requests.size()).to.equal(1);
			h.loop.send("blue");
			expect(lastToolResult(h.client.requests[1])).to.equal("The user answered: blue");
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("continues a completed task with a new message", () => {
			const h = setup([done("first"), done("second")]);
			h.loop.send("task");
			h.loop.send("and one more thing");
			const request = h.client.requests[1];
			expect(roles(request)).to.equal("system,user,assistant,tool,user");
			expect(text(last(request.messages))).to.equal("and one more thing");
			expect(stateOf(h.loop, "completed").result).to.equal("second");
		});

		it("refuses an empty message and a message while a step is in flight", () => {
			const h = setup([{ kind: "reply", delay: 5, toolCalls: [toolCall("read_note", { name: "a" })] }, done()]);
			expect(h.loop.send("   ").ok).to.equal(false);
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("requesting");
			const refused = h.loop.send("hurry up");
			expect(!refused.ok && refused.code).to.equal("busy");
			task.wait(6);
			expect(h.loop.getState().kind).to.equal("completed");
			expect(h.client.requests.size()).to.equal(2);
		});

		it("Stop cancels the request in flight and drops its late answer; a new message continues", () => {
			const h = setup([
				{
					kind: "reply",
					delay: 5,
					deltas: ["late text"],
					toolCalls: [toolCall("set_note", { path: "Workspace/Door", value: "red" })],
				},
				done("continued"),
			]);
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("requesting");
			h.loop.stop();
			expect(h.loop.getState().kind).to.equal("stopped");
			expect(h.client.options[0].cancel!.cancelled).to.equal(true);

			expect(h.loop.send("go on").ok).to.equal(true);
			expect(stateOf(h.loop, "completed").result).to.equal("continued");
			expect(roles(h.client.requests[1])).to.equal("system,user,user");

			task.wait(6);
			// The late reply of the stopped request changed nothing.
			expect(stateOf(h.loop, "completed").result).to.equal("continued");
			expect(h.proposals.log.size()).to.equal(0);
			expect(ofKind(h.events, "text_delta").size()).to.equal(0);
			const conversation = h.loop.getConversation()!;
			expect(conversation.messages.size()).to.equal(4);
			expect(pairsIntact(conversation.messages)).to.equal(true);
		});

		it("Stop while a slow tool runs answers the call for the model and drops the tool's late outcome", () => {
			const h = setup([callsTool("slow_read"), done()]);
			h.loop.send("task");
			expect(stateOf(h.loop, "running_tool").toolName).to.equal("slow_read");
			h.loop.stop();
			expect(text(last(h.loop.getConversation()!.messages))).to.equal(STOPPED_RESULT);
			task.wait(6);
			expect(h.loop.getState().kind).to.equal("stopped");
			expect(h.loop.getConversation()!.messages.size()).to.equal(3);
			expect(h.client.requests.size()).to.equal(1);
		});

		it("Stop while a proposal waits withdraws it, and its rejection does not restart the loop", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()]);
			h.loop.send("task");
			h.loop.stop();
			expect(h.loop.getState().kind).to.equal("stopped");
			expect(h.proposals.get("p1")!.state).to.equal("rejected");
			expect(h.proposals.get("p1")!.reason).to.equal(STOPPED_PROPOSAL_REASON);
			expect(text(last(h.loop.getConversation()!.messages))).to.equal(STOPPED_PROPOSAL_RESULT);
			task.wait(1);
			expect(h.client.requests.size()).to.equal(1);
			expect(h.loop.getState().kind).to.equal("stopped");
		});

		it("Stop while the proposal is being applied leaves it to the store and tells the model", () => {
			const h = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" }), done()]);
			h.loop.send("task");
			h.proposals.decide("p1", "applying");
			h.loop.stop();
			expect(h.loop.getState().kind).to.equal("stopped");
			expect(text(last(h.loop.getConversation()!.messages))).to.equal(STOPPED_APPLYING_RESULT);
			expect(h.proposals.log.join(";")).to.equal("create p1");
			h.proposals.decide("p1", "applied", { waypoint: "w" });
			task.wait();
			expect(h.client.requests.size()).to.equal(1);
			expect(h.loop.getState().kind).to.equal("stopped");
		});

		it("Stop while a question waits answers it for the model", () => {
			const h = setup([callsTool("ask_user", { question: "Which?" })]);
			h.loop.send("task");
			h.loop.stop();
			expect(text(last(h.loop.getConversation()!.messages))).to.equal(STOPPED_QUESTION_RESULT);
			expect(pairsIntact(h.loop.getConversation()!.messages)).to.equal(true);
		});

		it("reset forgets the conversation; the next message starts a new task", () => {
			const h = setup([done(), done("new")]);
			h.loop.send("old task");
			h.loop.reset();
			expect(h.loop.getState().kind).to.equal("idle");
			expect(h.loop.getConversation()).to.equal(undefined);
			h.loop.send("new task");
			expect(roles(h.client.requests[1])).to.equal("system,user");
			expect(h.loop.getConversation()!.task).to.equal("new task");
		});
	});

	describe("agent loop: errors", () => {
		it("turns a proxy error into an error state with Retry, which sends the same step again", () => {
			const h = setup([
				callsTool("read_note", { name: "a" }),
				fails({ code: "rate_limited", message: "Too many requests: wait a moment.", retryAfter: 20 }),
				done(),
			]);
			expect(h.loop.retry().ok).to.equal(false);
			h.loop.send("task");
			const failed = stateOf(h.loop, "error");
			expect(failed.error.code).to.equal("rate_limited");
			expect(failed.error.retryAfter).to.equal(20);
			const errors = ofKind(h.events, "error");
			expect(errors.size()).to.equal(1);
			expect(errors[0].error.message).to.equal("Too many requests: wait a moment.");

			expect(h.loop.retry().ok).to.equal(true);
			expect(h.client.requests.size()).to.equal(3);
			const before = h.client.requests[1];
			const again = h.client.requests[2];
			expect(roles(again)).to.equal(roles(before));
			expect(text(again.messages[0])).to.equal(text(before.messages[0]));
			for (let i = 1; i < again.messages.size(); i++) expect(again.messages[i]).to.equal(before.messages[i]);
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("a chat client that throws is an error state, not a crash", () => {
			const h = setup([{ kind: "throw", message: "socket exploded" }, done()]);
			h.loop.send("task");
			const failed = stateOf(h.loop, "error");
			expect(failed.error.code).to.equal("internal");
			expect(has(failed.error.message, "socket exploded")).to.equal(true);
			h.loop.retry();
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("a listener that throws does not break the loop", () => {
			const h = setup([done()]);
			h.loop.subscribe(() => error("bad listener"));
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("completed");
		});
	});

	describe("agent loop: context window", () => {
		function windowFor(toolbox: SpecToolbox, room: number) {
			const fixed = estimateFixedTokens(buildSystemPrompt("act"), toolbox.toChatTools("act"));
			return { fixed, window: { contextWindow: fixed + room + 500, replyReserve: 500 } };
		}

		it("compacts before a request would overflow: the task and the newest turn stay verbatim, older turns become the summary", () => {
			const toolbox = createSpecToolbox();
			const { fixed, window } = windowFor(toolbox, 1400);
			const h = setup(
				[
					callsTool("big_read", { name: "x1" }),
					callsTool("big_read", { name: "x2" }),
					callsTool("big_read", { name: "x3" }),
					says("The user wants x1-x3 read. x1 and x2 were read: lorem ipsum."),
					done("Read them all."),
				],
				{ toolbox, settings: { window, keepTurns: 1, summaryTokens: 200 } },
			);
			h.loop.send("Read x1, x2 and x3");
			expect(h.loop.getState().kind).to.equal("completed");
			expect(h.client.requests.size()).to.equal(5);

			const summaryRequest = h.client.requests[3];
			expect(summaryRequest.tools).to.equal(undefined);
			expect(text(summaryRequest.messages[0])).to.equal(SUMMARY_SYSTEM_PROMPT);
			expect(has(text(summaryRequest.messages[1]), "x1: lorem")).to.equal(true);
			expect(has(text(summaryRequest.messages[1]), "x3: lorem")).to.equal(false);

			const after = h.client.requests[4];
			expect(roles(after)).to.equal("system,user,user,assistant,tool");
			expect(text(after.messages[1])).to.equal("Read x1, x2 and x3");
			expect(text(after.messages[2])).to.equal(
				`${SUMMARY_HEADER}\nThe user wants x1-x3 read. x1 and x2 were read: lorem ipsum.`,
			);
			const newest = after.messages[3];
			expect(newest.role === "assistant" && newest.tool_calls![0].function.arguments).to.equal('{"name":"x3"}');
			expect(has(text(after.messages[4]), "x3: lorem")).to.equal(true);
			expect(pairsIntact(after.messages)).to.equal(true);

			// No step request ever went over the limit.
			const limit = promptLimit(window);
			for (const index of [0, 1, 2, 4]) {
				const request = h.client.requests[index];
				const messages = request.messages.filter((_, i) => i > 0);
				expect(fixed + estimateMessagesTokens(messages) <= limit).to.equal(true);
			}
			const compacted = ofKind(h.events, "compacted");
			expect(compacted.size()).to.equal(1);
			expect(compacted[0].method).to.equal("summary");
			expect(compacted[0].tokensBefore > limit).to.equal(true);
			expect(compacted[0].tokensAfter <= limit).to.equal(true);
			expect(h.loop.getConversation()!.compactions).to.equal(1);
			expect(
				stateKinds(h.events).find(
					"requesting,running_tool,requesting,running_tool,requesting,running_tool,requesting,requesting",
					1,
					true,
				)[0],
			).to.equal(1);
		});

		it("counts from the provider's reported usage once there is one", () => {
			const toolbox = createSpecToolbox();
			const { fixed } = windowFor(toolbox, 0);
			const estimated = fixed + estimateMessagesTokens([{ role: "user", content: "task" }]);
			const reported = math.floor(estimated * 1.5);
			const h = setup(
				[
					callsTool(
						"read_note",
						{ name: "a" },
						{ usage: { prompt_tokens: reported, completion_tokens: 10, total_tokens: reported + 10 } },
					),
					done(),
				],
				{ toolbox },
			);
			h.loop.send("task");
			const tokens = ofKind(h.events, "tokens");
			expect(tokens[0].measured).to.equal(false);
			expect(tokens[0].tokens).to.equal(estimated);
			expect(tokens[1].measured).to.equal(true);
			const added = estimateMessagesTokens(h.client.requests[1].messages.filter((_, i) => i >= 2));
			expect(tokens[1].tokens).to.equal(reported + math.ceil(added * (reported / estimated)));
		});

		it("calibrates its estimates by the provider's count, so a denser tokenizer cannot overflow the window", () => {
			const toolbox = createSpecToolbox();
			const { fixed } = windowFor(toolbox, 0);
			const taskTokens = estimateMessagesTokens([{ role: "user", content: "Read x1 to x5" }]);
			// The provider counts twice what we estimate; the window has room for 1400 of its tokens of
			// conversation, which by our uncalibrated estimate would be room for all five readings.
			const window = { contextWindow: 2 * fixed + 2 * 1400 + 500, replyReserve: 500 };
			const limit = promptLimit(window);
			const twice = 2 * (fixed + taskTokens);
			const h = setup(
				[
					callsTool(
						"big_read",
						{ name: "x1" },
						{ usage: { prompt_tokens: twice, completion_tokens: 10, total_tokens: twice + 10 } },
					),
					callsTool("big_read", { name: "x2" }),
					callsTool("big_read", { name: "x3" }),
					says("x1 and x2 read"),
					done(),
				],
				{ toolbox, settings: { window, keepTurns: 1, summaryTokens: 200 } },
			);
			h.loop.send("Read x1 to x5");
			expect(h.client.requests[3].tools).to.equal(undefined);
			const compacted = ofKind(h.events, "compacted");
			expect(compacted.size()).to.equal(1);
			expect(compacted[0].tokensAfter <= limit).to.equal(true);
			const after = h.client.requests[4].messages.filter((_, i) => i > 0);
			expect(2 * (fixed + estimateMessagesTokens(after)) <= limit).to.equal(true);
			expect(h.loop.getState().kind).to.equal("completed");
		});

		it("falls back to dropping older turns with a note when the summary request fails", () => {
			const toolbox = createSpecToolbox();
			const { window } = windowFor(toolbox, 1400);
			const h = setup(
				[
					callsTool("big_read", { name: "x1" }),
					callsTool("big_read", { name: "x2" }),
					callsTool("big_read", { name: "x3" }),
					fails({ code: "upstream_error", message: "provider down" }),
					done(),
				],
				{ toolbox, settings: { window, keepTurns: 1, summaryTokens: 200 } },
			);
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("completed");
			const after = h.client.requests[4];
			expect(has(text(after.messages[2]), "earlier messages were removed")).to.equal(true);
			expect(ofKind(h.events, "compacted")[0].method).to.equal("dropped");
		});

		it("shows an error instead of sending a request the task alone overflows", () => {
			const toolbox = createSpecToolbox();
			const { window } = windowFor(toolbox, 100);
			const h = setup([done()], { toolbox, settings: { window } });
			h.loop.send(string.rep("a very long task ", 200));
			expect(stateOf(h.loop, "error").error.code).to.equal("context_overflow");
			expect(h.client.requests.size()).to.equal(0);
		});
	});

	describe("agent loop: reloads", () => {
		it("saves after every state change and resumes a waiting proposal after a reload", () => {
			const settings = new MemorySettings();
			const proposals = new MemoryProposals();
			const first = setup([callsTool("set_note", { path: "Workspace/Door", value: "red" })], {
				sessions: settings,
				proposals,
			});
			first.loop.send("Make the door red");
			// requesting, running_tool, awaiting_approval
			expect(settings.writes).to.equal(3);
			first.loop.destroy();
			expect(proposals.listenerCount()).to.equal(0);

			const second = setup([done("Painted.")], { sessions: settings, proposals });
			expect(second.loop.getRestoreProblem()).to.equal(undefined);
			expect(stateOf(second.loop, "awaiting_approval").proposalId).to.equal("p1");
			expect(second.loop.getProposalIds().join(",")).to.equal("p1");
			expect(second.loop.getConversation()!.messages.size()).to.equal(2);
			expect(second.client.requests.size()).to.equal(0);

			proposals.decide("p1", "applied", { waypoint: "Vector: paint" });
			task.wait();
			expect(second.client.requests.size()).to.equal(1);
			expect(has(lastToolResult(second.client.requests[0]), 'undo step "Vector: paint"')).to.equal(true);
			expect(text(second.client.requests[0].messages[1])).to.equal("Make the door red");
			expect(stateOf(second.loop, "completed").result).to.equal("Painted.");
		});

		it("resumes a reload during a request as an error with Retry, sends nothing by itself and drops the old late answer", () => {
			const settings = new MemorySettings();
			const proposals = new MemoryProposals();
			const first = setup(
				[{ kind: "reply", delay: 5, toolCalls: [toolCall("set_note", { path: "Workspace/Door", value: "red" })] }],
				{
					sessions: settings,
					proposals,
				},
			);
			first.loop.send("task");
			first.loop.destroy();

			const second = setup([done("again")], { sessions: settings, proposals });
			const resumed = stateOf(second.loop, "error");
			expect(resumed.error.code).to.equal("interrupted");
			expect(second.client.requests.size()).to.equal(0);
			const saved = settings.values.get(SESSION_SETTING_KEY);

			task.wait(6);
			expect(proposals.log.size()).to.equal(0);
			expect(settings.values.get(SESSION_SETTING_KEY)).to.equal(saved);
			expect(second.loop.getConversation()!.messages.size()).to.equal(1);

			second.loop.retry();
			expect(roles(second.client.requests[0])).to.equal(roles(first.client.requests[0]));
			expect(text(second.client.requests[0].messages[1])).to.equal("task");
			expect(stateOf(second.loop, "completed").result).to.equal("again");
		});

		it("resumes a reload during a tool as an error, telling the model the tool did not complete", () => {
			const settings = new MemorySettings();
			const first = setup([callsTool("slow_read")], { sessions: settings });
			first.loop.send("task");
			first.loop.destroy();
			const second = setup([done()], { sessions: settings });
			expect(stateOf(second.loop, "error").error.code).to.equal("interrupted");
			expect(text(last(second.loop.getConversation()!.messages))).to.equal(INTERRUPTED_RESULT);
			task.wait(6);
			expect(second.loop.getConversation()!.messages.size()).to.equal(3);
			second.loop.retry();
			expect(pairsIntact(second.client.requests[0].messages)).to.equal(true);
			expect(second.loop.getState().kind).to.equal("completed");
		});

		it("keeps the mode and the question waiting for an answer", () => {
			const settings = new MemorySettings();
			const first = setup([callsTool("nope"), callsTool("ask_user", { question: "Which door?" })], {
				sessions: settings,
			});
			first.loop.setMode("plan");
			first.loop.send("task");
			first.loop.destroy();
			const second = setup([done()], { sessions: settings });
			expect(second.loop.getMode()).to.equal("plan");
			expect(stateOf(second.loop, "awaiting_answer").question).to.equal("Which door?");
			second.loop.send("the front one");
			expect(lastToolResult(second.client.requests[0])).to.equal("The user answered: the front one");
		});

		it("starts fresh, without crashing, when the saved session is corrupt", () => {
			const settings = new MemorySettings();
			settings.values.set(SESSION_SETTING_KEY, '{"version":1,"mode":"act","state":{"kind":');
			const h = setup([done()], { sessions: settings });
			expect(h.loop.getState().kind).to.equal("idle");
			expect(h.loop.getConversation()).to.equal(undefined);
			expect(has(h.loop.getRestoreProblem()!, "starting a new conversation")).to.equal(true);
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("completed");
			const reloaded = setup([], { sessions: settings });
			expect(reloaded.loop.getRestoreProblem()).to.equal(undefined);
			expect(reloaded.loop.getState().kind).to.equal("completed");
		});

		it("reports a failing save once as an error event and keeps working", () => {
			const settings = new MemorySettings();
			settings.failWrites = true;
			const h = setup([callsTool("read_note", { name: "a" }), done()], { sessions: settings });
			h.loop.send("task");
			expect(h.loop.getState().kind).to.equal("completed");
			const errors = ofKind(h.events, "error");
			expect(errors.size()).to.equal(1);
			expect(has(errors[0].error.message, "could not be saved")).to.equal(true);
		});
	});
};
