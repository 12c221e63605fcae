/**
 * Instances a proposal must not rename, move or delete, whatever Roblox itself would allow: the
 * DataModel, services (scripts and Studio reach them by name, and they cannot be re-created by
 * Instance.new), the Terrain and the workspace's current camera (Studio keeps exactly one of each
 * and recreates the camera behind the user's back). Tools can check this at proposal time; the
 * applier checks it again at apply time.
 */

/** Why `instance` must not be renamed, moved or deleted, or undefined when it may be. */
export function protectionOf(instance: Instance): string | undefined {
	if (instance.IsA("DataModel")) return "it is the DataModel (game)";
	if (instance.Parent !== undefined && instance.Parent.IsA("DataModel")) return `it is the ${instance.ClassName} service`;
	if (instance.IsA("Terrain")) return "it is the place's Terrain";
	if (instance.IsA("Camera") && instance.Parent !== undefined && instance.Parent.IsA("Workspace")) {
		return "it is the workspace's camera";
	}
	return undefined;
}
