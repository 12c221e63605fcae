/**
 * insert_asset: a Creator Store asset inserted under a parent, proposed to the user. The asset is
 * loaded now, unparented, only to scan its scripts for backdoors (studio/asset-scan.ts); the findings
 * go into the proposal and its summary so the user sees them before approving. The loaded copy is
 * then destroyed: the applier loads the asset again at apply time.
 */
import { ScanFinding } from "../proposals/operation";
import { RULE_LABELS, scanAsset } from "../studio/asset-scan";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { reasonField, summarize } from "./reason";
import { describeInstance, pathOf, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";
import { thrownReason } from "./thrown-reason";

/** Findings named one by one in the summary (all of them are in the operation). */
const FINDINGS_IN_SUMMARY = 3;

const args = s.object(
	{
		assetId: s.integer({ description: "The Creator Store asset id (from search_assets).", min: 1 }),
		parentPath: s.optional(
			s.text({ description: `Where to insert it (default "Workspace"). ${PATH_FORMAT_HELP}`, minLength: 1 }),
		),
		reason: reasonField,
	},
	{ description: "The asset and where to put it." },
);

function describeFindings(findings: ReadonlyArray<ScanFinding>, scripts: number): string {
	if (findings.size() === 0) {
		return scripts === 0
			? "no scripts"
			: `scan found nothing suspicious in its ${scripts} script${scripts === 1 ? "" : "s"}`;
	}
	const danger = findings.filter((f) => f.severity === "danger").size();
	const shown = new Array<string>();
	for (let i = 0; i < math.min(findings.size(), FINDINGS_IN_SUMMARY); i++) {
		const f = findings[i];
		shown.push(`${f.script}:${f.line} ${RULE_LABELS[f.rule] ?? f.rule}`);
	}
	const more = findings.size() > FINDINGS_IN_SUMMARY ? `; ${findings.size() - FINDINGS_IN_SUMMARY} more` : "";
	return `WARNING, scan found ${findings.size()} suspicious pattern${findings.size() === 1 ? "" : "s"} (${danger} dangerous): ${shown.join("; ")}${more}`;
}

export const insertAsset: ToolDefinition<s.Infer<typeof args>> = {
	name: "insert_asset",
	description:
		"Proposes inserting a Creator Store asset (by id) under a parent; the user approves or rejects. Its scripts " +
		"are scanned for backdoors (remote require, run-time code compile, obfuscation, hidden HttpService use) and " +
		"the findings are shown with the proposal.",
	kind: "write",
	args,
	execute(a, context) {
		const parent = resolveTarget(context, "parentPath", a.parentPath ?? "Workspace");
		if (!parent.ok) return { kind: "error", message: parent.message };
		if (parent.instance.IsA("DataModel")) {
			return {
				kind: "error",
				message: "parentPath: assets cannot be inserted directly under game; choose a service such as Workspace",
			};
		}
		const [loaded, result] = pcall(() => context.studio.loadAsset(a.assetId));
		if (!loaded) {
			const reason = thrownReason(result);
			return { kind: "error", message: `assetId: asset ${a.assetId} could not be loaded: ${reason}` };
		}
		const roots = result as ReadonlyArray<Instance>;
		if (roots.size() === 0) return { kind: "error", message: `assetId: asset ${a.assetId} loaded nothing` };

		const [scanned, scan] = pcall(() => scanAsset(roots));
		let scripts = 0;
		for (const root of roots) {
			if (root.IsA("LuaSourceContainer")) scripts += 1;
			for (const d of root.GetDescendants()) if (d.IsA("LuaSourceContainer")) scripts += 1;
		}
		const contents = roots.size() === 1 ? `${roots[0].ClassName} "${roots[0].Name}"` : `${roots.size()} instances`;
		for (const root of roots) pcall(() => root.Destroy());
		if (!scanned) return { kind: "error", message: `asset ${a.assetId} could not be scanned: ${tostring(scan)}` };
		const findings = scan as ReadonlyArray<ScanFinding>;

		const what = `Insert asset ${a.assetId} (${contents}) into ${describeInstance(parent.instance, context)}; ${describeFindings(findings, scripts)}`;
		return {
			kind: "proposal",
			summary: summarize(what, a.reason),
			operations: [{ kind: "insert_asset", assetId: a.assetId, parentPath: pathOf(parent.instance, context), findings }],
		};
	},
};
