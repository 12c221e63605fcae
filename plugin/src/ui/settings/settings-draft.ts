/**
 * The settings panel's edits, checked by the schema's own rules (settings/settings-schema.ts): each
 * field through `checkSetting` (its message when it breaks a rule, its normalized value when not),
 * then, once every field passes, the combinations `settingsProblems` reports. The panel may save
 * only what comes out whole, and only when it differs from what is saved. Data in, data out.
 */
import {
	checkSetting,
	SETTINGS_FIELDS,
	SettingsField,
	settingsProblems,
	VectorSettings,
} from "../../settings/settings-schema";

export interface DraftCheck {
	/** What is wrong with each field that breaks a rule. */
	readonly messages: { readonly [field in SettingsField]?: string };
	/** Fields that pass one by one but not together (only checked once every field passes). */
	readonly problems: ReadonlyArray<string>;
	/** The normalized settings, when every field and their combination are valid. */
	readonly settings?: VectorSettings;
}

/** Checks a draft (see the module header). */
export function checkDraft(draft: VectorSettings): DraftCheck {
	const messages: { [field in SettingsField]?: string } = {};
	const normalized: { [field: string]: unknown } = {};
	let valid = true;
	for (const field of SETTINGS_FIELDS) {
		const checked = checkSetting(field, draft[field]);
		if (checked.ok) {
			normalized[field] = checked.value;
		} else {
			messages[field] = checked.message;
			valid = false;
		}
	}
	if (!valid) return { messages, problems: [] };
	const settings = normalized as unknown as VectorSettings;
	const problems = settingsProblems(settings);
	return { messages, problems, settings: problems.size() === 0 ? settings : undefined };
}

/** Whether two settings hold the same values. */
export function sameSettings(a: VectorSettings, b: VectorSettings): boolean {
	return (
		a.proxyUrl === b.proxyUrl &&
		a.token === b.token &&
		a.providerBaseUrl === b.providerBaseUrl &&
		a.providerKey === b.providerKey &&
		a.model === b.model &&
		a.mode === b.mode &&
		a.streaming === b.streaming &&
		a.canvasBaseUrl === b.canvasBaseUrl &&
		a.canvasToken === b.canvasToken &&
		a.autoApprove.script_edits === b.autoApprove.script_edits &&
		a.autoApprove.instance_changes === b.autoApprove.instance_changes &&
		a.autoApprove.asset_inserts === b.autoApprove.asset_inserts
	);
}
