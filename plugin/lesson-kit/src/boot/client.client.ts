/**
 * StarterPlayerScripts.VectorLessonKit: starts the lesson kit's client for the local player.
 */
import { Players } from "@rbxts/services";
import { startQuizClient } from "../client/quiz-client";

startQuizClient(Players.LocalPlayer);
