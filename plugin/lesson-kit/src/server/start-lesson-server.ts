/**
 * The server side of the kit, put together: reads the quiz, creates the remotes, opens the progress
 * store when the quiz asks for saving (and the place may use DataStores), and starts the quiz.
 * A quiz with problems stops here with the problems in the Output window; nothing else starts.
 */
import { loadQuiz } from "./load-quiz";
import { PROGRESS_STORE_NAME, ProgressStore } from "./progress-store";
import { startQuizServer } from "./quiz-server";
import { createRemotes } from "./remotes";
import { KIT_FOLDER } from "../shared/kit-names";

const DataStoreService = game.GetService("DataStoreService");
const ReplicatedStorage = game.GetService("ReplicatedStorage");

const log = (message: string) => warn(`[VectorLessonKit] ${message}`);

function openStore(): ProgressStore | undefined {
	const [ok, store] = pcall(() => DataStoreService.GetDataStore(PROGRESS_STORE_NAME));
	if (!ok) {
		log(`progress will not be saved: DataStores are not available here (${store})`);
		return undefined;
	}
	return new ProgressStore(store as DataStore);
}

/** Starts the kit's server; returns the cleanup, or undefined when the quiz could not be read. */
export function startLessonServer(): (() => void) | undefined {
	const quiz = loadQuiz();
	if (!quiz.ok) {
		log(quiz.message);
		return undefined;
	}
	const kitFolder = ReplicatedStorage.WaitForChild(KIT_FOLDER);
	const remotes = createRemotes(kitFolder);
	const store = quiz.bank.saveProgress ? openStore() : undefined;
	const stop = startQuizServer({ bank: quiz.bank, remotes, store });
	const questions = quiz.bank.questionCount;
	print(
		`[VectorLessonKit] "${quiz.bank.title}": ${quiz.bank.stations.size()} station(s), ${questions} question(s), ` +
			`progress ${store ? "saved" : "not saved"}`,
	);
	return () => {
		stop();
		remotes.folder.Destroy();
	};
}
