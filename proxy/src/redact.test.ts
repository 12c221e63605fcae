import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
	it("replaces every occurrence of a known secret", () => {
		expect(redactSecrets("a tok_123456 b tok_123456", ["tok_123456"])).toBe("a [redacted] b [redacted]");
	});

	it("replaces longer secrets first when one contains another", () => {
		expect(redactSecrets("key abcdef-long", ["abcdef", "abcdef-long"])).toBe("key [redacted]");
	});

	it("ignores values too short to be secrets", () => {
		expect(redactSecrets("the cat", ["cat"])).toBe("the cat");
	});

	it.each([
		["Authorization: Bearer abc.def-ghi", "Authorization: Bearer [redacted]"],
		["Incorrect API key provided: sk-proj-AbC123xyz789.", "Incorrect API key provided: [redacted]."],
		['{"x-api-key":"rbx123secret"}', '{"x-api-key":"[redacted]"}'],
		["api_key=abcd1234&q=tree", "api_key=[redacted]&q=tree"],
	])("scrubs key-like text it was not told about: %s", (input, output) => {
		expect(redactSecrets(input)).toBe(output);
	});

	it("leaves ordinary messages alone", () => {
		const text = "This model's maximum context length is 8192 tokens. Use fewer messages.";
		expect(redactSecrets(text, ["sk-unrelated-000000"])).toBe(text);
	});
});
