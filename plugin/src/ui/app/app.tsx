/**
 * The widget's root: the Studio theme for everything below (ui/theme, re-coloured on ThemeChanged),
 * the header with its tabs, the selected tab's view (Chat, Lesson, Assets, Settings) and the status
 * bar. It renders the view-model's state (app/view-model.ts) and hands the user's actions back to
 * it; it subscribes on mount and unsubscribes on unmount, so the widget redraws at most once a frame.
 * It keeps the "New lesson" form's draft itself: the draft is the form's until it is sent, and
 * living here rather than in the form it survives switching tabs (the form is unmounted then).
 */
import Roact from "@rbxts/roact";
import { AppState } from "../../app/app-state";
import { ViewModel } from "../../app/view-model";
import { EMPTY_LESSON_DRAFT, LessonDraft } from "../../lesson/lesson-request";
import { StatusBar, ConnectionState as BarConnection } from "../status/status-bar";
import { ThemeSource } from "../theme/studio-theme-source";
import { withTheme } from "../theme/theme-context";
import { ThemeProvider } from "../theme/theme-provider";
import { AppHeader } from "./app-header";
import { AssetsView } from "./assets-view";
import { ChatView } from "./chat-view";
import { LessonView } from "./lesson-view";
import { SettingsView } from "./settings-view";
import { Theme } from "../theme/theme";

export interface AppProps {
	readonly vm: ViewModel;
	/** Where the colours come from (default: Studio's current theme, followed as it changes). */
	readonly themeSource?: ThemeSource;
}

interface AppComponentState {
	readonly app: AppState;
	/** What the "New lesson" form holds (kept across tab switches). */
	readonly lessonDraft: LessonDraft;
}

const BAR_CONNECTION: Record<AppState["status"]["connection"], BarConnection> = {
	unknown: "not_configured",
	connected: "connected",
	unreachable: "offline",
	refused: "offline",
	trouble: "connecting",
};

@Roact.ClassComponent
export class App extends Roact.Component<AppProps, AppComponentState> {
	private unsubscribe?: () => void;

	constructor(props: AppProps) {
		super(props);
		this.state = { app: props.vm.getState(), lessonDraft: EMPTY_LESSON_DRAFT };
	}

	didMount(): void {
		this.unsubscribe = this.props.vm.subscribe((app) => this.setState({ app }));
		// Anything that changed between the first render and subscribing.
		this.setState({ app: this.props.vm.getState() });
	}

	willUnmount(): void {
		this.unsubscribe?.();
		this.unsubscribe = undefined;
	}

	render(): Roact.Element {
		return (
			<ThemeProvider source={this.props.themeSource}>{withTheme((theme) => this.renderWith(theme))}</ThemeProvider>
		);
	}

	private renderWith(theme: Theme): Roact.Element {
		const vm = this.props.vm;
		const app = this.state.app;
		const status = app.status;
		let view: Roact.Element;
		if (app.view === "assets") {
			view = <AssetsView assets={app.assets} actions={vm} />;
		} else if (app.view === "lesson") {
			view = (
				<LessonView
					state={app}
					draft={this.state.lessonDraft}
					onDraft={(lessonDraft) => this.setState({ lessonDraft })}
					actions={vm}
				/>
			);
		} else if (app.view === "settings") {
			view = <SettingsView settings={app.settings} actions={vm} />;
		} else {
			view = <ChatView state={app} actions={vm} />;
		}
		return (
			<frame Size={UDim2.fromScale(1, 1)} BackgroundColor3={theme.colors.background} BorderSizePixel={0}>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} FillDirection={Enum.FillDirection.Vertical} />
				<AppHeader
					Key="Header"
					layoutOrder={1}
					tab={app.view}
					onTab={(tab) => vm.setView(tab)}
					canNewChat={app.view === "chat" && app.loop.hasConversation}
					onNewChat={() => vm.newChat()}
				/>
				<frame Key="View" LayoutOrder={2} Size={UDim2.fromScale(1, 0)} BackgroundTransparency={1}>
					{Roact.createElement("UIFlexItem", { FlexMode: Enum.UIFlexMode.Fill })}
					{view}
				</frame>
				<StatusBar
					Key="Status"
					layoutOrder={3}
					connection={BAR_CONNECTION[status.connection]}
					connectionText={status.connectionText}
					model={status.model}
					context={status.context}
					requests={{ used: status.requestsThisMinute, limit: status.requestsPerMinute }}
				/>
			</frame>
		);
	}
}
