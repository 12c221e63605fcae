/**
 * The strip at the bottom of the widget: whether the proxy answers (a coloured dot and a word), the
 * model in use, how full the model's context window is (a percentage and a small bar that turns to
 * the warning and then the error colour as it fills), and the requests made this minute against the
 * plugin's cap. Everything is a prop: the app feeds it from the proxy client, the settings and the
 * agent's `tokens` events.
 */
import Roact from "@rbxts/roact";
import { escapeRichText } from "../chat/message-markup";
import { Theme, toHex } from "../theme/theme";
import { withTheme } from "../theme/theme-context";

export type ConnectionState = "connected" | "connecting" | "offline" | "not_configured";

/** The context window's use, as the agent's `tokens` event reports it. */
export interface ContextUse {
	readonly tokens: number;
	readonly limit: number;
	/** False while the count is an estimate (shown with "~"). */
	readonly measured?: boolean;
}

export interface RequestUse {
	readonly used: number;
	readonly limit: number;
}

export interface StatusBarProps {
	readonly connection: ConnectionState;
	/** Replaces the connection's word ("Proxy unreachable", "Checking…"). */
	readonly connectionText?: string;
	/** The model's name; "" or undefined: the proxy's default. */
	readonly model?: string;
	readonly context?: ContextUse;
	readonly requests?: RequestUse;
	readonly layoutOrder?: number;
}

export const STATUS_BAR_HEIGHT = 24;
const DOT = 8;
const BAR_WIDTH = 40;

const CONNECTION_TEXT: Record<ConnectionState, string> = {
	connected: "Connected",
	connecting: "Connecting…",
	offline: "Offline",
	not_configured: "Not set up",
};

function connectionColor(theme: Theme, state: ConnectionState): Color3 {
	switch (state) {
		case "connected":
			return theme.colors.success;
		case "connecting":
			return theme.colors.warningText;
		case "offline":
			return theme.colors.errorText;
		case "not_configured":
			return theme.colors.dimmedText;
	}
}

/** The context's share of the window, 0–100, rounded down so 100 % means truly full. */
export function contextPercent(context: ContextUse): number {
	if (context.limit <= 0) return 0;
	return math.clamp(math.floor((context.tokens / context.limit) * 100), 0, 100);
}

function contextColor(theme: Theme, percent: number): Color3 {
	if (percent >= 90) return theme.colors.errorText;
	if (percent >= 75) return theme.colors.warningText;
	return theme.colors.linkText;
}

function label(theme: Theme, text: string, order: number, color?: Color3): Roact.Element {
	return (
		<textlabel
			LayoutOrder={order}
			Text={text}
			FontFace={theme.fonts.ui}
			TextSize={theme.textSize.small}
			TextColor3={color ?? theme.colors.subText}
			BackgroundTransparency={1}
			Size={new UDim2(0, 0, 1, 0)}
			AutomaticSize={Enum.AutomaticSize.X}
		/>
	);
}

/**
 * The left part (connection and model) takes what the right part (context, requests) leaves, and
 * cuts the model's name with "…" in a narrow widget: the right part's width is followed through a
 * binding, so the two never overlap.
 */
@Roact.ClassComponent
export class StatusBar extends Roact.Component<StatusBarProps> {
	private readonly rightWidth: Roact.Binding<number>;
	private readonly setRightWidth: (width: number) => void;

	constructor(props: StatusBarProps) {
		super(props);
		const [rightWidth, setRightWidth] = Roact.createBinding(0);
		this.rightWidth = rightWidth;
		this.setRightWidth = setRightWidth;
	}

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const props = this.props;
		const margin = theme.spacing.m;
		const percent = props.context ? contextPercent(props.context) : undefined;
		const model = props.model !== undefined && props.model !== "" ? props.model : "Default model";
		const connection = props.connectionText ?? CONNECTION_TEXT[props.connection];
		const right = new Map<string, Roact.Element>();
		if (props.context && percent !== undefined) {
			const estimated = props.context.measured === false ? "~" : "";
			right.set("Context", label(theme, `Context ${estimated}${percent}%`, 1));
			right.set(
				"ContextBar",
				<frame
					LayoutOrder={2}
					Size={UDim2.fromOffset(BAR_WIDTH, 4)}
					BackgroundColor3={theme.colors.scrollBarBackground}
					BorderSizePixel={0}
				>
					<uicorner CornerRadius={new UDim(0, 2)} />
					<frame
						Key="Fill"
						Size={new UDim2(percent / 100, 0, 1, 0)}
						BackgroundColor3={contextColor(theme, percent)}
						BorderSizePixel={0}
					>
						<uicorner CornerRadius={new UDim(0, 2)} />
					</frame>
				</frame>,
			);
		}
		if (props.requests) {
			const nearCap = props.requests.used >= props.requests.limit * 0.9;
			right.set(
				"Requests",
				label(
					theme,
					`${props.requests.used}/${props.requests.limit} req/min`,
					3,
					nearCap ? theme.colors.warningText : undefined,
				),
			);
		}
		const hasRight = right.size() > 0;
		return (
			<frame
				Size={new UDim2(1, 0, 0, STATUS_BAR_HEIGHT)}
				BackgroundColor3={theme.colors.statusBar}
				BorderSizePixel={0}
				LayoutOrder={props.layoutOrder}
				ClipsDescendants={true}
			>
				<frame
					Key="Separator"
					Size={new UDim2(1, 0, 0, 1)}
					BackgroundColor3={theme.colors.separator}
					BorderSizePixel={0}
				/>
				<frame
					Key="Left"
					Position={new UDim2(0, margin, 0, 0)}
					Size={this.rightWidth.map((width) => new UDim2(1, -(2 * margin + (hasRight ? width + margin : 0)), 1, 0))}
					BackgroundTransparency={1}
					ClipsDescendants={true}
				>
					<frame
						Key="Dot"
						AnchorPoint={new Vector2(0, 0.5)}
						Position={new UDim2(0, 0, 0.5, 0)}
						Size={UDim2.fromOffset(DOT, DOT)}
						BackgroundColor3={connectionColor(theme, props.connection)}
						BorderSizePixel={0}
					>
						<uicorner CornerRadius={new UDim(0.5, 0)} />
					</frame>
					<textlabel
						Key="Summary"
						Text={`${escapeRichText(connection)}  <font color="${toHex(theme.colors.subText)}">${escapeRichText(model)}</font>`}
						RichText={true}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.small}
						TextColor3={theme.colors.text.default}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextTruncate={Enum.TextTruncate.AtEnd}
						BackgroundTransparency={1}
						Position={new UDim2(0, DOT + theme.spacing.s + 2, 0, 0)}
						Size={new UDim2(1, -(DOT + theme.spacing.s + 2), 1, 0)}
					/>
				</frame>
				{hasRight ? (
					<frame
						Key="Right"
						Size={new UDim2(0, 0, 1, 0)}
						AutomaticSize={Enum.AutomaticSize.X}
						AnchorPoint={new Vector2(1, 0)}
						Position={new UDim2(1, -margin, 0, 0)}
						BackgroundTransparency={1}
						Change={{ AbsoluteSize: (rbx) => this.setRightWidth(rbx.AbsoluteSize.X) }}
					>
						<uilistlayout
							FillDirection={Enum.FillDirection.Horizontal}
							VerticalAlignment={Enum.VerticalAlignment.Center}
							SortOrder={Enum.SortOrder.LayoutOrder}
							Padding={new UDim(0, margin)}
						/>
						{right}
					</frame>
				) : undefined}
			</frame>
		);
	}
}
