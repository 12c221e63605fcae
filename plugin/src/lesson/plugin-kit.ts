/**
 * Where the plugin carries its lesson kit: the build puts the LessonKit folder at the root of the
 * plugin's model, beside `plugin/` (plugin/build/lesson-kit.ts). Found by walking up from this module,
 * so it works the same in the release plugin, the dev build and a place a spec runs in.
 */
import { PLUGIN_KIT_FOLDER } from "./kit-names";

/** The plugin's LessonKit folder, or undefined in a build without it. */
export function pluginLessonKit(): Instance | undefined {
	let node: Instance | undefined = script.Parent;
	while (node !== undefined) {
		const kit = node.FindFirstChild(PLUGIN_KIT_FOLDER);
		if (kit !== undefined && kit.IsA("Folder")) return kit;
		node = node.Parent;
	}
	return undefined;
}
