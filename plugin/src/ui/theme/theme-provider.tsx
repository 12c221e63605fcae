/**
 * Puts the current Theme into ThemeContext for everything below it and keeps it current: when the
 * source reports a change (Studio's ThemeChanged for the real source) it re-reads the colours and
 * every consumer re-renders in the new theme, without remounting anything.
 */
import Roact from "@rbxts/roact";
import { studioThemeSource, ThemeSource } from "./studio-theme-source";
import { Theme } from "./theme";
import { ThemeContext } from "./theme-context";

export interface ThemeProviderProps {
	/** Where colours come from (default: Studio's current theme, followed as the user switches). */
	readonly source?: ThemeSource;
}

interface ThemeProviderState {
	readonly theme: Theme;
}

@Roact.ClassComponent
export class ThemeProvider extends Roact.Component<Roact.PropsWithChildren<ThemeProviderProps>, ThemeProviderState> {
	private source: ThemeSource;
	private unsubscribe?: () => void;

	constructor(props: Roact.PropsWithChildren<ThemeProviderProps>) {
		super(props);
		this.source = props.source ?? studioThemeSource();
		this.state = { theme: this.source.read() };
	}

	didMount(): void {
		this.listen();
	}

	didUpdate(previous: ThemeProviderProps): void {
		if (previous.source === this.props.source) return;
		this.source = this.props.source ?? studioThemeSource();
		this.listen();
		this.setState({ theme: this.source.read() });
	}

	willUnmount(): void {
		this.unsubscribe?.();
		this.unsubscribe = undefined;
	}

	render(): Roact.Element {
		return <ThemeContext.Provider value={this.state.theme}>{this.props[Roact.Children]}</ThemeContext.Provider>;
	}

	private listen(): void {
		this.unsubscribe?.();
		const source = this.source;
		this.unsubscribe = source.subscribe(() => {
			// A handler queued before willUnmount disconnected it may still run (deferred events).
			if (this.source === source && this.unsubscribe !== undefined) this.setState({ theme: source.read() });
		});
	}
}
