/// <reference types="@rbxts/testez/globals" />
import { HttpService } from "@rbxts/services";
import { ChatToolCall } from "../../../shared/src/proxy-api";
import { ALL_TOOLS } from "./all-tools";
import { createSpecContext, createSpecStudio } from "./dev/spec-studio";
import { createToolRegistry, runToolCall } from "./registry";
import * as s from "./schema";
import { ToolDefinition, ToolOutcome } from "./tool";

function call(name: string, args: string): ChatToolCall {
	return { id: "call_1", type: "function", function: { name, arguments: args } };
}

function messageOf(outcome: ToolOutcome): string {
	if (outcome.kind === "error") return outcome.message;
	if (outcome.kind === "result") return `result: ${outcome.text}`;
	return outcome.kind;
}

const echoArgs = s.object(
	{
		text: s.text({ description: "Text to echo.", minLength: 1 }),
		times: s.optional(s.integer({ description: "Repeats.", min: 1, max: 3 })),
	},
	{ description: "Echo arguments." },
);

const echo: ToolDefinition<s.Infer<typeof echoArgs>> = {
	name: "echo",
	description: "Echoes text.",
	kind: "read",
	args: echoArgs,
	execute(a) {
		return { kind: "result", text: string.rep(a.text, a.times ?? 1) };
	},
};

const noArgs = s.object({}, { description: "None." });

const write: ToolDefinition<s.Infer<typeof noArgs>> = {
	name: "touch",
	description: "Proposes a change.",
	kind: "write",
	args: noArgs,
	execute() {
		return { kind: "proposal", summary: "Touch", operations: [] };
	},
};

const done: ToolDefinition<s.Infer<typeof noArgs>> = {
	name: "done",
	description: "Ends.",
	kind: "control",
	args: noArgs,
	execute() {
		return { kind: "completion", result: "ok" };
	},
};

const broken: ToolDefinition<s.Infer<typeof noArgs>> = {
	name: "broken",
	description: "Throws.",
	kind: "read",
	args: noArgs,
	execute() {
		return error("the place exploded");
	},
};

const huge: ToolDefinition<s.Infer<typeof noArgs>> = {
	name: "huge",
	description: "Answers too much.",
	kind: "read",
	args: noArgs,
	execute() {
		return { kind: "result", text: string.rep("0123456789\n", 3000) };
	},
};

