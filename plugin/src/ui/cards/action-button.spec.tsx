/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { ActionButton, ActionButtonProps } from "./action-button";
import { createSpecTheme } from "./dev/spec-theme";
import { canClick, click, createSpecGui, findButton, SpecGui } from "./dev/spec-gui";

export = () => {
	const theme = createSpecTheme();
	let gui: SpecGui;

	beforeEach(() => {
		gui = createSpecGui(300, 100);
	});

	afterEach(() => {
		gui.destroy();
	});

	const render = (props: Partial<ActionButtonProps>) => (
		<ActionButton theme={theme} text="Approve" onActivate={() => {}} {...props} />
	);

	it("shows its text in Studio's button colours", () => {
		gui.mount(render({}));
		const button = findButton(gui.host, "Approve")!;
		expect(button).to.be.ok();
		expect(button.BackgroundColor3).to.equal(theme.color("Button"));
		expect(button.TextColor3).to.equal(theme.color("ButtonText"));
		expect(button.Font).to.equal(theme.font);
		expect(button.Active).to.equal(true);
	});

	it("uses MainButton colours for the main action, and plain disabled colours when disabled", () => {
		gui.mount(render({ variant: "main" }));
		expect(findButton(gui.host, "Approve")!.BackgroundColor3).to.equal(theme.color("MainButton"));
		expect(findButton(gui.host, "Approve")!.TextColor3).to.equal(theme.color("DialogMainButtonText"));
		gui.update(render({ variant: "main", disabled: true }));
		const button = findButton(gui.host, "Approve")!;
		expect(button.BackgroundColor3).to.equal(theme.color("Button", "Disabled"));
		expect(button.TextColor3).to.equal(theme.color("ButtonText", "Disabled"));
		expect(button.Active).to.equal(false);
	});

	it("uses the error colour for a risky confirmation", () => {
		gui.mount(render({ variant: "danger", text: "Insert anyway" }));
		expect(findButton(gui.host, "Insert anyway")!.BackgroundColor3).to.equal(theme.color("ErrorText"));
	});

	it("sizes to its text", () => {
		gui.mount(render({ text: "Insert anyway" }));
		const button = findButton(gui.host, "Insert anyway")!;
		expect(button.AbsoluteSize.X > button.TextBounds.X).to.equal(true);
		expect(button.TextFits).to.equal(true);
	});

	describe("clicked", () => {
		if (!canClick()) SKIP();

		it("calls onActivate once per click", () => {
			let clicks = 0;
			gui.mount(render({ onActivate: () => (clicks += 1) }));
			click(findButton(gui.host, "Approve"));
			expect(clicks).to.equal(1);
			click(findButton(gui.host, "Approve"));
			expect(clicks).to.equal(2);
		});

		it("does nothing when disabled", () => {
			let clicks = 0;
			gui.mount(render({ disabled: true, onActivate: () => (clicks += 1) }));
			click(findButton(gui.host, "Approve"));
			expect(clicks).to.equal(0);
		});

		it("shows the hover colour while the mouse is over it", () => {
			gui.mount(render({}));
			const button = findButton(gui.host, "Approve")!;
			click(button);
			expect(button.BackgroundColor3).to.equal(theme.color("Button", "Hover"));
		});
	});
};
