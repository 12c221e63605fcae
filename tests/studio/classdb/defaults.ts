// Why this exists: `Instance.new` in the headless Studio must give the values real Roblox gives (a Part is 4 x 1.2 x 2
// and grey, a TextLabel says "Label"), or specs that pass here would not mean the same thing in Studio. The .d.ts files
// carry no default values, so they are written here by hand, each with its source, and generate.ts turns them into
// tests/studio/.generated/Defaults.luau (format documented in emit.ts, DEFAULTS_HEADER). validate.ts checks every entry
// against the generated class database (property exists, type matches, enum item exists).
//
// Sources, per entry or block:
//   [rbx-dom]  measured: the `DefaultProperties` of rojo-rbx/rbx-dom `rbx_dom_lua/src/database.json` (commit 03f67e9,
//              Roblox 0.665), which the rbx-dom maintainers produce by letting Studio instantiate every class. Those are
//              the values of an instance created with no properties set; Roblox's creator docs reference pages do not
//              list default values, so this is the most direct evidence available.
//   [docs]     stated in the creator docs (create.roblox.com/docs/reference/engine).
//   [memory]   from experience with Studio, not checked against a document. Kept only when we are confident; each is
//              marked so it can be re-checked in Studio with `print(Instance.new(X).Prop)`.
// Where rbx-dom and Instance.new differ: rbx-dom records the constructor state, and `Instance.new` additionally sizes
// and labels GUI objects (Frame 100x100, TextLabel 200x50 "Label", ...). Those sizes/texts are [memory] and agree with
// the values the project's brief asked for.
//
// Generic defaults are the runtime's job and are NOT listed: string "", number 0, boolean false, the Enum item with
// the lowest value, nil for Instance references, zero / identity for datatypes. So only values that differ from those
// appear below (plus a few the brief asked to state explicitly).
// Instance.Name defaults to the ClassName: the runtime sets it, it is not data.

export type Datatype =
	| readonly ["Vector3", number, number, number]
	| readonly ["Vector2", number, number]
	| readonly ["Color3", number, number, number]
	| readonly ["UDim", number, number]
	| readonly ["UDim2", number, number, number, number]
	| readonly ["CFrame", number, number, number, number, number, number, number, number, number, number, number, number]
	| readonly ["BrickColor", number]
	| readonly ["Enum", string, string]
	| readonly ["NumberRange", number, number]
	| readonly ["NumberSequence", ...(readonly [number, number, number])[]]
	| readonly ["ColorSequence", ...(readonly [number, number, number, number])[]]
	| readonly ["Rect", number, number, number, number]
	| readonly ["Font", string, string, string];

export type DefaultValue = string | number | boolean | Datatype;
export type DefaultsTable = Record<string, Record<string, DefaultValue>>;

// Small constructors so the table below reads like Luau.
const v3 = (x: number, y: number, z: number): Datatype => ["Vector3", x, y, z];
const v2 = (x: number, y: number): Datatype => ["Vector2", x, y];
/** Color3.fromRGB: emitted as n/255 so the Luau side computes exactly what fromRGB computes. */
const rgb = (r: number, g: number, b: number): Datatype => ["Color3", r / 255, g / 255, b / 255];
const c3 = (r: number, g: number, b: number): Datatype => ["Color3", r, g, b];
const udim = (scale: number, offset: number): Datatype => ["UDim", scale, offset];
const udim2 = (xs: number, xo: number, ys: number, yo: number): Datatype => ["UDim2", xs, xo, ys, yo];
const en = (enumName: string, item: string): Datatype => ["Enum", enumName, item];
const brick = (n: number): Datatype => ["BrickColor", n];
const font = (family: string, weight = "Regular", style = "Normal"): Datatype => ["Font", family, weight, style];
const ns = (...kps: (readonly [number, number, number])[]): Datatype => ["NumberSequence", ...kps];
const cs = (...kps: (readonly [number, number, number, number])[]): Datatype => ["ColorSequence", ...kps];

const MEDIUM_STONE_GREY = rgb(163, 162, 165); // BrickColor 194 "Medium stone grey"
const GUI_BACKGROUND = rgb(163, 162, 165); // [rbx-dom] Frame/ScrollingFrame BackgroundColor3 0.6392157,0.63529414,0.64705884
const GUI_BORDER = rgb(27, 42, 53); // [rbx-dom] BorderColor3 0.105882354,0.16470589,0.20784314
const WHITE = c3(1, 1, 1);
const LEGACY_FONT = font("rbxasset://fonts/families/LegacyArial.json"); // Font.fromEnum(Enum.Font.Legacy) [memory]

