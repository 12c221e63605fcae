/**
 * Strings of any size cross the host bridge: luau-web alone crashes on strings much over half a
 * megabyte, so the bridge moves them as chunked blobs (engine/kernel/Bridge.luau). Multi-byte
 * UTF-8 characters must survive chunk boundaries in both directions.
 */
import { describe, expect, it } from "vitest";
import { ensureClassDb } from "./fixtures.js";
import { createStudio } from "./vm.js";

describe("the host bridge", () => {
	it("carries multi-megabyte strings with multi-byte characters both ways", async () => {
		ensureClassDb();
		const studio = await createStudio({ output: () => {} });
		const big = "héllo wörld 🙂 ".repeat(200_000); // ~3.6 MB of UTF-8
		await studio.call("mountTree", [{ name: "Big", className: "StringValue", properties: { Value: { type: "string", value: big } }, children: [] }], "ReplicatedStorage");
		expect(await studio.evaluate(`return #game.ReplicatedStorage.Big.Value`)).toBe(Buffer.byteLength(big, "utf8"));
		const back = await studio.evaluate<string>(`return game.ReplicatedStorage.Big.Value`);
		expect(back.length).toBe(big.length);
		expect(back === big).toBe(true);
	}, 60_000);
});
