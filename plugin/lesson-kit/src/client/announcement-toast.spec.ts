/// <reference types="@rbxts/testez/globals" />
import { AnnouncementToast, createAnnouncementToast, TOAST_SECONDS } from "./announcement-toast";

const StarterGui = game.GetService("StarterGui");

export = () => {
	let toast: AnnouncementToast;
	beforeEach(() => {
		toast = createAnnouncementToast(StarterGui);
	});
	afterEach(() => toast.destroy());

	const frame = () => toast.gui.FindFirstChild("Toast") as Frame;
	const title = () => (toast.gui.FindFirstChild("Title", true) as TextLabel).Text;

	it("shows an achievement, then hides it", () => {
		expect(frame().Visible).to.equal(false);
		toast.show({ kind: "achievement", id: "first_correct", title: "First right answer", description: "Well done." });
		expect(frame().Visible).to.equal(true);
		expect(title()).to.equal("Achievement: First right answer");
		task.wait(TOAST_SECONDS + 0.1);
		expect(frame().Visible).to.equal(false);
	});

	it("queues a burst and shows each in turn", () => {
		toast.show({
			kind: "station_complete",
			id: "halves",
			title: "Halves finished",
			description: "Every question answered.",
		});
		toast.show({ kind: "achievement", id: "perfect_station", title: "Perfect station", description: "All right." });
		expect(title()).to.equal("Halves finished");
		task.wait(TOAST_SECONDS + 0.1);
		expect(title()).to.equal("Achievement: Perfect station");
		task.wait(TOAST_SECONDS + 0.1);
		expect(frame().Visible).to.equal(false);
	});
};
