/// <reference types="@rbxts/testez/globals" />
import { ChatToolCall } from "../../../shared/src/proxy-api";
import { Proposal } from "../proposals/proposal";
import { decisionResult, describeOperations, notRunResult } from "./loop-messages";

function has(text: string | undefined, part: string): boolean {
	return text !== undefined && text.find(part, 1, true)[0] !== undefined;
}

const base: Proposal = {
	id: "p1",
	toolCallId: "c1",
	summary: "Paint the door",
	operations: [
		{ kind: "set_properties", path: "Workspace/Door", properties: { Color: "#ff0000", Material: "Neon" } },
		{ kind: "edit_script", path: "ServerScriptService/Main", base: "", after: "print(1)" },
	],
	state: "pending",
	createdAt: 0,
	updatedAt: 0,
};

const call = (id: string, name: string): ChatToolCall => ({
	id,
	type: "function",
	function: { name, arguments: "{}" },
});

export = () => {
	describe("loop messages", () => {
		it("describes every kind of operation on one line each", () => {
			const text = describeOperations([
				{ kind: "edit_script", path: "ServerScriptService/Main", base: "", after: "" },
				{ kind: "create_script", parentPath: "ServerScriptService", name: "Boot", className: "Script", source: "" },
				{ kind: "create_instance", parentPath: "Workspace", className: "Part", name: "Floor", properties: {} },
				{ kind: "set_properties", path: "Workspace/Door", properties: { Material: "Neon", Color: "#ff0000" } },
				{ kind: "rename_instance", path: "Workspace/Door", newName: "Gate" },
				{ kind: "move_instance", path: "Workspace/Gate", newParentPath: "Workspace/Map" },
				{ kind: "delete_instance", path: "Workspace/Old" },
				{ kind: "insert_asset", assetId: 123, parentPath: "Workspace", findings: [] },
				{
					kind: "fill_terrain",
					shape: "block",
					material: "Grass",
					cframe: [0, -4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1],
					size: [64, 8, 64],
				},
				{ kind: "clear_terrain", min: [0, 0, 0], max: [16, 8, 16] },
			]);
			expect(text).to.equal(
				[
					"- edited the script ServerScriptService/Main",
					'- created Script "Boot" in ServerScriptService',
					'- created Part "Floor" in Workspace',
					"- set Color, Material on Workspace/Door",
					'- renamed Workspace/Door to "Gate"',
					"- moved Workspace/Gate into Workspace/Map",
					"- deleted Workspace/Old",
					"- inserted asset 123 into Workspace",
					"- filled terrain with a block of Grass, 64 × 8 × 64 studs, centred at (0, -4, 0)",
					"- cleared the terrain from (0, 0, 0) to (16, 8, 16)",
				].join("\n"),
			);
		});

		it("answers an applied proposal with the waypoint and what was applied", () => {
			const text = decisionResult({ ...base, state: "applied", waypoint: "Vector: Paint the door" }, false);
			expect(has(text, "The user approved it and it was applied")).to.equal(true);
			expect(has(text, 'undo step "Vector: Paint the door"')).to.equal(true);
			expect(has(text, "- set Color, Material on Workspace/Door")).to.equal(true);
			expect(has(decisionResult({ ...base, state: "applied" }, true), "Auto-approved")).to.equal(true);
		});

		it("answers a rejection with the user's reason, or asks to clarify without one", () => {
			expect(
				has(decisionResult({ ...base, state: "rejected", reason: "use blue" }, false), "Their reason: use blue"),
			).to.equal(true);
			expect(has(decisionResult({ ...base, state: "rejected" }, false), "without a reason")).to.equal(true);
		});

		it("answers failed and stale proposals with the reason and the conflicts", () => {
			expect(
				has(
					decisionResult({ ...base, state: "failed", reason: "Workspace/Door no longer exists" }, false),
					"Workspace/Door no longer exists",
				),
			).to.equal(true);
			const stale = decisionResult(
				{
					...base,
					state: "stale",
					reason: "the script changed",
					conflicts: [{ path: "ServerScriptService/Main", detail: "lines 3-5 changed" }],
				},
				false,
			);
			expect(has(stale, "went stale")).to.equal(true);
			expect(has(stale, "- ServerScriptService/Main: lines 3-5 changed")).to.equal(true);
			expect(has(stale, "Read the current text again")).to.equal(true);
		});

		it("has no answer while undecided", () => {
			expect(decisionResult(base, false)).to.equal(undefined);
			expect(decisionResult({ ...base, state: "approved" }, false)).to.equal(undefined);
			expect(decisionResult({ ...base, state: "applying" }, false)).to.equal(undefined);
		});

		it("explains which call ran when several were made", () => {
			const text = notRunResult(call("c2", "get_properties"), call("c1", "list_children"));
			expect(has(text, "only the first (list_children) ran")).to.equal(true);
			expect(has(text, "Call get_properties in a later message")).to.equal(true);
		});
	});
};
