/// <reference types="@rbxts/testez/globals" />
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { buildSystemPrompt } from "./system-prompt";

function has(text: string, part: string): boolean {
	return text.find(part, 1, true)[0] !== undefined;
}

export = () => {
	describe("system prompt", () => {
		it("states the rules the loop enforces", () => {
			const prompt = buildSystemPrompt("act");
			expect(has(prompt, "Roblox Studio")).to.equal(true);
			expect(has(prompt, "exactly one tool in every reply")).to.equal(true);
			expect(has(prompt, "Read before you write")).to.equal(true);
			expect(has(prompt, "Never invent instance paths")).to.equal(true);
			expect(has(prompt, PATH_FORMAT_HELP)).to.equal(true);
			expect(has(prompt, "proposal the user approves or rejects")).to.equal(true);
			expect(has(prompt, "attempt_completion")).to.equal(true);
			expect(has(prompt, "ask_user")).to.equal(true);
			expect(has(prompt, "Three mistakes in a row")).to.equal(true);
			expect(has(prompt, "require a module by asset id")).to.equal(true);
			expect(has(prompt, "one propose_changes call")).to.equal(true);
			expect(has(prompt, "call plan_lesson first")).to.equal(true);
		});

		it("differs between Plan and Act", () => {
			const plan = buildSystemPrompt("plan");
			const act = buildSystemPrompt("act");
			expect(has(plan, "Mode: Plan")).to.equal(true);
			expect(has(plan, "nothing can be changed")).to.equal(true);
			expect(has(plan, "Mode: Act")).to.equal(false);
			expect(has(act, "Mode: Act")).to.equal(true);
			expect(has(act, "Mode: Plan")).to.equal(false);
		});

		it("stays short: it is sent with every step", () => {
			expect(buildSystemPrompt("act").size() < 3_600).to.equal(true);
			expect(buildSystemPrompt("plan").size() < 3_600).to.equal(true);
		});
	});
};
