/// <reference types="@rbxts/testez/globals" />
import { Attachment, CONTEXT_HEADER, splitContextNote, withContextNote } from "./context-note";

const active: Attachment = {
	id: "script:Workspace/Door/Open",
	kind: "script",
	label: "Open",
	note: "Active script (open in the editor): Workspace/Door/Open",
};
const part: Attachment = {
	id: "selection:Workspace/Door",
	kind: "selection",
	label: "Door",
	note: "Selected (Part): Workspace/Door",
};

export = () => {
	it("leaves a message without attachments as typed", () => {
		expect(withContextNote("Fix it", [])).to.equal("Fix it");
		const split = splitContextNote("Fix it");
		expect(split.text).to.equal("Fix it");
		expect(split.attached.size()).to.equal(0);
	});

	it("adds one line per attachment after a fixed header", () => {
		expect(withContextNote("Fix it", [active, part])).to.equal(
			`Fix it\n\n${CONTEXT_HEADER}\n- Active script (open in the editor): Workspace/Door/Open\n- Selected (Part): Workspace/Door`,
		);
	});

	it("splits the note off again, keeping what the user typed exactly", () => {
		const typed = "Line one\n\nLine two: with a colon\n- and a dash";
		const split = splitContextNote(withContextNote(typed, [active, part]));
		expect(split.text).to.equal(typed);
		expect(split.attached.join("|")).to.equal(`${active.note}|${part.note}`);
	});
};
