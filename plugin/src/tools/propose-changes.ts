/**
 * propose_changes: several changes as ONE proposal — one card, one approval, one undo step, applied
 * in one recording so a failure half-way leaves the place as it was. It is how a lesson stage
 * (terrain, parts, lighting…) or any change that only makes sense whole (rename a part and fix the
 * script that names it) reaches the user.
 *
 * Each change names a write tool and its arguments; each is checked exactly as if the model had
 * called that tool (same schema, same checks against the place), and their operations are joined in
 * order. If any change is refused, nothing is proposed and the message says which change and why, so
 * the model fixes that one and sends the batch again.
 *
 * Changes are checked against the place as it is now plus what the earlier changes of the batch
 * create (tools/planned-instances.ts): a later change may create inside, set properties of, or move
 * something into an instance or script an earlier one creates. Renaming, moving, deleting or editing
 * such an instance is refused: create it as it should be instead. At apply time operations run in
 * order, each seeing what the earlier ones did.
 */
import { PlannedInstances } from "./planned-instances";
import { ToolContext, ToolDefinition, ToolOutcome } from "./tool";
import { resolvePath } from "../studio/instance-path";
import { Operation } from "../proposals/operation";
import { reasonField, summarize } from "./reason";
import * as s from "./schema";
import { thrownReason } from "./thrown-reason";

/** Most changes in one batch. */
export const MAX_CHANGES = 40;
/** Stage ids: as lesson plans declare them (lesson/lesson-plan.ts). */
const STAGE_PATTERN = "^[%w_%-]+$";

function buildArgs(names: ReadonlyArray<string>) {
	return s.object(
		{
			summary: s.text({
				description: "One line for the user on what the whole proposal does (the card's title and the undo step's name).",
				minLength: 1,
				maxLength: 200,
			}),
			changes: s.array(
				s.object(
					{
						tool: s.text({ description: `The write tool: ${names.join(", ")}.`, minLength: 1, maxLength: 60 }),
						arguments: s.record(s.json({ description: "An argument." }), {
							description: "That tool's arguments, exactly as you would send them to it.",
							minEntries: 0,
							maxEntries: 50,
						}),
					},
					{ description: "One change." },
				),
				{ description: "The changes, applied in this order.", minItems: 1, maxItems: MAX_CHANGES },
			),
			stage: s.optional(
				s.text({
					description: "When building a lesson: the id of the plan_lesson stage this proposal builds.",
					minLength: 1,
					maxLength: 40,
				}),
			),
			reason: reasonField,
		},
		{ description: "Several changes proposed together." },
	);
}

/** The path of a planned instance `operation` renames, moves, deletes or edits; undefined when it does none. */
function reworksPlanned(operation: Operation, planned: PlannedInstances): string | undefined {
	switch (operation.kind) {
		case "rename_instance":
		case "move_instance":
		case "delete_instance":
		case "edit_script":
			return planned.resolve(operation.path).kind !== "none" ? operation.path : undefined;
		default:
			return undefined;
	}
}

/** The batch tool over `tools` (the write tools it may call; it never calls itself). */
export function createProposeChanges(tools: ReadonlyArray<ToolDefinition>) {
	const writers = new Map<string, ToolDefinition>();
	for (const tool of tools) if (tool.kind === "write") writers.set(tool.name, tool);
	const names = tools.filter((tool) => tool.kind === "write").map((tool) => tool.name);
	const args = buildArgs(names);

	const runChange = (index: number, name: string, raw: unknown, context: ToolContext): ToolOutcome => {
		const where = `changes[${index}] (${name})`;
		const tool = writers.get(name);
		if (tool === undefined) {
			return { kind: "error", message: `${where}: not a write tool; use one of ${names.join(", ")}` };
		}
		const checked = tool.args.check(raw);
		if (!checked.ok) return { kind: "error", message: `${where}: ${checked.message}` };
		const [ran, outcome] = pcall(() => tool.execute(checked.value, context));
		if (!ran) {
			const reason = thrownReason(outcome);
			return { kind: "error", message: `${where} failed: ${reason}` };
		}
		const result = outcome as ToolOutcome;
		if (result.kind === "error") return { kind: "error", message: `${where}: ${result.message}` };
		if (result.kind !== "proposal") return { kind: "error", message: `${where}: made no change` };
		return result;
	};

	const definition: ToolDefinition<s.Infer<typeof args>> = {
		name: "propose_changes",
		description:
			"Proposes several changes as ONE proposal: one card for the user, one approval, one undo step, all or " +
			"nothing. Each change is a write tool and its arguments, checked as if you had called that tool. Use it for " +
			"changes that belong together and for each stage of a lesson (with `stage`). A later change may name what an " +
			"earlier one creates (a script inside a new folder), but not rename, move, delete or edit it.",
		kind: "write",
		args,
		execute(a, context) {
			if (a.stage !== undefined && a.stage.match(STAGE_PATTERN)[0] === undefined) {
				return { kind: "error", message: 'stage: use the stage id from plan_lesson (letters, digits, "_" and "-")' };
			}
			// A stage must be one of the plan's, when the conversation still holds the plan (compaction may
			// have summarised it away; then the stage is taken as given).
			const plan = a.stage !== undefined ? context.lessonPlan?.() : undefined;
			if (plan !== undefined && !plan.stages.some((stage) => stage.id === a.stage)) {
				const ids = plan.stages.map((stage) => stage.id).join(", ");
				return {
					kind: "error",
					message: `stage: "${a.stage}" is not a stage of the lesson plan "${plan.title}" (${ids}); use one of those ids, or call plan_lesson again to change the plan`,
				};
			}
			const operations = new Array<Operation>();
			const planned = new PlannedInstances();
			const batch: ToolContext = { ...context, planned };
			const exists = (path: string) => resolvePath(context.studio.game, path).ok;
			try {
				for (let i = 0; i < a.changes.size(); i++) {
					const change = a.changes[i];
					const outcome = runChange(i, change.tool, change.arguments, batch);
					if (outcome.kind !== "proposal") return outcome;
					for (const operation of outcome.operations) {
						const reworked = reworksPlanned(operation, planned);
						if (reworked !== undefined) {
							return {
								kind: "error",
								message: `changes[${i}] (${change.tool}): ${reworked} is created by an earlier change of this proposal; create it as it should be instead of changing it afterwards`,
							};
						}
						operations.push(operation);
						planned.add(operation, exists);
					}
				}
			} finally {
				planned.destroy();
			}
			if (operations.size() === 0) return { kind: "error", message: "changes: none of the changes changes anything" };
			return {
				kind: "proposal",
				summary: summarize(a.summary, a.reason),
				operations,
				stage: a.stage,
			};
		},
	};
	return definition;
}
