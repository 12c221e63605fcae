/**
 * Mounts the App into Vector's dock widget (what the shell calls the first time the widget is
 * shown) and keeps what depends on the widget being open: the composer takes focus each time it
 * opens, and the status bar's requests-this-minute count is refreshed every few seconds while it is
 * open (a local count: no request is made). Unmounting stops both.
 */
import Roact from "@rbxts/roact";
import { ViewModel } from "../../app/view-model";
import { WidgetContent } from "../../shell/create-shell";
import { App } from "./app";

/** Seconds between refreshes of time-dependent status while the widget is open. */
const TICK = 5;

export function mountApp(widget: DockWidgetPluginGui, vm: ViewModel): WidgetContent {
	const tree = Roact.mount(<App vm={vm} />, widget, "App");
	let mounted = true;
	task.spawn(() => {
		while (mounted) {
			task.wait(TICK);
			if (mounted && widget.Enabled) vm.tick();
		}
	});
	return {
		opened() {
			vm.focusComposer();
		},
		unmount() {
			mounted = false;
			Roact.unmount(tree);
		},
	};
}
