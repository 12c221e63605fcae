/**
 * A labelled choice between a few options, drawn as a row of buttons where the chosen one is
 * Studio's main (blue) button: used for Plan / Act, where both options should be visible at once.
 */
import Roact from "@rbxts/roact";
import { buttonRow } from "../theme/button-row";
import { withTheme } from "../theme/theme-context";
import { wrappedLabel } from "../theme/wrapped-label";
import { ThemedButton } from "../theme/themed-button";

export interface ChoiceOption<T extends string> {
	readonly value: T;
	readonly label: string;
}

export interface ChoiceFieldProps<T extends string> {
	readonly label: string;
	readonly options: ReadonlyArray<ChoiceOption<T>>;
	readonly selected: T;
	readonly onSelect: (value: T) => void;
	/** What the chosen option means, under the buttons. */
	readonly description?: string;
	readonly layoutOrder?: number;
}

export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>): Roact.Element {
	return withTheme((theme) => {
		const buttons = new Map<string, Roact.Element>();
		props.options.forEach((option, index) =>
			buttons.set(
				option.value,
				<ThemedButton
					text={option.label}
					style={option.value === props.selected ? "main" : "secondary"}
					layoutOrder={index}
					onActivated={() => {
						if (option.value !== props.selected) props.onSelect(option.value);
					}}
				/>,
			),
		);
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.xs)} />
				{wrappedLabel(theme, theme.textSize.body, "Label", 1, props.label, theme.colors.text.default)}
				{buttonRow(theme, "Options", 2, buttons)}
				{props.description !== undefined &&
					wrappedLabel(theme, theme.textSize.small, "Description", 3, props.description, theme.colors.dimmedText)}
			</frame>
		);
	});
}
