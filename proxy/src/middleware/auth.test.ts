import { describe, expect, it } from "vitest";
import { findToken, readBearerToken } from "./auth";

describe("readBearerToken", () => {
	it.each([
		["Bearer abc", "abc"],
		["bearer abc", "abc"],
		["Bearer   abc  ", "abc"],
	])("%j → %s", (header, token) => {
		expect(readBearerToken(header)).toBe(token);
	});
	it.each([undefined, "", "Bearer", "Bearer a b", "Basic abc", "abc"])("%j → none", (header) => {
		expect(readBearerToken(header)).toBeUndefined();
	});
});

describe("findToken", () => {
	it("finds the position of a matching token, or -1", async () => {
		expect(await findToken("two", ["one", "two"])).toBe(1);
		expect(await findToken("tw", ["one", "two"])).toBe(-1);
		expect(await findToken("", ["one"])).toBe(-1);
	});
});
