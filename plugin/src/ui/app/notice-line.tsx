/**
 * A short note on an action that was refused ("Type a message first."), in the warning colour,
 * gone when clicked. The Chat and Lesson tabs show the view-model's notice the same way.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";

export interface NoticeLineProps {
	readonly text: string;
	readonly onDismiss: () => void;
	readonly layoutOrder?: number;
}

export function NoticeLine(props: NoticeLineProps): Roact.Element {
	return withTheme((theme) => (
		<textbutton
			LayoutOrder={props.layoutOrder}
			Text={props.text}
			FontFace={theme.fonts.ui}
			TextSize={theme.textSize.small}
			TextColor3={theme.colors.warningText}
			TextXAlignment={Enum.TextXAlignment.Left}
			TextWrapped={true}
			AutoButtonColor={false}
			BackgroundTransparency={1}
			Size={new UDim2(1, 0, 0, 0)}
			AutomaticSize={Enum.AutomaticSize.Y}
			Event={{ Activated: () => props.onDismiss() }}
		>
			<uipadding
				PaddingLeft={new UDim(0, theme.spacing.m)}
				PaddingRight={new UDim(0, theme.spacing.m)}
				PaddingTop={new UDim(0, theme.spacing.s)}
			/>
		</textbutton>
	));
}
