/**
 * The widget's header: tabs for its four views (Chat, Lesson, Assets, Settings), drawn like Studio's own
 * panel tabs (the selected one in bright text over an accent underline, the others dimmed until
 * hovered), and New chat on the right while a conversation can be cleared. Below COMPACT_WIDTH
 * (the dock's minimum is 300 px) the tabs take smaller text and close up, so all four stay clear
 * of New chat.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { TabButton } from "./tab-button";

export type HeaderTab = "chat" | "lesson" | "assets" | "settings";

const TABS: ReadonlyArray<{ readonly tab: HeaderTab; readonly label: string }> = [
	{ tab: "chat", label: "Chat" },
	{ tab: "lesson", label: "Lesson" },
	{ tab: "assets", label: "Assets" },
	{ tab: "settings", label: "Settings" },
];

/** The header's height in pixels. */
export const HEADER_HEIGHT = 34;

/** Narrower than this, the tabs are compact (four roomy tabs and New chat need ~360 px, kept with a margin). */
export const COMPACT_WIDTH = 380;

export interface AppHeaderProps {
	readonly tab: HeaderTab;
	readonly onTab: (tab: HeaderTab) => void;
	/** Shows New chat (on the Chat tab, when there is a conversation). */
	readonly canNewChat: boolean;
	readonly onNewChat: () => void;
	readonly layoutOrder?: number;
}

/** The header bar (see the module header). */
@Roact.ClassComponent
export class AppHeader extends Roact.Component<AppHeaderProps, { compact: boolean }> {
	state = { compact: false };

	render(): Roact.Element {
		const props = this.props;
		const compact = this.state.compact;
		return withTheme((theme) => {
			const tabs: Roact.Children = new Map();
			TABS.forEach((entry, index) =>
				tabs.set(
					`Tab${entry.label}`,
					<TabButton
						label={entry.label}
						selected={props.tab === entry.tab}
						order={index}
						compact={compact}
						onActivated={() => props.onTab(entry.tab)}
					/>,
				),
			);
			return (
				<frame
					BackgroundColor3={theme.colors.titlebar}
					BorderSizePixel={0}
					Size={new UDim2(1, 0, 0, HEADER_HEIGHT)}
					LayoutOrder={props.layoutOrder}
					Change={{
						AbsoluteSize: (rbx) => {
							const narrow = rbx.AbsoluteSize.X < COMPACT_WIDTH;
							if (narrow !== this.state.compact) this.setState({ compact: narrow });
						},
					}}
				>
					<frame Key="Tabs" BackgroundTransparency={1} Size={UDim2.fromScale(1, 1)}>
						<uilistlayout
							FillDirection={Enum.FillDirection.Horizontal}
							SortOrder={Enum.SortOrder.LayoutOrder}
							Padding={new UDim(0, 0)}
						/>
						<uipadding PaddingLeft={new UDim(0, theme.spacing.s)} />
						{tabs}
					</frame>
					{props.canNewChat ? (
						<ThemedButton
							Key="NewChat"
							text="New chat"
							onActivated={() => props.onNewChat()}
							anchorPoint={new Vector2(1, 0.5)}
							position={new UDim2(1, -theme.spacing.m, 0.5, 0)}
							size={new UDim2(0, 76, 0, theme.rowHeight - 4)}
						/>
					) : undefined}
					<frame
						Key="Rule"
						BackgroundColor3={theme.colors.border}
						BorderSizePixel={0}
						AnchorPoint={new Vector2(0, 1)}
						Position={UDim2.fromScale(0, 1)}
						Size={new UDim2(1, 0, 0, 1)}
						ZIndex={0}
					/>
				</frame>
			);
		});
	}
}
