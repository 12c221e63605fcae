/// <reference types="@rbxts/testez/globals" />
import { Workspace } from "@rbxts/services";
import { callTool, contains, errorOf, resultOf } from "./dev/call-tool";
import { makeFolder, makePart, makeScript, SpecStudio, toolSpecFixture } from "./dev/spec-studio";
import { ToolContext } from "./tool";

export = () => {
	let studio: SpecStudio;
	let context: ToolContext;
	let root: Folder;
	const path = "Workspace/VectorToolsSpec";
	beforeEach(() => {
		({ studio, context, root } = toolSpecFixture());
		const server = makeFolder("Server", root);
		makeScript(
			studio,
			"Script",
			"Main",
			server,
			'local remote = Instance.new("RemoteEvent")\nremote.OnServerEvent:Connect(function() end)\n',
		);
		makeScript(studio, "ModuleScript", "Config", root, 'return {\n\tRemoteName = "Fire",\n\tSpeed = 16,\n}');
		makeScript(studio, "LocalScript", "Client", root, "-- remote events go here\nlocal speed = 16");
	});
	afterEach(() => root.Destroy());

	it("finds plain text case-insensitively with paths and 1-based lines", () => {
		expect(resultOf(callTool(context, "search_scripts", { query: "remote", path }))).to.equal(
			`4 matching lines in 3 of 3 scripts below "${path}":\n` +
				`${path}/Server/Main:1: local remote = Instance.new("RemoteEvent")\n` +
				`${path}/Server/Main:2: remote.OnServerEvent:Connect(function() end)\n` +
				`${path}/Config:2: RemoteName = "Fire",\n` +
				`${path}/Client:1: -- remote events go here`,
		);
	});

	it("counts a line with several matches once and numbers CRLF lines like LF ones", () => {
		makeScript(studio, "ModuleScript", "Crlf", root, "local a = 1\r\nlocal ab, abc = 2, 3\r\n\r\nreturn ab");
		expect(resultOf(callTool(context, "search_scripts", { query: "ab", path: `${path}/Crlf` }))).to.equal(
			`2 matching lines in 1 of 1 script below "${path}/Crlf":\n` +
				`${path}/Crlf:2: local ab, abc = 2, 3\n` +
				`${path}/Crlf:4: return ab`,
		);
	});

	it("matches case when asked, and treats pattern characters literally in plain mode", () => {
		expect(resultOf(callTool(context, "search_scripts", { query: "Remote", caseSensitive: true, path }))).to.equal(
			`2 matching lines in 2 of 3 scripts below "${path}":\n` +
				`${path}/Server/Main:1: local remote = Instance.new("RemoteEvent")\n` +
				`${path}/Config:2: RemoteName = "Fire",`,
		);
		expect(resultOf(callTool(context, "search_scripts", { query: "new(", path }))).to.equal(
			`1 matching line in 1 of 3 scripts below "${path}":\n${path}/Server/Main:1: local remote = Instance.new("RemoteEvent")`,
		);
	});

	it("searches with Luau patterns, keeping escape classes intact when ignoring case", () => {
		const text = resultOf(callTool(context, "search_scripts", { query: "SPEED%s*=%s*%d+", pattern: true, path }));
		expect(text).to.equal(
			`2 matching lines in 2 of 3 scripts below "${path}":\n${path}/Config:3: Speed = 16,\n${path}/Client:2: local speed = 16`,
		);
		// %S (not a space) must not become %s when the pattern is lowered.
		expect(
			resultOf(callTool(context, "search_scripts", { query: "^%S+$", pattern: true, path: `${path}/Config` })),
		).to.equal(`1 matching line in 1 of 1 script below "${path}/Config":\n${path}/Config:4: }`);
	});

	it("reads the editor's text, drafts included", () => {
		studio.texts.set(root.FindFirstChild("Client") as LocalScript, "local draftOnly = true");
		expect(
			contains(
				resultOf(callTool(context, "search_scripts", { query: "draftOnly", path })),
				"Client:1: local draftOnly",
			),
		).to.equal(true);
	});

	it("searches the whole place without a path", () => {
		expect(
			contains(
				resultOf(callTool(context, "search_scripts", { query: "OnServerEvent:Connect(function() end)" })),
				`${path}/Server/Main:2:`,
			),
		).to.equal(true);
	});

	it("says when nothing matches", () => {
		expect(resultOf(callTool(context, "search_scripts", { query: "zzz", path }))).to.equal(
			`No matches in 3 scripts below "${path}".`,
		);
	});

	it("caps the listed matches and counts the rest", () => {
		const lines = new Array<string>();
		for (let i = 1; i <= 150; i++) lines.push(`print("hit ${i}")`);
		makeScript(studio, "Script", "Noisy", root, lines.join("\n"));
		const text = resultOf(callTool(context, "search_scripts", { query: "hit", path }));
		expect(contains(text, "150 matching lines in 1 of 4 scripts")).to.equal(true);
		expect(contains(text, `${path}/Noisy:100: print("hit 100")`)).to.equal(true);
		expect(contains(text, `${path}/Noisy:101:`)).to.equal(false);
		expect(
			contains(
				text,
				"[cut: 50 more matching lines not shown; narrow the request with a more specific query or a path]",
			),
		).to.equal(true);
	});

	it("reports a malformed pattern and a bad path as errors", () => {
		expect(errorOf(callTool(context, "search_scripts", { query: "[a-", pattern: true, path }))).to.equal(
			"query is not a valid Luau string pattern: malformed pattern (missing ']')",
		);
		expect(
			errorOf(callTool(context, "search_scripts", { query: "x", path: `${path}/Nope` })).find(
				'path: no child named "Nope"',
				1,
				true,
			)[0],
		).to.equal(1);
		expect(errorOf(callTool(context, "search_scripts", { query: "" }))).to.equal(
			"Invalid arguments for search_scripts: query: expected a string of 1–500 characters, got an empty string",
		);
		makePart("Floor", root);
		expect(resultOf(callTool(context, "search_scripts", { query: "x", path: `${path}/Floor` }))).to.equal(
			`No matches in 0 scripts below "${path}/Floor".`,
		);
	});
};
