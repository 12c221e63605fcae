/**
 * The quiz on the server: players join with their saved progress (when saving is on), stations ask
 * them questions when they use a prompt, their answers are checked here and only here, and points,
 * progress and achievements follow. Everything a client can trigger goes through the rate limiter
 * and the argument checks first; whatever is refused is answered with a reason and logged.
 *
 * Saving (optional): on leave, every `autosaveEvery` seconds for players whose progress changed, and
 * when the server shuts down (BindToClose). A DataStore that fails is retried a bounded number of
 * times and then given up on for that save; play never waits for it beyond the player's first load.
 */
import { Leaderstats, createLeaderstats } from "./leaderstats";
import { PlayerProgress } from "./player-progress";
import { ProgressStore } from "./progress-store";
import { QuizBank } from "./quiz-content";
import { RateLimiter } from "./rate-limiter";
import { checkSubmitArgs } from "./remote-args";
import { ServerRemotes } from "./remotes";
import { watchStations } from "./stations";
import { AnswerResult, Announcement, RejectReason, ShowQuestionPayload } from "../shared/protocol";

const Players = game.GetService("Players");

/** Per-player limits: answers come one at a time from a person reading questions. */
export const DEFAULT_LIMITS = {
	answer: { burst: 3, perSecond: 0.5 },
	prompt: { burst: 4, perSecond: 1 },
};

export interface QuizServerOptions {
	readonly bank: QuizBank;
	readonly remotes: ServerRemotes;
	/** Where progress is saved; undefined plays without saving. */
	readonly store?: ProgressStore;
	/** Seconds between autosaves (default 60). */
	readonly autosaveEvery?: number;
	readonly limits?: typeof DEFAULT_LIMITS;
	/** Seconds, monotonic, for the rate limiter (default os.clock). */
	readonly clock?: () => number;
	/** Where the kit reports (default warn with a prefix). */
	readonly log?: (message: string) => void;
}

interface Session {
	readonly player: Player;
	readonly leaderstats: Leaderstats;
	/** Undefined while the saved progress loads. */
	progress?: PlayerProgress;
	/** False when loading failed: saving then could overwrite progress we could not read. */
	canSave: boolean;
	dirty: boolean;
}

function refused(reason: RejectReason, message: string): AnswerResult {
	return { accepted: false, reason, message };
}

