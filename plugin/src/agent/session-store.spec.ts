/// <reference types="@rbxts/testez/globals" />
import { appendMessages, assistantMessage, contentText, createConversation, toolResultMessage } from "./conversation";
import { MemorySettings } from "./dev/memory-settings";
import { AgentSession, SESSION_VERSION } from "./session-schema";
import { SESSION_SETTING_KEY, createSessionStore } from "./session-store";

function sampleSession(): AgentSession {
	const conversation = appendMessages(createConversation("Make the door red"), [
		assistantMessage("", [
			{ id: "c1", type: "function", function: { name: "set_note", arguments: '{"path":"Workspace/Door"}' } },
		]),
	]);
	return {
		version: SESSION_VERSION,
		mode: "plan",
		state: { kind: "awaiting_approval", proposalId: "p1", toolCallId: "c1", autoApproved: false },
		conversation,
		proposalIds: ["p1"],
		mistakes: 2,
		anchor: { messageCount: 1, promptTokens: 900, fixedTokens: 700 },
	};
}

export = () => {
	describe("session store", () => {
		it("saves the session as a JSON string under one plain key and reads it back", () => {
			const settings = new MemorySettings();
			const store = createSessionStore(settings);
			expect(store.save(sampleSession()).ok).to.equal(true);
			expect(typeIs(settings.values.get(SESSION_SETTING_KEY), "string")).to.equal(true);
			const loaded = store.load();
			expect(loaded.kind).to.equal("restored");
			if (loaded.kind !== "restored") return;
			const session = loaded.session;
			expect(session.mode).to.equal("plan");
			expect(session.state.kind).to.equal("awaiting_approval");
			expect(session.state.kind === "awaiting_approval" && session.state.proposalId).to.equal("p1");
			expect(session.proposalIds[0]).to.equal("p1");
			expect(session.mistakes).to.equal(2);
			expect(session.anchor!.promptTokens).to.equal(900);
			expect(session.conversation!.task).to.equal("Make the door red");
			const reply = session.conversation!.messages[1];
			expect(reply.role === "assistant" && reply.tool_calls![0].id).to.equal("c1");
		});

		it("keeps empty lists and an error state", () => {
			const store = createSessionStore(new MemorySettings());
			const session: AgentSession = {
				version: SESSION_VERSION,
				mode: "act",
				state: { kind: "error", error: { code: "rate_limited", message: "slow down", retryAfter: 3 } },
				conversation: appendMessages(createConversation("t"), [toolResultMessage("x", "y")]),
				proposalIds: [],
				mistakes: 0,
			};
			store.save(session);
			const loaded = store.load();
			expect(loaded.kind).to.equal("restored");
			if (loaded.kind !== "restored") return;
			expect(loaded.session.proposalIds.size()).to.equal(0);
			expect(loaded.session.state.kind === "error" && loaded.session.state.error.retryAfter).to.equal(3);
			expect(contentText(loaded.session.conversation!.messages[1].content)).to.equal("y");
		});

		it("reports nothing saved as empty", () => {
			expect(createSessionStore(new MemorySettings()).load().kind).to.equal("empty");
		});

		it("reports corrupt data instead of crashing: not a string, not JSON, wrong shape, other version", () => {
			const settings = new MemorySettings();
			const store = createSessionStore(settings);
			const cases: Array<unknown> = [
				42,
				{ version: 1 },
				"{not json",
				'{"version":1,"mode":"act"}',
				'{"version":1,"mode":"fly","state":{"kind":"idle"},"proposalIds":[],"mistakes":0}',
				'{"version":1,"mode":"act","state":{"kind":"dancing"},"proposalIds":[],"mistakes":0}',
				'{"version":2,"mode":"act","state":{"kind":"idle"},"proposalIds":[],"mistakes":0}',
				'{"version":1,"mode":"act","state":{"kind":"idle"},"proposalIds":[],"mistakes":0,"conversation":{"task":"t","messages":[{"role":"tool","content":"x","tool_call_id":"c"}],"compactions":0}}',
				'{"version":1,"mode":"act","state":{"kind":"idle"},"proposalIds":[],"mistakes":0,"conversation":{"task":"t","messages":[{"role":"robot","content":"x"}],"compactions":0}}',
			];
			for (const value of cases) {
				settings.values.set(SESSION_SETTING_KEY, value);
				const loaded = store.load();
				expect(loaded.kind).to.equal("corrupt");
				expect(loaded.kind === "corrupt" && loaded.message.size() > 0).to.equal(true);
			}
			settings.values.set(
				SESSION_SETTING_KEY,
				'{"version":1,"mode":"act","state":{"kind":"idle"},"proposalIds":[],"mistakes":0}',
			);
			expect(store.load().kind).to.equal("restored");
		});

		it("reports a settings read that throws as corrupt", () => {
			const store = createSessionStore({
				get() {
					return error("settings unavailable");
				},
				set() {},
			});
			expect(store.load().kind).to.equal("corrupt");
		});

		it("says why it could not save, without throwing", () => {
			const settings = new MemorySettings();
			settings.failWrites = true;
			const saved = createSessionStore(settings).save(sampleSession());
			expect(saved.ok).to.equal(false);
			expect(!saved.ok && saved.message.find("read-only", 1, true)[0] !== undefined).to.equal(true);
		});

		it("forgets the session on clear", () => {
			const settings = new MemorySettings();
			const store = createSessionStore(settings);
			store.save(sampleSession());
			store.clear();
			expect(store.load().kind).to.equal("empty");
		});
	});
};
