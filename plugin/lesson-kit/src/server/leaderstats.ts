/**
 * A player's points and progress on the leaderboard: the `leaderstats` folder Roblox's player list
 * reads, with IntValues "Points" and "Progress" (percent of the lesson's questions answered).
 */

export interface Leaderstats {
	set(points: number, progress: number): void;
}

/** Creates (or adopts) the player's leaderstats and returns the setter. */
export function createLeaderstats(player: Player): Leaderstats {
	let folder = player.FindFirstChild("leaderstats");
	if (folder === undefined) {
		folder = new Instance("Folder");
		folder.Name = "leaderstats";
		folder.Parent = player;
	}
	const value = (name: string): IntValue => {
		const existing = folder!.FindFirstChild(name);
		if (existing !== undefined && existing.IsA("IntValue")) return existing;
		const created = new Instance("IntValue");
		created.Name = name;
		created.Parent = folder;
		return created;
	};
	const points = value("Points");
	const progress = value("Progress");
	return {
		set(p, q) {
			points.Value = p;
			progress.Value = q;
		},
	};
}
