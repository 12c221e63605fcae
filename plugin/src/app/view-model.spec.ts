/// <reference types="@rbxts/testez/globals" />
import { ChangeHistoryService } from "@rbxts/services";
import { callsTool, fails, says, toolCall } from "../agent/dev/scripted-chat-client";
import { LessonRequest, lessonRequestMessage } from "../lesson/lesson-request";
import { ChatClient } from "../net/chat-client";
import { completionAnswer, json } from "../net/dev/scripted-transport";
import { AppState } from "./app-state";
import { ChatItem } from "./chat-items";
import { CONTEXT_HEADER } from "./context-note";
import { createEngine } from "./create-engine";
import {
	createAppHarness,
	destroyHarnesses,
	fixtureFolder,
	fixtureScript,
	MemoryPluginSettings,
	SpecContext,
	waitUntil,
} from "./dev/app-harness";
import { ViewModel } from "./view-model";

const done = (result = "Done.") => callsTool("attempt_completion", { result });

function kinds(state: AppState): string {
	return state.items.map((item) => item.kind).join(",");
}

function itemOf<K extends ChatItem["kind"]>(state: AppState, kind: K): Extract<ChatItem, { kind: K }> {
	for (const item of state.items) if (item.kind === kind) return item as Extract<ChatItem, { kind: K }>;
	error(`no ${kind} item in ${kinds(state)}`);
}

function lastMessageText(h: {
	client: { requests: Array<{ messages: Array<{ role: string; content?: unknown }> }> };
}): string {
	const request = h.client.requests[h.client.requests.size() - 1];
	for (let index = request.messages.size() - 1; index >= 0; index--) {
		const message = request.messages[index];
		if (message.role === "user") return message.content as string;
	}
	return "";
}

const DOOR = 'local door = script.Parent\nprint("closed")\n';

