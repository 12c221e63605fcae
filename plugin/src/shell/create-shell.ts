/**
 * The plugin's shell in Studio: the Vector toolbar button and the dock widget it toggles. The
 * button shows as active while the widget is open, however it was opened or closed (the widget's
 * own close button, a restored layout). The widget's content is mounted the first time the widget
 * is shown (a user who never opens Vector pays for no UI), told each time it is shown again (so
 * the composer can take focus), and unmounted by the cleanup the plugin runs when it unloads.
 */

/** The part of `plugin` the shell needs, so specs can pass a fake or the headless Studio's plugin. */
export interface PluginLike {
	CreateToolbar(name: string): PluginToolbar;
	CreateDockWidgetPluginGuiAsync(pluginGuiId: string, info: DockWidgetPluginGuiInfo): DockWidgetPluginGui;
}

export const WIDGET_ID = "VectorCopilot";
export const TOOLBAR_NAME = "Vector";
export const BUTTON_ID = "vector-toggle";

/** What the shell mounts into the widget. */
export interface WidgetContent {
	/** The widget was shown (the first time right after mounting). */
	opened(): void;
	/** Unmounts the content (the plugin is unloading). */
	unmount(): void;
}

/** Mounts the content into the widget; called once, when the widget is first shown. */
export type MountContent = (widget: DockWidgetPluginGui) => WidgetContent;

/** Default dock placement and sizes: docked right, closed until the user opens it. */
function widgetInfo(): DockWidgetPluginGuiInfo {
	return new DockWidgetPluginGuiInfo(Enum.InitialDockState.Right, false, false, 380, 560, 300, 320);
}

/** Creates the toolbar button and the dock widget (with `mount`'s content); returns the cleanup. */
export function createShell(host: PluginLike, mount?: MountContent): () => void {
	const toolbar = host.CreateToolbar(TOOLBAR_NAME);
	const button = toolbar.CreateButton(BUTTON_ID, "Open the Vector copilot", "", "Vector");
	button.ClickableWhenViewportHidden = true;

	const widget = host.CreateDockWidgetPluginGuiAsync(WIDGET_ID, widgetInfo());
	widget.Title = "Vector";
	widget.Name = "Vector";
	widget.ZIndexBehavior = Enum.ZIndexBehavior.Sibling;

	let content: WidgetContent | undefined;
	const shown = () => {
		if (!widget.Enabled || mount === undefined) return;
		if (content === undefined) content = mount(widget);
		content.opened();
	};

	const connections = [
		button.Click.Connect(() => {
			widget.Enabled = !widget.Enabled;
		}),
		widget.GetPropertyChangedSignal("Enabled").Connect(() => {
			button.SetActive(widget.Enabled);
			shown();
		}),
	];
	button.SetActive(widget.Enabled);
	// A widget Studio restored open is shown from the start.
	shown();

	return () => {
		for (const connection of connections) connection.Disconnect();
		content?.unmount();
		content = undefined;
	};
}
