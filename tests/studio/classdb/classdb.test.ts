// Why this exists: the headless Studio trusts the generated class database and defaults for Instance.new, IsA,
// property types and Enum; these tests pin them to facts of the real engine, check that the Luau the VM loads decodes
// to exactly the model built from @rbxts/types, and that every hand-written default names a real property, type and
// enum item.

import { beforeAll, describe, expect, it } from "vitest";
import { LuauState } from "luau-web";
import { buildSources, loadInLuau, type Generated } from "./generate";
import { findProperty, validateDefaults } from "./validate";
import { DEFAULTS, type DefaultsTable } from "./defaults";
import { emitClassDb, emitDefaults } from "./emit";
import type { ClassDb, ClassInfo } from "./parse";

let gen: Generated;
let db: ClassDb;
let state: LuauState; // one state for the file: luau-web shares one fixed-size heap between all states

const chain = (name: string): string[] => {
	const out: string[] = [];
	for (let c: string | undefined = name; c; c = db.classes[c]?.superclass) out.push(c);
	return out;
};

beforeAll(async () => {
	gen = buildSources();
	db = gen.db;
	state = await LuauState.createAsync({});
}, 60_000);

describe("class tree", () => {
	it("has Instance as the root, with no superclass", () => {
		expect(db.classes.Instance).toBeDefined();
		expect(db.classes.Instance.superclass).toBeUndefined();
		const roots = Object.values(db.classes).filter((c) => c.superclass === undefined);
		expect(roots.map((c) => c.name)).toEqual(["Instance"]);
	});

	it("walks Part up to Instance through FormFactorPart, BasePart and PVInstance", () => {
		expect(chain("Part")).toEqual(["Part", "FormFactorPart", "BasePart", "PVInstance", "Instance"]);
	});

	it("names only superclasses that exist, without cycles", () => {
		for (const c of Object.values(db.classes)) {
			if (c.superclass !== undefined) expect(db.classes[c.superclass], `${c.name} -> ${c.superclass}`).toBeDefined();
			expect(chain(c.name).at(-1), c.name).toBe("Instance");
		}
	});

	it("folds Roblox's Object root (ClassName, Changed, IsA) into Instance", () => {
		expect(db.classes.Instance.properties.ClassName).toMatchObject({ type: "string", readOnly: true });
		expect(db.classes.Instance.events).toContain("Changed");
		expect(db.classes.Instance.methods).toEqual(expect.arrayContaining(["IsA", "GetPropertyChangedSignal", "FindFirstChild"]));
	});
});

describe("creatable classes and services", () => {
	it("marks Part creatable and not a service", () => {
		expect(db.classes.Part).toMatchObject({ creatable: true, service: false });
	});

	it("marks Workspace and ChangeHistoryService as services that cannot be created", () => {
		for (const name of ["Workspace", "ChangeHistoryService"]) expect(db.classes[name]).toMatchObject({ creatable: false, service: true });
	});

	it("knows ChangeHistoryService is a PluginSecurity class and Part is not", () => {
		expect(db.classes.ChangeHistoryService.security).toBe("PluginSecurity");
		expect(db.classes.Part.security).toBe("None");
	});

	it("never marks a service creatable", () => {
		expect(Object.values(db.classes).filter((c) => c.service && c.creatable)).toEqual([]);
	});
});

