/**
 * The plugin's shell in Studio: the Vector toolbar button and the dock widget it toggles. The
 * button shows as active while the widget is open, however it was opened or closed (the widget's
 * own close button, a restored layout). Returns the cleanup to run when the plugin unloads.
 */

/** The part of `plugin` the shell needs, so specs can pass a fake or the headless Studio's plugin. */
export interface PluginLike {
	CreateToolbar(name: string): PluginToolbar;
	CreateDockWidgetPluginGuiAsync(pluginGuiId: string, info: DockWidgetPluginGuiInfo): DockWidgetPluginGui;
}

export const WIDGET_ID = "VectorCopilot";
export const TOOLBAR_NAME = "Vector";
export const BUTTON_ID = "vector-toggle";

/** Default dock placement and sizes: docked right, closed until the user opens it. */
function widgetInfo(): DockWidgetPluginGuiInfo {
	return new DockWidgetPluginGuiInfo(Enum.InitialDockState.Right, false, false, 380, 560, 300, 320);
}

/** Creates the toolbar button and the dock widget; returns the cleanup. */
export function createShell(host: PluginLike): () => void {
	const toolbar = host.CreateToolbar(TOOLBAR_NAME);
	const button = toolbar.CreateButton(BUTTON_ID, "Open the Vector copilot", "", "Vector");
	button.ClickableWhenViewportHidden = true;

	const widget = host.CreateDockWidgetPluginGuiAsync(WIDGET_ID, widgetInfo());
	widget.Title = "Vector";
	widget.Name = "Vector";
	widget.ZIndexBehavior = Enum.ZIndexBehavior.Sibling;

	const connections = [
		button.Click.Connect(() => {
			widget.Enabled = !widget.Enabled;
		}),
		widget.GetPropertyChangedSignal("Enabled").Connect(() => button.SetActive(widget.Enabled)),
	];
	button.SetActive(widget.Enabled);

	return () => {
		for (const connection of connections) connection.Disconnect();
	};
}
