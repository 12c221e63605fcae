/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { findNamed, mountSpec, settle } from "../dev/spec-gui";
import { fixedThemeSource, ThemeSource, themeFromStudioTheme } from "./studio-theme-source";
import { Theme } from "./theme";
import { withTheme } from "./theme-context";
import { ThemeProvider } from "./theme-provider";

function studioTheme(name: string): StudioTheme {
	const themes = settings().Studio.GetAvailableThemes() as Array<Instance>;
	return themes.find((theme) => theme.Name === name) as StudioTheme;
}

/** A source the spec switches by hand. */
function switchableSource(first: Theme): ThemeSource & { switchTo(theme: Theme): void } {
	const changed = new Instance("BindableEvent");
	let current = first;
	return {
		read: () => current,
		subscribe: (listener) => {
			const connection = changed.Event.Connect(listener);
			return () => connection.Disconnect();
		},
		switchTo(theme: Theme) {
			current = theme;
			changed.Fire();
		},
	};
}

function Swatch(_props: {}) {
	return withTheme((theme) => (
		<textlabel
			Size={UDim2.fromOffset(100, 20)}
			BackgroundColor3={theme.colors.background}
			TextColor3={theme.colors.text.default}
			Text={theme.name}
		/>
	));
}

export = () => {
	const dark = themeFromStudioTheme(studioTheme("Dark"));
	const light = themeFromStudioTheme(studioTheme("Light"));

	describe("createTheme", () => {
		it("reads every role from Studio's style guide, modifiers included", () => {
			const darkStudio = studioTheme("Dark");
			expect(dark.name).to.equal("Dark");
			expect(dark.isDark).to.equal(true);
			expect(light.isDark).to.equal(false);
			expect(dark.colors.background).to.equal(darkStudio.GetColor(Enum.StudioStyleGuideColor.MainBackground));
			expect(dark.colors.mainButton.hover).to.equal(
				darkStudio.GetColor(Enum.StudioStyleGuideColor.DialogMainButton, Enum.StudioStyleGuideModifier.Hover),
			);
			expect(dark.colors.inputBorder.selected).to.equal(
				darkStudio.GetColor(Enum.StudioStyleGuideColor.InputFieldBorder, Enum.StudioStyleGuideModifier.Selected),
			);
			expect(dark.colors.diff.additionBackground).to.equal(
				darkStudio.GetColor(Enum.StudioStyleGuideColor.DiffTextAdditionBackground),
			);
			expect(light.colors.text.default).to.equal(studioTheme("Light").GetColor(Enum.StudioStyleGuideColor.MainText));
			expect(dark.colors.background).never.to.equal(light.colors.background);
		});

		it("uses Builder Sans for the UI and Roboto Mono for code", () => {
			expect(dark.fonts.ui.Family.find("BuilderSans")[0]).to.be.ok();
			expect(dark.fonts.code.Family.find("RobotoMono")[0]).to.be.ok();
			expect(dark.textSize.body >= 14 && dark.textSize.body <= 15).to.equal(true);
		});
	});

	describe("ThemeProvider", () => {
		it("gives consumers the source's theme", () => {
			const mounted = mountSpec(<Swatch Key="Swatch" />, { theme: "Light" });
			const swatch = findNamed(mounted.host, "Swatch", "TextLabel");
			expect(swatch.BackgroundColor3).to.equal(light.colors.background);
			expect(swatch.Text).to.equal("Light");
			mounted.destroy();
		});

		it("re-renders consumers in place when the source changes", () => {
			const source = switchableSource(dark);
			const mounted = mountSpec(<Swatch Key="Swatch" />, { theme: source });
			const swatch = findNamed(mounted.host, "Swatch", "TextLabel");
			expect(swatch.BackgroundColor3).to.equal(dark.colors.background);
			source.switchTo(light);
			settle();
			expect(findNamed(mounted.host, "Swatch")).to.equal(swatch);
			expect(swatch.BackgroundColor3).to.equal(light.colors.background);
			expect(swatch.TextColor3).to.equal(light.colors.text.default);
			mounted.destroy();
		});

		it("follows Studio's theme by default, re-colouring on ThemeChanged", () => {
			const studio = settings().Studio;
			const original = studio.Theme;
			const other = original.Name === "Dark" ? studioTheme("Light") : studioTheme("Dark");
			const host = new Instance("ScreenGui");
			host.Parent = game.GetService("CoreGui");
			const tree = Roact.mount(
				<ThemeProvider>
					<Swatch Key="Swatch" />
				</ThemeProvider>,
				host,
			);
			try {
				const swatch = findNamed(host, "Swatch", "TextLabel");
				expect(swatch.BackgroundColor3).to.equal(original.GetColor(Enum.StudioStyleGuideColor.MainBackground));
				studio.Theme = other;
				settle();
				expect(swatch.Text).to.equal(other.Name);
				expect(swatch.BackgroundColor3).to.equal(other.GetColor(Enum.StudioStyleGuideColor.MainBackground));
			} finally {
				studio.Theme = original;
				Roact.unmount(tree);
				host.Destroy();
			}
		});

		it("stops listening when unmounted", () => {
			const source = switchableSource(dark);
			let listeners = 0;
			const counted: ThemeSource = {
				read: source.read,
				subscribe: (listener) => {
					listeners += 1;
					const stop = source.subscribe(listener);
					return () => {
						listeners -= 1;
						stop();
					};
				},
			};
			const mounted = mountSpec(<Swatch Key="Swatch" />, { theme: counted });
			expect(listeners).to.equal(1);
			mounted.destroy();
			expect(listeners).to.equal(0);
		});

		it("refuses a themed component outside a provider", () => {
			const host = new Instance("Folder");
			const [ok, problem] = pcall(() => Roact.mount(<Swatch Key="Swatch" />, host));
			expect(ok).to.equal(false);
			expect(tostring(problem).find("outside a ThemeProvider", 1, true)[0]).to.be.ok();
			host.Destroy();
		});

		it("fixedThemeSource refuses a theme Studio does not have", () => {
			expect(() => fixedThemeSource("Solarized")).to.throw();
		});
	});
};
