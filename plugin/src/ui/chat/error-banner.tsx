/**
 * An error the user can act on: the message (already worded for the user by the engine), Retry
 * when retrying makes sense, a dismiss ×. When the server said how long to wait (`retryAt`), Retry
 * stays disabled and a countdown says how long is left; the banner ticks once a second on its own
 * and stops ticking when it is gone, so nothing polls while nobody waits.
 */
import Roact from "@rbxts/roact";
import { withTheme } from "../theme/theme-context";
import { ThemedButton } from "../theme/themed-button";
import { padding } from "../theme/padding";

export interface ErrorBannerProps {
	readonly message: string;
	/** Offers Retry. */
	readonly onRetry?: () => void;
	/** Offers the dismiss ×. */
	readonly onDismiss?: () => void;
	/** An `os.clock()` time before which Retry waits (the server's Retry-After). */
	readonly retryAt?: number;
	readonly layoutOrder?: number;
}

interface ErrorBannerState {
	/** Whole seconds until Retry is allowed (0: now). */
	readonly remaining: number;
}

const DISMISS = 20;

function secondsUntil(retryAt: number | undefined): number {
	return retryAt === undefined ? 0 : math.max(0, math.ceil(retryAt - os.clock()));
}

@Roact.ClassComponent
export class ErrorBanner extends Roact.Component<ErrorBannerProps, ErrorBannerState> {
	state: ErrorBannerState = { remaining: secondsUntil(this.props.retryAt) };
	private ticker?: thread;

	didMount(): void {
		this.tick();
	}

	didUpdate(previous: ErrorBannerProps): void {
		if (previous.retryAt !== this.props.retryAt) this.tick();
	}

	willUnmount(): void {
		this.stopTicking();
	}

	render(): Roact.Element {
		const props = this.props;
		const remaining = this.state.remaining;
		return withTheme((theme) => (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundColor3={theme.colors.errorBackground}
				BorderSizePixel={0}
				LayoutOrder={props.layoutOrder}
			>
				<uicorner CornerRadius={new UDim(0, theme.radius)} />
				<uistroke Color={theme.colors.errorText} Transparency={0.5} ApplyStrokeMode={Enum.ApplyStrokeMode.Border} />
				{padding(theme, "m")}
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.m)} />
				<frame
					Key="Top"
					LayoutOrder={1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					<textlabel
						Key="Message"
						Text={props.message}
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={theme.colors.text.default}
						TextXAlignment={Enum.TextXAlignment.Left}
						TextYAlignment={Enum.TextYAlignment.Top}
						TextWrapped={true}
						BackgroundTransparency={1}
						Size={new UDim2(1, props.onDismiss ? -(DISMISS + theme.spacing.s) : 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
					/>
					{props.onDismiss ? (
						<textbutton
							Key="Dismiss"
							Text="×"
							FontFace={theme.fonts.ui}
							TextSize={theme.textSize.title}
							TextColor3={theme.colors.subText}
							AutoButtonColor={false}
							BackgroundTransparency={1}
							AnchorPoint={new Vector2(1, 0)}
							Position={new UDim2(1, 0, 0, 0)}
							Size={UDim2.fromOffset(DISMISS, DISMISS)}
							Event={{ Activated: () => this.props.onDismiss?.() }}
						/>
					) : undefined}
				</frame>
				{props.onRetry ? (
					<frame Key="Actions" LayoutOrder={2} Size={new UDim2(1, 0, 0, theme.rowHeight)} BackgroundTransparency={1}>
						<uilistlayout
							FillDirection={Enum.FillDirection.Horizontal}
							VerticalAlignment={Enum.VerticalAlignment.Center}
							SortOrder={Enum.SortOrder.LayoutOrder}
							Padding={new UDim(0, theme.spacing.m)}
						/>
						<ThemedButton
							Key="Retry"
							text="Retry"
							layoutOrder={1}
							enabled={remaining === 0}
							onActivated={() => {
								if (this.state.remaining === 0) this.props.onRetry?.();
							}}
						/>
						{remaining > 0 ? (
							<textlabel
								Key="Countdown"
								LayoutOrder={2}
								Text={`Retry in ${remaining} s`}
								FontFace={theme.fonts.ui}
								TextSize={theme.textSize.small}
								TextColor3={theme.colors.subText}
								BackgroundTransparency={1}
								Size={new UDim2(0, 0, 1, 0)}
								AutomaticSize={Enum.AutomaticSize.X}
							/>
						) : undefined}
					</frame>
				) : undefined}
			</frame>
		));
	}

	/** Updates the countdown and schedules the next change of the whole second shown. */
	private tick(): void {
		this.stopTicking();
		const retryAt = this.props.retryAt;
		const remaining = secondsUntil(retryAt);
		if (remaining !== this.state.remaining) this.setState({ remaining });
		if (retryAt === undefined || remaining === 0) return;
		const untilNextSecond = retryAt - os.clock() - (remaining - 1);
		this.ticker = task.delay(math.max(untilNextSecond, 0.05), () => {
			this.ticker = undefined;
			this.tick();
		});
	}

	private stopTicking(): void {
		if (this.ticker !== undefined) {
			task.cancel(this.ticker);
			this.ticker = undefined;
		}
	}
}
