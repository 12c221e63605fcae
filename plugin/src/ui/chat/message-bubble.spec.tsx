/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { expectText, findNamed, findText, mountSpec } from "../dev/spec-gui";
import { MAX_CODE_LINES } from "./code-block";
import { MAX_MESSAGE_CHARS, MessageBubble, MessageBubbleProps } from "./message-bubble";

function bubble(props: MessageBubbleProps) {
	return <MessageBubble Key="Message" {...props} />;
}

export = () => {
	for (const themeName of ["Dark", "Light"]) {
		it(`sets the user's message in a shaded, indented bubble and the assistant's on the background (${themeName})`, () => {
			const user = mountSpec(bubble({ role: "user", text: "Make the door open" }), { theme: themeName });
			const userBubble = findNamed(user.host, "Bubble", "Frame");
			expect(userBubble.BackgroundTransparency).to.equal(0);
			expect(userBubble.BackgroundColor3).to.equal(user.theme.colors.titlebar);
			expect(userBubble.AbsolutePosition.X - user.host.AbsolutePosition.X > 0).to.equal(true);
			const text = expectText(user.host, "Make the door open");
			expect(text.TextColor3).to.equal(user.theme.colors.text.default);
			user.destroy();

			const assistant = mountSpec(bubble({ role: "assistant", text: "Done." }), { theme: themeName });
			const assistantBubble = findNamed(assistant.host, "Bubble", "Frame");
			expect(assistantBubble.BackgroundTransparency).to.equal(1);
			expect(assistantBubble.AbsolutePosition.X).to.equal(assistant.host.AbsolutePosition.X);
			expectText(assistant.host, "Done.");
			assistant.destroy();
		});
	}

	it("draws fenced code in the code font on the code background, scrolling sideways when a line is long", () => {
		const longLine = `print("${string.rep("x", 200)}")`;
		const mounted = mountSpec(
			bubble({ role: "assistant", text: `Here:\n\`\`\`lua\nlocal a = 1\n${longLine}\n\`\`\`\nThat's it.` }),
		);
		const colors = mounted.theme.colors;
		expectText(mounted.host, "Here:");
		expectText(mounted.host, "That's it.");
		const code = findNamed(mounted.host, "Code2", "Frame");
		const scroll = findNamed(code, "Code", "ScrollingFrame");
		const text = findNamed(scroll, "Text", "TextBox");
		expect(text.Text).to.equal(`local a = 1\n${longLine}`);
		expect(text.FontFace.Family.find("RobotoMono")[0]).to.be.ok();
		expect(text.TextColor3).to.equal(colors.codeText);
		expect(text.TextWrapped).to.equal(false);
		expect(text.TextEditable).to.equal(false);
		expect(scroll.BackgroundColor3).to.equal(colors.codeBackground);
		expect(scroll.ScrollingDirection).to.equal(Enum.ScrollingDirection.X);
		expect(scroll.AbsoluteCanvasSize.X > scroll.AbsoluteWindowSize.X).to.equal(true);
		// Two lines of code, nothing clipped vertically.
		expect(scroll.AbsoluteSize.Y >= 2 * mounted.theme.textSize.code).to.equal(true);
		expectText(mounted.host, "lua");
		mounted.destroy();
	});

	it("renders inline code and bold through RichText", () => {
		const mounted = mountSpec(bubble({ role: "assistant", text: "Call `Door:Open()` **now**." }));
		const label = expectText(mounted.host, "Call Door:Open() now.") as TextLabel;
		expect(label.RichText).to.equal(true);
		expect(label.Text.find("<mark", 1, true)[0]).to.be.ok();
		expect(label.Text.find("<b>now</b>", 1, true)[0]).to.be.ok();
		mounted.destroy();
	});

	it("shows streaming text as it grows with a … indicator, which goes when the answer is complete", () => {
		const mounted = mountSpec(bubble({ role: "assistant", text: "The door", streaming: true }));
		const first = findNamed(mounted.host, "Text1", "TextLabel");
		expect(first.ContentText).to.equal("The door");
		expect(findNamed(mounted.host, "Streaming", "TextLabel").Text).to.equal("…");
		mounted.update(bubble({ role: "assistant", text: "The door opens now", streaming: true }));
		expect(findNamed(mounted.host, "Text1")).to.equal(first);
		expect(first.ContentText).to.equal("The door opens now");
		mounted.update(bubble({ role: "assistant", text: "The door opens now.", streaming: false }));
		expect(mounted.host.FindFirstChild("Streaming", true)).to.equal(undefined);
		expect(first.ContentText).to.equal("The door opens now.");
		mounted.destroy();
	});

	it("shows an open fence while streaming as code", () => {
		const mounted = mountSpec(bubble({ role: "assistant", text: "Here:\n```lua\nlocal a", streaming: true }));
		expect(findNamed(mounted.host, "Text", "TextBox").Text).to.equal("local a");
		mounted.destroy();
	});

	it("wraps long text to the width and grows taller when the parent narrows", () => {
		const words = string.rep("The quick brown fox jumps over the lazy dog. ", 12);
		const mounted = mountSpec(bubble({ role: "assistant", text: words }), { width: 400 });
		const label = findNamed(mounted.host, "Text1", "TextLabel");
		expect(label.TextWrapped).to.equal(true);
		expect(label.AbsoluteSize.X).to.equal(400);
		const tall = label.AbsoluteSize.Y;
		expect(tall > mounted.theme.textSize.body * 2).to.equal(true);
		mounted.resize(200, 500);
		expect(label.AbsoluteSize.X).to.equal(200);
		expect(label.AbsoluteSize.Y > tall).to.equal(true);
		expect(label.TextFits).to.equal(true);
		mounted.destroy();
	});

	it("cuts a huge message and says how much is not shown", () => {
		const mounted = mountSpec(bubble({ role: "assistant", text: string.rep("a", MAX_MESSAGE_CHARS + 1234) }));
		expectText(mounted.host, "… 1234 more characters not shown");
		expect(findNamed(mounted.host, "Text1", "TextLabel").ContentText.size()).to.equal(MAX_MESSAGE_CHARS);
		mounted.destroy();
	});

	it("caps a very long code block's lines", () => {
		const lines = new Array<string>();
		for (let i = 1; i <= MAX_CODE_LINES + 50; i++) lines.push(`print(${i})`);
		const mounted = mountSpec(bubble({ role: "assistant", text: "```\n" + lines.join("\n") + "\n```" }));
		expectText(mounted.host, "… 50 more lines not shown");
		const text = findNamed(mounted.host, "Text", "TextBox").Text;
		expect(text.split("\n").size()).to.equal(MAX_CODE_LINES);
		expect(findText(mounted.host, `print(${MAX_CODE_LINES + 1})`)).to.equal(undefined);
		mounted.destroy();
	});
};
