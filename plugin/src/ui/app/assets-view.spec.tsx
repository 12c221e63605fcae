/// <reference types="@rbxts/testez/globals" />
import Roact from "@rbxts/roact";
import { AssetsView as AssetsData } from "../../app/app-state";
import { ProposalViews } from "../../app/proposal-view";
import { ScanFinding } from "../../proposals/operation";
import { proposalOf } from "../cards/dev/spec-proposals";
import { canActAsUser, click, expectText, findNamed, findText, mountSpec } from "../dev/spec-gui";
import { AssetActions, AssetsView, pickerState } from "./assets-view";

const IDLE: AssetsData = { query: "", searching: false, searched: false, results: [], proposals: [] };
const RESULT = { id: 5001, name: "Lava Kit", creator: "Someone", type: "Model", thumbnailUrl: "rbxthumb://type=Asset&id=5001&w=150&h=150" };
const DANGER: ScanFinding = { script: "Lava Kit/Configuration", line: 2, rule: "require_id", severity: "danger", excerpt: "require(4815162342)" };

function recorder(): { log: Array<string>; actions: AssetActions } {
	const log = new Array<string>();
	const note = (text: string) => log.push(text);
	return {
		log,
		actions: {
			searchAssets(query) {
				note(`search ${query}`);
			},
			insertAsset(id) {
				note(`insert ${id}`);
			},
			approve(id) {
				note(`approve ${id}`);
			},
			reject(id) {
				note(`reject ${id}`);
			},
			revert(id) {
				note(`revert ${id}`);
			},
			cancelRevert(id) {
				note(`cancel ${id}`);
			},
			retryProposal(id) {
				note(`retry ${id}`);
			},
			openScript(id) {
				note(`open ${id}`);
			},
		},
	};
}

export = () => {
	it("tells the picker where the search stands", () => {
		expect(pickerState(IDLE).status).to.equal("idle");
		expect(pickerState({ ...IDLE, query: "lava", searching: true }).status).to.equal("loading");
		expect(pickerState({ ...IDLE, query: "lava", searched: true }).status).to.equal("ready");
		const failed = pickerState({ ...IDLE, query: "lava", searched: true, searchError: "Missing token." });
		expect(failed.status === "error" && failed.message).to.equal("Missing token.");
	});

	it("shows an insert proposal with its scan findings above the results", () => {
		const r = recorder();
		const proposal = proposalOf([{ kind: "insert_asset", assetId: 5001, parentPath: "Workspace", findings: [DANGER] }]);
		const data: AssetsData = {
			...IDLE,
			query: "lava",
			searched: true,
			results: [RESULT],
			proposals: [new ProposalViews().view(proposal)],
		};
		const mounted = mountSpec(<AssetsView assets={data} actions={r.actions} />, { height: 700 });
		const inserts = findNamed(mounted.host, "Inserts", "ScrollingFrame");
		expect(inserts.AbsoluteSize.Y <= math.floor(mounted.host.AbsoluteSize.Y * 0.6)).to.equal(true);
		expect(inserts.AbsoluteSize.Y > 0).to.equal(true);
		const lavaKit = expectText(mounted.host, "Lava Kit");
		expect(lavaKit.AbsolutePosition.Y > inserts.AbsolutePosition.Y + inserts.AbsoluteSize.Y - 1).to.equal(true);
		mounted.destroy();
	});

	it("says when an asset is being scanned, and why an insert failed", () => {
		const r = recorder();
		const mounted = mountSpec(<AssetsView assets={{ ...IDLE, inserting: 5001 }} actions={r.actions} />);
		expectText(mounted.host, "Loading asset 5001 and scanning its scripts…");
		mounted.update(
			<AssetsView assets={{ ...IDLE, insertError: "assetId: asset 5001 could not be loaded" }} actions={r.actions} />,
		);
		expect(findText(mounted.host, "Loading asset")).to.equal(undefined);
		expectText(mounted.host, "could not be loaded");
		mounted.destroy();
	});

	describe("with the user", () => {
		if (!canActAsUser()) SKIP();

		it("asks for an insert by the result's asset id", () => {
			const r = recorder();
			const data: AssetsData = { ...IDLE, query: "lava", searched: true, results: [RESULT] };
			const mounted = mountSpec(<AssetsView assets={data} actions={r.actions} />);
			click(expectText(mounted.host, "Insert") as TextButton);
			expect(r.log.join(",")).to.equal("insert 5001");
			mounted.destroy();
		});
	});
};
