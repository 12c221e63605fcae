/**
 * The optional "reason" every write tool takes: one sentence from the model, shown with the
 * proposal so the user approves a change knowing why it is proposed, after what it does.
 */
import * as s from "./schema";

/** The `reason` argument of write tools. */
export const reasonField = s.optional(
	s.text({ description: "One short sentence for the user: why this change (shown on the proposal).", maxLength: 300 }),
);

/** A proposal summary: what the change does, then the model's reason when it gave one. */
export function summarize(what: string, reason: string | undefined): string {
	return reason !== undefined && reason !== "" ? `${what}: ${reason}` : what;
}
