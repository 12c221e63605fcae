/** `ui/status/`: the status bar at the bottom of the widget. */
export { contextPercent, STATUS_BAR_HEIGHT, StatusBar } from "./status-bar";
export type { ConnectionState, ContextUse, RequestUse, StatusBarProps } from "./status-bar";
