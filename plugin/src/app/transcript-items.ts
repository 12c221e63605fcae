/**
 * The view-model's chat items (chat-items.ts, which keep what each row means: a question, the final
 * result, a folded summary) as the rows the chat Transcript draws (ui/chat/transcript-item.ts: user
 * and assistant messages, tool chips, stage lines, proposal cards). Pure, so the mapping is specced
 * without a GUI:
 * - a user message's context chips become inline `code` spans on a line under the text;
 * - the model's question is an assistant message (bold "Question", its options), and the user's
 *   answer a user message after it;
 * - the final result (attempt_completion) is an assistant message;
 * - the loop's stage line, a folded summary and the "older items not shown" line are stage lines,
 *   active only while Vector works.
 */
import { TranscriptItem } from "../ui/chat/transcript-item";
import { ChatItem } from "./chat-items";

function userText(text: string, attached: ReadonlyArray<string>): string {
	if (attached.size() === 0) return text;
	return `${text}\n${attached.map((label) => `\`${label.gsub("`", "'")[0]}\``).join(" ")}`;
}

/** The Transcript rows for the view-model's items, in order. */
export function toTranscriptItems(items: ReadonlyArray<ChatItem>): Array<TranscriptItem> {
	const rows = new Array<TranscriptItem>();
	for (const item of items) {
		switch (item.kind) {
			case "user":
				rows.push({ kind: "user", id: item.key, text: userText(item.text, item.attached) });
				break;
			case "assistant":
				rows.push({ kind: "assistant", id: item.key, text: item.text, streaming: item.streaming });
				break;
			case "tool":
				rows.push({
					kind: "tool",
					id: item.key,
					name: item.name,
					args: item.args,
					result: item.running ? "Running…" : item.result,
					failed: item.failed,
				});
				break;
			case "proposal":
				rows.push({ kind: "proposal", id: item.key, proposalId: item.proposalId });
				break;
			case "question": {
				const options = item.options.size() > 0 ? `\n\nOptions: ${item.options.join(" · ")}` : "";
				rows.push({
					kind: "assistant",
					id: item.key,
					text: `**Question:** ${item.question}${options}`,
					streaming: false,
				});
				if (item.answer !== undefined) rows.push({ kind: "user", id: `${item.key}:answer`, text: item.answer });
				break;
			}
			case "completion":
				rows.push({ kind: "assistant", id: item.key, text: item.text, streaming: false });
				break;
			case "summary":
				rows.push({
					kind: "stage",
					id: item.key,
					text: "Earlier messages were condensed into a summary to fit the model's window.",
					active: false,
				});
				break;
			case "status":
				rows.push({ kind: "stage", id: item.key, text: item.text, active: item.tone === "progress" });
				break;
			case "omitted":
				rows.push({
					kind: "stage",
					id: item.key,
					text: `${item.count} earlier item${item.count === 1 ? " is" : "s are"} not shown.`,
					active: false,
				});
				break;
		}
	}
	return rows;
}
