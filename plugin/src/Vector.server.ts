/**
 * Vector's plugin entry: a Script with RunContext Plugin (see Vector.meta.json) and the only module
 * that touches `plugin`. The toolbar button and the dock widget come first; the engine (app/
 * create-engine.ts, over the plugin's settings) and the view-model the widget renders from are
 * built the first time the widget is shown, so loading Studio costs a user who does not open Vector
 * nothing. The saved conversation and proposals come back at that moment. Everything is taken down
 * when Studio unloads the plugin.
 */
import { createEngine } from "./app/create-engine";
import { ViewModel } from "./app/view-model";
import { createShell } from "./shell/create-shell";
import { mountApp } from "./ui/app/mount-app";

let running: { readonly vm: ViewModel; readonly stopEngine: () => void } | undefined;

function viewModel(): ViewModel {
	if (running === undefined) {
		const { engine, cleanup } = createEngine(plugin);
		running = { vm: new ViewModel(engine), stopEngine: cleanup };
	}
	return running.vm;
}

const closeShell = createShell(plugin, (widget) => mountApp(widget, viewModel()));

plugin.Unloading.Connect(() => {
	closeShell();
	running?.vm.destroy();
	running?.stopEngine();
	running = undefined;
});
