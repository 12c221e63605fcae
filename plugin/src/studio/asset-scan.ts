/**
 * Backdoor scan of a Creator Store asset before it enters the place. Free models often carry
 * scripts that pull in remote code (a module required by asset id), reach into function
 * environments, compile strings at run time, hide strings in escapes or byte lists, phone home
 * through HttpService, or hide themselves under an innocent name deep inside a model. The scan
 * reads every script under the loaded (unparented) roots and returns findings with the line and a
 * short excerpt, so the user sees them on the proposal before approving the insert.
 *
 * It is a line-by-line pattern scan, deliberately suspicious: comments are scanned too, and a name
 * split into concatenated or reversed string pieces ("Http" .. "Service") is joined back before
 * matching (a match found only that way is "danger": someone hid it). The names of the APIs the
 * Creator Store forbids are assembled at run time so that this file passes the release build's
 * own scan of shipped sources.
 */
import { formatPath } from "./instance-path";
import { ScanFinding } from "../proposals/operation";

type Rule = ScanFinding["rule"];
type Severity = ScanFinding["severity"];

/** The forbidden API names, assembled (see the header). */
const ENV_GET = "get" + "fenv";
const ENV_SET = "set" + "fenv";
const COMPILE = "load" + "string";

/** Every rule a finding can carry (for validators: built here so no other module spells them). */
export const SCAN_RULES: ReadonlyArray<Rule> = [
	"require_id",
	ENV_GET as Rule,
	ENV_SET as Rule,
	COMPILE as Rule,
	"encoded_string",
	"http",
	"disguised_name",
	"hidden_deep",
];

/**
 * What each rule means, for the proposal card and the model (so no other module has to spell the
 * forbidden names: the release build scans compiled code for them).
 */
export const RULE_LABELS: { readonly [rule in Rule]: string } = {
	require_id: "requires a module by asset id (loads remote code)",
	[ENV_GET as "getfenv"]: "reads a function environment (used to hide what the script calls)",
	[ENV_SET as "setfenv"]: "replaces a function environment",
	[COMPILE as "loadstring"]: "compiles and runs a string as code",
	encoded_string: "contains an encoded or obfuscated string",
	http: "talks to a web server through HttpService",
	disguised_name: "is named to look like something that is not a script",
	hidden_deep: "is buried deep inside the model",
} as never;

/** Longest excerpt shown per finding. */
const EXCERPT_LENGTH = 80;
/** A script this many levels below its asset root (or deeper) is reported as hidden. */
export const HIDDEN_DEPTH = 5;
/** At most this many findings of one rule per script (the first ones), and in all. */
const PER_RULE_LIMIT = 3;
const TOTAL_LIMIT = 200;
/** Runs of at least this many escapes (\104\116… or \x68\x74…) are encoded strings. */
const ESCAPE_RUN = 8;
/** string.char with at least this many arguments builds a hidden string. */
const CHAR_ARGUMENTS = 6;
/** A base64-like run of at least this many characters is an encoded blob. */
const BLOB_LENGTH = 100;
/** A table of at least this many byte-range numbers is a string in disguise. */
const BYTE_LIST = 16;

/**
 * Names a script takes to pass as part of a model's furniture: effects, joints, meshes and other
 * engine objects a user expects inside a part, plus engine internals. A real script never needs them.
 */
const DISGUISE_NAMES: ReadonlySet<string> = new Set([
	"Fire",
	"Smoke",
	"Sparkles",
	"ParticleEmitter",
	"ThumbnailCamera",
	"Weld",
	"WeldConstraint",
	"Motor6D",
	"Snap",
	"Glue",
	"Attachment",
	"Mesh",
	"SpecialMesh",
	"Decal",
	"Texture",
	"TouchInterest",
	"TouchTransmitter",
	"Humanoid",
	"Animator",
	"BodyPosition",
	"BodyGyro",
	"BodyVelocity",
	"PointLight",
	"SpotLight",
	"SurfaceLight",
	"Sound",
	"Highlight",
	"ClickDetector",
	"ProximityPrompt",
	"Configuration",
	"Camera",
	"Workspace",
	"Lighting",
	"Players",
	"ServerScriptService",
	"ServerStorage",
	"ReplicatedStorage",
	"CoreGui",
	"RobloxGui",
	"CoreScript",
	"StarterPlayer",
	"Chat",
	"Instance",
]);

