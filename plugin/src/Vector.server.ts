/**
 * Vector's plugin entry: a Script with RunContext Plugin (see Vector.meta.json) and the only module
 * that touches `plugin`. It owns the toolbar button and the dock widget; everything else receives
 * Studio through small interfaces so specs can pass fakes.
 */
import { createShell } from "./shell/create-shell";

const cleanup = createShell(plugin);
plugin.Unloading.Connect(cleanup);
