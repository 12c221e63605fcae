/// <reference types="@rbxts/testez/globals" />
import { ChatToolCall } from "../../../shared/src/proxy-api";
import {
	answerOpenToolCalls,
	appendMessages,
	assistantMessage,
	contentText,
	createConversation,
	splitTurns,
	toolResultMessage,
	unansweredToolCalls,
	userMessage,
} from "./conversation";
import { decodeJson, encodeJson } from "../net/json";

function call(id: string, name = "read_note"): ChatToolCall {
	return { id, type: "function", function: { name, arguments: "{}" } };
}

export = () => {
	describe("conversation", () => {
		it("opens with the task as a user message", () => {
			const conversation = createConversation("Make the door red");
			expect(conversation.task).to.equal("Make the door red");
			expect(conversation.messages.size()).to.equal(1);
			expect(conversation.messages[0].role).to.equal("user");
			expect(contentText(conversation.messages[0].content)).to.equal("Make the door red");
			expect(conversation.compactions).to.equal(0);
		});

		it("appends without changing the original", () => {
			const first = createConversation("task");
			const second = appendMessages(first, [userMessage("more")]);
			expect(first.messages.size()).to.equal(1);
			expect(second.messages.size()).to.equal(2);
			expect(second.task).to.equal("task");
		});

		it("stores assistant replies in OpenAI's shape", () => {
			const onlyTools = assistantMessage("", [call("c1")]);
			expect(onlyTools.content).to.equal(undefined);
			expect(onlyTools.tool_calls!.size()).to.equal(1);
			const textOnly = assistantMessage("hello", []);
			expect(textOnly.content).to.equal("hello");
			expect(textOnly.tool_calls).to.equal(undefined);
			expect(assistantMessage("", []).content).to.equal("(empty reply)");
			const both = assistantMessage("looking", [call("c2")]);
			expect(both.content).to.equal("looking");
			expect(both.tool_calls![0].id).to.equal("c2");
		});

		it("joins content parts", () => {
			expect(
				contentText([
					{ type: "text", text: "a" },
					{ type: "text", text: "b" },
				]),
			).to.equal("ab");
			expect(contentText(undefined)).to.equal("");
		});

		it("finds the tool calls of the last reply that have no result yet", () => {
			let conversation = appendMessages(createConversation("task"), [
				assistantMessage("", [call("c1"), call("c2"), call("c3")]),
			]);
			expect(
				unansweredToolCalls(conversation)
					.map((c) => c.id)
					.join(","),
			).to.equal("c1,c2,c3");
			conversation = appendMessages(conversation, [toolResultMessage("c2", "done")]);
			expect(
				unansweredToolCalls(conversation)
					.map((c) => c.id)
					.join(","),
			).to.equal("c1,c3");
			conversation = answerOpenToolCalls(conversation, (c) => `closed ${c.id}`);
			expect(unansweredToolCalls(conversation).size()).to.equal(0);
			expect(conversation.messages.size()).to.equal(5);
			expect(contentText(conversation.messages[4].content)).to.equal("closed c3");
		});

		it("has no open calls after a user message or a text reply", () => {
			expect(unansweredToolCalls(createConversation("task")).size()).to.equal(0);
			const textReply = appendMessages(createConversation("task"), [assistantMessage("hi", [])]);
			expect(unansweredToolCalls(textReply).size()).to.equal(0);
			expect(answerOpenToolCalls(textReply, () => "x")).to.equal(textReply);
		});

		it("cuts turns at assistant messages, keeping every tool result with its call", () => {
			const conversation = appendMessages(createConversation("task"), [
				userMessage("[summary]"),
				assistantMessage("", [call("c1")]),
				toolResultMessage("c1", "r1"),
				assistantMessage("text only", []),
				userMessage("reminder"),
				assistantMessage("", [call("c2"), call("c3")]),
				toolResultMessage("c2", "r2"),
				toolResultMessage("c3", "not run"),
				userMessage("the user says more"),
			]);
			const { task, turns } = splitTurns(conversation);
			expect(contentText(task.content)).to.equal("task");
			expect(turns.size()).to.equal(4);
			expect(turns.map((turn) => turn.map((m) => m.role).join("+")).join(" | ")).to.equal(
				"user | assistant+tool | assistant+user | assistant+tool+tool+user",
			);
		});

		it("survives a JSON round trip unchanged", () => {
			const conversation = appendMessages(createConversation('Make it "red"\nplease ✓'), [
				assistantMessage("", [call("c1", "set_note")]),
				toolResultMessage("c1", "ok"),
			]);
			const encoded = encodeJson(conversation);
			expect(encoded.ok).to.equal(true);
			if (!encoded.ok) return;
			const decoded = decodeJson(encoded.text);
			expect(decoded.ok).to.equal(true);
			if (!decoded.ok) return;
			const back = decoded.value as typeof conversation;
			expect(back.task).to.equal(conversation.task);
			expect(back.messages.size()).to.equal(3);
			const reply = back.messages[1];
			expect(reply.role === "assistant" && reply.tool_calls![0].function.name).to.equal("set_note");
			const result = back.messages[2];
			expect(result.role === "tool" && result.tool_call_id).to.equal("c1");
		});
	});
};
