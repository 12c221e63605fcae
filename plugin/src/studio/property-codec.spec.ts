/// <reference types="@rbxts/testez/globals" />
import {
	CodecResult,
	decodeValue,
	encodeValue,
	readProperty,
	setPropertyFromJson,
	writeProperty,
} from "./property-codec";

function value<T>(result: CodecResult<T>): T {
	if (!result.ok) error(`expected success, got ${result.error.code}: ${result.error.message}`);
	return result.value;
}

function failed<T>(result: CodecResult<T>) {
	if (result.ok) error("expected a failure, got a value");
	return result.error;
}

function near(a: number, b: number, epsilon = 1e-4) {
	return math.abs(a - b) < epsilon;
}

export = () => {
	let root: Folder;
	let part: Part;
	beforeEach(() => {
		root = new Instance("Folder");
		root.Name = "VectorCodecSpec";
		root.Parent = game.GetService("Workspace");
		part = new Instance("Part");
		part.Name = "Brick";
		part.Parent = root;
	});
	afterEach(() => root.Destroy());

	const decode = (instance: Instance, property: string, json: unknown) => decodeValue(instance, property, json, game);
	const set = (instance: Instance, property: string, json: unknown) =>
		setPropertyFromJson(instance, property, json, game);

	describe("reading", () => {
		it("tells a missing property from a child, a method and an event of that name", () => {
			const child = new Instance("Folder");
			child.Name = "Door";
			child.Parent = part;
			for (const name of ["Colour", "Door", "Destroy", "Touched"]) {
				const problem = failed(readProperty(part, name));
				expect(problem.code).to.equal("unknown_property");
				expect(problem.message.find(`has no property "${name}"`, 1, true)[0] !== undefined).to.equal(true);
				expect(problem.message.find("Workspace/VectorCodecSpec/Brick", 1, true)[0] !== undefined).to.equal(true);
			}
		});

		it("reads a reference that holds nil as a value", () => {
			const weld = new Instance("Weld");
			weld.Parent = root;
			const result = readProperty(weld, "Part0");
			expect(result.ok).to.equal(true);
			expect(value(result)).to.equal(undefined);
		});
	});

	describe("decoding by the current value's type", () => {
		it("takes numbers, strings and booleans, and names the type and an example otherwise", () => {
			expect(value(decode(part, "Transparency", 0.5))).to.equal(0.5);
			expect(value(decode(part, "Name", "Door"))).to.equal("Door");
			expect(value(decode(part, "Name", 12))).to.equal("12");
			expect(value(decode(part, "Anchored", true))).to.equal(true);
			const problem = failed(decode(part, "Transparency", "half"));
			expect(problem.code).to.equal("invalid_value");
			expect(problem.property).to.equal("Transparency");
			expect(problem.message).to.equal('Transparency is a number: expected a number, e.g. 0.5; got "half"');
			expect(failed(decode(part, "Anchored", "yes")).message.find("true or false", 1, true)[0] !== undefined).to.equal(
				true,
			);
		});

		it("takes Vector3 as an array or an object, and nothing else", () => {
			expect(value(decode(part, "Size", [4, 1, 2]))).to.equal(new Vector3(4, 1, 2));
			expect(value(decode(part, "Size", { x: 1, y: 2, z: 3 }))).to.equal(new Vector3(1, 2, 3));
			expect(value(decode(part, "Size", { X: 1, Y: 2, Z: 3 }))).to.equal(new Vector3(1, 2, 3));
			for (const bad of [[1, 2], [1, 2, "3"], "big", { x: 1, y: 2 }]) {
				const problem = failed(decode(part, "Size", bad));
				expect(problem.message.find("Size is a Vector3: expected [x, y, z]", 1, true)[0] !== undefined).to.equal(true);
				expect(problem.message.find("e.g. [4, 1, 2]", 1, true)[0] !== undefined).to.equal(true);
			}
		});

		it("takes Color3 as 0–255 components or #rrggbb, and refuses 0–1 mistakes out of range", () => {
			expect(value(decode(part, "Color", [255, 128, 0]))).to.equal(Color3.fromRGB(255, 128, 0));
			expect(value(decode(part, "Color", "#ff8000"))).to.equal(Color3.fromRGB(255, 128, 0));
			expect(value(decode(part, "Color", { r: 10, g: 20, b: 30 }))).to.equal(Color3.fromRGB(10, 20, 30));
			for (const bad of [[300, 0, 0], "#ff80", "red", [-1, 0, 0]]) {
				expect(failed(decode(part, "Color", bad)).message.find("Color is a Color3", 1, true)[0] !== undefined).to.equal(
					true,
				);
			}
		});

		it("takes Vector2, UDim and UDim2 in both forms", () => {
			const label = new Instance("TextLabel");
			label.Parent = root;
			expect(value(decode(label, "AnchorPoint", [0.5, 1]))).to.equal(new Vector2(0.5, 1));
			expect(value(decode(label, "Size", [0.5, 10, 0, 40]))).to.equal(new UDim2(0.5, 10, 0, 40));
			expect(value(decode(label, "Position", { x: { scale: 1, offset: -5 }, y: { scale: 0, offset: 5 } }))).to.equal(
				new UDim2(1, -5, 0, 5),
			);
			expect(value(decode(label, "Position", { X: [0.25, 0], Y: [0.75, 0] }))).to.equal(new UDim2(0.25, 0, 0.75, 0));
			expect(
				failed(decode(label, "Size", [1, 2, 3])).message.find("[xScale, xOffset, yScale, yOffset]", 1, true)[0] !==
					undefined,
			).to.equal(true);
			const corner = new Instance("UICorner");
			corner.Parent = label;
			expect(value(decode(corner, "CornerRadius", [0, 8]))).to.equal(new UDim(0, 8));
		});

		it("takes CFrame as position + rotation in degrees (as Part.Orientation), a position, or 12 numbers", () => {
			value(set(part, "CFrame", { position: [0, 5, 0], rotation: [0, 90, 0] }));
			expect(part.Position).to.equal(new Vector3(0, 5, 0));
			const [, yaw] = part.CFrame.ToOrientation();
			expect(near(math.deg(yaw), 90)).to.equal(true);
			value(set(part, "CFrame", [1, 2, 3]));
			expect(part.CFrame).to.equal(new CFrame(1, 2, 3));
			value(set(part, "CFrame", [1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1]));
			expect(part.CFrame).to.equal(new CFrame(1, 2, 3));
			expect(
				failed(decode(part, "CFrame", { rotation: [0, 1, 0] })).message.find('"position"', 1, true)[0] !== undefined,
			).to.equal(true);
		});

		it("takes an EnumItem by name, by full name or by number, and checks the enum type", () => {
			expect(value(decode(part, "Material", "Neon"))).to.equal(Enum.Material.Neon);
			expect(value(decode(part, "Material", "Enum.Material.Neon"))).to.equal(Enum.Material.Neon);
			expect(value(decode(part, "Material", Enum.Material.Wood.Value))).to.equal(Enum.Material.Wood);
			const wrongEnum = failed(decode(part, "Material", "Enum.PartType.Ball"));
			expect(
				wrongEnum.message.find("Material is an Enum.Material, not an Enum.PartType; use one of", 1, true)[0],
			).to.equal(1);
			expect(
				failed(decode(part, "Material", "neon")).message.find('did you mean "Neon"?', 1, true)[0] !== undefined,
			).to.equal(true);
			const unknown = failed(decode(part, "Material", "Lava"));
			expect(unknown.message.find('Enum.Material has no item "Lava"; use one of ', 1, true)[0] !== undefined).to.equal(
				true,
			);
		});

		it("takes a BrickColor by exact name or number, never falling back to grey silently", () => {
			expect(value(decode(part, "BrickColor", "Bright red"))).to.equal(new BrickColor("Bright red"));
			expect(value(decode(part, "BrickColor", 21))).to.equal(new BrickColor(21));
			expect(
				failed(decode(part, "BrickColor", "Brite red")).message.find(
					"is not a BrickColor name or number",
					1,
					true,
				)[0] !== undefined,
			).to.equal(true);
			expect(failed(decode(part, "BrickColor", 99999)).code).to.equal("invalid_value");
		});

		it("takes NumberRange, NumberSequence and ColorSequence", () => {
			const emitter = new Instance("ParticleEmitter");
			emitter.Parent = part;
			expect(value(decode(emitter, "Lifetime", [1, 3]))).to.equal(new NumberRange(1, 3));
			expect(value(decode(emitter, "Lifetime", 2))).to.equal(new NumberRange(2));
			expect(failed(decode(emitter, "Lifetime", [3, 1])).code).to.equal("invalid_value");
			const size = value(
				decode(emitter, "Size", [
					[0, 1],
					[1, 0, 0.5],
				]),
			) as NumberSequence;
			expect(size.Keypoints[1].Envelope).to.equal(0.5);
			expect(
				failed(
					decode(emitter, "Size", [
						[0.2, 1],
						[1, 0],
					]),
				).code,
			).to.equal("invalid_value");
			const color = value(
				decode(emitter, "Color", [
					[0, "#ff0000"],
					[1, [0, 0, 255]],
				]),
			) as ColorSequence;
			expect(color.Keypoints[1].Value).to.equal(Color3.fromRGB(0, 0, 255));
		});

		it("takes CustomPhysicalProperties as an object or nil", () => {
			value(set(part, "CustomPhysicalProperties", { density: 2, friction: 0.1, elasticity: 0.9 }));
			expect(part.CustomPhysicalProperties!.Elasticity > 0.89).to.equal(true);
			value(set(part, "CustomPhysicalProperties", "nil"));
			expect(part.CustomPhysicalProperties).to.equal(undefined);
		});

		it("resolves instance references by path, clears them with nil, and says when a path names nothing", () => {
			const weld = new Instance("Weld");
			weld.Parent = root;
			value(set(weld, "Part0", "Workspace/VectorCodecSpec/Brick"));
			expect(weld.Part0).to.equal(part);
			value(set(weld, "Part0", "nil"));
			expect(weld.Part0).to.equal(undefined);
			const missing = failed(decode(weld, "Part0", "Workspace/VectorCodecSpec/Nope"));
			expect(missing.code).to.equal("instance_not_found");
			expect(missing.message.find('no child named "Nope"', 1, true)[0] !== undefined).to.equal(true);
			expect(failed(decode(weld, "Part0", 5)).message.find("an instance path", 1, true)[0] !== undefined).to.equal(
				true,
			);
		});

		it("reports a reference of the wrong class precisely when Studio refuses it", () => {
			const weld = new Instance("Weld");
			weld.Parent = root;
			const problem = failed(set(weld, "Part0", "Workspace/VectorCodecSpec"));
			expect(problem.code).to.equal("class_mismatch");
			expect(
				problem.message.find(
					'Weld "Workspace/VectorCodecSpec/Weld".Part0 cannot hold Folder "Workspace/VectorCodecSpec"',
					1,
					true,
				)[0] !== undefined,
			).to.equal(true);
			expect(weld.Part0).to.equal(undefined);
		});

		it("says which types it cannot set", () => {
			const handles = new Instance("Handles");
			handles.Parent = root;
			handles.Faces = new Faces(Enum.NormalId.Top);
			const problem = failed(decode(handles, "Faces", "Top"));
			expect(problem.code).to.equal("unsupported_type");
			expect(problem.message.find("Faces is a Faces", 1, true)[0] !== undefined).to.equal(true);
		});
	});

	describe("what cannot be written", () => {
		it("refuses known read-only properties before writing", () => {
			const problem = failed(decode(part, "AssemblyMass", 5));
			expect(problem.code).to.equal("read_only");
			expect(failed(decode(part, "ClassName", "Wedge")).code).to.equal("read_only");
		});

		it("detects other read-only properties from Studio's refusal of the write", () => {
			const camera = new Instance("Camera");
			camera.Parent = root;
			const before = camera.ViewportSize;
			const problem = failed(set(camera, "ViewportSize", [10, 10]));
			expect(problem.code).to.equal("read_only");
			expect(problem.message.find("ViewportSize is read-only", 1, true)[0] !== undefined).to.equal(true);
			expect(camera.ViewportSize).to.equal(before);
		});

		it("sends Parent and Source to their own operations", () => {
			const code = new Instance("Script");
			code.Parent = root;
			expect(failed(decode(part, "Parent", "Workspace")).code).to.equal("use_other_operation");
			expect(failed(decode(code, "Source", "print(1)")).message).to.equal(
				"Source cannot be set as a property: use an edit_script or create_script operation to write script text",
			);
		});

		it("turns any other refusal into an error naming the property", () => {
			const problem = failed(writeProperty(part, "Size", "big"));
			expect(problem.code).to.equal("write_refused");
			expect(problem.message.find('Part "Workspace/VectorCodecSpec/Brick".Size', 1, true)[0] !== undefined).to.equal(
				true,
			);
		});
	});

	describe("encoding", () => {
		it("renders values in the forms decoding accepts, without float noise", () => {
			part.Transparency = 0.3;
			part.Size = new Vector3(4, 1.2, 2);
			part.Color = Color3.fromRGB(255, 128, 0);
			part.Material = Enum.Material.Neon;
			expect(encodeValue(part.Transparency)).to.equal(0.3);
			const size = encodeValue(part.Size) as Array<number>;
			expect(size[1]).to.equal(1.2);
			const color = encodeValue(part.Color) as Array<number>;
			expect(`${color[0]},${color[1]},${color[2]}`).to.equal("255,128,0");
			expect(encodeValue(part.Material)).to.equal("Enum.Material.Neon");
			expect(encodeValue(part.BrickColor)).to.equal(part.BrickColor.Name);
			expect(encodeValue(part)).to.equal("Workspace/VectorCodecSpec/Brick");
			expect(encodeValue(undefined)).to.equal("nil");
			expect(encodeValue(1 / 3)).to.equal(1 / 3);
			const handles = new Instance("Handles");
			handles.Faces = new Faces(Enum.NormalId.Top);
			expect((encodeValue(handles.Faces) as { type: string }).type).to.equal("Faces");
			handles.Destroy();
		});

		it("round-trips every supported property of a part and a label through JSON", () => {
			part.CFrame = new CFrame(1.5, 2, -3).mul(CFrame.fromOrientation(math.rad(10), math.rad(-45), math.rad(30)));
			part.Size = new Vector3(3.3, 0.7, 9);
			part.Color = Color3.fromRGB(12, 34, 56);
			part.Material = Enum.Material.Slate;
			part.Transparency = 0.25;
			const label = new Instance("TextLabel");
			label.Parent = root;
			label.Size = new UDim2(0.5, 10, 0.1, -4);
			label.AnchorPoint = new Vector2(0.5, 0.5);
			label.Text = "Hello";
			const cases: Array<[Instance, string]> = [
				[part, "CFrame"],
				[part, "Size"],
				[part, "Color"],
				[part, "Material"],
				[part, "Transparency"],
				[part, "BrickColor"],
				[part, "Anchored"],
				[label, "Size"],
				[label, "AnchorPoint"],
				[label, "Text"],
				[label, "FontFace"],
			];
			for (const [instance, property] of cases) {
				const original = value(readProperty(instance, property));
				const json = encodeValue(original);
				const decoded = value(decode(instance, property, json));
				if (typeIs(original, "CFrame")) {
					const back = decoded as CFrame;
					expect(back.Position.sub(original.Position).Magnitude < 1e-3).to.equal(true);
					expect(back.LookVector.sub(original.LookVector).Magnitude < 1e-3).to.equal(true);
				} else if (typeIs(original, "Color3")) {
					const back = decoded as Color3;
					expect(near(back.R, original.R) && near(back.G, original.G) && near(back.B, original.B)).to.equal(true);
				} else if (typeIs(original, "number")) {
					expect(near(decoded as number, original)).to.equal(true);
				} else {
					expect(decoded).to.equal(original);
				}
			}
		});
	});
};
