/// <reference types="@rbxts/testez/globals" />
import { decodeEntities, excerpt, htmlToText } from "./html-text";

export = () => {
	it("decodes named and numeric character references, leaving unknown ones as written", () => {
		expect(decodeEntities("3 &lt; 5 &amp;&amp; 5 &gt; 3")).to.equal("3 < 5 && 5 > 3");
		expect(decodeEntities("&quot;hi&quot; &#39;x&#39; &nbsp;")).to.equal(`"hi" 'x'  `);
		expect(decodeEntities("&frac12; &ndash; &rsquo;")).to.equal("½ – ’");
		expect(decodeEntities("pizza &#x1F355; &#127829;")).to.equal(`pizza ${utf8.char(0x1f355)} ${utf8.char(0x1f355)}`);
		expect(decodeEntities("&bogus; &#xD800; & alone")).to.equal("&bogus; &#xD800; & alone");
	});

	it("turns Canvas rich text into readable lines: blocks break lines, list items get dashes, scripts and comments go", () => {
		const html =
			"<h2>Welcome!</h2><p>This unit we learn what a <strong>fraction</strong> is &amp; how.</p>" +
			"<!-- teacher note --><ul><li>1/2 &ndash; one half</li><li>1/4</li></ul>" +
			"<script>trackPageView()</script><STYLE>p{}</STYLE><p>Done<br/>now</p>";
		expect(htmlToText(html)).to.equal("Welcome!\nThis unit we learn what a fraction is & how.\n- 1/2 – one half\n- 1/4\nDone\nnow");
	});

	it("keeps text that only looks like markup, and collapses spaces", () => {
		expect(htmlToText("3 < 5   and  5 >  3")).to.equal("3 < 5 and 5 > 3");
		expect(htmlToText("")).to.equal("");
		expect(htmlToText("<p>  </p>")).to.equal("");
		expect(htmlToText('cut <a href="x')).to.equal("cut");
	});

	it("makes one-line excerpts cut at a word with an ellipsis", () => {
		expect(excerpt("short", 20)).to.equal("short");
		expect(excerpt("line one\n- item\nline two", 100)).to.equal("line one / item / line two");
		expect(excerpt("the quick brown fox jumps over the lazy dog", 20)).to.equal("the quick brown fox…");
		const cut = excerpt(string.rep("é", 30), 10);
		expect(cut).to.equal(string.rep("é", 10) + "…");
	});
};