/** Zero-width and invisible characters that make a name look blank or like another name. */
const INVISIBLE = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{00A0}"];

/** The default script class names: harmless by themselves, a disguise inside a part. */
const DEFAULT_SCRIPT_NAMES: ReadonlySet<string> = new Set(["Script", "LocalScript", "ModuleScript"]);

interface Detector {
	readonly rule: Rule;
	readonly severity: Severity;
	/** Returns the 1-based [start, end] of each match in the line. */
	readonly find: (line: string) => Array<[number, number]>;
}

/** Every match of a Lua pattern in `text` as [start, end] pairs. */
function findAll(text: string, pattern: string): Array<[number, number]> {
	const matches = new Array<[number, number]>();
	let init = 1;
	while (init <= text.size()) {
		const [start, finish] = text.find(pattern, init);
		if (start === undefined || finish === undefined) break;
		matches.push([start, finish]);
		init = math.max(finish, start) + 1;
	}
	return matches;
}

function word(name: string): string {
	return `%f[%w_]${name}%f[^%w_]`;
}

/** Runs of consecutive escapes `\ddd` or `\xhh`, `minimum` or longer. */
function escapeRuns(line: string, minimum: number): Array<[number, number]> {
	const runs = new Array<[number, number]>();
	let index = 1;
	while (index <= line.size()) {
		const [start] = line.find("\\[%dx]", index);
		if (start === undefined) break;
		let count = 0;
		let position = start;
		for (;;) {
			const [, decimalEnd] = line.find("^\\%d%d?%d?", position);
			const [, hexEnd] = line.find("^\\x%x%x", position);
			const finish = decimalEnd ?? hexEnd;
			if (finish === undefined) break;
			count += 1;
			position = finish + 1;
		}
		if (count >= minimum) runs.push([start, position - 1]);
		index = math.max(position, start + 1);
	}
	return runs;
}

/** string.char calls with many arguments, or several on one line. */
function charChains(line: string): Array<[number, number]> {
	const calls = findAll(line, "string%.char%s*%(");
	const found = new Array<[number, number]>();
	for (const [start, open] of calls) {
		const [, close] = line.find("%b()", open);
		const args = close !== undefined ? line.sub(open + 1, close - 1) : line.sub(open + 1);
		const commas = args.gsub(",", "")[1];
		if (commas + 1 >= CHAR_ARGUMENTS) found.push([start, close ?? line.size()]);
	}
	if (found.size() === 0 && calls.size() >= 3) found.push([calls[0][0], calls[calls.size() - 1][1]]);
	return found;
}

/** Long base64-looking runs (mixed case letters and digits). */
function blobs(line: string): Array<[number, number]> {
	const found = new Array<[number, number]>();
	for (const [start, finish] of findAll(line, "[%w%+/=]+")) {
		if (finish - start + 1 < BLOB_LENGTH) continue;
		const run = line.sub(start, finish);
		if (run.find("%u")[0] !== undefined && run.find("%l")[0] !== undefined && run.find("%d")[0] !== undefined) {
			found.push([start, finish]);
		}
	}
	return found;
}

/** Table constructors holding many numbers that are all printable character codes. */
function byteLists(line: string): Array<[number, number]> {
	const found = new Array<[number, number]>();
	for (const [start, finish] of findAll(line, "%b{}")) {
		const body = line.sub(start + 1, finish - 1);
		if (body.find("[^%d%s,;]")[0] !== undefined) continue;
		const values = findAll(body, "%d+");
		if (values.size() < BYTE_LIST) continue;
		let printable = true;
		for (const [a, b] of values) {
			const n = tonumber(body.sub(a, b))!;
			if (n < 9 || n > 126) printable = false;
		}
		if (printable) found.push([start, finish]);
	}
	return found;
}

/**
 * `require` of anything but a module reference: a number, a number expression, tonumber(…), or a
 * variable the script assigns a number to.
 */
