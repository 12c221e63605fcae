/**
 * install_lesson_kit: puts the lesson kit the plugin carries (the server and client scripts that run
 * quizzes, points, progress and stations) into the place, as a proposal of ordinary operations
 * (lesson/kit-installer.ts): a fresh install, an upgrade or a repair; nothing when the same version is
 * complete, and a newer kit is kept.
 */
import { planKitInstall } from "../lesson/kit-installer";
import { reasonField, summarize } from "./reason";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

const args = s.object({ reason: reasonField }, { description: "No arguments besides an optional reason." });

export const installLessonKit: ToolDefinition<s.Infer<typeof args>> = {
	name: "install_lesson_kit",
	description:
		"Proposes installing Vector's lesson kit (server-checked quiz, points and progress in leaderstats, adaptive " +
		"difficulty, achievements, the quiz panel players open at stations) into the place, or upgrading an older one.",
	kind: "write",
	args,
	execute(a, context) {
		const kit = context.studio.lessonKit;
		if (kit === undefined) {
			return { kind: "error", message: "this build of Vector carries no lesson kit; reinstall the plugin" };
		}
		const planned = planKitInstall(kit, context.studio.game);
		if (!planned.ok) return { kind: "error", message: planned.message };
		const plan = planned.plan;
		if (plan.operations.size() === 0) return { kind: "result", text: plan.summary };
		return { kind: "proposal", summary: summarize(plan.summary, a.reason), operations: plan.operations };
	},
};
