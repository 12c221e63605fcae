/// <reference types="@rbxts/testez/globals" />
import { createToolRegistry } from "../tools/registry";
import { ToolContext, ToolDefinition } from "../tools/tool";
import { SPEC_TOOLS } from "./dev/spec-tools";
import { createRegistryToolbox } from "./registry-toolbox";

export = () => {
	describe("createRegistryToolbox", () => {
		const seen = new Array<ToolContext>();
		const probe: ToolDefinition<unknown> = {
			name: "probe",
			description: "Reports its context.",
			kind: "read",
			args: {
				toJsonSchema() {
					return { type: "object" };
				},
				check(value) {
					return { ok: true, value };
				},
			},
			execute(_, context) {
				seen.push(context);
				return { kind: "result", text: "probed" };
			},
		};
		const context = { studio: undefined, searchAssets: undefined } as unknown as ToolContext;
		const registry = createToolRegistry([
			...(SPEC_TOOLS as unknown as ReadonlyArray<ToolDefinition>),
			probe as ToolDefinition,
		]);
		const toolbox = createRegistryToolbox(registry, context);

		it("offers the registry's tools per mode", () => {
			const act = toolbox.toChatTools("act").map((tool) => tool.function.name);
			const plan = toolbox.toChatTools("plan").map((tool) => tool.function.name);
			expect(act.includes("set_note")).to.equal(true);
			expect(plan.includes("set_note")).to.equal(false);
			expect(plan.includes("probe")).to.equal(true);
		});

		it("runs calls through runToolCall with the bound context", () => {
			const outcome = toolbox.run("plan", { id: "c1", type: "function", function: { name: "probe", arguments: "{}" } });
			expect(outcome.kind === "result" && outcome.text).to.equal("probed");
			expect(seen[0]).to.equal(context);
			const refused = toolbox.run("plan", {
				id: "c2",
				type: "function",
				function: { name: "set_note", arguments: '{"path":"a","value":"b"}' },
			});
			expect(refused.kind).to.equal("error");
		});
	});
};
