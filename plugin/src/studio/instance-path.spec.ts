/// <reference types="@rbxts/testez/globals" />
import { childPath, formatPath, resolvePath } from "./instance-path";

export = () => {
	let root: Folder;
	beforeEach(() => {
		root = new Instance("Folder");
		root.Name = "VectorPathSpec";
		root.Parent = game.GetService("ReplicatedStorage");
	});
	afterEach(() => root.Destroy());

	const make = (name: string, parent: Instance) => {
		const folder = new Instance("Folder");
		folder.Name = name;
		folder.Parent = parent;
		return folder;
	};

	const resolved = (path: string) => {
		const result = resolvePath(game, path);
		if (!result.ok) throw result.message;
		return result.instance;
	};

	const failure = (path: string) => {
		const result = resolvePath(game, path);
		return result.ok ? "resolved" : result.message;
	};

	it("formats a path from the service down and resolves it back", () => {
		const door = make("Door", make("Map", root));
		expect(formatPath(door)).to.equal("ReplicatedStorage/VectorPathSpec/Map/Door");
		expect(resolved("ReplicatedStorage/VectorPathSpec/Map/Door")).to.equal(door);
	});

	it("names the DataModel game", () => {
		expect(formatPath(game)).to.equal("game");
		expect(resolved("game")).to.equal(game);
	});

	it("keeps dots in names, which Roblox's full names cannot", () => {
		const dotted = make("v1.2", root);
		expect(formatPath(dotted)).to.equal("ReplicatedStorage/VectorPathSpec/v1.2");
		expect(resolved(formatPath(dotted))).to.equal(dotted);
	});

	it("escapes slashes, brackets and backslashes inside names", () => {
		for (const name of ["a/b", "[x]", "back\\slash", "a[1]"]) {
			const child = make(name, root);
			expect(resolved(formatPath(child))).to.equal(child);
		}
		expect(formatPath(make("a/b", make("sub", root)))).to.equal("ReplicatedStorage/VectorPathSpec/sub/a\\/b");
	});

	it("names a child that does not exist yet the way formatPath will once it does", () => {
		expect(childPath("ReplicatedStorage/VectorPathSpec", "@rbxts")).to.equal("ReplicatedStorage/VectorPathSpec/@rbxts");
		expect(childPath("ReplicatedStorage", "a/b[1]")).to.equal("ReplicatedStorage/a\\/b\\[1\\]");
		expect(childPath("game", "Workspace")).to.equal("Workspace");
		const child = make("x/y", root);
		expect(childPath(formatPath(root), "x/y")).to.equal(formatPath(child));
	});

	it("indexes siblings that share a name, and requires the index then", () => {
		const first = make("Part", root);
		const second = make("Part", root);
		expect(formatPath(first)).to.equal("ReplicatedStorage/VectorPathSpec/Part[1]");
		expect(formatPath(second)).to.equal("ReplicatedStorage/VectorPathSpec/Part[2]");
		expect(resolved("ReplicatedStorage/VectorPathSpec/Part[2]")).to.equal(second);
		expect(failure("ReplicatedStorage/VectorPathSpec/Part")).to.equal(
			'"ReplicatedStorage/VectorPathSpec" has 2 children named "Part": add an index, e.g. "Part[1]" … "Part[2]"',
		);
		expect(failure("ReplicatedStorage/VectorPathSpec/Part[3]")).to.equal(
			'"ReplicatedStorage/VectorPathSpec" has 2 children named "Part", so [3] does not exist',
		);
	});

	it("says which segment is missing and what is there instead", () => {
		make("Alpha", root);
		expect(failure("ReplicatedStorage/VectorPathSpec/Beta")).to.equal(
			'no child named "Beta" under "ReplicatedStorage/VectorPathSpec"; its children: Alpha',
		);
	});

	it("rejects malformed paths with a reason", () => {
		expect(failure("").find("empty path", 1, true)[0]).to.be.ok();
		expect(failure("Workspace/a]").find('unexpected "]"', 1, true)[0]).to.be.ok();
		expect(failure("Workspace/a[x]").find('"[" must start an index', 1, true)[0]).to.be.ok();
		expect(failure("Workspace/a[0]").find("indices start at 1", 1, true)[0]).to.be.ok();
		expect(failure("Workspace/a\\").find('ends with a lone "\\"', 1, true)[0]).to.be.ok();
	});
};