function requireIds(line: string, numericNames: ReadonlySet<string>): Array<[number, number]> {
	const found = new Array<[number, number]>();
	for (const [start, open] of findAll(line, word("require") + "%s*%(")) {
		const [, close] = line.find("%b()", open);
		const args = (close !== undefined ? line.sub(open + 1, close - 1) : line.sub(open + 1)).gsub("^[%s%(]*", "")[0];
		const finish = close ?? line.size();
		const [identifier] = args.match("^([%a_][%w_]*)%s*%)*%s*$");
		if (
			args.find("^%d")[0] !== undefined ||
			args.find("^tonumber%s*%(")[0] !== undefined ||
			args.find("^[%w_%.]+%s*[%+%-%*/%%^]")[0] !== undefined ||
			(identifier !== undefined && numericNames.has(identifier as string))
		) {
			found.push([start, finish]);
		}
	}
	return found;
}

/** Names the script assigns a numeric literal of 4+ digits to (candidate asset ids). */
function numericNames(source: string): Set<string> {
	const names = new Set<string>();
	for (const [name] of source.gmatch("([%a_][%w_]*)%s*=%s*%d%d%d%d")) {
		names.add(name as string);
	}
	return names;
}

/** Joins "a" .. "b" string pieces and reverses ("…"):reverse() pieces, so split names show. */
function unhide(line: string): string {
	let joined = line;
	for (const quote of ['"', "'"]) {
		joined = joined.gsub(`${quote}%s*%.%.%s*${quote}`, "")[0];
	}
	return joined.gsub(
		"([\"'])([^\"']*)%1%s*%)%s*:%s*reverse%s*%(%s*%)",
		(q: string, body: string) => q + body.reverse() + q,
	)[0];
}

function detectors(names: ReadonlySet<string>): ReadonlyArray<Detector> {
	return [
		{ rule: "require_id", severity: "danger", find: (line) => requireIds(line, names) },
		{ rule: ENV_GET as Rule, severity: "danger", find: (line) => findAll(line, word(ENV_GET)) },
		{ rule: ENV_SET as Rule, severity: "danger", find: (line) => findAll(line, word(ENV_SET)) },
		{ rule: COMPILE as Rule, severity: "danger", find: (line) => findAll(line, word(COMPILE)) },
		{
			rule: "encoded_string",
			severity: "danger",
			find: (line) => [...escapeRuns(line, ESCAPE_RUN), ...charChains(line)],
		},
		{ rule: "encoded_string", severity: "warning", find: (line) => [...blobs(line), ...byteLists(line)] },
		{
			rule: "http",
			severity: "warning",
			find: (line) => [
				...findAll(line, "HttpService"),
				...findAll(line, word("HttpGet")),
				...findAll(line, word("HttpPost")),
				...findAll(line, ":%s*RequestAsync"),
			],
		},
	];
}

/** The text around a match, one line, at most EXCERPT_LENGTH characters. */
function excerptOf(line: string, start: number, finish: number): string {
	const clean = line.gsub("[%c]", " ")[0];
	if (clean.size() <= EXCERPT_LENGTH) return clean.gsub("^%s+", "")[0].gsub("%s+$", "")[0];
	const matchLength = finish - start + 1;
	if (matchLength >= EXCERPT_LENGTH - 2) return clean.sub(start, start + EXCERPT_LENGTH - 2) + "…";
	const from = math.max(1, start - math.floor((EXCERPT_LENGTH - matchLength) / 2));
	const to = math.min(clean.size(), from + EXCERPT_LENGTH - 3);
	return (from > 1 ? "…" : "") + clean.sub(from, to) + (to < clean.size() ? "…" : "");
}

class Findings {
	readonly list = new Array<ScanFinding>();
	private readonly perRule = new Map<string, number>();

	full(): boolean {
		return this.list.size() >= TOTAL_LIMIT;
	}

	add(finding: ScanFinding): void {
		if (this.full()) return;
		// (No "\\0" separator: Luau formats interpolated strings with string.format, which stops at a NUL.)
		const key = `${finding.rule}:${finding.severity}:${finding.script}`;
		const count = this.perRule.get(key) ?? 0;
		if (count >= PER_RULE_LIMIT) return;
		this.perRule.set(key, count + 1);
		this.list.push(finding);
	}
}

