/// <reference types="@rbxts/testez/globals" />
import { createLeaderstats } from "./leaderstats";

export = () => {
	// A Player cannot be made outside a running game; leaderstats only needs an instance to hold them.
	const fakePlayer = () => new Instance("Folder") as unknown as Player;

	it("creates leaderstats with Points and Progress as IntValues", () => {
		const player = fakePlayer();
		createLeaderstats(player).set(30, 40);
		const folder = player.FindFirstChild("leaderstats")!;
		expect(folder.IsA("Folder")).to.equal(true);
		expect((folder.FindFirstChild("Points") as IntValue).Value).to.equal(30);
		expect((folder.FindFirstChild("Progress") as IntValue).Value).to.equal(40);
	});

	it("adopts leaderstats that are already there instead of adding a second set", () => {
		const player = fakePlayer();
		createLeaderstats(player).set(1, 1);
		createLeaderstats(player).set(2, 3);
		expect(player.GetChildren().size()).to.equal(1);
		const folder = player.FindFirstChild("leaderstats")!;
		expect(folder.GetChildren().size()).to.equal(2);
		expect((folder.FindFirstChild("Points") as IntValue).Value).to.equal(2);
	});
};