export = () => {
	const registry = createToolRegistry([echo, write, done, broken, huge] as Array<ToolDefinition>);
	const context = createSpecContext(createSpecStudio());

	describe("createToolRegistry", () => {
		it("offers read and control tools in Plan mode and every tool in Act mode, in registration order", () => {
			expect(
				registry
					.list("plan")
					.map((t) => t.name)
					.join(","),
			).to.equal("echo,done,broken,huge");
			expect(
				registry
					.list("act")
					.map((t) => t.name)
					.join(","),
			).to.equal("echo,touch,done,broken,huge");
			expect(registry.get("touch")).to.equal(write);
			expect(registry.get("nope")).to.equal(undefined);
		});

		it("builds the chat tools from each tool's declaration", () => {
			const tools = registry.toChatTools("act");
			expect(tools.size()).to.equal(5);
			expect(tools[0].type).to.equal("function");
			expect(tools[0].function.name).to.equal("echo");
			expect(tools[0].function.description).to.equal("Echoes text.");
			const parameters = tools[0].function.parameters!;
			expect(parameters.type).to.equal("object");
			expect((parameters.required as Array<string>)[0]).to.equal("text");
			expect(registry.toChatTools("plan").size()).to.equal(4);
		});

		it("refuses two tools with one name", () => {
			expect(() => createToolRegistry([echo, echo] as Array<ToolDefinition>)).to.throw();
		});

		it("holds the whole catalogue with unique names; Plan mode gets no write tool", () => {
			const all = createToolRegistry(ALL_TOOLS);
			expect(all.list("act").size()).to.equal(ALL_TOOLS.size());
			for (const tool of all.list("plan")) expect(tool.kind).never.to.equal("write");
			expect(HttpService.JSONEncode(all.toChatTools("act")).size() > 1000).to.equal(true);
		});
	});

	describe("runToolCall", () => {
		it("runs a valid call", () => {
			expect(messageOf(runToolCall(registry, "plan", call("echo", '{"text": "ab", "times": 2}'), context))).to.equal(
				"result: abab",
			);
		});

		it("treats empty arguments as an empty object", () => {
			expect(runToolCall(registry, "act", call("done", ""), context).kind).to.equal("completion");
			expect(runToolCall(registry, "act", call("done", "  "), context).kind).to.equal("completion");
			expect(runToolCall(registry, "act", call("done", "{}"), context).kind).to.equal("completion");
		});

		it("answers an unknown tool with the tools of the mode", () => {
			expect(messageOf(runToolCall(registry, "plan", call("ecko", "{}"), context))).to.equal(
				'There is no tool named "ecko". Tools available in Plan mode: echo, done, broken, huge.',
			);
			expect(messageOf(runToolCall(registry, "act", call("ecko", "{}"), context))).to.equal(
				'There is no tool named "ecko". Tools available in Act mode: echo, touch, done, broken, huge.',
			);
		});

		it("refuses a write tool in Plan mode and says to switch to Act mode, without running it", () => {
			let ran = false;
			const spy: ToolDefinition<s.Infer<typeof noArgs>> = {
				...write,
				execute() {
					ran = true;
					return { kind: "proposal", summary: "x", operations: [] };
				},
			};
			const spied = createToolRegistry([echo, spy] as Array<ToolDefinition>);
			const message = messageOf(runToolCall(spied, "plan", call("touch", "{}"), context));
			expect(message).to.equal(
				"touch changes the place, and Vector is in Plan mode, which offers read tools only. Ask the user to " +
					"switch to Act mode to make changes; meanwhile describe the change you plan, or use: echo.",
			);
			expect(ran).to.equal(false);
			expect(runToolCall(spied, "act", call("touch", "{}"), context).kind).to.equal("proposal");
			expect(ran).to.equal(true);
		});

		it("quotes where the arguments stop being JSON", () => {
			expect(messageOf(runToolCall(registry, "act", call("echo", '{"text": "ab" "times": 2}'), context))).to.equal(
				`The arguments of echo are not valid JSON: expected ',' or '}' after an object member, found '"' at character 15: ` +
					`{"text": "ab" <<here>>"times": 2}. Send the arguments as one JSON object.`,
			);
		});

		it("elides long JSON around the error and counts characters, not bytes", () => {
			const raw = `{"text": "${string.rep("é", 60)}", oops}`;
			const message = messageOf(runToolCall(registry, "act", call("echo", raw), context));
			expect(message.find("at character 74: …", 1, true)[0]).to.be.ok();
			expect(message.find(`${string.rep("é", 10)}", <<here>>oops}.`, 1, true)[0]).to.be.ok();
		});

		it("never splits a multi-byte character at the edge of the quote", () => {
			const raw = `{"a" 1, "bb": "${string.rep("é", 30)}"}`;
			expect(messageOf(runToolCall(registry, "act", call("echo", raw), context))).to.equal(
				"The arguments of echo are not valid JSON: expected ':' after the member name, found '1' at character 6: " +
					`{"a" <<here>>1, "bb": "${string.rep("é", 8)}…. Send the arguments as one JSON object.`,
			);
		});

		it("reports validation failures with the field path", () => {
			expect(messageOf(runToolCall(registry, "act", call("echo", '{"text": "", "times": 4}'), context))).to.equal(
				"Invalid arguments for echo: text: expected a non-empty string, got an empty string; times: expected an integer from 1 to 3, got 4",
			);
			expect(messageOf(runToolCall(registry, "act", call("echo", "[1, 2]"), context))).to.equal(
				"Invalid arguments for echo: arguments: expected an object, got an array",
			);
		});

		it("turns an executor's throw into an error outcome", () => {
			expect(messageOf(runToolCall(registry, "act", call("broken", "{}"), context))).to.equal(
				"broken failed: the place exploded",
			);
		});

		it("caps oversized results with a note", () => {
			const outcome = runToolCall(registry, "act", call("huge", "{}"), context);
			const text = messageOf(outcome);
			expect(text.size() < 12200).to.equal(true);
			expect(text.find("\n%[cut: %d+ more characters; narrow the request with ")[0]).to.be.ok();
		});
	});
};
