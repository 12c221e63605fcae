/**
 * Members of Studio's API that the installed @rbxts/types does not declare (checked against the
 * creator docs engine reference). Declared here once, so the rest of the plugin stays typed.
 */
interface PluginGui {
	/** The title shown on the widget's tab and title bar. */
	Title: string;
}

interface PluginToolbarButton {
	/** Whether the button can be clicked while the 3D viewport is hidden (e.g. a script tab is open). */
	ClickableWhenViewportHidden: boolean;
}