/** Text properties shared by TextLabel, TextButton and TextBox (the .d.ts declares them on each class). */
const TEXT = {
	Font: en("Font", "Legacy"), // [memory]
	FontFace: LEGACY_FONT, // [memory] kept in sync with Font (docs: "setting Font sets FontFace to Font.fromEnum")
	TextColor3: rgb(27, 42, 53), // [memory]
	TextSize: 14, // [memory]
	TextStrokeTransparency: 1, // [memory]
	TextXAlignment: en("TextXAlignment", "Center"), // [memory]
	TextYAlignment: en("TextYAlignment", "Center"), // [memory]
	LineHeight: 1, // [docs] TextLabel.LineHeight: "Valid values range from 1.0 to 3.0, defaulting to 1.0"
	MaxVisibleGraphemes: -1, // [docs] "-1 disables the limit" and is the default [memory]
} satisfies Record<string, DefaultValue>;

export const DEFAULTS: DefaultsTable = {
	// ---- Instance (root). Name = ClassName is set by the runtime, not here.
	Instance: {
		Archivable: true, // [rbx-dom] every class
	},

	// ---- Parts
	BasePart: {
		// [rbx-dom] Part, Seat and UnionOperation all measure these; assumed for the other BaseParts.
		Anchored: false,
		CanCollide: true,
		CanQuery: true,
		CanTouch: true,
		CastShadow: true,
		CollisionGroup: "Default",
		Color: MEDIUM_STONE_GREY,
		BrickColor: brick(194), // derived from Color: "Medium stone grey"
		Material: en("Material", "Plastic"),
		Reflectance: 0,
		Transparency: 0,
		Locked: false,
		Massless: false,
		EnableFluidForces: true,
		AudioCanCollide: true,
		Size: v3(4, 1.2, 2), // [rbx-dom] Part, Seat, UnionOperation; Instance.new("Part").Size is 4, 1.2, 2 (not 4, 1, 2)
		// CFrame/Position/Orientation: identity / zero (generic). PivotOffset identity (generic).
		BackParamA: -0.5,
		BackParamB: 0.5,
		BottomParamA: -0.5,
		BottomParamB: 0.5,
		FrontParamA: -0.5,
		FrontParamB: 0.5,
		LeftParamA: -0.5,
		LeftParamB: 0.5,
		RightParamA: -0.5,
		RightParamB: 0.5,
		TopParamA: -0.5,
		TopParamB: 0.5,
	},
	FormFactorPart: {
		FormFactor: en("FormFactor", "Brick"), // [rbx-dom] Part, Seat (FormFactor 1)
	},
	Part: {
		Shape: en("PartType", "Block"), // [rbx-dom]
		TopSurface: en("SurfaceType", "Studs"), // [rbx-dom] TopSurface 3; Instance.new keeps the classic studs
		BottomSurface: en("SurfaceType", "Inlet"), // [rbx-dom] BottomSurface 4; the four sides are Smooth (generic)
	},
	WedgePart: {
		// [memory] WedgePart shares FormFactorPart's constructor: studs on top, inlets below, like Part.
		TopSurface: en("SurfaceType", "Studs"),
		BottomSurface: en("SurfaceType", "Inlet"),
	},
	// MeshPart: BasePart values above; MeshId/TextureID "" (generic). Nothing else is confirmed.
	SpawnLocation: {
		Enabled: true, // [memory]
		Neutral: true, // [memory]
		Duration: 10, // [memory] seconds of ForceField
		TeamColor: brick(194), // [memory] "Medium stone grey"
	},
	Terrain: {
		WaterWaveSize: 0.15, // [memory]
		WaterWaveSpeed: 10, // [memory]
		WaterTransparency: 0.3, // [memory]
		WaterReflectance: 1, // [memory]
	},

	// ---- Scripts (Source "", Disabled false are generic; listed because specs read them)
	BaseScript: {
		Enabled: true, // [memory] Enabled replaces Disabled; a new script runs
		Disabled: false,
		RunContext: en("RunContext", "Legacy"), // Legacy = 0 [memory]
	},
	Script: {
		Source: "",
	},
	ModuleScript: {
		Source: "",
	},

	// ---- GUI
	GuiBase2d: {
		AutoLocalize: true, // [rbx-dom] Frame, ScrollingFrame, ScreenGui
	},
	GuiObject: {
		BackgroundColor3: GUI_BACKGROUND, // [rbx-dom]
		BackgroundTransparency: 0, // [rbx-dom]
		BorderColor3: GUI_BORDER, // [rbx-dom]
		BorderSizePixel: 1, // [rbx-dom]
		Visible: true, // [rbx-dom]
		ZIndex: 1, // [rbx-dom]
		Interactable: true, // [rbx-dom]
		// Size: {0,0},{0,0} per [rbx-dom] (constructor); each creatable class below sets Instance.new's size.
	},
	Frame: {
		Size: udim2(0, 100, 0, 100), // [memory] Instance.new size
	},
	GuiButton: {
		AutoButtonColor: true, // [memory]
		Active: true, // [memory]
		Selectable: true, // [memory]
	},
	TextLabel: {
		...TEXT,
		Size: udim2(0, 200, 0, 50), // [memory]
		Text: "Label", // [memory]
	},
	TextButton: {
		...TEXT,
		Size: udim2(0, 200, 0, 50), // [memory]
		Text: "Button", // [memory]
	},
	TextBox: {
		...TEXT,
		Size: udim2(0, 200, 0, 50), // [memory]
		Text: "TextBox", // [memory]
		ClearTextOnFocus: true, // [memory]
		TextEditable: true, // [memory]
		Active: true, // [memory]
		Selectable: true, // [memory]
	},
	ImageLabel: {
		Size: udim2(0, 100, 0, 100), // [memory]
		ImageColor3: WHITE, // [memory]
		SliceScale: 1, // [memory]
		TileSize: udim2(1, 0, 1, 0), // [memory]
	},
	ImageButton: {
		Size: udim2(0, 100, 0, 100), // [memory]
		ImageColor3: WHITE, // [memory]
		SliceScale: 1, // [memory]
		TileSize: udim2(1, 0, 1, 0), // [memory]
	},
	ScrollingFrame: {
		Size: udim2(0, 100, 0, 100), // [memory] Instance.new size, like Frame
		// Everything below: [rbx-dom]
		CanvasSize: udim2(0, 0, 2, 0),
		ScrollBarThickness: 12,
		ScrollBarImageColor3: WHITE,
		ScrollingDirection: en("ScrollingDirection", "XY"),
		ScrollingEnabled: true,
		ClipsDescendants: true,
		Selectable: true,
		SelectionGroup: true,
		TopImage: "rbxasset://textures/ui/Scroll/scroll-top.png",
		MidImage: "rbxasset://textures/ui/Scroll/scroll-middle.png",
		BottomImage: "rbxasset://textures/ui/Scroll/scroll-bottom.png",
	},
	LayerCollector: {
		Enabled: true, // [rbx-dom] ScreenGui
		ResetOnSpawn: true, // [rbx-dom] ScreenGui
	},
	ScreenGui: {
		// [rbx-dom]. ZIndexBehavior is Global for a constructed ScreenGui (Studio's Insert Object menu may pick Sibling).
		ClipToDeviceSafeArea: true,
		SafeAreaCompatibility: en("SafeAreaCompatibility", "FullscreenExtension"),
		ScreenInsets: en("ScreenInsets", "CoreUISafeInsets"),
		ZIndexBehavior: en("ZIndexBehavior", "Global"),
	},
	UIListLayout: {
		// [rbx-dom]. SortOrder is Name for a constructed layout (Studio's Insert Object menu may pick LayoutOrder).
		FillDirection: en("FillDirection", "Vertical"),
		HorizontalAlignment: en("HorizontalAlignment", "Left"),
		VerticalAlignment: en("VerticalAlignment", "Top"),
		SortOrder: en("SortOrder", "Name"),
		Padding: udim(0, 0),
	},
	UIGridLayout: {
		// [rbx-dom]
		CellPadding: udim2(0, 5, 0, 5),
		CellSize: udim2(0, 100, 0, 100),
		FillDirection: en("FillDirection", "Horizontal"),
		HorizontalAlignment: en("HorizontalAlignment", "Left"),
		VerticalAlignment: en("VerticalAlignment", "Top"),
		SortOrder: en("SortOrder", "Name"),
		StartCorner: en("StartCorner", "TopLeft"),
	},
	// UIPadding: all four paddings UDim(0, 0) (generic).
	UICorner: {
		CornerRadius: udim(0, 8), // [rbx-dom]
	},
	UIStroke: {
		// [rbx-dom]
		Thickness: 1,
		Color: c3(0, 0, 0),
		Transparency: 0,
		Enabled: true,
		ApplyStrokeMode: en("ApplyStrokeMode", "Contextual"),
		LineJoinMode: en("LineJoinMode", "Round"),
	},
	UISizeConstraint: {
		MaxSize: v2(Infinity, Infinity), // [rbx-dom] (inf, inf); MinSize (0, 0) is generic
	},
	UITextSizeConstraint: {
		MaxTextSize: 100, // [rbx-dom]
		MinTextSize: 1, // [rbx-dom]
	},
	UIScale: {
		Scale: 1, // [rbx-dom]
	},
	UIAspectRatioConstraint: {
		AspectRatio: 1, // [rbx-dom]
	},
	UIGradient: {
		// [rbx-dom]
		Color: cs([0, 1, 1, 1], [1, 1, 1, 1]),
		Transparency: ns([0, 0, 0], [1, 0, 0]),
		Enabled: true,
	},

	// ---- Sound, decals, lights
	Sound: {
		Volume: 0.5, // [memory]
		PlaybackSpeed: 1, // [memory]
		RollOffMaxDistance: 10000, // [memory]
		RollOffMinDistance: 10, // [memory]
	},
	FaceInstance: {
		Face: en("NormalId", "Front"), // [memory]
	},
	Decal: {
		Color3: WHITE, // [memory]
		ZIndex: 1, // [memory]
	},
	Texture: {
		StudsPerTileU: 2, // [memory]
		StudsPerTileV: 2, // [memory]
	},
	Light: {
		Brightness: 1, // [memory]
		Color: WHITE, // [memory]
		Enabled: true, // [memory]
	},
	PointLight: {
		Range: 8, // [memory]
	},
	SpotLight: {
		Range: 16, // [memory]
		Angle: 90, // [memory]
		Face: en("NormalId", "Front"), // [memory]
	},

	// ---- Joints. Attachment: CFrame identity, Visible false (generic).
	JointInstance: {
		Enabled: true, // [rbx-dom] Glue, ManualWeld (JointInstance family)
	},
	WeldConstraint: {
		Enabled: true, // [memory]
	},

	// ---- Characters and interaction
	Humanoid: {
		// [rbx-dom]
		Health: 100,
		MaxHealth: 100,
		WalkSpeed: 16,
		JumpPower: 50,
		JumpHeight: 7.2,
		UseJumpPower: true,
		AutoJumpEnabled: true,
		AutoRotate: true,
		AutomaticScalingEnabled: true,
		BreakJointsOnDeath: true,
		EvaluateStateMachine: true,
		RequiresNeck: true,
		MaxSlopeAngle: 89,
		HealthDisplayDistance: 100,
		NameDisplayDistance: 100,
		NameOcclusion: en("NameOcclusion", "OccludeAll"),
		RigType: en("HumanoidRigType", "R6"),
	},
	ProximityPrompt: {
		// [rbx-dom]
		ActionText: "Interact",
		HoldDuration: 0,
		MaxActivationDistance: 10,
		KeyboardKeyCode: en("KeyCode", "E"),
		GamepadKeyCode: en("KeyCode", "ButtonX"),
		Enabled: true,
		RequiresLineOfSight: true,
		ClickablePrompt: true,
		AutoLocalize: true,
		Exclusivity: en("ProximityPromptExclusivity", "OnePerButton"),
		Style: en("ProximityPromptStyle", "Default"),
	},
	// RemoteEvent, RemoteFunction, BindableEvent: no properties of their own.
	// StringValue "", IntValue 0, NumberValue 0, BoolValue false, ObjectValue nil: all generic, listed for clarity.
	StringValue: { Value: "" },
	IntValue: { Value: 0 },
	NumberValue: { Value: 0 },
	BoolValue: { Value: false },

	// ---- Services
	Lighting: {
		// [rbx-dom] The measured file has Lighting's load-time migration applied; Brightness (1.98 there, backup 1)
		// and Technology are therefore left out: a fresh Studio place sets them from its template anyway.
		ClockTime: 14, // TimeOfDay "14:00:00"
		TimeOfDay: "14:00:00",
		Ambient: c3(0.5, 0.5, 0.5),
		OutdoorAmbient: c3(0.5, 0.5, 0.5),
		FogColor: c3(0.75, 0.75, 0.75),
		FogEnd: 100000,
		GeographicLatitude: 41.7333,
		ShadowSoftness: 0.5,
	},
	Camera: {
		FieldOfView: 70, // [memory]
		HeadScale: 1, // [memory]
	},
};