describe("properties", () => {
	it("types Script.Source as a string", () => {
		expect(findProperty(db, "Script", "Source")?.info.type).toBe("string");
	});

	it("types Frame.Size (declared on GuiObject) as UDim2", () => {
		expect(findProperty(db, "Frame", "Size")).toEqual({ owner: "GuiObject", info: { type: "UDim2" } });
	});

	it("types BasePart.Material as Enum Material", () => {
		expect(db.classes.BasePart.properties.Material).toEqual({ type: "Enum", enum: "Material" });
	});

	it("makes Instance.Parent a nullable Instance", () => {
		expect(db.classes.Instance.properties.Parent).toEqual({ type: "Instance", class: "Instance", nullable: true });
	});

	it("marks read-only properties", () => {
		expect(db.classes.BasePart.properties.Mass.readOnly).toBe(true);
		expect(db.classes.Workspace.properties.Terrain).toMatchObject({ type: "Instance", class: "Terrain", readOnly: true });
		expect(db.classes.BasePart.properties.Size.readOnly).toBeUndefined();
	});

	it("keeps a getter readable by all but writable only by plugins", () => {
		expect(db.classes.BaseScript.properties.RunContext).toEqual({ type: "Enum", enum: "RunContext", writeSecurity: "PluginSecurity" });
	});

	it("keeps narrower re-declarations (StringValue.Value) and drops identical ones", () => {
		expect(db.classes.StringValue.properties.Value).toEqual({ type: "string" });
		expect(db.classes.ObjectValue.properties.Value).toEqual({ type: "Instance", class: "Instance", nullable: true });
		expect(db.classes.Part.properties.Size).toBeUndefined();
	});

	it("maps string aliases and datatypes", () => {
		expect(findProperty(db, "MeshPart", "MeshId")?.info.type).toBe("string"); // ContentId
		expect(findProperty(db, "Part", "CFrame")?.info.type).toBe("CFrame");
		expect(findProperty(db, "TextLabel", "FontFace")?.info.type).toBe("Font");
		expect(findProperty(db, "ParticleEmitter", "Color")?.info.type).toBe("ColorSequence");
	});

	it("lists own methods, events and callbacks, sorted and without inherited ones", () => {
		const bp = db.classes.BasePart;
		expect(bp.events).toContain("Touched");
		expect(bp.methods).toContain("Resize");
		expect(db.classes.Part.methods).not.toContain("Resize");
		expect(db.classes.RemoteFunction.callbacks).toEqual(["OnClientInvoke", "OnServerInvoke"]);
		for (const c of Object.values(db.classes))
			for (const key of ["methods", "events", "callbacks"] as const) expect(c[key], `${c.name}.${key}`).toEqual([...c[key]].sort());
	});

	it("leaves no TS-only helper members", () => {
		for (const c of Object.values(db.classes)) {
			const names = [...Object.keys(c.properties), ...c.methods, ...c.events, ...c.callbacks];
			expect(names.filter((n) => n.startsWith("_nominal")), c.name).toEqual([]);
			expect(new Set(c.methods).size, c.name).toBe(c.methods.length);
		}
	});
});

describe("enums", () => {
	it("has RunContext with Plugin = 3", () => {
		expect(db.enums.RunContext).toEqual([
			{ name: "Legacy", value: 0 },
			{ name: "Server", value: 1 },
			{ name: "Client", value: 2 },
			{ name: "Plugin", value: 3 },
		]);
	});

	it("sorts every enum's items by value and gives every Enum property a known enum", () => {
		for (const [name, items] of Object.entries(db.enums)) expect(items.map((i) => i.value), name).toEqual(items.map((i) => i.value).sort((a, b) => a - b));
		for (const c of Object.values(db.classes))
			for (const [p, info] of Object.entries(c.properties)) if (info.type === "Enum") expect(db.enums[info.enum!], `${c.name}.${p}`).toBeDefined();
	});
});

/** One canonical line per class/enum; built independently from the JS model and from the decoded Luau tables. */
function canonicalJs(model: ClassDb): string {
	const lines: string[] = [`version ${model.version}`];
	const flag = (b: boolean | undefined) => (b ? "1" : "0");
	for (const name of Object.keys(model.classes).sort()) {
		const c: ClassInfo = model.classes[name];
		const props = Object.keys(c.properties)
			.sort()
			.map((p) => {
				const i = c.properties[p];
				return [p, i.type, i.enum ?? "", i.class ?? "", (i.classes ?? []).join("+"), flag(i.nullable), flag(i.readOnly), i.security ?? "", i.writeSecurity ?? ""].join(":");
			});
		lines.push([name, c.superclass ?? "", flag(c.creatable), flag(c.service), c.security, props.join(";"), c.methods.join(","), c.events.join(","), c.callbacks.join(",")].join("|"));
	}
	for (const name of Object.keys(model.enums).sort()) lines.push(`enum ${name} ${model.enums[name].map((i) => `${i.name}=${i.value}`).join(",")}`);
	return lines.join("\n");
}

const CANONICAL_LUAU = `
local db = ...
local function sortedKeys(t) local k = {} for key in t do table.insert(k, key) end table.sort(k) return k end
local function flag(b) return if b then "1" else "0" end
local lines = { "version " .. db.version }
for _, name in sortedKeys(db.classes) do
	local c = db.classes[name]
	local props = {}
	for _, p in sortedKeys(c.properties) do
		local i = c.properties[p]
		table.insert(props, table.concat({ p, i.type, i.enum or "", i.class or "", if i.classes then table.concat(i.classes, "+") else "",
			flag(i.nullable), flag(i.readOnly), i.security or "", i.writeSecurity or "" }, ":"))
	end
	table.insert(lines, table.concat({ name, c.superclass or "", flag(c.creatable), flag(c.service), c.security, table.concat(props, ";"),
		table.concat(c.methods, ","), table.concat(c.events, ","), table.concat(c.callbacks, ",") }, "|"))
end
for _, name in sortedKeys(db.enums) do
	local items = {}
	for _, i in db.enums[name] do table.insert(items, i.name .. "=" .. i.value) end
	table.insert(lines, "enum " .. name .. " " .. table.concat(items, ","))
end
return table.concat(lines, "\\n")
`;

