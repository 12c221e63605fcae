import { describe, expect, it } from "vitest";
import { formatXmlNumber, parseXmlNumber, readRbxXml, writeRbxXml } from "./rbxxml.js";
import { loadReflection } from "./reflection.js";
import { REPO_ROOT } from "./test-support.js";
import type { PropValue, TreeNode } from "./tree.js";

/** One property of every IR type, with awkward values where the format has edge cases. */
const EVERY_TYPE: Record<string, PropValue> = {
	AString: { type: "string", value: ` a & b < c > "d" 'e'\n\ttab\r\nCR ünïcödé 😀 &amp;lt; &#13; &nbsp; ` },
	AnEmptyString: { type: "string", value: "" },
	Source: { type: "ProtectedString", value: 'print("]]>")\r\nlocal s = [[x]]\n-- ]]]]> ]]\r' },
	EmptySource: { type: "ProtectedString", value: "" },
	Texture: { type: "Content", value: "rbxassetid://123456" },
	NoTexture: { type: "Content", value: "" },
	Blob: { type: "BinaryString", value: Buffer.from([0, 1, 2, 254, 255]).toString("base64") },
	Flag: { type: "bool", value: true },
	Off: { type: "bool", value: false },
	Count: { type: "int", value: -2147483648 },
	Big: { type: "int64", value: 9007199254740991 },
	Alpha: { type: "float", value: 0.1 },
	Inf: { type: "float", value: Infinity },
	NegInf: { type: "double", value: -Infinity },
	NotANumber: { type: "double", value: NaN },
	NegZero: { type: "double", value: -0 },
	Tiny: { type: "double", value: 1e-7 },
	Huge: { type: "double", value: 1.5e300 },
	Mode: { type: "token", value: 3 },
	Position: { type: "Vector3", value: [1.5, -2, 1e-10] },
	Offset: { type: "Vector2", value: [0.25, 100] },
	Pad: { type: "UDim", value: [0.5, -8] },
	Size: { type: "UDim2", value: [1, -16, 0.5, 32] },
	Slice: { type: "Rect", value: [4, 4, 60, 60] },
	Lifetime: { type: "NumberRange", value: [0.5, 2] },
	Tint: { type: "Color3", value: [1, 0.5, 0.25] },
	Color3uint8: { type: "Color3uint8", value: [163, 162, 165] },
	Pivot: { type: "CFrame", value: [10, 20, 30, 0, -1, 0, 1, 0, 0, 0, 0, 1] },
	Brick: { type: "BrickColor", value: 194 },
	Fade: { type: "NumberSequence", value: [[0, 0, 0], [0.5, 1, 0.25], [1, 0, 0]] },
	Gradient: { type: "ColorSequence", value: [[0, 1, 0, 0], [1, 0, 0, 1]] },
	FontFace: { type: "Font", value: { family: "rbxasset://fonts/families/GothamSSm.json", weight: 700, style: "Italic" } },
	Target: { type: "Ref", value: "TARGET" },
	Nothing: { type: "Ref", value: null },
};

function everyTypeTree(): TreeNode[] {
	return [
		{
			name: "Root <&> \"quoted\"",
			className: "Folder",
			properties: EVERY_TYPE,
			attributes: {
				Speed: { type: "double", value: 16 },
				Label: { type: "string", value: "fast & <loud>" },
				Spawn: { type: "CFrame", value: [1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1] },
				Size: { type: "UDim2", value: [0.5, 0, 0.5, 10] },
				Tint: { type: "Color3", value: [1, 0.5, 0] },
				On: { type: "bool", value: true },
				Dir: { type: "Vector3", value: [0, 1, 0] },
			},
			tags: ["Interactable", "Team:Red", "ünï"],
			children: [
				{ name: "Target", className: "Part", referent: "TARGET", properties: {}, children: [] },
				{ name: "Empty", className: "Folder", properties: {}, children: [] },
			],
		},
	];
}

