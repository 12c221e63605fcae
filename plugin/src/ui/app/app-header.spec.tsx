/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { canActAsUser, click, expectText, findNamed, findText, hover, mountSpec } from "../dev/spec-gui";
import { AppHeader, COMPACT_WIDTH, HEADER_HEIGHT, HeaderTab } from "./app-header";

export = () => {
	function header(tab: HeaderTab, canNewChat: boolean, log: Array<string> = []) {
		return (
			<AppHeader
				tab={tab}
				onTab={(chosen) => log.push(`tab ${chosen}`)}
				canNewChat={canNewChat}
				onNewChat={() => log.push("new chat")}
			/>
		);
	}

	it("shows the four tabs in the title bar colour, the selected one bright and underlined", () => {
		const mounted = mountSpec(header("assets", false));
		const bar = mounted.host.FindFirstChildWhichIsA("Frame")!;
		expect(bar.BackgroundColor3).to.equal(mounted.theme.colors.titlebar);
		expect(bar.AbsoluteSize.Y).to.equal(HEADER_HEIGHT);
		const assets = expectText(mounted.host, "Assets") as TextButton;
		const chat = expectText(mounted.host, "Chat") as TextButton;
		expect(assets.TextColor3).to.equal(mounted.theme.colors.brightText);
		expect(chat.TextColor3).to.equal(mounted.theme.colors.subText);
		expect(findNamed(assets, "Underline", "Frame").Visible).to.equal(true);
		expect(findNamed(chat, "Underline", "Frame").Visible).to.equal(false);
		expect(findText(mounted.host, "New chat")).to.equal(undefined);
		mounted.destroy();
	});

	it("lays the tabs out left to right, clear of New chat in a 400 px dock", () => {
		const mounted = mountSpec(header("chat", true));
		const chat = expectText(mounted.host, "Chat");
		const lesson = expectText(mounted.host, "Lesson");
		const assets = expectText(mounted.host, "Assets");
		const settingsTab = expectText(mounted.host, "Settings");
		expect(chat.AbsolutePosition.X < lesson.AbsolutePosition.X).to.equal(true);
		expect(lesson.AbsolutePosition.X < assets.AbsolutePosition.X).to.equal(true);
		expect(assets.AbsolutePosition.X < settingsTab.AbsolutePosition.X).to.equal(true);
		const newChat = expectText(mounted.host, "New chat");
		expect(newChat.AbsolutePosition.X + newChat.AbsoluteSize.X <= mounted.host.AbsoluteSize.X).to.equal(true);
		expect(settingsTab.AbsolutePosition.X + settingsTab.AbsoluteSize.X <= newChat.AbsolutePosition.X).to.equal(true);
		mounted.destroy();
	});

	it("closes the tabs up in the narrowest dock, so all four stay clear of New chat", () => {
		const mounted = mountSpec(header("chat", true), { width: 300 });
		const settingsTab = expectText(mounted.host, "Settings");
		const newChat = expectText(mounted.host, "New chat");
		expect(settingsTab.AbsolutePosition.X + settingsTab.AbsoluteSize.X <= newChat.AbsolutePosition.X).to.equal(true);
		expect(newChat.AbsolutePosition.X + newChat.AbsoluteSize.X <= 300).to.equal(true);
		const roomyWidth = settingsTab.AbsoluteSize.X;
		mounted.resize(COMPACT_WIDTH, 500);
		expect(expectText(mounted.host, "Settings").AbsoluteSize.X > roomyWidth).to.equal(true);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("reports the tab clicked and New chat", () => {
			const log = new Array<string>();
			const mounted = mountSpec(header("chat", true, log));
			click(expectText(mounted.host, "Settings") as TextButton);
			click(expectText(mounted.host, "Lesson") as TextButton);
			click(expectText(mounted.host, "New chat") as TextButton);
			expect(log.join(",")).to.equal("tab settings,tab lesson,new chat");
			mounted.destroy();
		});

		it("brightens an unselected tab under the mouse", () => {
			const mounted = mountSpec(header("chat", false));
			const assets = expectText(mounted.host, "Assets") as TextButton;
			hover(assets);
			expect(assets.TextColor3).to.equal(mounted.theme.colors.text.default);
			hover(undefined);
			expect(assets.TextColor3).to.equal(mounted.theme.colors.subText);
			mounted.destroy();
		});
	});
};
