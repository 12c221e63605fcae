/// <reference types="@rbxts/testez/globals" />
import { ChatMessage } from "../../../shared/src/proxy-api";
import { TRANSCRIPT_ENTRY_CAP, capText, renderTranscript } from "./transcript";

export = () => {
	describe("transcript", () => {
		it("renders every role on its own entry", () => {
			const messages: Array<ChatMessage> = [
				{ role: "user", content: "make the door red" },
				{
					role: "assistant",
					content: "looking",
					tool_calls: [
						{
							id: "c1",
							type: "function",
							function: { name: "get_properties", arguments: '{"path":"Workspace/Door"}' },
						},
					],
				},
				{ role: "tool", tool_call_id: "c1", content: '{"Color":[255,0,0]}' },
			];
			const text = renderTranscript(messages, 10_000);
			expect(text).to.equal(
				'USER: make the door red\n\nASSISTANT: looking\nASSISTANT called get_properties({"path":"Workspace/Door"})\n\nTOOL RESULT: {"Color":[255,0,0]}',
			);
		});

		it("caps each entry", () => {
			const text = renderTranscript(
				[{ role: "tool", tool_call_id: "c", content: string.rep("x", TRANSCRIPT_ENTRY_CAP + 500) }],
				100_000,
			);
			expect(text.size() < TRANSCRIPT_ENTRY_CAP + 100).to.equal(true);
			expect(text.find("500 more characters cut", 1, true)[0] !== undefined).to.equal(true);
		});

		it("keeps the newest entries when the whole does not fit, saying how many were left out", () => {
			const messages = new Array<ChatMessage>();
			for (let i = 1; i <= 20; i++) messages.push({ role: "user", content: `message ${i} ${string.rep("y", 80)}` });
			const text = renderTranscript(messages, 600);
			expect(text.size() <= 600).to.equal(true);
			expect(text.find("message 20 ", 1, true)[0] !== undefined).to.equal(true);
			expect(text.find("message 1 ", 1, true)[0]).to.equal(undefined);
			expect(text.match("^%((%d+) earlier messages left out")[0] !== undefined).to.equal(true);
		});

		it("cuts text without splitting a UTF-8 character", () => {
			expect(capText("abc", 5)).to.equal("abc");
			const cut = capText("ééé", 3);
			expect(cut.sub(1, 2)).to.equal("é");
			expect(cut.find("4 more characters cut", 1, true)[0] !== undefined).to.equal(true);
			expect(utf8.len(cut)[0] !== undefined).to.equal(true);
		});
	});
};
