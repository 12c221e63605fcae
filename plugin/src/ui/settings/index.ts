/**
 * `ui/settings/`: the settings form. The app passes the saved settings in and saves what the panel
 * hands back (PluginSettings), and answers "Test connection" (the proxy's /v1/health).
 */
export { ChoiceField } from "./choice-field";
export type { ChoiceFieldProps, ChoiceOption } from "./choice-field";
export { checkDraft, sameSettings } from "./settings-draft";
export type { DraftCheck } from "./settings-draft";
export { SettingsPanel } from "./settings-panel";
export type { ConnectionTestResult, SettingsPanelProps } from "./settings-panel";
export { bullets, TextField } from "./text-field";
export type { TextFieldProps } from "./text-field";
export { ToggleField } from "./toggle-field";
export type { ToggleFieldProps } from "./toggle-field";
