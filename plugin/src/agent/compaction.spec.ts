/// <reference types="@rbxts/testez/globals" />
import { CompactionOptions, SUMMARY_HEADER, SUMMARY_SYSTEM_PROMPT, compactConversation } from "./compaction";
import {
	Conversation,
	appendMessages,
	assistantMessage,
	contentText,
	createConversation,
	toolResultMessage,
	userMessage,
} from "./conversation";
import { pairsIntact } from "./dev/conversation-checks";
import { ScriptedChatClient, fails, says } from "./dev/scripted-chat-client";
import { estimateMessagesTokens } from "./token-budget";

const FIXED = 100;

/** Park–Miller generator: the same sequence in Studio and in the headless Studio. */
class Seeded {
	private state: number;
	constructor(seed: number) {
		this.state = seed;
	}
	/** A whole number in [low, high]. */
	NextInteger(low: number, high: number): number {
		this.state = (this.state * 48271) % 2147483647;
		return low + (this.state % (high - low + 1));
	}
}

/** A conversation of `turns` read steps, each result `resultBytes` long. */
function longConversation(turns: number, resultBytes = 400): Conversation {
	let conversation = createConversation("Make every door in Workspace/Doors red");
	for (let i = 1; i <= turns; i++) {
		conversation = appendMessages(conversation, [
			assistantMessage("", [
				{
					id: `c${i}`,
					type: "function",
					function: { name: "get_properties", arguments: `{"path":"Workspace/Doors/Door${i}"}` },
				},
			]),
			toolResultMessage(`c${i}`, `turn ${i}: ` + string.rep("z", resultBytes)),
		]);
	}
	return conversation;
}

function options(client: ScriptedChatClient, limit: number, extra: Partial<CompactionOptions> = {}): CompactionOptions {
	return {
		client,
		cancel: { cancelled: false },
		keepTurns: 2,
		limit,
		measure: (messages) => FIXED + estimateMessagesTokens(messages),
		summaryTokens: 100,
		...extra,
	};
}

