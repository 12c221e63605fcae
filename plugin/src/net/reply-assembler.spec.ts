/// <reference types="@rbxts/testez/globals" />
import { decodeJson } from "./json";
import { ReplyAssembler, replyFromCompletion } from "./reply-assembler";
import { isRelayedChunk, isRelayedCompletion, RelayedChunk } from "./wire-types";

export = () => {
	/** Decodes and validates one `data:` payload, as the client does with what the proxy sends. */
	const chunk = (json: string): RelayedChunk => {
		const decoded = decodeJson(json);
		if (!decoded.ok) throw decoded.message;
		if (!isRelayedChunk(decoded.value)) throw `not a chunk: ${json}`;
		return decoded.value;
	};
	const head = '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":';

	it("joins text deltas and reports each one", () => {
		const assembler = new ReplyAssembler();
		const seen = new Array<string>();
		for (const piece of ["", "Hel", "lo", ", wor", "ld"]) {
			seen.push(assembler.add(chunk(`${head}{"content":"${piece}"}}]}`)));
		}
		assembler.add(chunk(`${head}{},"finish_reason":"stop"}]}`));
		const reply = assembler.reply();
		expect(seen.join("|")).to.equal("|Hel|lo|, wor|ld");
		expect(reply.content).to.equal("Hello, world");
		expect(reply.toolCalls.size()).to.equal(0);
		expect(reply.finishReason).to.equal("stop");
		expect(assembler.hasFinished()).to.equal(true);
	});

	it("assembles two tool calls whose arguments arrive in fragments, interleaved, by index", () => {
		const assembler = new ReplyAssembler();
		const fragments = [
			'{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"read_script","arguments":""}}]}',
			'{"tool_calls":[{"index":0,"function":{"arguments":"{\\"pa"}}]}',
			'{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"list_selection","arguments":"{"}}]}',
			'{"tool_calls":[{"index":0,"function":{"arguments":"th\\":\\"Workspace/Scr"}}]}',
			'{"tool_calls":[{"index":1,"function":{"arguments":"}"}}]}',
			'{"tool_calls":[{"index":0,"function":{"arguments":"ipt\\"}"}}]}',
		];
		for (const fragment of fragments) expect(assembler.add(chunk(`${head}${fragment}}]}`))).to.equal("");
		assembler.add(chunk(`${head}{},"finish_reason":"tool_calls"}]}`));
		assembler.add(chunk('{"id":"c1","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}'));
		const reply = assembler.reply();
		expect(reply.content).to.equal("");
		expect(reply.toolCalls.size()).to.equal(2);
		expect(reply.toolCalls[0].id).to.equal("call_a");
		expect(reply.toolCalls[0].function.name).to.equal("read_script");
		expect(reply.toolCalls[0].function.arguments).to.equal('{"path":"Workspace/Script"}');
		expect(reply.toolCalls[1].id).to.equal("call_b");
		expect(reply.toolCalls[1].function.arguments).to.equal("{}");
		expect(reply.finishReason).to.equal("tool_calls");
		expect(reply.usage!.total_tokens).to.equal(17);
	});

	it("continues fragments without an index by id or by the latest call, and names nameless ids", () => {
		const assembler = new ReplyAssembler();
		assembler.add(chunk(`${head}{"tool_calls":[{"id":"x1","function":{"name":"get_properties","arguments":"{\\"a\\""}}]}}]}`));
		assembler.add(chunk(`${head}{"tool_calls":[{"function":{"arguments":":1}"}}]}}]}`));
		assembler.add(chunk(`${head}{"tool_calls":[{"id":"x2","function":{"name":"list_children","arguments":"{}"}}]}}]}`));
		assembler.add(chunk(`${head}{"tool_calls":[{"index":5,"function":{"name":"ask_user","arguments":"{}"}}]}}]}`));
		const calls = assembler.reply().toolCalls;
		expect(calls.size()).to.equal(3);
		expect(calls[0].function.arguments).to.equal('{"a":1}');
		expect(calls[1].id).to.equal("x2");
		expect(calls[2].id).to.equal("call_5");
	});

	it("keeps the first tool name when a provider repeats it", () => {
		const assembler = new ReplyAssembler();
		assembler.add(chunk(`${head}{"tool_calls":[{"index":0,"id":"a","function":{"name":"search_scripts","arguments":"{"}}]}}]}`));
		assembler.add(chunk(`${head}{"tool_calls":[{"index":0,"id":"a","function":{"name":"search_scripts","arguments":"}"}}]}}]}`));
		const call = assembler.reply().toolCalls[0];
		expect(call.function.name).to.equal("search_scripts");
		expect(call.function.arguments).to.equal("{}");
	});

	it("uses the refusal as the text when the model refused", () => {
		const assembler = new ReplyAssembler();
		assembler.add(chunk(`${head}{"refusal":"I can't help with that."}}]}`));
		expect(assembler.reply().content).to.equal("I can't help with that.");
		expect(assembler.hasFinished()).to.equal(false);
	});

	it("reads a plain completion with tool calls and usage", () => {
		const decoded = decodeJson(
			'{"id":"c2","object":"chat.completion","created":2,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,' +
				'"tool_calls":[{"id":"t1","type":"function","function":{"name":"list_selection","arguments":"{}"}}]},"finish_reason":"tool_calls"}],' +
				'"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}',
		);
		expect(decoded.ok).to.equal(true);
		const value = (decoded as { value: unknown }).value;
		expect(isRelayedCompletion(value)).to.equal(true);
		const reply = replyFromCompletion(value as never)!;
		expect(reply.content).to.equal("");
		expect(reply.toolCalls[0].function.name).to.equal("list_selection");
		expect(reply.finishReason).to.equal("tool_calls");
		expect(reply.usage!.prompt_tokens).to.equal(3);
	});

	it("has no reply for a completion without choices", () => {
		expect(replyFromCompletion({ id: "x", choices: [] })).to.equal(undefined);
	});
};
