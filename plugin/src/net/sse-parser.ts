/**
 * Incremental parsing of a server-sent-event stream, following the WHATWG HTML "event stream
 * interpretation" rules.
 *
 * Studio's SSE WebStreamClient parses events itself; this parser serves the paths where the text of
 * the stream arrives raw: a RawStream WebStreamClient (http-transport.ts) and the scripted transport
 * of the specs. The network may cut the text anywhere (inside a line, between the CR and LF of a
 * CRLF, inside a UTF-8 sequence), so the parser keeps the unfinished line between chunks and only
 * dispatches an event at its blank line. Lines end with CRLF, LF or CR; `:` lines are comments; one
 * space after the colon is dropped; `data` lines of one event join with "\n"; an event without data
 * is not dispatched; an unfinished event at the end of the stream is discarded (the spec's rule), so
 * a cut-off stream never yields half a message.
 */

/** One dispatched event. */
export interface SseEvent {
	/** The `event` field, "message" when the event named none. */
	readonly event: string;
	/** The `data` lines joined with "\n". */
	readonly data: string;
	/** The last `id` seen so far in the stream ("" when none). */
	readonly lastEventId: string;
}

/** Parses one stream; feed it the stream's text in the pieces it arrives in. */
export class SseParser {
	/** The reconnection time the stream asked for (`retry:` field, milliseconds), if any. */
	retry?: number;

	private pieces = new Array<string>();
	private afterCarriageReturn = false;
	private started = false;
	private dataLines = new Array<string>();
	private hasData = false;
	private eventType = "";
	private lastEventId = "";

	/** Consumes the next piece of the stream and returns the events it completed, in order. */
	feed(chunk: string): Array<SseEvent> {
		const events = new Array<SseEvent>();
		let text = chunk;
		if (!this.started && text !== "") {
			this.started = true;
			// A UTF-8 byte order mark at the very start is not part of the stream.
			if (text.sub(1, 3) === "\u{feff}") text = text.sub(4);
		}
		if (this.afterCarriageReturn && text.sub(1, 1) === "\n") text = text.sub(2);
		this.afterCarriageReturn = false;
		let pos = 1;
		const size = text.size();
		for (;;) {
			const [lineEnd] = string.find(text, "[\r\n]", pos);
			if (lineEnd === undefined) break;
			this.pieces.push(text.sub(pos, lineEnd - 1));
			const line = this.pieces.join("");
			this.pieces.clear();
			pos = lineEnd + 1;
			if (text.sub(lineEnd, lineEnd) === "\r") {
				if (lineEnd === size) this.afterCarriageReturn = true;
				else if (text.sub(pos, pos) === "\n") pos += 1;
			}
			this.processLine(line, events);
		}
		if (pos <= size) this.pieces.push(text.sub(pos));
		return events;
	}

	private processLine(line: string, events: Array<SseEvent>): void {
		if (line === "") {
			this.dispatch(events);
			return;
		}
		const [colon] = string.find(line, ":", 1, true);
		if (colon === 1) return; // comment
		let field = line;
		let value = "";
		if (colon !== undefined) {
			field = line.sub(1, colon - 1);
			value = line.sub(colon + 1);
			if (value.sub(1, 1) === " ") value = value.sub(2);
		}
		if (field === "data") {
			this.dataLines.push(value);
			this.hasData = true;
		} else if (field === "event") {
			this.eventType = value;
		} else if (field === "id") {
			if (string.find(value, "\0", 1, true)[0] === undefined) this.lastEventId = value;
		} else if (field === "retry") {
			if (string.find(value, "^%d+$")[0] !== undefined) this.retry = tonumber(value);
		}
	}

	private dispatch(events: Array<SseEvent>): void {
		if (this.hasData) {
			events.push({
				event: this.eventType === "" ? "message" : this.eventType,
				data: this.dataLines.join("\n"),
				lastEventId: this.lastEventId,
			});
		}
		this.dataLines.clear();
		this.hasData = false;
		this.eventType = "";
	}
}
