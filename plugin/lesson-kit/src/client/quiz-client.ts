/**
 * The client side of the kit, put together: waits for the server's remotes, shows each question the
 * server sends in the quiz panel, sends the chosen answer and shows what the server says, and shows
 * announcements as toasts. The client decides nothing: it never knows an answer before the server
 * tells it.
 */
import { createAnnouncementToast } from "./announcement-toast";
import { createQuizPanel } from "./quiz-panel";
import { KIT_FOLDER, REMOTES_FOLDER, RemoteNames } from "../shared/kit-names";
import { AnswerResult, Announcement, ShowQuestionPayload } from "../shared/protocol";

const ReplicatedStorage = game.GetService("ReplicatedStorage");

/** Seconds to wait for the server's remotes before giving up (the quiz may have failed to load). */
const REMOTES_TIMEOUT = 60;

function isResult(value: unknown): value is AnswerResult {
	return typeIs(value, "table") && typeIs((value as { accepted?: unknown }).accepted, "boolean");
}

/** Starts the client for `player`; returns the cleanup, or undefined when the server has no quiz running. */
export function startQuizClient(player: Player): (() => void) | undefined {
	const kit = ReplicatedStorage.WaitForChild(KIT_FOLDER);
	const remotes = kit.WaitForChild(REMOTES_FOLDER, REMOTES_TIMEOUT);
	if (remotes === undefined) return undefined;
	const showQuestion = remotes.WaitForChild(RemoteNames.showQuestion) as RemoteEvent;
	const submitAnswer = remotes.WaitForChild(RemoteNames.submitAnswer) as RemoteFunction;
	const announce = remotes.WaitForChild(RemoteNames.announce) as RemoteEvent;
	const playerGui = player.WaitForChild("PlayerGui");

	const panel = createQuizPanel(playerGui, (questionId, choice) => {
		task.spawn(() => {
			const [ok, result] = pcall(() => submitAnswer.InvokeServer(questionId, choice));
			panel.showResult(
				ok && isResult(result)
					? result
					: { accepted: false, reason: "not_ready", message: "The server did not answer; try again." },
			);
		});
	});
	const toast = createAnnouncementToast(playerGui);

	const connections = [
		showQuestion.OnClientEvent.Connect((payload: ShowQuestionPayload) => {
			if (!typeIs(payload, "table")) return;
			if (payload.kind === "question") panel.showQuestion(payload.question);
			else if (payload.kind === "notice") panel.showNotice(payload.notice);
		}),
		announce.OnClientEvent.Connect((announcement: Announcement) => {
			if (typeIs(announcement, "table")) toast.show(announcement);
		}),
	];

	return () => {
		for (const connection of connections) connection.Disconnect();
		panel.destroy();
		toast.destroy();
	};
}
