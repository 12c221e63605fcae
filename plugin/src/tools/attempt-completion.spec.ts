/// <reference types="@rbxts/testez/globals" />
import { callTool, errorOf } from "./dev/call-tool";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";

export = () => {
	const context = createSpecContext(createSpecStudio());

	it("ends the task with the result, in either mode", () => {
		for (const mode of ["plan", "act"] as const) {
			const outcome = callTool(context, "attempt_completion", { result: "Added a spinning part." }, mode);
			expect(outcome.kind).to.equal("completion");
			if (outcome.kind === "completion") expect(outcome.result).to.equal("Added a spinning part.");
		}
	});

	it("requires a result", () => {
		expect(errorOf(callTool(context, "attempt_completion", {}))).to.equal(
			"Invalid arguments for attempt_completion: result: missing; expected a string of 1–4000 characters",
		);
	});
};
