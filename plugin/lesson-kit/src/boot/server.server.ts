/**
 * ServerScriptService.VectorLessonKit: starts the lesson kit's server. The code lives in
 * ServerStorage.VectorLessonKit, out of the clients' reach.
 */
import { startLessonServer } from "../server/start-lesson-server";

startLessonServer();
