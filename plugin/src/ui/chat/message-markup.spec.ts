/// <reference types="@rbxts/testez/globals" />
import { capText, escapeRichText, inlineMarkup, MessageBlock, parseMessage } from "./message-markup";

const STYLE = { face: "RobotoMono", background: "#424242" };

function describeBlocks(blocks: Array<MessageBlock>): string {
	return blocks
		.map((block) =>
			block.kind === "text" ? `text[${block.text}]` : `code:${block.language}:${block.closed}[${block.code}]`,
		)
		.join(" ");
}

export = () => {
	describe("parseMessage", () => {
		it("keeps plain text as one block, blank lines inside it included", () => {
			expect(describeBlocks(parseMessage("Hello.\n\nSecond paragraph."))).to.equal("text[Hello.\n\nSecond paragraph.]");
		});

		it("splits fenced code from the prose around it, with the fence's language", () => {
			const blocks = parseMessage("Try this:\n```lua\nlocal x = 1\nprint(x)\n```\nThen run it.");
			expect(describeBlocks(blocks)).to.equal(
				"text[Try this:] code:lua:true[local x = 1\nprint(x)] text[Then run it.]",
			);
		});

		it("drops blank prose between blocks and keeps code indentation", () => {
			const blocks = parseMessage("```\n  indented\n```\n\n```luau\nb\n```");
			expect(describeBlocks(blocks)).to.equal("code::true[  indented] code:luau:true[b]");
		});

		it("treats an open fence at the end (a streaming answer) as code to the end", () => {
			expect(describeBlocks(parseMessage("Here:\n```lua\nlocal a"))).to.equal("text[Here:] code:lua:false[local a]");
		});

		it("closes a fence only with at least as many backticks, so code can show a fence", () => {
			const blocks = parseMessage("````md\n```lua\nx\n```\n````");
			expect(describeBlocks(blocks)).to.equal("code:md:true[```lua\nx\n```]");
		});

		it("accepts Windows line ends", () => {
			expect(describeBlocks(parseMessage("a\r\n```\r\nb\r\n```"))).to.equal("text[a] code::true[b]");
		});
	});

	describe("inlineMarkup", () => {
		it("escapes markup characters so model text cannot break RichText", () => {
			expect(inlineMarkup(`if a < b and c > d then s = "x" & 'y' end`, STYLE)).to.equal(
				"if a &lt; b and c &gt; d then s = &quot;x&quot; &amp; &apos;y&apos; end",
			);
			expect(escapeRichText("<b>")).to.equal("&lt;b&gt;");
		});

		it("draws `code` spans in the code face on a marked background", () => {
			expect(inlineMarkup("call `Foo()` now", STYLE)).to.equal(
				'call <font face="RobotoMono"><mark color="#424242" transparency="0">Foo()</mark></font> now',
			);
		});

		it("bolds **pairs** outside code and leaves an unpaired backtick literal", () => {
			expect(inlineMarkup("**Note:** use `a*b` and a lone ` tick", STYLE)).to.equal(
				'<b>Note:</b> use <font face="RobotoMono"><mark color="#424242" transparency="0">a*b</mark></font> and a lone ` tick',
			);
			expect(inlineMarkup("2 ** 3 is math", STYLE)).to.equal("2 ** 3 is math");
			expect(inlineMarkup("2 ** 3 ** 4", STYLE)).to.equal("2 ** 3 ** 4");
			expect(inlineMarkup("**unclosed bold", STYLE)).to.equal("**unclosed bold");
		});

		it("bolds around a code span", () => {
			expect(inlineMarkup("checks **`hit.Parent`** first", STYLE)).to.equal(
				'checks <b><font face="RobotoMono"><mark color="#424242" transparency="0">hit.Parent</mark></font></b> first',
			);
		});
	});

	describe("capText", () => {
		it("keeps short text and cuts long text at whole characters, counting what it left out", () => {
			const [short, none] = capText("héllo", 5);
			expect(short).to.equal("héllo");
			expect(none).to.equal(0);
			const [cut, left] = capText("héllo wörld", 7);
			expect(cut).to.equal("héllo w");
			expect(left).to.equal(4);
		});
	});
};
