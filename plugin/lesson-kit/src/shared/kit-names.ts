/**
 * The names that tie the lesson kit to the place and to Vector: where the kit's folders live, where
 * the quiz content is, how stations are marked, and what the remotes are called. The plugin builds
 * the same names into the stations and the quiz module it proposes, so they are declared once here
 * and pinned by specs on both sides.
 */

/** The name of the kit's root in each service (ServerStorage, ReplicatedStorage, ServerScriptService, StarterPlayerScripts). */
export const KIT_FOLDER = "VectorLessonKit";

/** The ModuleScript in ServerStorage that returns the quiz content (never replicated to clients). */
export const QUIZ_MODULE = "VectorLessonQuiz";

/** CollectionService tag of a quiz station (a BasePart, a Model or an Attachment). */
export const STATION_TAG = "VectorQuizStation";

/** String attribute of a station naming its station id in the quiz content. */
export const STATION_ID_ATTRIBUTE = "StationId";

/** The ProximityPrompt the kit adds to a station (one that is already there with this name is reused). */
export const STATION_PROMPT = "VectorQuizPrompt";

/** Folder the server creates under ReplicatedStorage.VectorLessonKit for the remotes. */
export const REMOTES_FOLDER = "Remotes";

/** The remotes, one job each. */
export const RemoteNames = {
	/** RemoteEvent, server → client: a question to show (ClientQuestion) or a station message. */
	showQuestion: "ShowQuestion",
	/** RemoteFunction, client → server: (questionId, choice) → AnswerResult. */
	submitAnswer: "SubmitAnswer",
	/** RemoteEvent, server → client: an Announcement (achievement, station finished). */
	announce: "Announce",
} as const;
