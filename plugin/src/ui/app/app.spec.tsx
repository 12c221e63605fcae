/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { callsTool, fails } from "../../agent/dev/scripted-chat-client";
import { createAppHarness, destroyHarnesses, fixtureFolder, fixtureScript, waitUntil } from "../../app/dev/app-harness";
import {
	canActAsUser,
	click,
	expectText,
	findNamed,
	findText,
	mountSpec,
	pressKey,
	settle,
	typeInto,
} from "../dev/spec-gui";
import { fixedThemeSource } from "../theme/studio-theme-source";
import { lessonProgress } from "../../lesson/lesson-progress";
import { App } from "./app";
import { ChatView } from "./chat-view";

const DOOR = 'local door = script.Parent\nprint("closed")\n';

export = () => {
	let folder: Folder;
	beforeEach(() => {
		folder = fixtureFolder("VectorAppUiSpec");
	});
	afterEach(() => {
		destroyHarnesses();
		folder.Destroy();
		const history = game.GetService("ChangeHistoryService");
		if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
	});

	function mountApp(steps: Parameters<typeof createAppHarness>[0] = [], width = 400, height = 600) {
		const h = createAppHarness(steps);
		const mounted = mountSpec(<App vm={h.vm} themeSource={fixedThemeSource("Dark")} />, { width, height });
		return { h, mounted };
	}

	it("draws the header, the empty conversation, the composer and the status bar in Studio's colours", () => {
		const { mounted } = mountApp();
		const root = mounted.host.FindFirstChildWhichIsA("Frame")!;
		expect(root.BackgroundColor3).to.equal(mounted.theme.colors.background);
		expectText(mounted.host, "Chat");
		expectText(mounted.host, "Lesson");
		expectText(mounted.host, "Assets");
		expectText(mounted.host, "Settings");
		expectText(mounted.host, "Ask Vector to explain, build or fix something");
		expectText(mounted.host, "Send");
		expectText(mounted.host, "Not connected yet");
		expectText(mounted.host, "0/120 req/min");
		expect(findText(mounted.host, "New chat")).to.equal(undefined);
		mounted.destroy();
	});

	it("fits its parent and keeps the composer at the bottom when the widget is resized", () => {
		const { mounted } = mountApp();
		mounted.resize(300, 420);
		const box = findNamed(mounted.host, "Box", "TextBox");
		expect(box.AbsolutePosition.X + box.AbsoluteSize.X <= 300).to.equal(true);
		expect(box.AbsolutePosition.Y > 300).to.equal(true);
		expect(box.AbsolutePosition.Y + box.AbsoluteSize.Y <= 420).to.equal(true);
		mounted.destroy();
	});

	it("gives the composer keyboard focus when asked to (the widget opened)", () => {
		const { h, mounted } = mountApp();
		h.vm.focusComposer();
		settle();
		expect(findNamed(mounted.host, "Box", "TextBox").IsFocused()).to.equal(true);
		mounted.destroy();
	});

	it("shows the lesson being built above the conversation, stage by stage", () => {
		const h = createAppHarness();
		const lesson = lessonProgress(
			{
				title: "Fractions in the classroom",
				subject: "Fractions",
				gradeLevel: "5th grade",
				objectives: ["Compare fractions"],
				environment: "classroom",
				includeQuiz: true,
				stages: [
					{ id: "environment", name: "Classroom and lighting", changesPlace: true },
					{ id: "quiz", name: "Quiz questions", changesPlace: true },
				],
			},
			[{ id: "p1", stage: "environment", state: "pending" }],
			false,
		);
		const mounted = mountSpec(<ChatView state={{ ...h.vm.getState(), lesson }} actions={h.vm} />, {
			width: 400,
			height: 600,
			theme: fixedThemeSource("Dark"),
		});
		const panel = findNamed(mounted.host, "LessonProgress", "Frame");
		expect(findNamed(findNamed(panel, "Stage_environment"), "Status", "TextLabel").Text).to.equal(
			"Waiting for your approval",
		);
		expectText(panel, "Stage 1 of 2");
		expectText(panel, "Waiting for your approval");
		const conversation = findNamed(mounted.host, "Conversation", "Frame");
		expect(panel.AbsolutePosition.Y + panel.AbsoluteSize.Y <= conversation.AbsolutePosition.Y).to.equal(true);
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("the Lesson tab keeps what was typed across tabs; Build lesson sends it and shows Chat", () => {
			const { h, mounted } = mountApp([callsTool("attempt_completion", { result: "Lesson planned." })]);
			const box = (field: string) => findNamed(findNamed(mounted.host, field), "Box", "TextBox");
			const tab = (label: string) => click(findNamed(mounted.host, `Tab${label}`, "TextButton"));
			tab("Lesson");
			typeInto(box("Subject"), "Fractions");
			typeInto(box("GradeLevel"), "5th grade");
			tab("Chat");
			expect(findText(mounted.host, "Build lesson")).to.equal(undefined);
			tab("Lesson");
			expect(box("Subject").Text).to.equal("Fractions");
			expect(box("GradeLevel").Text).to.equal("5th grade");
			typeInto(box("Objectives"), "Compare fractions");
			click(expectText(mounted.host, "Build lesson") as TextButton);
			waitUntil(() => findText(mounted.host, "Lesson planned.") !== undefined, "the model's answer");
			expect(h.vm.getState().view).to.equal("chat");
			expect(h.client.requests.size()).to.equal(1);
			expectText(mounted.host, "Build a lesson world: subject Fractions, grade level 5th grade");
			tab("Lesson");
			expect(box("Subject").Text).to.equal("");
			mounted.destroy();
		});

		it("the Lesson tab waits, with a note, while Vector works", () => {
			const { h, mounted } = mountApp([{ kind: "reply", content: "", delay: 30 }]);
			typeInto(findNamed(mounted.host, "Box", "TextBox"), "think long");
			pressKey("Return");
			click(findNamed(mounted.host, "TabLesson", "TextButton"));
			const build = expectText(mounted.host, "Build lesson") as TextButton;
			expect(build.Active).to.equal(false);
			expectText(mounted.host, "Vector is working on a step. Build the lesson when it is done, or press Stop in Chat.");
			h.vm.stop();
			settle();
			expect((expectText(mounted.host, "Build lesson") as TextButton).Active).to.equal(true);
			mounted.destroy();
		});

		it("sends the composer's text on Enter and shows the proposal card; Approve applies it", () => {
			const door = fixtureScript(folder, "Door", DOOR);
			const { h, mounted } = mountApp([
				callsTool("replace_in_script", {
					path: "Workspace/VectorAppUiSpec/Door",
					blocks: [{ search: 'print("closed")', replace: 'print("open")' }],
					reason: "Open the door",
				}),
				callsTool("attempt_completion", { result: "The door opens." }),
			]);
			typeInto(findNamed(mounted.host, "Box", "TextBox"), "Open the door");
			pressKey("Return");
			waitUntil(() => findText(mounted.host, "Approve") !== undefined, "the proposal card");
			expect(h.client.requests.size()).to.equal(1);
			expectText(mounted.host, "Open the door");
			expectText(mounted.host, "New chat");
			click(expectText(mounted.host, "Approve") as TextButton);
			waitUntil(() => findText(mounted.host, "The door opens.") !== undefined, "the completion");
			expect(h.engine.studio.getEditorSource(door)).to.equal('local door = script.Parent\nprint("open")\n');
			expectText(mounted.host, "Revert");
			mounted.destroy();
		});

		it("shows a failed step as a banner whose Retry sends it again", () => {
			const { mounted } = mountApp([
				fails({ code: "proxy_unreachable", message: "Vector cannot reach the proxy." }),
				callsTool("attempt_completion", { result: "Back online." }),
			]);
			typeInto(findNamed(mounted.host, "Box", "TextBox"), "hello");
			pressKey("Return");
			waitUntil(() => findText(mounted.host, "Vector cannot reach the proxy.") !== undefined, "the banner");
			expectText(mounted.host, "Proxy unreachable");
			click(expectText(mounted.host, "Retry") as TextButton);
			waitUntil(() => findText(mounted.host, "Back online.") !== undefined, "the retried step");
			expect(findText(mounted.host, "Vector cannot reach the proxy.")).to.equal(undefined);
			mounted.destroy();
		});

		it("switches between Chat, Lesson, Assets and Settings", () => {
			const { mounted } = mountApp();
			click(findNamed(mounted.host, "TabLesson", "TextButton"));
			expectText(mounted.host, "New lesson");
			expect(findText(mounted.host, "Send")).to.equal(undefined);
			click(expectText(mounted.host, "Assets") as TextButton);
			expectText(mounted.host, "Search the Creator Store");
			expect(findText(mounted.host, "Send")).to.equal(undefined);
			click(expectText(mounted.host, "Settings") as TextButton);
			expectText(mounted.host, "Proxy URL");
			click(expectText(mounted.host, "Chat") as TextButton);
			expectText(mounted.host, "Send");
			mounted.destroy();
		});

		it("Stop is offered while the model works and stops it", () => {
			const { h, mounted } = mountApp([{ kind: "reply", content: "", delay: 30 }]);
			typeInto(findNamed(mounted.host, "Box", "TextBox"), "think long");
			pressKey("Return");
			waitUntil(() => findText(mounted.host, "Stop") !== undefined, "Stop");
			click(expectText(mounted.host, "Stop") as TextButton);
			waitUntil(() => h.vm.getState().loop.state.kind === "stopped", "the stop");
			settle();
			expectText(mounted.host, "Send");
			expectText(mounted.host, "Stopped.");
			mounted.destroy();
		});
	});
};
