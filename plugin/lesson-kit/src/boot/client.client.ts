/**
 * StarterPlayerScripts.VectorLessonKit: starts the lesson kit's client for the local player.
 */
import { startQuizClient } from "../client/quiz-client";

const Players = game.GetService("Players");

startQuizClient(Players.LocalPlayer);