describe("XML round trip", () => {
	it("tree → xml → tree is the identity for every property type", () => {
		const tree = everyTypeTree();
		const { nodes, warnings } = readRbxXml(writeRbxXml(tree));
		expect(warnings).toEqual([]);
		expect(nodes).toEqual(tree);
	});

	it("writes the same bytes for the same tree, and again after reading its own output", () => {
		const first = writeRbxXml(everyTypeTree());
		expect(writeRbxXml(everyTypeTree())).toBe(first);
		expect(writeRbxXml(readRbxXml(first).nodes)).toBe(first);
	});

	it("uses the tags Roblox uses", () => {
		const xml = writeRbxXml(everyTypeTree());
		expect(xml.startsWith('<roblox version="4">\n\t<Meta name="ExplicitAutoJoints">true</Meta>\n')).toBe(true);
		expect(xml).toContain('<Item class="Folder" referent="RBX');
		expect(xml).toContain('<token name="Mode">3</token>');
		expect(xml).toContain('<Color3uint8 name="Color3uint8">4288914085</Color3uint8>');
		expect(xml).toContain('<Content name="NoTexture"><null></null></Content>');
		expect(xml).toContain('<Content name="Texture"><url>rbxassetid://123456</url></Content>');
		expect(xml).toContain('<ProtectedString name="EmptySource"><![CDATA[]]></ProtectedString>');
		expect(xml).toContain('<NumberRange name="Lifetime">0.5 2 </NumberRange>');
		expect(xml).toContain('<NumberSequence name="Fade">0 0 0 0.5 1 0.25 1 0 0 </NumberSequence>');
		expect(xml).toContain('<ColorSequence name="Gradient">0 1 0 0 0 1 0 0 1 0 </ColorSequence>');
		expect(xml).toContain('<float name="Inf">INF</float>');
		expect(xml).toContain('<double name="NotANumber">NAN</double>');
		expect(xml).toContain('<Ref name="Nothing">null</Ref>');
		expect(xml).toMatch(/<CoordinateFrame name="Pivot">\s*<X>10<\/X>\s*<Y>20<\/Y>\s*<Z>30<\/Z>\s*<R00>0<\/R00>\s*<R01>-1<\/R01>/);
		expect(xml).toMatch(/<UDim2 name="Size">\s*<XS>1<\/XS>\s*<XO>-16<\/XO>\s*<YS>0.5<\/YS>\s*<YO>32<\/YO>/);
		expect(xml).toMatch(/<Font name="FontFace">\s*<Family><url>rbxasset:\/\/fonts\/families\/GothamSSm.json<\/url><\/Family>\s*<Weight>700<\/Weight>\s*<Style>Italic<\/Style>/);
		expect(xml).toMatch(/<BinaryString name="AttributesSerialize">[A-Za-z0-9+/=]+<\/BinaryString>/);
		expect(xml).toContain(`<BinaryString name="Tags">${Buffer.from("Interactable\0Team:Red\0ünï").toString("base64")}</BinaryString>`);
		// Name first, then the other properties in byte order.
		const names = [...xml.matchAll(/^\t\t\t<\w+ name="([^"]+)"/gm)].map((m) => m[1]);
		expect(names[0]).toBe("Name");
		expect(names.slice(1)).toEqual([...names.slice(1)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
	});

	it("refuses values the IR does not allow, naming the node", () => {
		const node = (properties: Record<string, PropValue>): TreeNode[] => [
			{ name: "Root", className: "Folder", properties, children: [{ name: "Leaf", className: "Part", properties: {}, children: [] }] },
		];
		expect(() => writeRbxXml(node({ Count: { type: "int", value: 1.5 } }))).toThrow(/Root\.Count: expected an integer/);
		expect(() => writeRbxXml(node({ Pos: { type: "Vector3", value: [1, 2] } }))).toThrow(/Root\.Pos: Vector3 needs 3 numbers/);
		expect(() => writeRbxXml(node({ Link: { type: "Ref", value: "nowhere" } }))).toThrow(/Root\.Link: Ref points at referent "nowhere"/);
		expect(() => writeRbxXml(node({ Name: { type: "string", value: "x" } }))).toThrow(/Root: property Name belongs in the node's name field/);
		expect(() => writeRbxXml(node({ Tags: { type: "BinaryString", value: "" } }))).toThrow(/tags field/);
		expect(() => writeRbxXml(node({ Blob: { type: "BinaryString", value: "not base64!" } }))).toThrow(/not base64/);
		expect(() =>
			writeRbxXml([
				{ name: "A", className: "Folder", referent: "R", properties: {}, children: [] },
				{ name: "B", className: "Folder", referent: "R", properties: {}, children: [] },
			]),
		).toThrow(/referent R is used twice/);
	});

	it("formats and parses numbers the way Roblox writes them", () => {
		expect([Infinity, -Infinity, NaN, -0, 0.5, 1e21].map(formatXmlNumber)).toEqual(["INF", "-INF", "NAN", "-0", "0.5", "1e+21"]);
		expect(["INF", "+INF", "-INF", "inf", "1.5", " 2 ", "-0.25e3", ".5", "1."].map(parseXmlNumber)).toEqual([
			Infinity, Infinity, -Infinity, Infinity, 1.5, 2, -250, 0.5, 1,
		]);
		expect(parseXmlNumber("NAN")).toBeNaN();
		expect(parseXmlNumber("-nan(ind)")).toBeNaN();
		expect(() => parseXmlNumber("12abc")).toThrow(/not a number/);
	});
});

/** AttributesSerialize built byte by byte from rbx-dom's documented examples, independent of our encoder. */
function studioAttributes(): string {
	const u32 = (n: number): Buffer => {
		const b = Buffer.alloc(4);
		b.writeUInt32LE(n);
		return b;
	};
	const str = (s: string): Buffer => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);
	return Buffer.concat([
		u32(3),
		str("Speed"), Buffer.from([0x06]), Buffer.from("0000000000003040", "hex"), // double 16
		// Font example from docs/attributes.md: Source Sans Pro Regular, with its cached face id.
		str("Theme"), Buffer.from([0x21]), Buffer.from("900100", "hex"),
		str("rbxasset://fonts/families/SourceSansPro.json"), str("rbxasset://fonts/SourceSansPro-Regular.ttf"),
		// CFrame with a free rotation: rotation id 0 then nine floats.
		str("Spawn"), Buffer.from([0x14]), Buffer.from("0000803f0000004000004040" + "00" + "0000803f000000000000000000000000000000000000803f000000000000803f00000000", "hex"),
	]).toString("base64");
}

/** A model as Studio saves it: namespaces, Meta/External, types the IR lacks, SharedStrings, serialized names. */
function studioModel(): string {
	return `<roblox xmlns:xmime="http://www.w3.org/2005/05/xmlmime" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.roblox.com/roblox.xsd" version="4">
	<Meta name="ExplicitAutoJoints">true</Meta>
	<External>null</External>
	<External>nil</External>
	<Item class="Model" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A001">
		<Properties>
			<BinaryString name="AttributesSerialize"></BinaryString>
			<SecurityCapabilities name="Capabilities">0</SecurityCapabilities>
			<bool name="DefinesCapabilities">false</bool>
			<token name="LevelOfDetail">0</token>
			<SharedString name="ModelMeshData">yuZpQdnvvUBOTYh1jqZ2cA==</SharedString>
			<string name="Name">Crate</string>
			<Ref name="PrimaryPart">RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A002</Ref>
			<float name="ScaleFactor">1</float>
			<int64 name="SourceAssetId">-1</int64>
			<BinaryString name="Tags"></BinaryString>
			<OptionalCoordinateFrame name="WorldPivotData">
				<CFrame>
					<X>0</X><Y>0.5</Y><Z>0</Z>
					<R00>1</R00><R01>0</R01><R02>0</R02>
					<R10>0</R10><R11>1</R11><R12>0</R12>
					<R20>0</R20><R21>0</R21><R22>1</R22>
				</CFrame>
			</OptionalCoordinateFrame>
		</Properties>
		<Item class="Part" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A002">
			<Properties>
				<bool name="Anchored">true</bool>
				<BinaryString name="AttributesSerialize">${studioAttributes()}</BinaryString>
				<CoordinateFrame name="CFrame">
					<X>0</X>
					<Y>0.5</Y>
					<Z>0</Z>
					<R00>1</R00>
					<R01>0</R01>
					<R02>0</R02>
					<R10>0</R10>
					<R11>1</R11>
					<R12>0</R12>
					<R20>0</R20>
					<R21>0</R21>
					<R22>1</R22>
				</CoordinateFrame>
				<Color3uint8 name="Color3uint8">4288914085</Color3uint8>
				<PhysicalProperties name="CustomPhysicalProperties">
					<CustomPhysics>false</CustomPhysics>
				</PhysicalProperties>
				<token name="Material">256</token>
				<string name="Name">Base</string>
				<Vector3 name="size">
					<X>4</X>
					<Y>1.20000005</Y>
					<Z>2</Z>
				</Vector3>
				<BinaryString name="Tags">${Buffer.from("Crate\0Pushable").toString("base64")}</BinaryString>
				<float name="Transparency">0</float>
				<UniqueId name="UniqueId">44b188dace632b4702e9c68d004815fc</UniqueId>
			</Properties>
		</Item>
		<Item class="Script" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A003">
			<Properties>
				<bool name="Disabled">false</bool>
				<Content name="LinkedSource"><null></null></Content>
				<string name="Name">Push</string>
				<token name="RunContext">0</token>
				<string name="ScriptGuid">{0D2E6A38-8E1B-4C62-9C8C-2B4B7A1C0F11}</string>
				<ProtectedString name="Source"><![CDATA[local part = script.Parent.Base
part.Touched:Connect(function(hit)
	if hit and hit.Parent then print("pushed &amp; <moved>") end
end)
]]></ProtectedString>
				<int64 name="SourceAssetId">-1</int64>
			</Properties>
		</Item>
		<Item class="BrickColorValue" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A004">
			<Properties>
				<string name="Name">Paint</string>
				<int name="Value">194</int>
			</Properties>
		</Item>
		<Item class="ObjectValue" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A005">
			<Properties>
				<string name="Name">Elsewhere</string>
				<Ref name="Value">RBXNOTINTHISFILE</Ref>
			</Properties>
		</Item>
		<Item class="TextLabel" referent="RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A006">
			<Properties>
				<Color3 name="BackgroundColor3">
					<R>1</R>
					<G>1</G>
					<B>1</B>
				</Color3>
				<Font name="FontFace">
					<Family><url>rbxasset://fonts/families/SourceSansPro.json</url></Family>
					<Weight>400</Weight>
					<Style>Normal</Style>
					<CachedFaceId><url>rbxasset://fonts/SourceSansPro-Regular.ttf</url></CachedFaceId>
				</Font>
				<ContentId name="Image"><url>rbxassetid://987</url></ContentId>
				<string name="Name">Label</string>
				<UDim2 name="Size">
					<XS>0</XS>
					<XO>200</XO>
					<YS>0</YS>
					<YO>50</YO>
				</UDim2>
				<string name="Text">Push me</string>
			</Properties>
		</Item>
	</Item>
	<SharedStrings>
		<SharedString md5="yuZpQdnvvUBOTYh1jqZ2cA=="></SharedString>
	</SharedStrings>
</roblox>`;
}

/** A place as Studio saves it: several services at the top level, no Meta. */
function studioPlace(): string {
	return `<roblox xmlns:xmime="http://www.w3.org/2005/05/xmlmime" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.roblox.com/roblox.xsd" version="4">
	<External>null</External>
	<External>nil</External>
	<Item class="Workspace" referent="RBX0001">
		<Properties>
			<BinaryString name="AttributesSerialize">${Buffer.concat([
				Buffer.from("01000000", "hex"),
				Buffer.from("0500000047616d6d61", "hex"), // "Gamma"
				Buffer.from([0x06]),
				Buffer.from("000000000000f03f", "hex"),
			]).toString("base64")}</BinaryString>
			<Ref name="CurrentCamera">RBX0002</Ref>
			<float name="Gravity">196.199997</float>
			<string name="Name">Workspace</string>
		</Properties>
		<Item class="Camera" referent="RBX0002">
			<Properties>
				<string name="Name">Camera</string>
				<float name="FieldOfView">70</float>
			</Properties>
		</Item>
		<Item class="Terrain" referent="RBX0003">
			<Properties>
				<BinaryString name="SmoothGrid">AQU=</BinaryString>
				<BinaryString name="MaterialColors">AAAAAAAAan8/P39rf2Y/ilY+j35fi21PZmxvZbDqw8faiVpHOi4kHh4lZlw76JxKc3trhHtagcLgc4RKxr3IuZeX</BinaryString>
				<string name="Name">Terrain</string>
			</Properties>
		</Item>
	</Item>
	<Item class="Lighting" referent="RBX0004">
		<Properties>
			<Color3 name="Ambient">4282664004</Color3>
			<float name="Brightness">2</float>
			<string name="Name">Lighting</string>
			<token name="Technology">1</token>
		</Properties>
	</Item>
	<Item class="ReplicatedStorage" referent="RBX0005">
		<Properties>
			<string name="Name">ReplicatedStorage</string>
		</Properties>
		<Item class="ModuleScript" referent="RBX0006">
			<Properties>
				<string name="Name">Shared</string>
				<ProtectedString name="Source"><![CDATA[return {}]]></ProtectedString>
			</Properties>
		</Item>
	</Item>
</roblox>`;
}

describe("reading Studio files", () => {
	const reflection = loadReflection(REPO_ROOT);

	it("reads a Studio-saved model: attributes, tags, refs, serialized names; skips what the IR lacks", () => {
		const { nodes, warnings } = readRbxXml(studioModel(), { reflection });
		expect(nodes).toHaveLength(1);
		const model = nodes[0];
		expect(model.name).toBe("Crate");
		expect(model.className).toBe("Model");
		expect(model.referent).toBeUndefined(); // nothing points at it
		expect(model.attributes).toBeUndefined(); // empty AttributesSerialize
		expect(model.tags).toBeUndefined();
		expect(model.properties.PrimaryPart).toEqual({ type: "Ref", value: "RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A002" });
		expect(model.properties.LevelOfDetail).toEqual({ type: "token", value: 0, enum: "ModelLevelOfDetail" });

		const [base, script, paint, elsewhere, label] = model.children;
		expect(base.referent).toBe("RBX6E8D1D0D9E8A4F0AB4F2C2E8B5C1A002");
		expect(base.tags).toEqual(["Crate", "Pushable"]);
		expect(base.attributes).toEqual({
			Speed: { type: "double", value: 16 },
			Theme: { type: "Font", value: { family: "rbxasset://fonts/families/SourceSansPro.json", weight: 400, style: "Normal" } },
			Spawn: { type: "CFrame", value: [1, 2, 3, 1, 0, 0, 0, 0, 1, 0, 1, 0] },
		});
		expect(base.properties.size).toEqual({ type: "Vector3", value: [4, 1.20000005, 2] });
		expect(base.properties.Color3uint8).toEqual({ type: "Color3uint8", value: [163, 162, 165] });
		expect(base.properties.Material).toEqual({ type: "token", value: 256, enum: "Material" });
		expect(base.properties.CustomPhysicalProperties).toBeUndefined();

		expect(script.properties.RunContext).toEqual({ type: "token", value: 0, enum: "RunContext" });
		expect(script.properties.LinkedSource).toEqual({ type: "Content", value: "" });
		expect(script.properties.Source).toEqual({
			type: "ProtectedString",
			value: 'local part = script.Parent.Base\npart.Touched:Connect(function(hit)\n\tif hit and hit.Parent then print("pushed &amp; <moved>") end\nend)\n',
		});
		expect(paint.properties.Value).toEqual({ type: "BrickColor", value: 194 });
		expect(elsewhere.properties.Value).toEqual({ type: "Ref", value: null });
		expect(label.properties.FontFace).toEqual({
			type: "Font",
			value: { family: "rbxasset://fonts/families/SourceSansPro.json", weight: 400, style: "Normal" },
		});
		expect(label.properties.Image).toEqual({ type: "Content", value: "rbxassetid://987" });
		expect(label.properties.Size).toEqual({ type: "UDim2", value: [0, 200, 0, 50] });

		expect(warnings).toEqual([
			"skipped property of unsupported type SecurityCapabilities (Model.Capabilities)",
			"skipped property of unsupported type SharedString (Model.ModelMeshData)",
			"skipped property of unsupported type OptionalCoordinateFrame (Model.WorldPivotData)",
			"skipped property of unsupported type PhysicalProperties (Part.CustomPhysicalProperties)",
			"skipped property of unsupported type UniqueId (Part.UniqueId)",
			"Ref to an Item not in the file set to nil (Crate/Elsewhere.Value)",
		]);
	});

	it("without reflection, BrickColor stays an int and tokens carry no enum name", () => {
		const { nodes } = readRbxXml(studioModel());
		expect(nodes[0].children[2].properties.Value).toEqual({ type: "int", value: 194 });
		expect(nodes[0].children[0].properties.Material).toEqual({ type: "token", value: 256 });
	});

	it("reads a Studio-saved place with several top-level services and old packed Color3", () => {
		const { nodes, warnings } = readRbxXml(studioPlace(), { reflection });
		expect(nodes.map((n) => n.name)).toEqual(["Workspace", "Lighting", "ReplicatedStorage"]);
		const [workspace, lighting, storage] = nodes;
		expect(workspace.attributes).toEqual({ Gamma: { type: "double", value: 1 } });
		expect(workspace.properties.CurrentCamera).toEqual({ type: "Ref", value: "RBX0002" });
		expect(workspace.children[0].referent).toBe("RBX0002");
		expect(workspace.properties.Gravity).toEqual({ type: "float", value: 196.199997 });
		expect(lighting.properties.Ambient).toEqual({ type: "Color3", value: [0x44 / 255, 0x44 / 255, 0x44 / 255] });
		// @rbxts/types does not declare Lighting.Technology, so its enum name stays unknown.
		expect(lighting.properties.Technology).toEqual({ type: "token", value: 1 });
		expect(storage.children[0]).toEqual({
			name: "Shared",
			className: "ModuleScript",
			properties: { Source: { type: "ProtectedString", value: "return {}" } },
			children: [],
		});
		// Terrain voxel data is binary the IR keeps as-is.
		expect(workspace.children[1].properties.SmoothGrid).toEqual({ type: "BinaryString", value: "AQU=" });
		expect(warnings).toEqual([]);

		const again = writeRbxXml(nodes, { kind: "place" });
		expect(again.startsWith('<roblox version="4">\n\t<Item class="Workspace"')).toBe(true);
		expect(readRbxXml(again, { reflection }).nodes).toEqual(nodes);
	});

	it("keeps every referent when asked", () => {
		const { nodes } = readRbxXml(studioPlace(), { keepAllReferents: true });
		expect(nodes.map((n) => n.referent)).toEqual(["RBX0001", "RBX0004", "RBX0005"]);
	});

	it("degrades instead of crashing on odd but well-formed input", () => {
		const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- saved by something -->
<roblox version="5">
	<Item referent="A"><Properties><string name="Name">no class</string></Properties></Item>
	<Item class="Folder" referent="B">
		<Properties>
			<string name="Name">Folder</string>
			<float name="Bad">twelve</float>
			<Vector3 name="Partial"><X>1</X></Vector3>
			<string>no name</string>
			<Mystery name="What">?</Mystery>
			<BinaryString name="AttributesSerialize">AQAAAAEAAABhfw==</BinaryString>
			<token name="Name">1</token>
		</Properties>
		<Extra/>
		<Item class="Part" referent="B"><Properties><string name="Name">Dup</string></Properties></Item>
	</Item>
	<Unknown/>
</roblox>`;
		const { nodes, warnings } = readRbxXml(xml);
		expect(nodes).toHaveLength(1);
		expect(nodes[0].name).toBe("Folder");
		expect(nodes[0].properties).toEqual({ AttributesSerialize: { type: "BinaryString", value: "AQAAAAEAAABhfw==" } });
		expect(nodes[0].children.map((c) => c.name)).toEqual(["Dup"]);
		expect(warnings).toEqual([
			"unexpected format version 5 (roblox)",
			"skipped an Item without a class ((root))",
			"skipped malformed float property (Folder.Bad: not a number: \"twelve\")",
			"skipped malformed Vector3 property (Folder.Partial: <Vector3> has no <Y>)",
			"skipped a property without a name (Folder)",
			"skipped property of unsupported type Mystery (Folder.What)",
			"kept undecodable AttributesSerialize as a BinaryString (Folder: unknown attribute type id 0x7f)",
			"skipped Name property of unexpected type token (Folder)",
			"skipped unknown element <Extra> in an Item (Folder)",
			"duplicate referent, later one ignored (B)",
			"skipped unknown element <Unknown> (roblox)",
		]);
	});

	it("rejects text that is not a Roblox XML document", () => {
		expect(() => readRbxXml("<roblox><Item></roblox>")).toThrow(/not well-formed XML \(line 1/);
		expect(() => readRbxXml("<model/>")).toThrow(/no <roblox> root/);
	});
});
