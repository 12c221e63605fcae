/**
 * The Roact context that carries the current Theme to every component, so a theme switch re-renders
 * exactly the consumers and nothing has to pass the Theme down by hand. A component outside a
 * ThemeProvider is a wiring mistake: it throws instead of drawing in made-up colours.
 */
import Roact from "@rbxts/roact";
import { Theme } from "./theme";

export const ThemeContext = Roact.createContext<Theme | undefined>(undefined);

/** Renders `render(theme)` with the Theme of the nearest ThemeProvider. */
export function withTheme(render: (theme: Theme) => Roact.Element | undefined): Roact.Element {
	return (
		<ThemeContext.Consumer
			render={(theme) => {
				if (theme === undefined) throw "Vector: a themed component was rendered outside a ThemeProvider";
				return render(theme);
			}}
		/>
	);
}
