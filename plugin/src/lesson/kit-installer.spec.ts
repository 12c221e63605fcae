/// <reference types="@rbxts/testez/globals" />
import { KIT_ROOT, PLUGIN_KIT_FOLDER } from "./kit-names";
import { parseKitVersion, planKitInstall } from "./kit-installer";
import { applyProposal } from "../proposals/apply-proposal";
import { Operation } from "../proposals/operation";
import { applying } from "../proposals/dev/spec-place";
import { createStudioApi } from "../studio/create-studio-api";

const history = game.GetService("ChangeHistoryService");
const SERVICES = ["ServerStorage", "ReplicatedStorage", "ServerScriptService"] as const;

function make<C extends keyof CreatableInstances>(
	className: C,
	name: string,
	parent?: Instance,
): CreatableInstances[C] {
	const instance = new Instance(className);
	instance.Name = name;
	instance.Parent = parent;
	return instance;
}

/** A LessonKit folder shaped like the build's, small: one server module, shared code, a version, a bootstrap Script. */
function fakeKit(version: string, moduleSource = "return { answer = 42 }"): Folder {
	const kit = make("Folder", PLUGIN_KIT_FOLDER);
	const server = make("Folder", KIT_ROOT, make("Folder", "ServerStorage", kit));
	make("ModuleScript", "quiz-server", server).Source = moduleSource;
	const replicated = make("Folder", KIT_ROOT, make("Folder", "ReplicatedStorage", kit));
	make("StringValue", "KitVersion", replicated).Value = version;
	const shared = make("Folder", "shared", replicated);
	make("ModuleScript", "a/b", shared).Source = "return 'slash in a name'";
	const boot = make("Script", KIT_ROOT, make("Folder", "ServerScriptService", kit));
	boot.Source = "print('kit started')";
	boot.Disabled = true;
	return kit;
}

function installedRoots(): Array<Instance> {
	const roots = new Array<Instance>();
	const containers: Array<Instance> = SERVICES.map((service) => game.GetService(service));
	const playerScripts = game.GetService("StarterPlayer").FindFirstChild("StarterPlayerScripts");
	if (playerScripts !== undefined) containers.push(playerScripts);
	for (const container of containers) {
		for (const child of container.GetChildren()) if (child.Name === KIT_ROOT) roots.push(child);
	}
	return roots;
}

function installedVersion(): string | undefined {
	const value = game.GetService("ReplicatedStorage").FindFirstChild(KIT_ROOT)?.FindFirstChild("KitVersion");
	return value?.IsA("StringValue") ? value.Value : undefined;
}

function install(kit: Instance): void {
	const result = planKitInstall(kit, game);
	if (!result.ok) error(result.message);
	const outcome = applyProposal(
		applying(result.plan.operations, result.plan.summary),
		{ ...createStudioApi(), lessonKit: kit },
		() => 1,
	);
	if (!outcome.ok) error(outcome.error.message);
	if (outcome.proposal.state !== "applied")
		error(`the install did not apply: ${outcome.proposal.state} ${outcome.proposal.reason ?? ""}`);
}

function plan(kit: Instance) {
	const result = planKitInstall(kit, game);
	if (!result.ok) error(result.message);
	return result.plan;
}

function message(kit: Instance): string {
	const result = planKitInstall(kit, game);
	if (result.ok) error(`expected the plan to fail, got ${result.plan.status}`);
	return result.message;
}

