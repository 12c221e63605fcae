import { describe, expect, it } from "vitest";
import { compileGlob } from "./glob.js";

describe("globset-compatible globs", () => {
	it.each([
		["**/*.spec.luau", "out/plugin/src/a.spec.luau", true],
		["**/*.spec.luau", "a.spec.luau", true],
		["**/*.spec.luau", "a.luau", false],
		// `x/**` matches what is below x, not x itself, so the folder survives as an empty Folder…
		["**/node_modules/@rbxts/testez/**", "node_modules/@rbxts/testez/src/init.lua", true],
		["**/node_modules/@rbxts/testez/**", "node_modules/@rbxts/testez", false],
		// …which is why the project ignores the folder itself.
		["**/node_modules/@rbxts/testez", "node_modules/@rbxts/testez", true],
		["**/dev", "out/plugin/src/dev", true],
		["**/dev", "out/plugin/src/devtools", false],
		// globset's default: `*` and `?` cross `/`.
		["*.lua", "a/b.lua", true],
		["x?y", "x/y", true],
		["a/**/b", "a/b", true],
		["a/**/b", "a/x/y/b", true],
		["a/**/b", "ab", false],
		["a**b", "a/x/b", true],
		["*.{lua,luau}", "x.luau", true],
		["*.{lua,luau}", "x.json", false],
		["[!a]b", "cb", true],
		["[!a]b", "ab", false],
		["[a-c]x", "bx", true],
		["\\*.lua", "*.lua", true],
		["\\*.lua", "a.lua", false],
		["**", "anything/at/all", true],
		["Foo.lua", "foo.lua", false],
	])("%s on %s → %s", (glob, path, expected) => {
		expect(compileGlob(glob)(path)).toBe(expected);
	});

	it("rejects malformed globs", () => {
		expect(() => compileGlob("[abc")).toThrow(/unclosed character class/);
		expect(() => compileGlob("{a,b")).toThrow(/unclosed alternation/);
		expect(() => compileGlob("{a,{b}}")).toThrow(/nested alternation/);
	});
});
