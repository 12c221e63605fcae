/**
 * A proposal's state as a small coloured pill, so a glance down the transcript shows what is still
 * waiting (blue, like Studio's main buttons), what went in (green, Studio's diff addition colour),
 * what failed (red) or went stale (orange), and what was set aside (grey).
 */
import Roact from "@rbxts/roact";
import { ProposalState } from "../../proposals/proposal";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";

export interface StateBadgeProps {
	readonly state: ProposalState;
	readonly layoutOrder?: number;
}

/** The badge's label per state. */
export const BADGE_LABELS: { readonly [state in ProposalState]: string } = {
	pending: "Pending",
	approved: "Approved",
	applying: "Applying…",
	applied: "Applied",
	failed: "Failed",
	stale: "Stale",
	rejected: "Rejected",
	reverted: "Reverted",
};

/** The badge's fill and text colour for `state` in `theme`. */
export function badgeColors(theme: Theme, state: ProposalState): [Color3, Color3] {
	const colors = theme.colors;
	switch (state) {
		case "pending":
			return [colors.mainButton.default, colors.mainButtonText.default];
		case "approved":
		case "applying":
			return [colors.button.default, colors.buttonText.default];
		case "applied":
			return [colors.successBackground, colors.text.default];
		case "failed":
			return [colors.errorText, colors.background];
		case "stale":
			return [colors.warningText, colors.background];
		case "rejected":
		case "reverted":
			return [colors.button.default, colors.subText];
	}
}

const HEIGHT = 18;

export function StateBadge(props: StateBadgeProps): Roact.Element {
	return withTheme((theme) => {
		const [fill, text] = badgeColors(theme, props.state);
		return (
			<textlabel
				Text={BADGE_LABELS[props.state]}
				FontFace={theme.fonts.uiSemiBold}
				TextSize={theme.textSize.small}
				TextColor3={text}
				BackgroundColor3={fill}
				BorderSizePixel={0}
				Size={new UDim2(0, 0, 0, HEIGHT)}
				AutomaticSize={Enum.AutomaticSize.X}
				LayoutOrder={props.layoutOrder ?? 0}
			>
				<uipadding PaddingLeft={new UDim(0, 6)} PaddingRight={new UDim(0, 6)} />
				<uicorner CornerRadius={new UDim(0, HEIGHT / 2)} />
			</textlabel>
		);
	});
}
