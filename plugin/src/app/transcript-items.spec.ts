/// <reference types="@rbxts/testez/globals" />
import { TranscriptItem } from "../ui/chat/transcript-item";
import { ChatItem } from "./chat-items";
import { toTranscriptItems } from "./transcript-items";

function only(items: Array<ChatItem>): Array<TranscriptItem> {
	return toTranscriptItems(items);
}

export = () => {
	it("keeps messages, chips and proposal cards with the item's key as the row id", () => {
		const rows = only([
			{ kind: "user", key: "m0", text: "Hi", attached: [] },
			{ kind: "assistant", key: "streaming", text: "Hel", streaming: true },
			{
				kind: "tool",
				key: "m1:c1",
				name: "read_script",
				args: "{}",
				summary: "x",
				result: "local x",
				failed: false,
				running: false,
			},
			{ kind: "proposal", key: "m1:c2", proposalId: "p1" },
		]);
		expect(rows.map((row) => `${row.kind}:${row.id}`).join(",")).to.equal(
			"user:m0,assistant:streaming,tool:m1:c1,proposal:m1:c2",
		);
		const tool = rows[2] as Extract<TranscriptItem, { kind: "tool" }>;
		expect(tool.result).to.equal("local x");
		expect((rows[1] as Extract<TranscriptItem, { kind: "assistant" }>).streaming).to.equal(true);
		expect((rows[3] as Extract<TranscriptItem, { kind: "proposal" }>).proposalId).to.equal("p1");
	});

	it("shows a user message's context chips as inline code under the text", () => {
		const row = only([{ kind: "user", key: "m0", text: "Fix it", attached: ["Open", "Door"] }])[0];
		expect((row as Extract<TranscriptItem, { kind: "user" }>).text).to.equal("Fix it\n`Open` `Door`");
	});

	it("says a running tool is running", () => {
		const row = only([
			{
				kind: "tool",
				key: "t",
				name: "search_scripts",
				args: "{}",
				summary: "",
				result: "",
				failed: false,
				running: true,
			},
		])[0] as Extract<TranscriptItem, { kind: "tool" }>;
		expect(row.result).to.equal("Running…");
	});

	it("shows the model's question with its options, and the answer as the user's message", () => {
		const rows = only([
			{ kind: "question", key: "q", question: "Which door?", options: ["Front", "Back"], answer: "Back", open: false },
		]);
		expect(rows.size()).to.equal(2);
		expect((rows[0] as Extract<TranscriptItem, { kind: "assistant" }>).text).to.equal(
			"**Question:** Which door?\n\nOptions: Front · Back",
		);
		expect((rows[1] as Extract<TranscriptItem, { kind: "user" }>).text).to.equal("Back");
		expect(rows[1].id).to.equal("q:answer");
	});

	it("turns the result into an assistant message and the loop's lines into stage lines", () => {
		const rows = only([
			{ kind: "completion", key: "c", text: "Done." },
			{ kind: "summary", key: "s", text: "…" },
			{ kind: "omitted", key: "o", count: 3 },
			{ kind: "status", key: "state", text: "Thinking…", tone: "progress" },
		]);
		expect(rows.map((row) => row.kind).join(",")).to.equal("assistant,stage,stage,stage");
		expect((rows[2] as Extract<TranscriptItem, { kind: "stage" }>).text).to.equal("3 earlier items are not shown.");
		expect((rows[3] as Extract<TranscriptItem, { kind: "stage" }>).active).to.equal(true);
		expect((rows[1] as Extract<TranscriptItem, { kind: "stage" }>).active).to.equal(false);
	});
};
