/**
 * Installs the lesson kit into the place as an ordinary proposal: the old kit's roots deleted, then one
 * install_kit operation that copies the plugin's own LessonKit folder (built by plugin/build/lesson-kit.ts:
 * LessonKit/<Service>[/<container>]/VectorLessonKit) into the place's services when it is applied, so the
 * install is previewed, approved, applied as one undo step and revertible like any other change. The
 * proposal names the kit's version (with its content hash) instead of carrying ~150 KB of script text:
 * the copy made at apply time is exactly the kit the teacher approved, or the apply refuses.
 *
 * Idempotent: a kit of the same version (KitVersion "major.minor.patch+<content hash>") is left alone; an
 * older one, or one of the same version with different contents or missing parts, is deleted and the
 * kit copied anew; a newer one is kept. An instance named VectorLessonKit that is not a kit (no
 * KitVersion) is never deleted: the plan fails and says so.
 *
 * What is copied: Folders, StringValues and scripts (their source). The plugin carries the kit's Scripts
 * disabled (Studio runs a plugin's enabled Scripts); the copies are new scripts, enabled, as a game needs.
 */
import { KIT_ROOT, KIT_VERSION_VALUE } from "./kit-names";
import { Operation } from "../proposals/operation";
import { childPath, formatPath } from "../studio/instance-path";

export type KitInstallStatus =
	/** No kit in the place. */
	| "install"
	/** An older kit, or the same version with other contents: replaced. */
	| "upgrade"
	/** This version, with parts missing: replaced. */
	| "repair"
	/** This version, complete: nothing to do. */
	| "current"
	/** A newer kit than the plugin's: kept. */
	| "newer_installed";

export interface KitInstallPlan {
	readonly status: KitInstallStatus;
	readonly kitVersion: string;
	readonly installedVersion?: string;
	/** Empty for "current" and "newer_installed". */
	readonly operations: ReadonlyArray<Operation>;
	/** One line for the proposal card and the teacher. */
	readonly summary: string;
}

export type KitPlanResult =
	| { readonly ok: true; readonly plan: KitInstallPlan }
	| { readonly ok: false; readonly message: string };

export interface KitRoot {
	/** Service, then containers: ["StarterPlayer", "StarterPlayerScripts"]. */
	readonly containers: ReadonlyArray<string>;
	readonly root: Instance;
}

interface Version {
	readonly parts: readonly [number, number, number];
	readonly text: string;
}

const COPIED_CLASSES = new Set(["Folder", "StringValue", "ModuleScript", "Script", "LocalScript"]);

function fail(message: string): KitPlanResult {
	return { ok: false, message };
}

/** "1.2.3+build" → its parts; undefined when it is not a kit version. */
export function parseKitVersion(text: string): Version | undefined {
	const [major, minor, patch] = text.match("^(%d+)%.(%d+)%.(%d+)");
	if (major === undefined) return undefined;
	return { parts: [tonumber(major)!, tonumber(minor)!, tonumber(patch)!], text };
}

/** Negative when a is older than b, 0 for the same major.minor.patch, positive when newer. */
function compareVersions(a: Version, b: Version): number {
	for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i] - b.parts[i];
	return 0;
}

/** The kit roots in the plugin's LessonKit folder, with the containers above each. */
export function findKitRoots(kit: Instance): Array<KitRoot> | string {
	const roots = new Array<KitRoot>();
	const visit = (node: Instance, containers: Array<string>): string | undefined => {
		if (node.Name === KIT_ROOT) {
			roots.push({ containers, root: node });
			return undefined;
		}
		if (!node.IsA("Folder") || node.GetChildren().size() === 0) {
			return `${node.GetFullName()} is outside every ${KIT_ROOT} root of the plugin's lesson kit`;
		}
		for (const child of node.GetChildren()) {
			const problem = visit(child, [...containers, node.Name]);
			if (problem !== undefined) return problem;
		}
		return undefined;
	};
	for (const service of kit.GetChildren()) {
		const problem = visit(service, []);
		if (problem !== undefined) return problem;
	}
	if (roots.size() === 0) return `the plugin's lesson kit (${kit.GetFullName()}) has no ${KIT_ROOT} root`;
	return roots;
}

/** The instance in the place the containers name: a service, then children. */
export function placeContainer(place: DataModel, containers: ReadonlyArray<string>): Instance | string {
	const serviceName = containers[0];
	const [ok, service] = pcall(() => place.GetService(serviceName as keyof Services));
	if (!ok || service === undefined) return `the place has no ${serviceName} service`;
	let current: Instance = service as Instance;
	for (let i = 1; i < containers.size(); i++) {
		const child = current.FindFirstChild(containers[i]);
		if (child === undefined) return `the place has no ${formatPath(current)}/${containers[i]}, where the kit goes`;
		current = child;
	}
	return current;
}

/** The version a kit root holds (the ReplicatedStorage root carries it). */
export function versionIn(root: Instance): string | undefined {
	const value = root.FindFirstChild(KIT_VERSION_VALUE);
	return value !== undefined && value.IsA("StringValue") ? value.Value : undefined;
}

/** The number of scripts in `node`, or why it cannot be copied (a class the kit must not carry). */
function countScripts(node: Instance): number | string {
	if (!COPIED_CLASSES.has(node.ClassName)) {
		return `the plugin's lesson kit holds a ${node.ClassName} (${node.GetFullName()}); only Folders, StringValues and scripts are copied`;
	}
	let scripts = node.IsA("LuaSourceContainer") ? 1 : 0;
	for (const child of node.GetChildren()) {
		const counted = countScripts(child);
		if (typeIs(counted, "string")) return counted;
		scripts += counted;
	}
	return scripts;
}

