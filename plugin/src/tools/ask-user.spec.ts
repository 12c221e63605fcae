/// <reference types="@rbxts/testez/globals" />
import { callTool, errorOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";

export = () => {
	const context = createSpecContext(createSpecStudio());

	it("asks a question with options", () => {
		const outcome = callTool(context, "ask_user", { question: "Which door?", options: ["Front", "Back"] }, "plan");
		if (outcome.kind !== "question") throw outcome.kind;
		expect(outcome.question).to.equal("Which door?");
		expect(outcome.options!.join("|")).to.equal("Front|Back");
	});

	it("asks a free question", () => {
		const outcome = callTool(context, "ask_user", { question: "What colour?" });
		if (outcome.kind !== "question") throw outcome.kind;
		expect(outcome.options).to.equal(undefined);
	});

	it("validates the options", () => {
		expect(errorOf(callTool(context, "ask_user", { question: "Which?", options: ["Only"] }))).to.equal(
			"Invalid arguments for ask_user: options: expected an array of 2–6 items, got 1 item",
		);
		expect(errorOf(callTool(context, "ask_user", { question: "Which?", options: ["A", ""] }))).to.equal(
			"Invalid arguments for ask_user: options[1]: expected a string of 1–200 characters, got an empty string",
		);
	});
};
