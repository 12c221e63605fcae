/// <reference types="@rbxts/testez/globals" />
import { SseEvent, SseParser } from "./sse-parser";

export = () => {
	/** Feeds `text` in pieces of `size` bytes and returns every event. */
	const parseInPieces = (text: string, size: number) => {
		const parser = new SseParser();
		const events = new Array<SseEvent>();
		for (let i = 1; i <= text.size(); i += size) {
			for (const event of parser.feed(text.sub(i, i + size - 1))) events.push(event);
		}
		return events;
	};
	const datas = (events: ReadonlyArray<SseEvent>) => events.map((event) => event.data);

	// The stream the HTTP fixture serves: comments, multi-line data, named events, CRLF and CR.
	const MIXED =
		": this comment is ignored\n\n" +
		"data: first\n\n" +
		"event: update\nid: 2\ndata: second line one\ndata: second line two\n\n" +
		"data:no space after colon\r\n\r\n" +
		'data: {"done":false}\r\rretry: 1000\n\n' +
		"data\n\n" +
		"data: last\n\n";
	const MIXED_DATA = ["first", "second line one\nsecond line two", "no space after colon", '{"done":false}', "", "last"];

	it("reads data, comments, multi-line data and every line ending, however the text is cut", () => {
		for (const size of [1, 2, 3, 7, 13, MIXED.size()]) {
			const events = parseInPieces(MIXED, size);
			expect(datas(events).join("|")).to.equal(MIXED_DATA.join("|"));
		}
	});

	it("names events, keeps the last id and reads retry", () => {
		const parser = new SseParser();
		const events = parser.feed(MIXED);
		expect(events[0].event).to.equal("message");
		expect(events[0].lastEventId).to.equal("");
		expect(events[1].event).to.equal("update");
		expect(events[1].lastEventId).to.equal("2");
		expect(events[2].event).to.equal("message");
		expect(events[2].lastEventId).to.equal("2");
		expect(parser.retry).to.equal(1000);
	});

	it("does not take the LF of a CRLF cut between two chunks for a second line end", () => {
		const parser = new SseParser();
		expect(parser.feed("data: a\r").size()).to.equal(0);
		expect(parser.feed("\ndata: b\r").size()).to.equal(0);
		const events = parser.feed("\n\r\n");
		expect(datas(events).join("|")).to.equal("a\nb");
	});

	it("dispatches OpenAI-style chunks one by one and ends at [DONE]", () => {
		const stream =
			'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n' +
			": keep-alive\n\n" +
			'data: {"choices":[{"delta":{"content":"lo"}}]}\n\n' +
			"data: [DONE]\n\n";
		const events = parseInPieces(stream, 5);
		expect(events.size()).to.equal(3);
		expect(events[2].data).to.equal("[DONE]");
	});

	it("keeps a long line that arrives in many pieces whole", () => {
		const long = string.rep("x", 5000);
		const events = parseInPieces(`data: ${long}\n\n`, 3);
		expect(events.size()).to.equal(1);
		expect(events[0].data).to.equal(long);
	});

	it("discards an event the stream did not finish", () => {
		const parser = new SseParser();
		expect(parser.feed("data: complete\n\ndata: cut off").size()).to.equal(1);
		expect(parser.feed("").size()).to.equal(0);
	});

	it("ignores an event without data, unknown fields, a bad retry and a leading BOM", () => {
		const events = parseInPieces("\u{feff}event: ping\n\nfoo: bar\nretry: 1x\ndata: ok\n\n", 4);
		expect(datas(events).join("|")).to.equal("ok");
		expect(events[0].event).to.equal("message");
		const parser = new SseParser();
		parser.feed("retry: 1x\n\n");
		expect(parser.retry).to.equal(undefined);
	});
};