export = () => {
	let folder: Folder;
	beforeEach(() => {
		folder = fixtureFolder("VectorAppSpec");
	});
	afterEach(() => {
		destroyHarnesses();
		folder.Destroy();
		const history = game.GetService("ChangeHistoryService");
		if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
	});

	describe("view-model: chat", () => {
		it("starts empty, with a composer that takes a message", () => {
			const h = createAppHarness();
			const state = h.vm.getState();
			expect(state.items.size()).to.equal(0);
			expect(state.loop.canSend).to.equal(true);
			expect(state.loop.canStop).to.equal(false);
			expect(state.loop.hasConversation).to.equal(false);
			expect(state.view).to.equal("chat");
			expect(state.status.connection).to.equal("unknown");
			expect(state.banner).to.equal(undefined);
		});

		it("shows the user's message, a chip per read tool and the completion", () => {
			const h = createAppHarness([
				callsTool("list_children", { path: "Workspace/VectorAppSpec" }),
				done("The folder is empty."),
			]);
			expect(h.vm.send("What is in the folder?").ok).to.equal(true);
			const state = h.vm.getState();
			expect(kinds(state)).to.equal("user,tool,completion");
			expect(itemOf(state, "user").text).to.equal("What is in the folder?");
			const chip = itemOf(state, "tool");
			expect(chip.name).to.equal("list_children");
			expect(chip.args).to.equal('{"path":"Workspace/VectorAppSpec"}');
			expect(chip.failed).to.equal(false);
			expect(chip.running).to.equal(false);
			expect(chip.result.size() > 0).to.equal(true);
			expect(itemOf(state, "completion").text).to.equal("The folder is empty.");
			expect(state.status.connection).to.equal("connected");
			expect(state.status.context !== undefined && state.status.context.tokens > 0).to.equal(true);
		});

		it("marks a failed tool call's chip", () => {
			const h = createAppHarness([callsTool("list_children", { path: "Workspace/Nowhere" }), done()]);
			h.vm.send("look");
			const chip = itemOf(h.vm.getState(), "tool");
			expect(chip.failed).to.equal(true);
			expect(chip.summary.find("Nowhere", 1, true)[0] !== undefined).to.equal(true);
		});

		it("streams assistant text as it arrives, then keeps the finished message", () => {
			const gate = { open: false };
			const client: ChatClient = {
				complete(_request, options) {
					options?.onDelta?.("Let me ");
					options?.onDelta?.("look.");
					while (!gate.open) task.wait();
					return {
						ok: true,
						reply: {
							content: "Let me look.",
							toolCalls: [toolCall("attempt_completion", { result: "Nothing to do." })],
						},
					};
				},
			};
			const { engine, cleanup } = createEngine(new MemoryPluginSettings(), {
				chatClient: client,
				context: new SpecContext(),
			});
			const vm = new ViewModel(engine);
			vm.send("hello");
			const during = vm.getState();
			expect(kinds(during)).to.equal("user,assistant");
			const streamed = itemOf(during, "assistant");
			expect(streamed.text).to.equal("Let me look.");
			expect(streamed.streaming).to.equal(true);
			expect(during.loop.busy).to.equal(true);
			expect(during.loop.canSend).to.equal(false);
			expect(during.loop.canStop).to.equal(true);
			gate.open = true;
			waitUntil(() => vm.getState().loop.state.kind === "completed", "the completion");
			const after = vm.getState();
			expect(kinds(after)).to.equal("user,assistant,completion");
			expect(itemOf(after, "assistant").streaming).to.equal(false);
			vm.destroy();
			cleanup();
		});

		it("Stop while streaming drops the partial text and says the task stopped", () => {
			const client: ChatClient = {
				complete(_request, options) {
					options?.onDelta?.("Partial");
					while (options?.cancel?.cancelled !== true) task.wait();
					return { ok: false, error: { code: "cancelled", message: "cancelled" } };
				},
			};
			const { engine, cleanup } = createEngine(new MemoryPluginSettings(), {
				chatClient: client,
				context: new SpecContext(),
			});
			const vm = new ViewModel(engine);
			vm.send("hello");
			expect(itemOf(vm.getState(), "assistant").streaming).to.equal(true);
			vm.stop();
			const state = vm.getState();
			expect(state.loop.state.kind).to.equal("stopped");
			expect(kinds(state)).to.equal("user,status");
			expect(itemOf(state, "status").text.find("Stopped", 1, true)[0]).to.equal(1);
			expect(state.loop.canSend).to.equal(true);
			vm.destroy();
			cleanup();
		});

		it("shows a failed request as a banner whose Retry sends the step again", () => {
			const h = createAppHarness([
				fails({ code: "proxy_unreachable", message: "Vector cannot reach the proxy at http://127.0.0.1:8787." }),
				done("Back."),
			]);
			h.vm.send("hello");
			const failed = h.vm.getState();
			expect(failed.banner).to.be.ok();
			expect(failed.banner!.message).to.equal("Vector cannot reach the proxy at http://127.0.0.1:8787.");
			expect(failed.banner!.canRetry).to.equal(true);
			expect(failed.status.connection).to.equal("unreachable");
			expect(failed.status.connectionText).to.equal("Proxy unreachable");
			h.vm.retry();
			const retried = h.vm.getState();
			expect(retried.banner).to.equal(undefined);
			expect(itemOf(retried, "completion").text).to.equal("Back.");
			expect(retried.status.connection).to.equal("connected");
		});

		it("dismisses the banner without retrying", () => {
			const h = createAppHarness([fails({ code: "upstream_error", message: "The provider failed." })]);
			h.vm.send("hello");
			expect(h.vm.getState().banner!.canRetry).to.equal(true);
			h.vm.dismissError();
			expect(h.vm.getState().banner).to.equal(undefined);
			expect(h.vm.getState().loop.state.kind).to.equal("error");
		});

		it("says why an empty message was refused", () => {
			const h = createAppHarness();
			const outcome = h.vm.send("   ");
			expect(outcome.ok).to.equal(false);
			expect(h.vm.getState().notice).to.equal("Type a message first.");
			expect(h.client.requests.size()).to.equal(0);
		});

		it("shows the model's question with its options and the user's answer", () => {
			const h = createAppHarness([
				callsTool("ask_user", { question: "Which door?", options: ["Front", "Back"] }),
				done("Opened the back door."),
			]);
			h.vm.send("open the door");
			const asked = h.vm.getState();
			const question = itemOf(asked, "question");
			expect(question.question).to.equal("Which door?");
			expect(question.options.join("|")).to.equal("Front|Back");
			expect(question.open).to.equal(true);
			expect(asked.loop.placeholder).to.equal("Type your answer…");
			h.vm.answer("Back");
			const answered = itemOf(h.vm.getState(), "question");
			expect(answered.open).to.equal(false);
			expect(answered.answer).to.equal("Back");
		});

		it("New chat forgets the conversation", () => {
			const h = createAppHarness([done("Hi.")]);
			h.vm.send("hello");
			expect(h.vm.getState().loop.hasConversation).to.equal(true);
			h.vm.newChat();
			const state = h.vm.getState();
			expect(state.items.size()).to.equal(0);
			expect(state.loop.hasConversation).to.equal(false);
			expect(state.status.context).to.equal(undefined);
		});

		it("tells listeners once per frame, with the latest state", () => {
			const h = createAppHarness([says("one"), done()]);
			const seen = new Array<AppState>();
			h.vm.subscribe((state) => seen.push(state));
			h.vm.send("hello");
			expect(seen.size()).to.equal(0);
			task.wait();
			expect(seen.size()).to.equal(1);
			expect(seen[0]).to.equal(h.vm.getState());
		});
	});

	describe("view-model: New lesson", () => {
		const FRACTIONS: LessonRequest = {
			subject: "Fractions",
			gradeLevel: "5th grade",
			objectives: ["Compare fractions", "Add fractions"],
			environment: "classroom",
			includeQuiz: true,
		};

		it("sends the lesson request as the teacher's message and shows Chat", () => {
			const h = createAppHarness([done("Planned.")]);
			h.vm.setView("lesson");
			expect(h.vm.startLesson(FRACTIONS).ok).to.equal(true);
			const state = h.vm.getState();
			expect(state.view).to.equal("chat");
			expect(state.notice).to.equal(undefined);
			expect(itemOf(state, "user").text).to.equal(lessonRequestMessage(FRACTIONS));
			expect(lastMessageText(h).find("Build a lesson world: subject Fractions", 1, true)[0]).to.equal(1);
		});

		it("refuses, with the same notice as a typed message, while a step is in flight", () => {
			const h = createAppHarness([{ kind: "reply", content: "", delay: 30 }]);
			h.vm.send("think long");
			expect(h.vm.getState().loop.busy).to.equal(true);
			h.vm.setView("lesson");
			const outcome = h.vm.startLesson(FRACTIONS);
			expect(outcome.ok).to.equal(false);
			expect(h.vm.getState().notice).to.equal("Vector is working on a step. Wait for it, or press Stop first.");
			expect(h.vm.getState().view).to.equal("lesson");
			h.vm.stop();
		});

		it("refuses while a proposal waits, which the message would otherwise reject", () => {
			fixtureScript(folder, "Door", DOOR);
			const h = createAppHarness([
				callsTool("replace_in_script", {
					path: "Workspace/VectorAppSpec/Door",
					blocks: [{ search: 'print("closed")', replace: 'print("open")' }],
					reason: "Open the door",
				}),
			]);
			h.vm.send("Open the door");
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.setView("lesson");
			const outcome = h.vm.startLesson(FRACTIONS);
			expect(outcome.ok).to.equal(false);
			const state = h.vm.getState();
			expect(state.notice).to.equal("A proposal is waiting in Chat: approve or reject it before starting a lesson.");
			expect(state.view).to.equal("lesson");
			expect(state.proposals.get(id)!.proposal.state).to.equal("pending");
			expect(h.client.requests.size()).to.equal(1);
		});
	});

	describe("view-model: context chips", () => {
		const activeScript = {
			id: "script:Workspace/Door/Open",
			kind: "script" as const,
			label: "Open",
			note: "Active script (open in the editor): Workspace/Door/Open",
		};
		const part = {
			id: "selection:Workspace/Door",
			kind: "selection" as const,
			label: "Door",
			note: "Selected (Part): Workspace/Door",
		};

		it("attaches the active script and the selection as a note the transcript shows as chips", () => {
			const h = createAppHarness([done()]);
			h.context.set([activeScript, part]);
			expect(
				h.vm
					.getState()
					.attachments.map((a) => a.label)
					.join(","),
			).to.equal("Open,Door");
			h.vm.send("Fix this");
			const sent = lastMessageText(h);
			expect(sent).to.equal(`Fix this\n\n${CONTEXT_HEADER}\n- ${activeScript.note}\n- ${part.note}`);
			const user = itemOf(h.vm.getState(), "user");
			expect(user.text).to.equal("Fix this");
			expect(user.attached.join(",")).to.equal("Open,Door");
		});

		it("leaves out a chip the user removed, until the context changes", () => {
			const h = createAppHarness([done(), done()]);
			h.context.set([activeScript, part]);
			h.vm.removeAttachment(part.id);
			expect(
				h.vm
					.getState()
					.attachments.map((a) => a.label)
					.join(","),
			).to.equal("Open");
			h.vm.send("Only the script");
			expect(lastMessageText(h)).to.equal(`Only the script\n\n${CONTEXT_HEADER}\n- ${activeScript.note}`);
			expect(h.vm.getState().attachments.size()).to.equal(2);
		});
	});

	describe("view-model: proposals", () => {
		function editHarness() {
			const door = fixtureScript(folder, "Door", DOOR);
			const h = createAppHarness([
				callsTool("replace_in_script", {
					path: "Workspace/VectorAppSpec/Door",
					blocks: [{ search: 'print("closed")', replace: 'print("open")' }],
					reason: "Open the door",
				}),
				done("The door opens."),
			]);
			h.vm.send("Open the door");
			return { h, door };
		}

		it("shows a script edit as a card in the transcript with its diff", () => {
			const { h } = editHarness();
			const state = h.vm.getState();
			expect(kinds(state)).to.equal("user,proposal,status");
			const card = state.proposals.get(itemOf(state, "proposal").proposalId)!;
			expect(card.title).to.equal("Edit script");
			expect(card.targets.join(",")).to.equal("Workspace/VectorAppSpec/Door");
			expect(card.canApprove).to.equal(true);
			expect(card.canReject).to.equal(true);
			expect(card.canOpenScript).to.equal(true);
			expect(card.diffs.size()).to.equal(1);
			expect(card.diffs[0].diff.added).to.equal(1);
			expect(card.diffs[0].diff.removed).to.equal(1);
			expect(card.diffs[0].firstChangedLine).to.equal(2);
			expect(state.loop.state.kind).to.equal("awaiting_approval");
			expect(itemOf(state, "status").text).to.equal("Waiting for you to approve or reject the proposal.");
		});

		it("Approve applies the edit as one undo step named after the proposal, and the task goes on", () => {
			const { h, door } = editHarness();
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.approve(id);
			waitUntil(() => h.vm.getState().loop.state.kind === "completed", "the task to complete");
			expect(h.engine.studio.getEditorSource(door)).to.equal('local door = script.Parent\nprint("open")\n');
			const [canUndo, waypoint] = ChangeHistoryService.GetCanUndo() as unknown as LuaTuple<[boolean, string?]>;
			expect(canUndo).to.equal(true);
			expect(waypoint).to.equal(h.engine.proposals.get(id)!.waypoint);
			expect((waypoint ?? "").find("Open the door", 1, true)[0] !== undefined).to.equal(true);
			const card = h.vm.getState().proposals.get(id)!;
			expect(card.proposal.state).to.equal("applied");
			expect(card.canApprove).to.equal(false);
			expect(card.canRevert).to.equal(true);
			expect(kinds(h.vm.getState())).to.equal("user,proposal,completion");
		});

		it("Reject leaves the script alone and tells the model", () => {
			const { h, door } = editHarness();
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.reject(id, "Not now");
			waitUntil(() => h.vm.getState().loop.state.kind === "completed", "the task to complete");
			expect(h.engine.studio.getEditorSource(door)).to.equal(DOOR);
			const card = h.vm.getState().proposals.get(id)!;
			expect(card.proposal.state).to.equal("rejected");
			expect(card.proposal.reason).to.equal("Not now");
			expect(card.canRevert).to.equal(false);
		});

		it("Open script opens the edited script in the editor, and says when it is gone", () => {
			const { h, door } = editHarness();
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.openScript(id);
			const editor = game.GetService("ScriptEditorService") as unknown as {
				FindScriptDocument(target: LuaSourceContainer): Instance | undefined;
			};
			waitUntil(() => editor.FindScriptDocument(door) !== undefined, "the script tab");
			(editor.FindScriptDocument(door) as unknown as { CloseAsync(): void }).CloseAsync();
			door.Destroy();
			h.vm.openScript(id, "Workspace/VectorAppSpec/Door", 2);
			waitUntil(() => h.vm.getState().proposals.get(id)!.activity.error !== undefined, "the error");
			expect(
				h.vm.getState().proposals.get(id)!.activity.error!.find("not there any more", 1, true)[0] !== undefined,
			).to.equal(true);
		});

		it("Revert undoes an applied proposal", () => {
			const { h, door } = editHarness();
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.approve(id);
			waitUntil(() => h.vm.getState().proposals.get(id)!.proposal.state === "applied", "the apply");
			h.vm.revert(id);
			waitUntil(() => h.vm.getState().proposals.get(id)!.proposal.state === "reverted", "the revert");
			expect(h.engine.studio.getEditorSource(door)).to.equal(DOOR);
		});

		it("a revert that would overwrite later changes asks first", () => {
			const { h, door } = editHarness();
			const id = itemOf(h.vm.getState(), "proposal").proposalId;
			h.vm.approve(id);
			waitUntil(() => h.vm.getState().proposals.get(id)!.proposal.state === "applied", "the apply");
			h.engine.studio.updateSource(door, () => 'local door = script.Parent\nprint("ajar")\n');
			h.vm.revert(id);
			waitUntil(() => h.vm.getState().proposals.get(id)!.activity.busy === undefined, "the revert check");
			const card = h.vm.getState().proposals.get(id)!;
			expect(card.proposal.state).to.equal("applied");
			expect(card.activity.revertConflicts!.size() > 0).to.equal(true);
			h.vm.revert(id, true);
			waitUntil(() => h.vm.getState().proposals.get(id)!.proposal.state === "reverted", "the forced revert");
			expect(h.engine.studio.getEditorSource(door)).to.equal(DOOR);
		});

		it("an instance proposal lists its targets and needs no diff", () => {
			const h = createAppHarness([
				callsTool("create_instance", {
					parentPath: "Workspace/VectorAppSpec",
					className: "Part",
					name: "Lava",
					properties: { Anchored: true },
					reason: "A lava block",
				}),
			]);
			h.vm.send("Add lava");
			const card = h.vm.getState().proposals.get(itemOf(h.vm.getState(), "proposal").proposalId)!;
			expect(card.title).to.equal("Create instance");
			expect(card.targets.join(",")).to.equal("Workspace/VectorAppSpec/Lava");
			expect(card.diffs.size()).to.equal(0);
			expect(card.canOpenScript).to.equal(false);
			h.vm.approve(card.proposal.id);
			waitUntil(() => folder.FindFirstChild("Lava") !== undefined, "the part");
		});
	});

	describe("view-model: plugin reload", () => {
		it("brings back the conversation and its pending proposal", () => {
			fixtureScript(folder, "Door", DOOR);
			const first = createAppHarness([
				callsTool("replace_in_script", {
					path: "Workspace/VectorAppSpec/Door",
					blocks: [{ search: 'print("closed")', replace: 'print("open")' }],
				}),
			]);
			first.vm.send("Open the door");
			const before = first.vm.getState();
			const second = first.reload([done("Opened.")]);
			const after = second.vm.getState();
			expect(kinds(after)).to.equal(kinds(before));
			const id = itemOf(after, "proposal").proposalId;
			expect(after.proposals.get(id)!.canApprove).to.equal(true);
			second.vm.approve(id);
			waitUntil(() => second.vm.getState().loop.state.kind === "completed", "the task after the reload");
		});
	});

	describe("view-model: assets", () => {
		it("searches the Creator Store through the proxy", () => {
			const h = createAppHarness();
			h.transport.script({
				kind: "response",
				status: 200,
				body: json({
					results: [
						{
							id: 1001,
							name: "FreeTree",
							creator: "Someone",
							type: "Model",
							thumbnailUrl: "rbxthumb://type=Asset&id=1001&w=150&h=150",
						},
					],
				}),
			});
			h.vm.searchAssets("tree");
			waitUntil(() => h.vm.getState().assets.searched, "the search");
			const assets = h.vm.getState().assets;
			expect(assets.query).to.equal("tree");
			expect(assets.results.size()).to.equal(1);
			expect(assets.results[0].name).to.equal("FreeTree");
			expect(
				h.transport.requests[0].request.url.find("/v1/assets/search?query=tree", 1, true)[0] !== undefined,
			).to.equal(true);
		});

		it("shows a failed search", () => {
			const h = createAppHarness();
			h.transport.script({
				kind: "response",
				status: 401,
				body: json({ error: { code: "unauthorized", message: "Missing token." } }),
			});
			h.vm.searchAssets("tree");
			waitUntil(() => h.vm.getState().assets.searched, "the search");
			expect(h.vm.getState().assets.searchError).to.be.ok();
		});

		it("Insert scans the asset and proposes it; Approve inserts it into Workspace", () => {
			const h = createAppHarness();
			h.vm.insertAsset(1001);
			waitUntil(() => h.vm.getState().assets.inserting === undefined, "the asset scan");
			const assets = h.vm.getState().assets;
			expect(assets.insertError).to.equal(undefined);
			expect(assets.proposals.size()).to.equal(1);
			const card = assets.proposals[0];
			expect(card.title).to.equal("Insert asset");
			expect(card.fromUser).to.equal(true);
			expect(card.proposal.summary).to.equal("Insert asset 1001 from the Creator Store into Workspace");
			const operation = card.proposal.operations[0];
			expect(operation.kind).to.equal("insert_asset");
			const workspace = game.GetService("Workspace");
			const before = workspace.GetChildren().size();
			h.vm.approve(card.proposal.id);
			waitUntil(() => h.vm.getState().assets.proposals[0].proposal.state === "applied", "the insert");
			expect(workspace.GetChildren().size() > before).to.equal(true);
			for (const child of workspace.GetChildren())
				if (child.Name === "FreeTree" || child.Name === "Extras") child.Destroy();
		});

		it("says why an asset cannot be inserted", () => {
			const h = createAppHarness();
			h.vm.insertAsset(999999);
			waitUntil(() => h.vm.getState().assets.inserting === undefined, "the asset load");
			expect(h.vm.getState().assets.insertError!.find("999999", 1, true)[0] !== undefined).to.equal(true);
			expect(h.vm.getState().assets.proposals.size()).to.equal(0);
		});
	});

	describe("view-model: settings", () => {
		it("saves valid settings and reports invalid fields without saving", () => {
			const h = createAppHarness();
			expect(h.vm.saveSettings({ proxyUrl: "https://vector.example.com/", model: "gpt-4.1" }).ok).to.equal(true);
			let settings = h.vm.getState().settings;
			expect(settings.values.proxyUrl).to.equal("https://vector.example.com");
			expect(settings.save.state).to.equal("saved");
			expect(h.vm.getState().status.model).to.equal("gpt-4.1");
			expect(h.vm.saveSettings({ proxyUrl: "ftp://nope", token: "a b" }).ok).to.equal(false);
			settings = h.vm.getState().settings;
			expect(settings.errors.proxyUrl).to.be.ok();
			expect(settings.errors.token).to.be.ok();
			expect(settings.save.state).to.equal("failed");
			expect(settings.values.proxyUrl).to.equal("https://vector.example.com");
		});

		it("switches Plan and Act through the saved mode", () => {
			const h = createAppHarness();
			h.vm.saveSettings({ mode: "plan" });
			waitUntil(() => h.engine.agent.getMode() === "plan", "Plan mode");
			expect(h.vm.getState().loop.mode).to.equal("plan");
		});

		it("Test connection reports the proxy's health", () => {
			const h = createAppHarness();
			h.transport.script({
				kind: "response",
				status: 200,
				body: json({
					status: "ok",
					version: "0.1.0",
					provider: { configured: true, models: ["gpt-4.1"], defaultModel: "gpt-4.1", bringYourOwnKey: false },
					catalog: { keyConfigured: true },
				}),
			});
			h.vm.testConnection();
			waitUntil(() => h.vm.getState().settings.test.state !== "testing", "the health check");
			const test = h.vm.getState().settings.test;
			expect(test.state).to.equal("ok");
			expect(test.message).to.equal("Connected to Vector proxy 0.1.0.");
			expect(h.vm.getState().status.connection).to.equal("connected");
			expect(h.vm.getState().status.requestsThisMinute).to.equal(1);
			expect(h.vm.getState().status.model).to.equal("gpt-4.1");
		});

		it("Test connection can try unsaved settings, and answers the panel", () => {
			const h = createAppHarness();
			h.transport.script({
				kind: "response",
				status: 401,
				body: json({ error: { code: "unauthorized", message: "Missing or invalid token." } }),
			});
			let answered: { ok: boolean; message: string } | undefined;
			const draft = { ...h.engine.settings.current(), proxyUrl: "http://127.0.0.1:9555", token: "typed" };
			h.vm.testConnection(draft, (result) => (answered = result));
			waitUntil(() => answered !== undefined, "the answer");
			expect(answered!.ok).to.equal(false);
			expect(h.transport.requests[0].request.url).to.equal("http://127.0.0.1:9555/v1/health");
			expect(h.transport.requests[0].request.headers!["Authorization"]).to.equal("Bearer typed");
			expect(h.engine.settings.current().proxyUrl).to.equal("http://127.0.0.1:8787");
			expect(h.vm.getState().status.connection).to.equal("refused");
		});

		it("Test Canvas asks Canvas directly with the draft's token, never the proxy", () => {
			const h = createAppHarness();
			h.transport.script({ kind: "response", status: 200, body: json({ id: 9001, name: "Ms. Rivera" }) });
			let answered: { ok: boolean; message: string } | undefined;
			const draft = { ...h.engine.settings.current(), canvasBaseUrl: "https://school.instructure.com", canvasToken: "7~typed" };
			h.vm.testCanvas(draft, (result) => (answered = result));
			waitUntil(() => answered !== undefined, "the answer");
			expect(answered!.ok).to.equal(true);
			expect(answered!.message).to.equal("Canvas at https://school.instructure.com knows this token as Ms. Rivera.");
			expect(h.transport.requests[0].request.url).to.equal("https://school.instructure.com/api/v1/users/self");
			expect(h.transport.requests[0].request.headers!["Authorization"]).to.equal("Bearer 7~typed");
			h.transport.script({ kind: "response", status: 401, body: json({ errors: [{ message: "Invalid access token." }] }) });
			answered = undefined;
			h.vm.testCanvas(draft, (result) => (answered = result));
			waitUntil(() => answered !== undefined, "the answer");
			expect(answered!.ok).to.equal(false);
			expect(string.find(answered!.message, "Canvas refused the access token (401)", 1, true)[0]).to.equal(1);
			expect(h.transport.requests.size()).to.equal(2);
		});

		it("Test connection says when the proxy cannot be reached", () => {
			const h = createAppHarness();
			h.transport.script({
				kind: "throw",
				error: { transportError: true, kind: "unreachable", message: "ConnectFail" },
			});
			h.vm.testConnection();
			waitUntil(() => h.vm.getState().settings.test.state !== "testing", "the health check");
			expect(h.vm.getState().settings.test.state).to.equal("failed");
			expect(h.vm.getState().status.connection).to.equal("unreachable");
		});
	});

	// Keeps the transport helper import honest for the streaming-proxy spec below.
	describe("view-model: over the proxy client", () => {
		it("a reply through the real proxy client shows up like a scripted one", () => {
			const host = new MemoryPluginSettings();
			const h = createAppHarness([], host);
			h.destroy();
			const { engine, cleanup } = createEngine(host, { transport: h.transport, context: new SpecContext() });
			engine.settings.update({ streaming: false });
			h.transport.script(
				completionAnswer(undefined, [{ id: "c1", name: "attempt_completion", arguments: '{"result":"Hi."}' }]),
			);
			const vm = new ViewModel(engine);
			vm.send("hello");
			waitUntil(() => vm.getState().loop.state.kind === "completed", "the reply");
			expect(itemOf(vm.getState(), "completion").text).to.equal("Hi.");
			expect(vm.getState().status.requestsThisMinute).to.equal(1);
			vm.destroy();
			cleanup();
		});
	});

	describe("view-model: a lesson built in stages", () => {
		const PLAN = {
			title: "Fractions",
			subject: "Fractions",
			gradeLevel: "5th grade",
			objectives: ["Add fractions"],
			environment: "classroom",
			includeQuiz: false,
			stages: [
				{ id: "environment", name: "Classroom", changesPlace: true },
				{ id: "props", name: "Props", changesPlace: true },
				{ id: "summary", name: "Summary", changesPlace: false },
			],
		};
		const stage = (id: string, name: string) =>
			callsTool("propose_changes", {
				summary: `Build the ${id}`,
				stage: id,
				changes: [{ tool: "create_instance", arguments: { parentPath: "Workspace/VectorAppSpec", className: "Part", name } }],
			});

		it("shows no lesson until the model plans one, then follows each stage's proposal to the end", () => {
			const h = createAppHarness([
				callsTool("plan_lesson", PLAN),
				stage("environment", "Floor"),
				stage("props", "Desk"),
				done("Your lesson is ready: walk to the desk."),
			]);
			expect(h.vm.getState().lesson).to.equal(undefined);
			h.vm.send("Build a fractions lesson in a classroom");
			waitUntil(() => h.vm.getState().loop.state.kind === "awaiting_approval", "the first stage");
			let lesson = h.vm.getState().lesson!;
			expect(lesson.title).to.equal("Fractions");
			expect(lesson.stages.map((s) => s.status).join(",")).to.equal("proposed,waiting,waiting");
			expect(lesson.current).to.equal(1);

			const first = lesson.stages[0].proposalId!;
			h.vm.approve(first);
			waitUntil(() => h.vm.getState().lesson!.stages[1].status === "proposed", "the second stage");
			lesson = h.vm.getState().lesson!;
			expect(lesson.stages[0].status).to.equal("done");
			expect(lesson.done).to.equal(1);
			expect(lesson.current).to.equal(2);

			h.vm.approve(lesson.stages[1].proposalId!);
			waitUntil(() => h.vm.getState().loop.state.kind === "completed", "the task to complete");
			lesson = h.vm.getState().lesson!;
			expect(lesson.stages.map((s) => s.status).join(",")).to.equal("done,done,done");
			expect(lesson.finished).to.equal(true);
			expect(folder.FindFirstChild("Floor")).never.to.equal(undefined);
			expect(folder.FindFirstChild("Desk")).never.to.equal(undefined);
		});

		it("tells the model when a proposal names a stage the plan does not have, proposing nothing", () => {
			const h = createAppHarness([callsTool("plan_lesson", PLAN), stage("decor", "Vase"), done("Stopped.")]);
			h.vm.send("Build a lesson");
			waitUntil(() => h.vm.getState().loop.state.kind === "completed", "the task to complete");
			const request = h.client.requests[h.client.requests.size() - 1];
			const answers = request.messages.filter((message) => message.role === "tool").map((message) => message.content as string);
			const refusal = answers[answers.size() - 1];
			expect(refusal.find('stage: "decor" is not a stage of the lesson plan "Fractions" (environment, props, summary)', 1, true)[0] !== undefined).to.equal(true);
			expect(h.engine.proposals.list().size()).to.equal(0);
			expect(folder.FindFirstChild("Vase")).to.equal(undefined);
		});

		it("says which stage failed and that it can be retried; a plan the tool refused shows nothing", () => {
			const h = createAppHarness([callsTool("plan_lesson", PLAN), stage("environment", "Floor")]);
			h.vm.send("Build a lesson");
			waitUntil(() => h.vm.getState().loop.state.kind === "awaiting_approval", "the first stage");
			// The folder the stage builds in goes away before the teacher approves.
			folder.Parent = undefined;
			h.vm.approve(h.vm.getState().lesson!.stages[0].proposalId!);
			waitUntil(() => h.vm.getState().lesson!.stages[0].status === "failed", "the stage to fail");
			const failed = h.vm.getState().lesson!.stages[0];
			expect(failed.canRetry).to.equal(true);
			expect(failed.reason!.find("operation 1 of 1", 1, true)[0]).to.equal(1);
			folder.Parent = game.GetService("Workspace");

			const refused = createAppHarness([callsTool("plan_lesson", { ...PLAN, stages: [] }), done("No plan.")]);
			refused.vm.send("Build a lesson");
			waitUntil(() => refused.vm.getState().loop.state.kind === "completed", "the task to complete");
			expect(refused.vm.getState().lesson).to.equal(undefined);
		});
	});
};