export = () => {
	const kits = new Array<Instance>();
	const kit = (version: string, moduleSource?: string) => {
		const made = fakeKit(version, moduleSource);
		kits.push(made);
		return made;
	};

	beforeEach(() => {
		for (const root of installedRoots()) root.Destroy();
	});
	afterEach(() => {
		if (history.IsRecordingInProgress()) history.FinishRecording("", Enum.FinishRecordingOperation.Cancel);
		for (const root of installedRoots()) root.Destroy();
		for (const made of kits) made.Destroy();
		kits.clear();
	});

	describe("parseKitVersion", () => {
		it("reads major.minor.patch with or without a build", () => {
			expect(parseKitVersion("1.2.3+abc")?.parts.join(".")).to.equal("1.2.3");
			expect(parseKitVersion("10.0.7")?.parts.join(".")).to.equal("10.0.7");
			expect(parseKitVersion("v1")).to.equal(undefined);
		});
	});

	describe("a place without the kit", () => {
		it("gets one operation naming the kit's version and where each root goes, not the scripts' text", () => {
			const result = plan(kit("1.0.0+aaa"));
			expect(result.status).to.equal("install");
			expect(result.summary).to.equal("Install the Vector lesson kit 1.0.0+aaa");
			expect(result.operations.size()).to.equal(1);
			const operation = result.operations[0] as Operation;
			if (operation.kind !== "install_kit") throw `expected install_kit, got ${operation.kind}`;
			expect(operation.kitVersion).to.equal("1.0.0+aaa");
			const lines = operation.roots.map((root) => `${root.containers.join("/")} -> ${root.parentPath}: ${root.scripts}`);
			expect(lines.join("\n")).to.equal(
				["ServerStorage -> ServerStorage: 1", "ReplicatedStorage -> ReplicatedStorage: 1", "ServerScriptService -> ServerScriptService: 1"].join("\n"),
			);
		});

		it("ends up with the kit after the proposal is applied, as one undo step, scripts enabled", () => {
			install(kit("1.0.0+aaa"));
			expect(installedVersion()).to.equal("1.0.0+aaa");
			const module = game
				.GetService("ServerStorage")
				.FindFirstChild(KIT_ROOT)!
				.FindFirstChild("quiz-server") as ModuleScript;
			expect(module.Source).to.equal("return { answer = 42 }");
			const shared = game.GetService("ReplicatedStorage").FindFirstChild(KIT_ROOT)!.FindFirstChild("shared")!;
			expect(shared.FindFirstChild("a/b")).to.be.ok();
			const boot = game.GetService("ServerScriptService").FindFirstChild(KIT_ROOT) as Script;
			expect(boot.Source).to.equal("print('kit started')");
			expect(boot.Disabled).to.equal(false);
			history.Undo();
			expect(installedRoots().size()).to.equal(0);
		});
	});

	describe("a place with a kit", () => {
		it("is left alone when it has this version", () => {
			install(kit("1.0.0+aaa"));
			const again = plan(kit("1.0.0+aaa"));
			expect(again.status).to.equal("current");
			expect(again.operations.size()).to.equal(0);
			expect(again.summary).to.equal("The lesson kit 1.0.0+aaa is already installed");
		});

		it("gets an older kit replaced: old roots deleted first, then the new kit copied", () => {
			install(kit("1.0.0+aaa", "return 'old'"));
			const upgrade = plan(kit("1.1.0+bbb", "return 'new'"));
			expect(upgrade.status).to.equal("upgrade");
			expect(upgrade.installedVersion).to.equal("1.0.0+aaa");
			expect(upgrade.summary).to.equal("Update the Vector lesson kit from 1.0.0+aaa to 1.1.0+bbb");
			const deletes = upgrade.operations
				.filter((o) => o.kind === "delete_instance")
				.map((o) => (o.kind === "delete_instance" ? o.path : ""));
			expect(deletes.join(",")).to.equal(
				`ServerStorage/${KIT_ROOT},ReplicatedStorage/${KIT_ROOT},ServerScriptService/${KIT_ROOT}`,
			);
			expect(upgrade.operations[0].kind).to.equal("delete_instance");
			expect(upgrade.operations[3].kind).to.equal("install_kit");
			install(kit("1.1.0+bbb", "return 'new'"));
			expect(installedVersion()).to.equal("1.1.0+bbb");
			expect(installedRoots().size()).to.equal(3);
			const module = game
				.GetService("ServerStorage")
				.FindFirstChild(KIT_ROOT)!
				.FindFirstChild("quiz-server") as ModuleScript;
			expect(module.Source).to.equal("return 'new'");
		});

		it("replaces a kit of the same version with other contents (another build)", () => {
			install(kit("1.0.0+aaa"));
			expect(plan(kit("1.0.0+ccc")).status).to.equal("upgrade");
		});

		it("repairs a kit of this version with a part missing", () => {
			install(kit("1.0.0+aaa"));
			game.GetService("ServerStorage").FindFirstChild(KIT_ROOT)!.Destroy();
			const repair = plan(kit("1.0.0+aaa"));
			expect(repair.status).to.equal("repair");
			expect(repair.operations.filter((o) => o.kind === "delete_instance").size()).to.equal(2);
		});

		it("keeps a newer kit", () => {
			install(kit("2.0.0+new"));
			const older = plan(kit("1.9.9+old"));
			expect(older.status).to.equal("newer_installed");
			expect(older.operations.size()).to.equal(0);
		});
	});

	describe("applying", () => {
		it("refuses when the plugin's kit changed between proposal and approval, changing nothing", () => {
			const proposed = plan(kit("1.0.0+aaa"));
			const outcome = applyProposal(
				applying(proposed.operations, proposed.summary),
				{ ...createStudioApi(), lessonKit: kit("1.0.1+bbb") },
				() => 1,
			);
			if (!outcome.ok) error(outcome.error.message);
			expect(outcome.proposal.state).to.equal("failed");
			expect(
				outcome.proposal.reason!.find("lesson kit is now 1.0.1+bbb, not the 1.0.0+aaa this proposal was made with", 1, true)[0] !== undefined,
			).to.equal(true);
			expect(installedRoots().size()).to.equal(0);
		});

		it("refuses to copy over a kit root that appeared meanwhile, leaving the others out too", () => {
			const proposed = plan(kit("1.0.0+aaa"));
			const squatter = make("Folder", KIT_ROOT, game.GetService("ServerScriptService"));
			const outcome = applyProposal(
				applying(proposed.operations, proposed.summary),
				{ ...createStudioApi(), lessonKit: kits[kits.size() - 1] },
				() => 1,
			);
			if (!outcome.ok) error(outcome.error.message);
			expect(outcome.proposal.state).to.equal("failed");
			expect(installedRoots().size()).to.equal(1);
			expect(installedRoots()[0]).to.equal(squatter);
		});
	});

	describe("what it refuses", () => {
		it("never deletes a VectorLessonKit that is not a kit", () => {
			const stranger = make("Folder", KIT_ROOT, game.GetService("ReplicatedStorage"));
			expect(message(kit("1.0.0+aaa"))).to.equal(
				`ReplicatedStorage/${KIT_ROOT} is not a Vector lesson kit (no KitVersion in ReplicatedStorage/${KIT_ROOT}); ` +
					"rename or remove it so the kit can be installed",
			);
			expect(stranger.Parent).to.equal(game.GetService("ReplicatedStorage"));
		});

		it("refuses two roots in one service", () => {
			make("Folder", KIT_ROOT, game.GetService("ServerStorage"));
			make("Folder", KIT_ROOT, game.GetService("ServerStorage"));
			expect(message(kit("1.0.0+aaa"))).to.equal(
				`ServerStorage has 2 children named ${KIT_ROOT}; keep one (or none) so the kit can be installed`,
			);
		});

		it("refuses a kit whose container is missing from the place", () => {
			const odd = kit("1.0.0+aaa");
			make("Folder", KIT_ROOT, make("Folder", "NoSuchContainer", make("Folder", "Workspace", odd)));
			expect(message(odd)).to.equal("the place has no Workspace/NoSuchContainer, where the kit goes");
		});

		it("refuses a kit without a version, or with something that is not copied", () => {
			const noVersion = kit("1.0.0+aaa");
			noVersion.FindFirstChild("ReplicatedStorage")!.FindFirstChild(KIT_ROOT)!.FindFirstChild("KitVersion")!.Destroy();
			expect(message(noVersion)).to.equal(
				"the plugin's lesson kit has no KitVersion (major.minor.patch) in its ReplicatedStorage root",
			);
			const withPart = kit("1.0.0+aaa");
			make("Part", "Brick", withPart.FindFirstChild("ServerStorage")!.FindFirstChild(KIT_ROOT));
			expect(message(withPart).find("holds a Part", 1, true)[0]).to.be.ok();
		});
	});

	describe("the plugin's own kit", () => {
		// The built plugin carries LessonKit beside plugin/ (plugin/build/lesson-kit.ts).
		const pluginKit = script.Parent?.Parent?.Parent?.FindFirstChild(PLUGIN_KIT_FOLDER);
		const itWithKit = pluginKit ? it : itSKIP;

		itWithKit("installs: every script copied with its source, the version stamped by the build", () => {
			const copy = pluginKit!.Clone();
			kits.push(copy);
			// A place made in Studio has StarterPlayer.StarterPlayerScripts; without it, leave that root out.
			const starterPlayer = game.GetService("StarterPlayer");
			if (starterPlayer.FindFirstChild("StarterPlayerScripts") === undefined)
				copy.FindFirstChild("StarterPlayer")?.Destroy();
			const result = plan(copy);
			expect(result.kitVersion.match("^%d+%.%d+%.%d+%+%x+$")[0]).to.be.ok();
			install(copy);
			expect(installedVersion()).to.equal(result.kitVersion);
			const expectSameTree = (from: Instance, to: Instance) => {
				expect(to.ClassName).to.equal(from.ClassName);
				if (from.IsA("LuaSourceContainer")) expect((to as ModuleScript).Source).to.equal((from as ModuleScript).Source);
				expect(to.GetChildren().size()).to.equal(from.GetChildren().size());
				for (const child of from.GetChildren()) expectSameTree(child, to.FindFirstChild(child.Name)!);
			};
			for (const service of SERVICES) {
				expectSameTree(
					copy.FindFirstChild(service)!.FindFirstChild(KIT_ROOT)!,
					game.GetService(service).FindFirstChild(KIT_ROOT)!,
				);
			}
		});
	});
};
