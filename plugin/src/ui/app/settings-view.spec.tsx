/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { SettingsView as SettingsData } from "../../app/app-state";
import { DEFAULT_SETTINGS } from "../../settings/settings-schema";
import { expectText, findText, mountSpec } from "../dev/spec-gui";
import { SettingsActions, SettingsView } from "./settings-view";

const DATA: SettingsData = {
	values: DEFAULT_SETTINGS,
	errors: {},
	problems: [],
	save: { state: "idle" },
	test: { state: "idle", problems: [] },
	resets: [],
};
const actions: SettingsActions = {
	saveSettings() {},
	testConnection() {},
};

export = () => {
	it("shows the form with the saved values and no notes", () => {
		const mounted = mountSpec(<SettingsView settings={DATA} actions={actions} />, { height: 800 });
		expectText(mounted.host, "Proxy URL");
		expect(findText(mounted.host, "Saved.")).to.equal(undefined);
		mounted.destroy();
	});

	it("says which saved settings were reset, and whether a save reached Studio", () => {
		const data: SettingsData = { ...DATA, resets: ["Token cannot contain spaces or line breaks."], save: { state: "saved" } };
		const mounted = mountSpec(<SettingsView settings={data} actions={actions} />, { height: 800 });
		expectText(mounted.host, "Some saved settings could not be used and were reset: Token cannot contain spaces");
		expectText(mounted.host, "Saved. Changes apply from the next request.");
		mounted.update(
			<SettingsView
				settings={{ ...data, save: { state: "failed", message: "Studio could not save Vector's settings: busy" } }}
				actions={actions}
			/>,
		);
		expect(expectText(mounted.host, "Studio could not save").TextColor3).to.equal(mounted.theme.colors.errorText);
		mounted.destroy();
	});
};
