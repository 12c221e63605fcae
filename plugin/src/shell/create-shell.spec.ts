/// <reference types="@rbxts/testez/globals" />
import { BUTTON_ID, createShell, PluginLike, TOOLBAR_NAME, WIDGET_ID, WidgetContent } from "./create-shell";

/** A stand-in for Studio's plugin: real signals (BindableEvents), recorded calls. */
class FakePlugin implements PluginLike {
	toolbarName?: string;
	buttonId?: string;
	widgetId?: string;
	readonly activeStates = new Array<boolean>();
	readonly click = new Instance("BindableEvent");
	readonly widgetChanged = new Instance("BindableEvent");
	widgetEnabled = false;

	CreateToolbar(name: string) {
		this.toolbarName = name;
		const fake = this;
		return {
			CreateButton(id: string) {
				fake.buttonId = id;
				return {
					Click: fake.click.Event,
					ClickableWhenViewportHidden: false,
					SetActive(active: boolean) {
						fake.activeStates.push(active);
					},
				};
			},
		} as unknown as PluginToolbar;
	}

	CreateDockWidgetPluginGuiAsync(id: string) {
		this.widgetId = id;
		const fake = this;
		const widget = {
			GetPropertyChangedSignal() {
				return fake.widgetChanged.Event;
			},
		};
		// Enabled and the other properties the shell writes go through a metatable, like an instance.
		return setmetatable(widget, {
			__index: (_, key) => (key === "Enabled" ? fake.widgetEnabled : undefined),
			__newindex: (target, key, value) => {
				if (key === "Enabled") {
					fake.widgetEnabled = value as boolean;
					fake.widgetChanged.Fire();
				} else rawset(target, key, value);
			},
		}) as unknown as DockWidgetPluginGui;
	}

	lastActive() {
		return this.activeStates[this.activeStates.size() - 1];
	}
}

export = () => {
	it("creates one toolbar button and one dock widget, closed", () => {
		const fake = new FakePlugin();
		createShell(fake);
		expect(fake.toolbarName).to.equal(TOOLBAR_NAME);
		expect(fake.buttonId).to.equal(BUTTON_ID);
		expect(fake.widgetId).to.equal(WIDGET_ID);
		expect(fake.widgetEnabled).to.equal(false);
		expect(fake.lastActive()).to.equal(false);
	});

	it("toggles the widget on each click and mirrors it on the button", () => {
		const fake = new FakePlugin();
		createShell(fake);
		fake.click.Fire();
		task.wait();
		task.wait();
		expect(fake.widgetEnabled).to.equal(true);
		expect(fake.lastActive()).to.equal(true);
		fake.click.Fire();
		task.wait();
		task.wait();
		expect(fake.widgetEnabled).to.equal(false);
		expect(fake.lastActive()).to.equal(false);
	});

	it("stops reacting to clicks after cleanup", () => {
		const fake = new FakePlugin();
		const cleanup = createShell(fake);
		cleanup();
		fake.click.Fire();
		task.wait();
		expect(fake.widgetEnabled).to.equal(false);
	});

	describe("widget content", () => {
		function recorder() {
			const log = new Array<string>();
			const mount = (widget: DockWidgetPluginGui): WidgetContent => {
				log.push(`mount ${widget !== undefined}`);
				return {
					opened() {
						log.push("opened");
					},
					unmount() {
						log.push("unmount");
					},
				};
			};
			return { log, mount };
		}

		it("is mounted the first time the widget is shown, and told each time it is shown again", () => {
			const fake = new FakePlugin();
			const r = recorder();
			createShell(fake, r.mount);
			expect(r.log.size()).to.equal(0);
			fake.click.Fire();
			task.wait();
			expect(r.log.join(",")).to.equal("mount true,opened");
			fake.click.Fire();
			task.wait();
			fake.click.Fire();
			task.wait();
			expect(r.log.join(",")).to.equal("mount true,opened,opened");
		});

		it("is mounted at once when Studio restored the widget open", () => {
			const fake = new FakePlugin();
			fake.widgetEnabled = true;
			const r = recorder();
			createShell(fake, r.mount);
			expect(r.log.join(",")).to.equal("mount true,opened");
		});

		it("is unmounted by the cleanup, and only if it was mounted", () => {
			const fake = new FakePlugin();
			const never = recorder();
			createShell(fake, never.mount)();
			expect(never.log.size()).to.equal(0);

			const other = new FakePlugin();
			const r = recorder();
			const cleanup = createShell(other, r.mount);
			other.click.Fire();
			task.wait();
			cleanup();
			expect(r.log.join(",")).to.equal("mount true,opened,unmount");
		});
	});
};
