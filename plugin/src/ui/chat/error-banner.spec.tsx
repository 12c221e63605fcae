/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, findNamed, isShown, mountSpec, settle } from "../dev/spec-gui";
import { ErrorBanner, ErrorBannerProps } from "./error-banner";

function banner(props: ErrorBannerProps) {
	return <ErrorBanner Key="Banner" {...props} />;
}

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`shows the message on the error background with Retry and dismiss when offered (${themeName})`, () => {
			const mounted = mountSpec(
				banner({ message: "The proxy did not answer. Check it is running.", onRetry: () => {}, onDismiss: () => {} }),
				{ theme: themeName },
			);
			const colors = mounted.theme.colors;
			expect(findNamed(mounted.host, "Banner", "Frame").BackgroundColor3).to.equal(colors.errorBackground);
			const message = findNamed(mounted.host, "Message", "TextLabel");
			expect(message.Text).to.equal("The proxy did not answer. Check it is running.");
			expect(message.TextColor3).to.equal(colors.text.default);
			const retry = findNamed(mounted.host, "Retry", "TextButton");
			expect(retry.Text).to.equal("Retry");
			expect(retry.Active).to.equal(true);
			expect(isShown(findNamed(mounted.host, "Dismiss", "TextButton"))).to.equal(true);
			mounted.destroy();
		});
	}

	it("offers neither button when given no callbacks", () => {
		const mounted = mountSpec(banner({ message: "Saving the session failed." }));
		expect(mounted.host.FindFirstChild("Retry", true)).to.equal(undefined);
		expect(mounted.host.FindFirstChild("Dismiss", true)).to.equal(undefined);
		mounted.destroy();
	});

	it("wraps a long message and keeps it clear of the dismiss button", () => {
		const mounted = mountSpec(
			banner({ message: string.rep("Rate limited by the provider. ", 8), onDismiss: () => {} }),
			{
				width: 240,
			},
		);
		const message = findNamed(mounted.host, "Message", "TextLabel");
		const dismiss = findNamed(mounted.host, "Dismiss", "TextButton");
		expect(message.AbsoluteSize.Y > mounted.theme.textSize.body * 2).to.equal(true);
		expect(message.AbsolutePosition.X + message.AbsoluteSize.X <= dismiss.AbsolutePosition.X).to.equal(true);
		mounted.destroy();
	});

	it("counts down to the retry time, Retry disabled until then", () => {
		const mounted = mountSpec(banner({ message: "Too many requests.", onRetry: () => {}, retryAt: os.clock() + 2.5 }));
		const retry = findNamed(mounted.host, "Retry", "TextButton");
		expect(retry.Active).to.equal(false);
		expect(findNamed(mounted.host, "Countdown", "TextLabel").Text).to.equal("Retry in 3 s");
		task.wait(1);
		settle();
		expect(findNamed(mounted.host, "Countdown", "TextLabel").Text).to.equal("Retry in 2 s");
		task.wait(1.6);
		settle();
		expect(mounted.host.FindFirstChild("Countdown", true)).to.equal(undefined);
		expect(retry.Active).to.equal(true);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("fires Retry and dismiss on a click, and ignores Retry while counting down", () => {
			let retries = 0;
			let dismissals = 0;
			const props = (retryAt?: number): ErrorBannerProps => ({
				message: "Too many requests.",
				retryAt,
				onRetry: () => (retries += 1),
				onDismiss: () => (dismissals += 1),
			});
			const mounted = mountSpec(banner(props(os.clock() + 30)));
			click(findNamed(mounted.host, "Retry", "TextButton"));
			expect(retries).to.equal(0);
			mounted.update(banner(props()));
			click(findNamed(mounted.host, "Retry", "TextButton"));
			expect(retries).to.equal(1);
			click(findNamed(mounted.host, "Dismiss", "TextButton"));
			expect(dismissals).to.equal(1);
			mounted.destroy();
		});
	});
};