/** The version of the plugin's kit (its ReplicatedStorage root's KitVersion), or why there is none. */
export function pluginKitVersion(kit: Instance): string | undefined {
	const roots = findKitRoots(kit);
	if (typeIs(roots, "string")) return undefined;
	const versionRoot = roots.find((r) => r.containers[0] === "ReplicatedStorage");
	return versionRoot && versionIn(versionRoot.root);
}

/**
 * A fresh copy of the kit root that lives under `containers` in the plugin's kit, ready to parent
 * into the place: every script enabled (the plugin carries them disabled, since Studio would run a
 * plugin's enabled Scripts), nothing but Folders, StringValues and scripts. Or why it cannot be made.
 */
export function copyKitRoot(kit: Instance, containers: ReadonlyArray<string>): Instance | string {
	const roots = findKitRoots(kit);
	if (typeIs(roots, "string")) return roots;
	const key = containers.join("/");
	const entry = roots.find((r) => r.containers.join("/") === key);
	if (entry === undefined) return `the plugin's lesson kit has no ${KIT_ROOT} for ${key}`;
	const counted = countScripts(entry.root);
	if (typeIs(counted, "string")) return counted;
	const copy = entry.root.Clone();
	const enable = (node: Instance) => {
		if (node.IsA("Script") || node.IsA("LocalScript")) node.Disabled = false;
		for (const child of node.GetChildren()) enable(child);
	};
	enable(copy);
	return copy;
}

/**
 * Plans putting the plugin's lesson kit (`kit`, its LessonKit folder) into `place`: what is there, and the
 * operations of the proposal. Yield-free; reads only.
 */
export function planKitInstall(kit: Instance, place: DataModel): KitPlanResult {
	const roots = findKitRoots(kit);
	if (typeIs(roots, "string")) return fail(roots);
	const versionRoot = roots.find((r) => r.containers[0] === "ReplicatedStorage");
	const kitVersionText = versionRoot && versionIn(versionRoot.root);
	const kitVersion = kitVersionText !== undefined ? parseKitVersion(kitVersionText) : undefined;
	if (kitVersion === undefined) {
		return fail(
			`the plugin's lesson kit has no ${KIT_VERSION_VALUE} (major.minor.patch) in its ReplicatedStorage root`,
		);
	}

	const targets = new Array<{ readonly entry: KitRoot; readonly container: Instance; readonly existing?: Instance }>();
	for (const entry of roots) {
		const container = placeContainer(place, entry.containers);
		if (typeIs(container, "string")) return fail(container);
		const existing = container.GetChildren().filter((child) => child.Name === KIT_ROOT);
		if (existing.size() > 1) {
			return fail(
				`${formatPath(container)} has ${existing.size()} children named ${KIT_ROOT}; keep one (or none) so the kit can be installed`,
			);
		}
		targets.push({ entry, container, existing: existing[0] });
	}

	const installed = targets.filter((target) => target.existing !== undefined);
	const installedRoot = targets.find((target) => target.entry === versionRoot)?.existing;
	const installedText = installedRoot && versionIn(installedRoot);
	if (installed.size() > 0 && installedText === undefined) {
		const stranger = installedRoot ?? installed[0].existing!;
		return fail(
			`${formatPath(stranger)} is not a Vector lesson kit (no ${KIT_VERSION_VALUE} in ReplicatedStorage/${KIT_ROOT}); ` +
				"rename or remove it so the kit can be installed",
		);
	}
	const installedVersion = installedText !== undefined ? parseKitVersion(installedText) : undefined;
	if (installedText !== undefined && installedVersion === undefined) {
		return fail(
			`the lesson kit in the place has an unreadable version "${installedText}"; remove it to install this one`,
		);
	}

	const complete = installed.size() === targets.size();
	const plan = (
		status: KitInstallStatus,
		summary: string,
		operations: ReadonlyArray<Operation> = [],
	): KitPlanResult => ({
		ok: true,
		plan: { status, kitVersion: kitVersion.text, installedVersion: installedVersion?.text, operations, summary },
	});
	if (installedVersion !== undefined) {
		const order = compareVersions(installedVersion, kitVersion);
		if (order > 0) {
			return plan(
				"newer_installed",
				`The place has a newer lesson kit (${installedVersion.text}) than Vector's (${kitVersion.text}); it is kept`,
			);
		}
		if (installedVersion.text === kitVersion.text && complete) {
			return plan("current", `The lesson kit ${kitVersion.text} is already installed`);
		}
	}

	const operations = new Array<Operation>();
	for (const target of installed) operations.push({ kind: "delete_instance", path: formatPath(target.existing!) });
	const copied = new Array<{ readonly containers: ReadonlyArray<string>; readonly parentPath: string; readonly scripts: number }>();
	for (const target of targets) {
		const scripts = countScripts(target.entry.root);
		if (typeIs(scripts, "string")) return fail(scripts);
		copied.push({ containers: target.entry.containers, parentPath: formatPath(target.container), scripts });
	}
	operations.push({ kind: "install_kit", kitVersion: kitVersion.text, roots: copied });
	if (installedVersion === undefined)
		return plan("install", `Install the Vector lesson kit ${kitVersion.text}`, operations);
	if (installedVersion.text === kitVersion.text)
		return plan("repair", `Repair the Vector lesson kit ${kitVersion.text}`, operations);
	return plan(
		"upgrade",
		`Update the Vector lesson kit from ${installedVersion.text} to ${kitVersion.text}`,
		operations,
	);
}
