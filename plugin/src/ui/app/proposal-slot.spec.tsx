/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { ProposalActivity, ProposalViews } from "../../app/proposal-view";
import { proposalOf, EDIT_DOOR } from "../cards/dev/spec-proposals";
import { ProposalState } from "../../proposals/proposal";
import { canActAsUser, click, expectText, findText, mountSpec } from "../dev/spec-gui";
import { ProposalActions, ProposalSlot } from "./proposal-slot";


function recorder(): { log: Array<string>; actions: ProposalActions } {
	const log = new Array<string>();
	return {
		log,
		actions: {
			approve(id) {
				log.push(`approve ${id}`);
			},
			reject(id, reason) {
				log.push(`reject ${id} ${reason ?? ""}`);
			},
			revert(id, force) {
				log.push(`revert ${id} ${force === true}`);
			},
			cancelRevert(id) {
				log.push(`cancel ${id}`);
			},
			retryProposal(id) {
				log.push(`retry ${id}`);
			},
			openScript(id, path, line) {
				log.push(`open ${id} ${path} ${line}`);
			},
		},
	};
}

function slot(state: ProposalState, activity: ProposalActivity, actions: ProposalActions) {
	const view = new ProposalViews().view(proposalOf([EDIT_DOOR], state, { waypoint: "Vector: door" }), activity);
	return <ProposalSlot view={view} actions={actions} />;
}

export = () => {
	it("shows the card alone when nothing is going on", () => {
		const r = recorder();
		const mounted = mountSpec(slot("pending", {}, r.actions));
		expectText(mounted.host, "Approve");
		expect(findText(mounted.host, "Applying…")).to.equal(undefined);
		mounted.destroy();
	});

	it("says what is running and why the last action failed", () => {
		const r = recorder();
		const mounted = mountSpec(slot("approved", { busy: "approving" }, r.actions));
		expectText(mounted.host, "Applying…");
		mounted.update(slot("applied", { error: "another change is being recorded, try again" }, r.actions));
		const problem = expectText(mounted.host, "another change is being recorded");
		expect(problem.TextColor3).to.equal(mounted.theme.colors.errorText);
		mounted.destroy();
	});

	it("lists what a revert would overwrite, with Revert anyway and Cancel", () => {
		const r = recorder();
		const conflicts = [
			{ path: "Workspace/Door/DoorScript", detail: "edited since" },
			{ path: "Workspace/Door", detail: "Transparency changed" },
		];
		const mounted = mountSpec(slot("applied", { revertConflicts: conflicts }, r.actions));
		expectText(mounted.host, "Reverting would overwrite changes made since: Workspace/Door/DoorScript (edited since)");
		expectText(mounted.host, "Revert anyway");
		expectText(mounted.host, "Cancel");
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("reports Approve, Revert anyway and Cancel with the proposal's id", () => {
			const r = recorder();
			const mounted = mountSpec(slot("pending", {}, r.actions));
			click(expectText(mounted.host, "Approve") as TextButton);
			mounted.update(slot("applied", { revertConflicts: [{ path: "Workspace/Door", detail: "moved" }] }, r.actions));
			click(expectText(mounted.host, "Revert anyway") as TextButton);
			click(expectText(mounted.host, "Cancel") as TextButton);
			expect(r.log.join(",")).to.equal("approve p1,revert p1 true,cancel p1");
			mounted.destroy();
		});
	});
};
