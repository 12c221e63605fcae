/**
 * A proposal's state as a small coloured pill, so a glance down the transcript shows what is still
 * waiting (blue, like Studio's main buttons), what went in (green, Studio's diff addition colour),
 * what failed (red) or went stale (orange), and what was set aside (grey).
 */
import Roact from "@rbxts/roact";
import { ProposalState } from "../../proposals/proposal";
import { CardColor, CardTheme } from "./card-theme";

export interface StateBadgeProps {
	readonly theme: CardTheme;
	readonly state: ProposalState;
	readonly layoutOrder?: number;
}

/** Label, fill and text colour per state. */
export const BADGES: { readonly [state in ProposalState]: readonly [string, CardColor, CardColor] } = {
	pending: ["Pending", "MainButton", "DialogMainButtonText"],
	approved: ["Approved", "Button", "ButtonText"],
	applying: ["Applying…", "Button", "ButtonText"],
	applied: ["Applied", "DiffLineNumAdditionBackground", "MainText"],
	failed: ["Failed", "ErrorText", "MainBackground"],
	stale: ["Stale", "WarningText", "MainBackground"],
	rejected: ["Rejected", "Button", "SubText"],
	reverted: ["Reverted", "Button", "SubText"],
};

const HEIGHT = 18;

export function StateBadge(props: StateBadgeProps): Roact.Element {
	const [label, fill, text] = BADGES[props.state];
	return (
		<textlabel
			Text={label}
			Font={props.theme.font}
			TextSize={props.theme.textSize - 2}
			TextColor3={props.theme.color(text)}
			BackgroundColor3={props.theme.color(fill)}
			BorderSizePixel={0}
			Size={new UDim2(0, 0, 0, HEIGHT)}
			AutomaticSize={Enum.AutomaticSize.X}
			LayoutOrder={props.layoutOrder ?? 0}
		>
			<uipadding PaddingLeft={new UDim(0, 6)} PaddingRight={new UDim(0, 6)} />
			<uicorner CornerRadius={new UDim(0, HEIGHT / 2)} />
		</textlabel>
	);
}
