/// <reference types="@rbxts/testez/globals" />
import { ChatMessage, ChatTool } from "../../../shared/src/proxy-api";
import {
	MESSAGE_OVERHEAD,
	TOOL_CALL_OVERHEAD,
	MAX_CALIBRATION,
	anchorFromUsage,
	calibrationFromUsage,
	countRequestTokens,
	estimateFixedTokens,
	estimateMessageTokens,
	estimateMessagesTokens,
	estimateTextTokens,
	estimateToolsTokens,
	promptLimit,
	wouldOverflow,
} from "./token-budget";

const user = (text: string): ChatMessage => ({ role: "user", content: text });

export = () => {
	describe("token budget", () => {
		it("estimates a text as a quarter of its bytes, rounded up", () => {
			expect(estimateTextTokens("")).to.equal(0);
			expect(estimateTextTokens("abcd")).to.equal(1);
			expect(estimateTextTokens("abcde")).to.equal(2);
			// "é" is two UTF-8 bytes: non-English text is over- rather than under-counted.
			expect(estimateTextTokens("éé")).to.equal(1);
			expect(estimateTextTokens("ééé")).to.equal(2);
		});

		it("adds framing per message and per tool call", () => {
			expect(estimateMessageTokens(user("abcdefgh"))).to.equal(MESSAGE_OVERHEAD + 2);
			const reply: ChatMessage = {
				role: "assistant",
				tool_calls: [{ id: "c1", type: "function", function: { name: "read_note", arguments: '{"name":"a"}' } }],
			};
			expect(estimateMessageTokens(reply)).to.equal(MESSAGE_OVERHEAD + TOOL_CALL_OVERHEAD + 3 + 3);
			const result: ChatMessage = { role: "tool", tool_call_id: "c1", content: "abcd" };
			expect(estimateMessageTokens(result)).to.equal(MESSAGE_OVERHEAD + 1 + 1);
			expect(estimateMessagesTokens([user("abcd"), user("abcd")])).to.equal(2 * (MESSAGE_OVERHEAD + 1));
		});

		it("estimates tools from their JSON and adds them to the system prompt", () => {
			expect(estimateToolsTokens([])).to.equal(0);
			const tools: Array<ChatTool> = [
				{
					type: "function",
					function: { name: "read_note", description: "Reads a note.", parameters: { type: "object" } },
				},
			];
			const toolTokens = estimateToolsTokens(tools);
			expect(toolTokens > 10).to.equal(true);
			expect(estimateFixedTokens("abcd", tools)).to.equal(MESSAGE_OVERHEAD + 1 + toolTokens);
		});

		it("leaves the reply reserve out of the window", () => {
			const window = { contextWindow: 1000, replyReserve: 200 };
			expect(promptLimit(window)).to.equal(800);
			expect(wouldOverflow(800, window)).to.equal(false);
			expect(wouldOverflow(801, window)).to.equal(true);
			expect(promptLimit({ contextWindow: 100, replyReserve: 200 })).to.equal(0);
		});

		it("estimates the whole request when there is no usage", () => {
			const messages = [user("abcd"), user("abcdefgh")];
			const count = countRequestTokens(50, messages);
			expect(count.measured).to.equal(false);
			expect(count.tokens).to.equal(50 + estimateMessagesTokens(messages));
		});

		it("anchors on the provider's prompt tokens and estimates only what came after", () => {
			const sent = [user("abcd")];
			const anchor = anchorFromUsage(
				{ prompt_tokens: 900, completion_tokens: 5000, total_tokens: 5900 },
				sent.size(),
				50,
			)!;
			expect(anchor.promptTokens).to.equal(900);
			const later = [user("abcd"), { role: "assistant", content: "abcdefgh" } as ChatMessage, user("abcd")];
			const count = countRequestTokens(50, later, anchor);
			expect(count.measured).to.equal(true);
			// Completion tokens (which include hidden reasoning) are not used: the reply is estimated.
			expect(count.tokens).to.equal(900 + estimateMessageTokens(later[1]) + estimateMessageTokens(later[2]));
		});

		it("follows a change of the system prompt and tools (a mode switch) on top of the anchor", () => {
			const anchor = anchorFromUsage({ prompt_tokens: 900, completion_tokens: 1, total_tokens: 901 }, 1, 300)!;
			expect(countRequestTokens(200, [user("abcd")], anchor).tokens).to.equal(800);
		});

		it("falls back to estimating when the anchor does not describe the messages (after compaction)", () => {
			const anchor = anchorFromUsage({ prompt_tokens: 900, completion_tokens: 1, total_tokens: 901 }, 5, 300)!;
			const count = countRequestTokens(300, [user("abcd")], anchor);
			expect(count.measured).to.equal(false);
			expect(count.tokens).to.equal(300 + MESSAGE_OVERHEAD + 1);
		});

		it("calibrates estimates by the provider's count, never below 1 and at most 4", () => {
			const usage = (prompt: number) => ({ prompt_tokens: prompt, completion_tokens: 1, total_tokens: prompt + 1 });
			expect(calibrationFromUsage(undefined, 300)).to.equal(undefined);
			expect(calibrationFromUsage(usage(900), 300)).to.equal(3);
			expect(calibrationFromUsage(usage(100), 300)).to.equal(1);
			expect(calibrationFromUsage(usage(90_000), 300)).to.equal(MAX_CALIBRATION);
			expect(calibrationFromUsage(usage(900), 0)).to.equal(undefined);
		});

		it("scales the estimated parts of a count by the calibration", () => {
			const messages = [user("abcd"), user("abcdefgh")];
			expect(countRequestTokens(50, messages, undefined, 2).tokens).to.equal(
				2 * (50 + estimateMessagesTokens(messages)),
			);
			const anchor = anchorFromUsage({ prompt_tokens: 900, completion_tokens: 1, total_tokens: 901 }, 1, 50)!;
			const count = countRequestTokens(50, messages, anchor, 1.5);
			expect(count.tokens).to.equal(900 + math.ceil(1.5 * estimateMessageTokens(messages[1])));
		});

		it("has no anchor without usage", () => {
			expect(anchorFromUsage(undefined, 1, 1)).to.equal(undefined);
			expect(anchorFromUsage({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }, 1, 1)).to.equal(undefined);
		});
	});
};