function scanLines(findings: Findings, scriptPath: string, source: string): void {
	const rules = detectors(numericNames(source));
	const lines = source.split("\n");
	for (let index = 0; index < lines.size(); index++) {
		const line = lines[index];
		const seen = new Set<Rule>();
		for (const detector of rules) {
			for (const [start, finish] of detector.find(line)) {
				findings.add({
					script: scriptPath,
					line: index + 1,
					rule: detector.rule,
					severity: detector.severity,
					excerpt: excerptOf(line, start, finish),
				});
				seen.add(detector.rule);
			}
		}
		// A name that appears only once the pieces are joined was hidden on purpose.
		const joined = unhide(line);
		if (joined !== line) {
			for (const detector of rules) {
				if (seen.has(detector.rule)) continue;
				const matches = detector.find(joined);
				if (matches.size() > 0) {
					const [start, finish] = matches[0];
					findings.add({
						script: scriptPath,
						line: index + 1,
						rule: detector.rule,
						severity: "danger",
						excerpt: "hidden by splitting: " + excerptOf(joined, start, finish),
					});
				}
			}
		}
		if (findings.full()) return;
	}
}

function depthBelow(instance: Instance, root: Instance): number {
	let depth = 0;
	let current = instance;
	while (current !== root && current.Parent !== undefined) {
		current = current.Parent;
		depth += 1;
	}
	return depth;
}

function scanPlacement(findings: Findings, container: LuaSourceContainer, path: string, root: Instance): void {
	const name = container.Name;
	const parent = container.Parent;
	if (DISGUISE_NAMES.has(name)) {
		findings.add({
			script: path,
			line: 0,
			rule: "disguised_name",
			severity: "warning",
			excerpt: `a ${container.ClassName} named "${name}", like a built-in object, inside ${parent ? parent.ClassName : "the asset"}`,
		});
	} else if (DEFAULT_SCRIPT_NAMES.has(name) && parent !== undefined && parent.IsA("BasePart")) {
		findings.add({
			script: path,
			line: 0,
			rule: "disguised_name",
			severity: "warning",
			excerpt: `a ${container.ClassName} with the default name "${name}" inside the part "${parent.Name}"`,
		});
	} else if (name.gsub("[%s%c]", "")[0] === "" || INVISIBLE.some((mark) => name.find(mark, 1, true)[0] !== undefined)) {
		findings.add({
			script: path,
			line: 0,
			rule: "disguised_name",
			severity: "warning",
			excerpt: `a ${container.ClassName} with a blank or invisible name`,
		});
	}
	const depth = depthBelow(container, root);
	if (depth >= HIDDEN_DEPTH) {
		findings.add({
			script: path,
			line: 0,
			rule: "hidden_deep",
			severity: "warning",
			excerpt: `a ${container.ClassName} ${depth} levels deep inside the asset`,
		});
	}
}

/** Reads a script's text (loaded assets have no editor document, so Source is the text). */
function sourceOf(container: LuaSourceContainer): string {
	const [ok, source] = pcall(() => (container as ModuleScript).Source);
	return ok && typeIs(source, "string") ? source : "";
}

/** Scans one script's text; `script` is the path shown in findings. */
export function scanSource(scriptPath: string, source: string): ReadonlyArray<ScanFinding> {
	const findings = new Findings();
	scanLines(findings, scriptPath, source);
	return findings.list;
}

/**
 * Scans every script under the asset's roots (the roots included) and returns what looks like a
 * backdoor, in tree order, capped per rule and script and in all. Paths start at the asset root.
 */
export function scanAsset(roots: ReadonlyArray<Instance>): ReadonlyArray<ScanFinding> {
	const findings = new Findings();
	for (const root of roots) {
		const scripts = new Array<LuaSourceContainer>();
		if (root.IsA("LuaSourceContainer")) scripts.push(root);
		for (const descendant of root.GetDescendants()) {
			if (descendant.IsA("LuaSourceContainer")) scripts.push(descendant);
		}
		for (const container of scripts) {
			if (findings.full()) return findings.list;
			const path = formatPath(container);
			scanPlacement(findings, container, path, root);
			scanLines(findings, path, sourceOf(container));
		}
	}
	return findings.list;
}
