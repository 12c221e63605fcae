/**
 * Creates the kit's remotes under ReplicatedStorage.VectorLessonKit.Remotes when the server starts
 * (they are not part of the installed kit, so a half-installed kit cannot leave stale ones behind).
 */
import { REMOTES_FOLDER, RemoteNames } from "../shared/kit-names";

export interface ServerRemotes {
	readonly folder: Folder;
	readonly showQuestion: RemoteEvent;
	readonly submitAnswer: RemoteFunction;
	readonly announce: RemoteEvent;
}

/** Makes the remotes folder under `kitFolder` (replacing one left from an earlier start). */
export function createRemotes(kitFolder: Instance): ServerRemotes {
	kitFolder.FindFirstChild(REMOTES_FOLDER)?.Destroy();
	const folder = new Instance("Folder");
	folder.Name = REMOTES_FOLDER;
	const make = <C extends "RemoteEvent" | "RemoteFunction">(className: C, name: string) => {
		const remote = new Instance(className);
		remote.Name = name;
		remote.Parent = folder;
		return remote;
	};
	const remotes: ServerRemotes = {
		folder,
		showQuestion: make("RemoteEvent", RemoteNames.showQuestion),
		submitAnswer: make("RemoteFunction", RemoteNames.submitAnswer),
		announce: make("RemoteEvent", RemoteNames.announce),
	};
	// Parent last, so a client that sees the folder sees every remote in it.
	folder.Parent = kitFolder;
	return remotes;
}