/** Starts the quiz; returns the cleanup (used by specs and when the kit restarts). */
export function startQuizServer(options: QuizServerOptions): () => void {
	const { bank, remotes, store } = options;
	const log = options.log ?? ((message: string) => warn(`[VectorLessonKit] ${message}`));
	const limiter = new RateLimiter({
		limits: options.limits ?? DEFAULT_LIMITS,
		clock: options.clock,
		report: (who, action, dropped) => log(`dropped ${dropped} ${action} call(s) from ${who}: too many, too fast`),
	});
	const sessions = new Map<Player, Session>();
	const connections = new Array<RBXScriptConnection>();
	let running = true;

	const announce = (player: Player, announcement: Announcement) => remotes.announce.FireClient(player, announcement);

	/** Saves running now (on leave, autosave, shutdown): BindToClose waits for every one of them. */
	let savesInFlight = 0;
	const save = (session: Session) => {
		if (!store || !session.canSave || !session.progress) return;
		session.dirty = false;
		savesInFlight += 1;
		const [ok, saved] = pcall(() => store.save(session.player.UserId, session.progress!.data()));
		savesInFlight -= 1;
		if (!ok || !saved) session.dirty = true;
	};

	const join = (player: Player) => {
		if (sessions.has(player)) return;
		const leaderstats = createLeaderstats(player);
		const session: Session = { player, leaderstats, canSave: store !== undefined, dirty: false };
		session.leaderstats.set(0, 0);
		sessions.set(player, session);
		const loaded = store?.load(player.UserId);
		if (loaded?.kind === "failed") session.canSave = false;
		if (!running || sessions.get(player) !== session) return;
		session.progress = new PlayerProgress(bank, player.UserId, loaded?.kind === "loaded" ? loaded.data : undefined);
		session.leaderstats.set(session.progress.getPoints(), session.progress.progress());
	};

	const leave = (player: Player) => {
		const session = sessions.get(player);
		sessions.delete(player);
		limiter.forget(player.UserId);
		if (session?.dirty) save(session);
	};

	const onPrompt = (player: Player, stationId: string) => {
		if (!limiter.allow(player.UserId, player.Name, "prompt")) return;
		const progress = sessions.get(player)?.progress;
		if (!progress) return;
		const shown = progress.show(stationId);
		let payload: ShowQuestionPayload;
		if (shown.kind === "question") payload = { kind: "question", question: shown.question };
		else if (shown.kind === "station_complete") {
			payload = {
				kind: "notice",
				notice: {
					stationId,
					stationTitle: shown.station.title,
					message: "You have answered every question at this station.",
				},
			};
		} else {
			log(`${player.Name} used a prompt of station "${stationId}", which the quiz does not have`);
			return;
		}
		remotes.showQuestion.FireClient(player, payload);
	};

	const onSubmit = (player: Player, args: ReadonlyArray<unknown>): AnswerResult => {
		if (!limiter.allow(player.UserId, player.Name, "answer")) {
			return refused("rate_limited", "Too many answers too fast; wait a moment.");
		}
		const checked = checkSubmitArgs(args);
		if (checked === undefined) {
			log(`${player.Name} sent SubmitAnswer arguments that are not (question id, choice index); refused`);
			return refused("invalid_arguments", "That answer could not be read.");
		}
		const session = sessions.get(player);
		if (!session?.progress) return refused("not_ready", "Your progress is still loading.");
		const outcome = session.progress.answer(checked.questionId, checked.choice);
		const result = outcome.result;
		if (!result.accepted) {
			log(`${player.Name} answered "${checked.questionId}": refused (${result.reason})`);
			return result;
		}
		session.dirty = true;
		session.leaderstats.set(result.points, result.progress);
		if (outcome.stationCompleted) {
			announce(player, {
				kind: "station_complete",
				id: outcome.stationCompleted.id,
				title: `${outcome.stationCompleted.title} finished`,
				description: "You answered every question at this station.",
			});
		}
		for (const achievement of outcome.achievements) {
			const { id, title, description } = achievement;
			announce(player, { kind: "achievement", id, title, description });
		}
		return result;
	};

	remotes.submitAnswer.OnServerInvoke = (player, ...args) => onSubmit(player, args);
	// Clients have nothing to send on these events. Roblox queues events nobody listens to, so listen
	// and drop whatever a client fires on them.
	connections.push(remotes.showQuestion.OnServerEvent.Connect(() => undefined));
	connections.push(remotes.announce.OnServerEvent.Connect(() => undefined));

	const stopStations = watchStations({ bank, onTriggered: onPrompt, log });
	connections.push(Players.PlayerAdded.Connect(join));
	connections.push(Players.PlayerRemoving.Connect(leave));
	for (const player of Players.GetPlayers()) task.spawn(join, player);

	if (store) {
		const every = options.autosaveEvery ?? 60;
		task.spawn(() => {
			while (running) {
				task.wait(every);
				if (!running) break;
				for (const [, session] of sessions) if (session.dirty) task.spawn(save, session);
			}
		});
		// At shutdown, players still here are saved, and saves already running (players who just left:
		// PlayerRemoving handlers are not waited for) get to finish. Roblox allows BindToClose 30 seconds.
		game.BindToClose(() => {
			if (!running) return;
			for (const [, session] of sessions) if (session.dirty) task.spawn(save, session);
			const deadline = os.clock() + 25;
			while (savesInFlight > 0 && os.clock() < deadline) task.wait(0.5);
		});
	}

	return () => {
		running = false;
		stopStations();
		for (const connection of connections) connection.Disconnect();
		remotes.submitAnswer.OnServerInvoke = undefined;
		sessions.clear();
	};
}
