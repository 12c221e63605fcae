/**
 * The names the plugin and the lesson kit agree on (the kit declares them in
 * plugin/lesson-kit/src/shared/kit-names.ts; the two are separate programs, so the plugin repeats them here
 * and the host play-through tests pin that a quiz and stations the plugin writes are the ones the kit reads).
 */

/** The plugin's folder holding the kit to copy into places (the build adds it beside `plugin/`). */
export const PLUGIN_KIT_FOLDER = "LessonKit";

/** The kit's root in each service, and the StringValue below ReplicatedStorage's root that holds its version. */
export const KIT_ROOT = "VectorLessonKit";
export const KIT_VERSION_VALUE = "KitVersion";

/** The ModuleScript in ServerStorage returning the quiz content. */
export const QUIZ_MODULE = "VectorLessonQuiz";
export const QUIZ_MODULE_PARENT = "ServerStorage";

/** How a station is marked in the world: this CollectionService tag, and this string attribute naming its id. */
export const STATION_TAG = "VectorQuizStation";
export const STATION_ID_ATTRIBUTE = "StationId";
