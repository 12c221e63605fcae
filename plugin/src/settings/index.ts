/**
 * settings/: Vector's validated user settings. `PluginSettings` over a `SettingsStore` (the entry
 * script passes one over `plugin:GetSetting`/`SetSetting`); its `current()` is also the proxy
 * client's `ProxyConnection`.
 */
export {
	AgentMode,
	AUTO_APPROVE_CATEGORIES,
	AutoApproveCategory,
	checkSetting,
	checkUrl,
	DEFAULT_SETTINGS,
	LATER_FIELDS,
	SETTINGS_FIELDS,
	settingsLabel,
	settingsProblems,
	SettingsField,
	SettingsPatch,
	VectorSettings,
} from "./settings-schema";
export {
	createMemorySettingsStore,
	PluginSettings,
	PluginSettingsOptions,
	SETTINGS_KEY,
	SettingsListener,
	SettingsLoadReport,
	SettingsReset,
	SettingsStore,
	SettingsUpdateResult,
} from "./settings-store";
