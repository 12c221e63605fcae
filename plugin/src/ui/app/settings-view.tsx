/**
 * The Settings tab: the settings form (ui/settings/settings-panel.tsx), and above it what the user
 * should know about the saved settings: fields that were reset because what Studio had saved could
 * not be used, and whether the last save reached Studio's plugin settings.
 */
import Roact from "@rbxts/roact";
import { SettingsView as SettingsData } from "../../app/app-state";
import { VectorSettings } from "../../settings/settings-schema";
import { ConnectionTestResult, SettingsPanel } from "../settings/settings-panel";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { wrappedLabel } from "../theme/wrapped-label";

export interface SettingsActions {
	saveSettings(settings: VectorSettings): void;
	testConnection(draft: VectorSettings, done: (result: ConnectionTestResult) => void): void;
	/** "Test Canvas" (the panel shows the button only when this is given). */
	testCanvas?(draft: VectorSettings, done: (result: ConnectionTestResult) => void): void;
}

export interface SettingsViewProps {
	readonly settings: SettingsData;
	readonly actions: SettingsActions;
	readonly layoutOrder?: number;
}

export function SettingsView(props: SettingsViewProps): Roact.Element {
	return withTheme((theme) => renderView(theme, props));
}

function renderView(theme: Theme, props: SettingsViewProps): Roact.Element {
	const { settings, actions } = props;
	const notes = new Map<string, Roact.Element>();
	const note = (key: string, order: number, text: string, color: Color3) =>
		notes.set(
			key,
			wrappedLabel(theme, theme.textSize.small, key, order, text, color),
		);
	if (settings.resets.size() > 0) {
		note(
			"Resets",
			1,
			`Some saved settings could not be used and were reset: ${settings.resets.join("; ")}.`,
			theme.colors.warningText,
		);
	}
	if (settings.save.state === "failed" && settings.save.message !== undefined)
		note("Save", 2, settings.save.message, theme.colors.errorText);
	else if (settings.save.state === "saved")
		note("Save", 2, "Saved. Changes apply from the next request.", theme.colors.subText);
	return (
		<frame Size={UDim2.fromScale(1, 1)} BackgroundTransparency={1} LayoutOrder={props.layoutOrder}>
			<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
			{notes.size() > 0 ? (
				<frame
					Key="Notes"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<uipadding
						PaddingLeft={new UDim(0, theme.spacing.m)}
						PaddingRight={new UDim(0, theme.spacing.m)}
						PaddingTop={new UDim(0, theme.spacing.m)}
					/>
					<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
					{notes}
				</frame>
			) : undefined}
			<frame Key="Form" LayoutOrder={2} Size={UDim2.fromScale(1, 0)} BackgroundTransparency={1}>
				{Roact.createElement("UIFlexItem", { FlexMode: Enum.UIFlexMode.Fill })}
				<SettingsPanel
					settings={settings.values}
					onSave={(values) => actions.saveSettings(values)}
					onTestConnection={(draft) =>
						new Promise<ConnectionTestResult>((resolve) => actions.testConnection(draft, resolve))
					}
					onTestCanvas={
						actions.testCanvas !== undefined
							? (draft) => new Promise<ConnectionTestResult>((resolve) => actions.testCanvas!(draft, resolve))
							: undefined
					}
				/>
			</frame>
		</frame>
	);
}