describe("ClassDb.luau in luau-web", () => {
	let luauDb: unknown;

	beforeAll(async () => {
		const { result, ms } = await loadInLuau(gen.classDbSource, "ClassDb", state);
		luauDb = result[0];
		expect(ms).toBeLessThan(5_000);
	}, 60_000);

	it("compiles, loads and decodes to exactly the model built from the .d.ts", async () => {
		const [dump] = (await state.loadstring(CANONICAL_LUAU, "=canonical", true)(luauDb)) as string[];
		expect(dump.split("\n")).toEqual(canonicalJs(db).split("\n"));
	});

	it("answers the engine facts from the Luau side", async () => {
		const [answers] = (await state.loadstring(
			`local db = ...
			return table.concat({
				tostring(db.classes.Instance.superclass),
				db.classes.Part.superclass,
				tostring(db.classes.Part.creatable),
				tostring(db.classes.Workspace.service and not db.classes.Workspace.creatable),
				db.classes.Script.properties.Source.type,
				db.classes.BasePart.properties.Material.enum,
				tostring(db.classes.Instance.properties.Parent.nullable),
				db.enums.RunContext[4].name .. "=" .. db.enums.RunContext[4].value,
				tostring(table.isfrozen(db.classes.Part) and table.isfrozen(db.enums.RunContext[1])),
			}, " ")`,
			"=facts",
			true,
		)(luauDb)) as string[];
		expect(answers).toBe("nil FormFactorPart true true string Material true Plugin=3 true");
	});

	it("stays compact: it is loaded for every test run in a heap shared by all VMs", () => {
		expect(Buffer.byteLength(gen.classDbSource)).toBeLessThan(300_000);
	});

	it("is deterministic", () => {
		expect(emitClassDb(db)).toBe(gen.classDbSource);
		expect(emitDefaults(DEFAULTS)).toBe(gen.defaultsSource);
	});
});

describe("defaults", () => {
	it("reference only properties, types and enum items that exist in the class database", () => {
		expect(validateDefaults(db, DEFAULTS)).toEqual([]);
	});

	it("reject a default the database contradicts", () => {
		const bad: DefaultsTable = {
			Part: { Sizee: 1, Anchored: "yes", Material: ["Enum", "Material", "Plasticc"], Shape: ["Enum", "Material", "Plastic"] },
			Frame: { Size: ["Vector3", 1, 2, 3], BackgroundColor3: ["Color3", 163, 162, 165] },
			Nope: { X: 1 },
			ObjectValue: { Value: "" },
		};
		expect(validateDefaults(db, bad)).toEqual([
			"Part.Sizee: no such property on Part or its ancestors",
			"Part.Anchored: string value for a boolean property",
			"Part.Material: Enum.Material.Plasticc does not exist",
			"Part.Shape: Enum.Material given, property is Enum.PartType",
			"Frame.Size: Vector3 value for a UDim2 property",
			"Frame.BackgroundColor3: Color3 components are 0..1",
			"Nope: no such class",
			"ObjectValue.Value: Instance references default to nil and cannot be listed",
		]);
	});

	it("load in luau-web as plain data with Roblox's values", async () => {
		const { result } = await loadInLuau(gen.defaultsSource, "Defaults", state);
		const [facts] = (await state.loadstring(
			`local d = ...
			local function show(v) if type(v) == "table" then local t = {} for i, x in v do t[i] = tostring(x) end return table.concat(t, ",") end return tostring(v) end
			return table.concat({
				show(d.BasePart.Size), show(d.BasePart.Color[2] * 255), show(d.BasePart.Material), show(d.BasePart.Anchored),
				show(d.Frame.Size), show(d.TextLabel.Text), show(d.ScrollingFrame.CanvasSize), show(d.UICorner.CornerRadius),
				show(d.Humanoid.WalkSpeed), show(d.ProximityPrompt.KeyboardKeyCode), show(d.UISizeConstraint.MaxSize[2]),
				show(d.Instance.Archivable),
			}, " | ")`,
			"=defaults",
			true,
		)(result[0])) as string[];
		expect(facts).toBe(
			"Vector3,4,1.2,2 | 163 | Enum,Material,Plastic | false | UDim2,0,100,0,100 | Label | UDim2,0,0,2,0 | UDim,0,8 | 16 | Enum,KeyCode,E | inf | true",
		);
	});
});
