/**
 * A progress line of a long task ("Reading Workspace.Map…"): a small dot and a line of text, no
 * spinner (nothing animates, so nothing costs frames while the model thinks). The dot is the link
 * colour while the stage is under way and dims with the text once it is done.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";

export interface StageLineProps {
	readonly text: string;
	/** Under way (true) or finished. */
	readonly active: boolean;
	readonly layoutOrder?: number;
}

const DOT = 6;
const INDENT = 14;

export function StageLine(props: StageLineProps): Roact.Element {
	return withTheme((theme) => {
		const lineHeight = theme.textSize.small + 6;
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder}
			>
				<frame
					Key="Dot"
					AnchorPoint={new Vector2(0, 0.5)}
					Position={new UDim2(0, 2, 0, lineHeight / 2)}
					Size={UDim2.fromOffset(DOT, DOT)}
					BackgroundColor3={props.active ? theme.colors.linkText : theme.colors.dimmedText}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0.5, 0)} />
				</frame>
				<textlabel
					Key="Text"
					Text={props.text}
					FontFace={theme.fonts.ui}
					TextSize={theme.textSize.small}
					TextColor3={props.active ? theme.colors.subText : theme.colors.dimmedText}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextYAlignment={Enum.TextYAlignment.Center}
					TextWrapped={true}
					BackgroundTransparency={1}
					Position={new UDim2(0, INDENT, 0, 0)}
					Size={new UDim2(1, -INDENT, 0, lineHeight)}
					AutomaticSize={Enum.AutomaticSize.Y}
				/>
			</frame>
		);
	});
}
