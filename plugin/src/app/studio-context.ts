/// <reference types="@rbxts/services/plugin" />
/**
 * What the user is working on in Studio — the script open in the editor and the selection — as the
 * composer's context chips. The view-model reads it through `ContextSource` (specs pass their own);
 * `createStudioContext` is the real one: StudioApi for the values, and Studio's change signals
 * (StudioService.ActiveScript, Selection.SelectionChanged) so the chips follow the user without
 * polling. A large selection is attached as its first {@link MAX_SELECTED} instances and one chip
 * for the rest (the model can list them all with list_selection).
 */
import { Selection, StudioService } from "@rbxts/services";
import { formatPath } from "../studio/instance-path";
import { StudioApi } from "../studio/studio-api";
import { Attachment } from "./context-note";

/** Selected instances attached one by one; the rest share one chip. */
export const MAX_SELECTED = 4;

export interface ContextSource {
	/** What would be attached now, script first. */
	current(): ReadonlyArray<Attachment>;
	/** Calls `listener` when the active script or the selection changes; returns the disconnect. */
	onChanged(listener: () => void): () => void;
}

/** The attachments for an active script and a selection (pure, for the real source and for specs). */
export function attachmentsFor(active: Instance | undefined, selection: ReadonlyArray<Instance>): Array<Attachment> {
	const attachments = new Array<Attachment>();
	if (active !== undefined) {
		const path = formatPath(active);
		attachments.push({
			id: `script:${path}`,
			kind: "script",
			label: active.Name,
			note: `Active script (open in the editor): ${path}`,
		});
	}
	const shown = selection.size() > MAX_SELECTED + 1 ? MAX_SELECTED : selection.size();
	for (let index = 0; index < shown; index++) {
		const instance = selection[index];
		const path = formatPath(instance);
		attachments.push({
			id: `selection:${path}`,
			kind: "selection",
			label: instance.Name,
			note: `Selected (${instance.ClassName}): ${path}`,
		});
	}
	const rest = selection.size() - shown;
	if (rest > 0) {
		attachments.push({
			id: `more:${rest}:${formatPath(selection[shown])}`,
			kind: "more",
			label: `+${rest} more`,
			note: `Also selected: ${rest} more instances (list_selection lists them all)`,
		});
	}
	return attachments;
}

/** SelectionChanged is missing from @rbxts/types (roblox-api.md). */
interface SelectionWithSignal {
	readonly SelectionChanged: RBXScriptSignal<() => void>;
}

/** The real source over Studio's active script and selection. */
export function createStudioContext(studio: StudioApi): ContextSource {
	return {
		current() {
			return attachmentsFor(studio.activeScript(), studio.getSelection());
		},
		onChanged(listener) {
			const connections = [
				(Selection as unknown as SelectionWithSignal).SelectionChanged.Connect(listener),
				StudioService.GetPropertyChangedSignal("ActiveScript" as never).Connect(listener),
			];
			return () => {
				for (const connection of connections) connection.Disconnect();
			};
		},
	};
}