export = () => {
	describe("compactConversation", () => {
		it("replaces older turns with the model's summary, keeping the task and the newest turns verbatim", () => {
			const conversation = longConversation(8);
			const client = new ScriptedChatClient([says("The user wants doors red. Door1-6 inspected: all blue.")]);
			const limit = 600;
			const outcome = compactConversation(conversation, options(client, limit));
			expect(outcome.kind).to.equal("compacted");
			if (outcome.kind !== "compacted") return;
			expect(outcome.method).to.equal("summary");
			expect(outcome.foldedMessages).to.equal(12);
			const messages = outcome.conversation.messages;
			expect(messages[0]).to.equal(conversation.messages[0]);
			expect(contentText(messages[1].content)).to.equal(
				`${SUMMARY_HEADER}\nThe user wants doors red. Door1-6 inspected: all blue.`,
			);
			// The newest two turns, the very same message objects.
			const original = conversation.messages;
			for (let i = 0; i < 4; i++) expect(messages[2 + i]).to.equal(original[original.size() - 4 + i]);
			expect(messages.size()).to.equal(6);
			expect(outcome.conversation.compactions).to.equal(1);
			expect(outcome.conversation.task).to.equal(conversation.task);
			expect(FIXED + estimateMessagesTokens(messages) <= limit).to.equal(true);
			expect(pairsIntact(messages)).to.equal(true);
		});

		it("sends a dedicated summarisation request: no tools, the summary prompt, the task and only the older turns", () => {
			const conversation = longConversation(8);
			const client = new ScriptedChatClient([says("summary")]);
			compactConversation(conversation, { ...options(client, 600), model: "gpt-test" });
			expect(client.requests.size()).to.equal(1);
			const request = client.requests[0];
			expect(request.tools).to.equal(undefined);
			expect(request.model).to.equal("gpt-test");
			expect(request.max_tokens).to.equal(100);
			expect(request.messages[0].role).to.equal("system");
			expect(contentText(request.messages[0].content)).to.equal(SUMMARY_SYSTEM_PROMPT);
			const body = contentText(request.messages[1].content);
			expect(body.find("Make every door in Workspace/Doors red", 1, true)[0] !== undefined).to.equal(true);
			expect(body.find("turn 6: ", 1, true)[0] !== undefined).to.equal(true);
			expect(body.find("turn 7: ", 1, true)[0]).to.equal(undefined);
			expect(body.find("Door6", 1, true)[0] !== undefined).to.equal(true);
		});

		it("keeps fewer turns verbatim when the newest ones alone would not fit", () => {
			const conversation = longConversation(8);
			const client = new ScriptedChatClient([says("summary")]);
			const outcome = compactConversation(conversation, options(client, 450, { keepTurns: 6 }));
			expect(outcome.kind).to.equal("compacted");
			if (outcome.kind !== "compacted") return;
			const messages = outcome.conversation.messages;
			expect(FIXED + estimateMessagesTokens(messages) <= 450).to.equal(true);
			expect(messages.size() < 2 + 12).to.equal(true);
			expect(messages[messages.size() - 1]).to.equal(conversation.messages[conversation.messages.size() - 1]);
			expect(pairsIntact(messages)).to.equal(true);
		});

		it("drops the older turns with a note when summarisation fails", () => {
			const conversation = longConversation(8);
			const client = new ScriptedChatClient([fails({ code: "upstream_error", message: "provider down" })]);
			const outcome = compactConversation(conversation, options(client, 600));
			expect(outcome.kind).to.equal("compacted");
			if (outcome.kind !== "compacted") return;
			expect(outcome.method).to.equal("dropped");
			expect(outcome.summaryError!.code).to.equal("upstream_error");
			const note = contentText(outcome.conversation.messages[1].content);
			expect(note.find("12 earlier messages were removed", 1, true)[0] !== undefined).to.equal(true);
			expect(outcome.conversation.messages[0]).to.equal(conversation.messages[0]);
			expect(outcome.conversation.messages.size()).to.equal(6);
			expect(pairsIntact(outcome.conversation.messages)).to.equal(true);
		});

		it("treats an empty summary, or a client that throws, as a failed summary", () => {
			const empty = compactConversation(longConversation(8), options(new ScriptedChatClient([says("   ")]), 600));
			expect(empty.kind === "compacted" && empty.method).to.equal("dropped");
			expect(empty.kind === "compacted" && empty.summaryError!.code).to.equal("bad_response");
		});

		it("is cancelled by Stop during the summarisation request", () => {
			const cancel = { cancelled: false };
			const client = new ScriptedChatClient([
				{
					kind: "respond",
					respond: () => {
						cancel.cancelled = true;
						return { ok: true, reply: { content: "late summary", toolCalls: [] } };
					},
				},
			]);
			const outcome = compactConversation(longConversation(8), options(client, 600, { cancel }));
			expect(outcome.kind).to.equal("cancelled");
		});

		it("cuts an over-long newest message when nothing older is left to fold", () => {
			const conversation = longConversation(1, 8_000);
			const client = new ScriptedChatClient();
			const outcome = compactConversation(conversation, options(client, 500));
			expect(client.requests.size()).to.equal(0);
			expect(outcome.kind).to.equal("compacted");
			if (outcome.kind !== "compacted") return;
			expect(outcome.method).to.equal("truncated");
			expect(outcome.truncatedMessages).to.equal(1);
			const messages = outcome.conversation.messages;
			expect(FIXED + estimateMessagesTokens(messages) <= 500).to.equal(true);
			const result = contentText(messages[2].content);
			expect(result.find("cut to fit the context window", 1, true)[0] !== undefined).to.equal(true);
			expect(messages[2].role === "tool" && messages[2].tool_call_id).to.equal("c1");
			expect(pairsIntact(messages)).to.equal(true);
		});

		it("never sends an overflowing request: when the task alone does not fit, the outcome is overflow", () => {
			const conversation = createConversation(string.rep("task ", 1_000));
			const outcome = compactConversation(conversation, options(new ScriptedChatClient(), 300));
			expect(outcome.kind).to.equal("overflow");
		});

		it("keeps tool calls and results paired across many shapes of history", () => {
			const random = new Seeded(7);
			for (let round = 1; round <= 60; round++) {
				let conversation = createConversation("task");
				const steps = random.NextInteger(1, 14);
				for (let step = 1; step <= steps; step++) {
					const calls = random.NextInteger(0, 3);
					if (calls === 0) {
						conversation = appendMessages(conversation, [
							assistantMessage("text " + string.rep("t", random.NextInteger(0, 600)), []),
						]);
						conversation = appendMessages(conversation, [userMessage("reminder")]);
					} else {
						const made = new Array<{ id: string; type: "function"; function: { name: string; arguments: string } }>();
						for (let c = 1; c <= calls; c++)
							made.push({ id: `r${round}s${step}c${c}`, type: "function", function: { name: "x", arguments: "{}" } });
						conversation = appendMessages(conversation, [assistantMessage("", made)]);
						for (const call of made) {
							conversation = appendMessages(conversation, [
								toolResultMessage(call.id, string.rep("r", random.NextInteger(0, 900))),
							]);
						}
					}
				}
				const limit = random.NextInteger(250, 900);
				const outcome = compactConversation(
					conversation,
					options(new ScriptedChatClient([says("s")]), limit, { keepTurns: random.NextInteger(1, 5) }),
				);
				if (outcome.kind === "compacted") {
					expect(pairsIntact(outcome.conversation.messages)).to.equal(true);
					expect(FIXED + estimateMessagesTokens(outcome.conversation.messages) <= limit).to.equal(true);
					expect(outcome.conversation.messages[0]).to.equal(conversation.messages[0]);
				} else {
					expect(outcome.kind).to.equal("overflow");
				}
			}
		});
	});
};
