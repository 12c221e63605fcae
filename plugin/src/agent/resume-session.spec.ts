/// <reference types="@rbxts/testez/globals" />
import { ChatToolCall } from "../../../shared/src/proxy-api";
import { Proposal } from "../proposals/proposal";
import {
	Conversation,
	appendMessages,
	assistantMessage,
	contentText,
	createConversation,
	unansweredToolCalls,
} from "./conversation";
import { INTERRUPTED_RESULT, LOST_PROPOSAL_RESULT, notRunResult } from "./loop-messages";
import { resumeSession } from "./resume-session";
import { AgentSession, SESSION_VERSION } from "./session-schema";

const call = (id: string, name = "set_note"): ChatToolCall => ({
	id,
	type: "function",
	function: { name, arguments: "{}" },
});

function withCalls(...calls: Array<ChatToolCall>): Conversation {
	return appendMessages(createConversation("task"), [assistantMessage("", calls)]);
}

function session(state: AgentSession["state"], conversation?: Conversation): AgentSession {
	return { version: SESSION_VERSION, mode: "act", state, conversation, proposalIds: ["p1"], mistakes: 1 };
}

function proposal(state: Proposal["state"], extra: Partial<Proposal> = {}): Proposal {
	return { id: "p1", toolCallId: "c1", summary: "s", operations: [], state, createdAt: 0, updatedAt: 0, ...extra };
}

const none = () => undefined;

export = () => {
	describe("resumeSession", () => {
		it("turns an in-flight request into an interrupted error with Retry, changing nothing else", () => {
			const conversation = createConversation("task");
			const resumed = resumeSession(session({ kind: "requesting", purpose: "step" }, conversation), none);
			expect(resumed.state.kind).to.equal("error");
			expect(resumed.state.kind === "error" && resumed.state.error.code).to.equal("interrupted");
			expect(resumed.conversation!.messages.size()).to.equal(1);
			expect(resumed.mistakes).to.equal(1);
		});

		it("tells the model a tool cut short by the reload did not complete", () => {
			const resumed = resumeSession(
				session({ kind: "running_tool", toolName: "read_note", toolCallId: "c1" }, withCalls(call("c1"), call("c2"))),
				none,
			);
			expect(resumed.state.kind === "error" && resumed.state.error.code).to.equal("interrupted");
			expect(unansweredToolCalls(resumed.conversation!).size()).to.equal(0);
			expect(contentText(resumed.conversation!.messages[2].content)).to.equal(INTERRUPTED_RESULT);
			expect(contentText(resumed.conversation!.messages[3].content)).to.equal(INTERRUPTED_RESULT);
		});

		it("waits again for a proposal that is still undecided", () => {
			const conversation = withCalls(call("c1"), call("c2"));
			for (const state of ["pending", "approved", "applying"] as const) {
				const saved = session(
					{ kind: "awaiting_approval", proposalId: "p1", toolCallId: "c1", autoApproved: false },
					conversation,
				);
				const resumed = resumeSession(saved, () => proposal(state));
				expect(resumed).to.equal(saved);
			}
		});

		it("answers a proposal decided meanwhile, and the other calls as not run, then offers Retry", () => {
			const conversation = withCalls(call("c1"), call("c2"));
			const resumed = resumeSession(
				session({ kind: "awaiting_approval", proposalId: "p1", toolCallId: "c1", autoApproved: false }, conversation),
				() => proposal("rejected", { reason: "not now" }),
			);
			expect(resumed.state.kind === "error" && resumed.state.error.code).to.equal("interrupted");
			const messages = resumed.conversation!.messages;
			expect(contentText(messages[2].content).find("Their reason: not now", 1, true)[0] !== undefined).to.equal(true);
			expect(contentText(messages[3].content)).to.equal(notRunResult(call("c2"), call("c1")));
		});

		it("answers a proposal the store lost", () => {
			const resumed = resumeSession(
				session(
					{ kind: "awaiting_approval", proposalId: "p1", toolCallId: "c1", autoApproved: false },
					withCalls(call("c1")),
				),
				none,
			);
			expect(resumed.state.kind).to.equal("error");
			expect(contentText(resumed.conversation!.messages[2].content)).to.equal(LOST_PROPOSAL_RESULT);
		});

		it("keeps waiting for an answer to ask_user", () => {
			const saved = session(
				{ kind: "awaiting_answer", question: "Which?", toolCallId: "c1" },
				withCalls(call("c1", "ask_user")),
			);
			expect(resumeSession(saved, none)).to.equal(saved);
		});

		it("does not trust an awaiting state whose call is already answered", () => {
			const saved = session(
				{ kind: "awaiting_answer", question: "Which?", toolCallId: "c9" },
				createConversation("task"),
			);
			expect(resumeSession(saved, none).state.kind).to.equal("error");
		});

		it("keeps resting states and closes any call an inconsistent save left open", () => {
			const stopped = resumeSession(session({ kind: "stopped" }, withCalls(call("c1"))), none);
			expect(stopped.state.kind).to.equal("stopped");
			expect(unansweredToolCalls(stopped.conversation!).size()).to.equal(0);
			const completed = resumeSession(session({ kind: "completed", result: "done" }, createConversation("task")), none);
			expect(completed.state.kind).to.equal("completed");
		});

		it("is idle without a conversation", () => {
			expect(resumeSession(session({ kind: "requesting", purpose: "step" }), none).state.kind).to.equal("idle");
		});
	});
};
