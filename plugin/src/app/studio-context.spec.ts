/// <reference types="@rbxts/testez/globals" />
import { attachmentsFor, MAX_SELECTED } from "./studio-context";

export = () => {
	let folder: Folder;
	beforeEach(() => {
		folder = new Instance("Folder");
		folder.Name = "ContextSpec";
		folder.Parent = game.GetService("Workspace");
	});
	afterEach(() => folder.Destroy());

	function part(name: string): Part {
		const created = new Instance("Part");
		created.Name = name;
		created.Parent = folder;
		return created;
	}

	it("attaches nothing when no script is open and nothing is selected", () => {
		expect(attachmentsFor(undefined, []).size()).to.equal(0);
	});

	it("attaches the active script first, then each selected instance, by path", () => {
		const opened = new Instance("Script");
		opened.Name = "Open";
		opened.Parent = folder;
		const attachments = attachmentsFor(opened, [part("Door")]);
		expect(attachments.map((a) => a.label).join(",")).to.equal("Open,Door");
		expect(attachments[0].kind).to.equal("script");
		expect(attachments[0].note).to.equal("Active script (open in the editor): Workspace/ContextSpec/Open");
		expect(attachments[1].note).to.equal("Selected (Part): Workspace/ContextSpec/Door");
		expect(attachments[1].id).to.equal("selection:Workspace/ContextSpec/Door");
	});

	it("attaches a large selection as its first instances and one chip for the rest", () => {
		const selection = new Array<Instance>();
		for (let index = 1; index <= MAX_SELECTED + 3; index++) selection.push(part(`P${index}`));
		const attachments = attachmentsFor(undefined, selection);
		expect(attachments.size()).to.equal(MAX_SELECTED + 1);
		const rest = attachments[MAX_SELECTED];
		expect(rest.kind).to.equal("more");
		expect(rest.label).to.equal("+3 more");
	});

	it("lists one more instance instead of a chip saying +1", () => {
		const selection = new Array<Instance>();
		for (let index = 1; index <= MAX_SELECTED + 1; index++) selection.push(part(`P${index}`));
		const attachments = attachmentsFor(undefined, selection);
		expect(attachments.size()).to.equal(MAX_SELECTED + 1);
		expect(attachments.every((a) => a.kind === "selection")).to.equal(true);
	});
};
