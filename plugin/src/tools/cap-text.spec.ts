/// <reference types="@rbxts/testez/globals" />
import { characterCount } from "../diff/characters";
import { capText } from "./cap-text";

export = () => {
	it("returns text within the limit unchanged", () => {
		expect(capText("short", 10, "x")).to.equal("short");
		expect(capText("exactly10!", 10, "x")).to.equal("exactly10!");
	});

	it("cuts at a line break near the limit and says how much was cut and how to narrow", () => {
		const text = "line one\nline two\nline three";
		const capped = capText(text, 20, "a smaller range");
		expect(capped).to.equal("line one\nline two\n[cut: 11 more characters; narrow the request with a smaller range]");
	});

	it("cuts mid-line when no line break is near, counting characters, never splitting one", () => {
		const text = string.rep("é", 30);
		const capped = capText(text, 10, "less");
		expect(capped).to.equal(`${string.rep("é", 10)}\n[cut: 20 more characters; narrow the request with less]`);
		expect(characterCount(capped.split("\n")[0])).to.equal(10);
	});
};
