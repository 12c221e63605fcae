/**
 * get_properties: property values of one instance as JSON, in the forms set_properties accepts
 * (studio/property-codec.ts), so what the model reads it can write back. Plugins have no reflection
 * API, so without names the tool shows a curated set of the properties people most often ask about,
 * whichever of them the instance has, plus its attributes and tags.
 */
import { HttpService } from "@rbxts/services";
import { PATH_FORMAT_HELP } from "../studio/instance-path";
import { encodeValue, readProperty } from "../studio/property-codec";
import { describeInstance, resolveTarget } from "./resolve-target";
import * as s from "./schema";
import { ToolDefinition } from "./tool";

/** Shown when no names are given, in this order, when the instance has them. */
export const COMMON_PROPERTIES: ReadonlyArray<string> = [
	// Every instance
	"Name",
	"Archivable",
	// Parts and models
	"Anchored",
	"CanCollide",
	"CanTouch",
	"CanQuery",
	"Massless",
	"Locked",
	"Shape",
	"Size",
	"Position",
	"Orientation",
	"Color",
	"Material",
	"Transparency",
	"Reflectance",
	"CastShadow",
	"PrimaryPart",
	"WorldPivot",
	// Scripts
	"Enabled",
	"Disabled",
	"RunContext",
	// Values
	"Value",
	// GUI
	"AnchorPoint",
	"Visible",
	"ZIndex",
	"LayoutOrder",
	"BackgroundColor3",
	"BackgroundTransparency",
	"Text",
	"TextColor3",
	"TextSize",
	"TextScaled",
	"FontFace",
	"Image",
	"ImageColor3",
	// Lights, sounds, effects
	"Brightness",
	"Range",
	"Shadows",
	"SoundId",
	"Volume",
	"Looped",
	"PlaybackSpeed",
	"Texture",
	"Face",
	"Rate",
	"Lifetime",
	// Humanoids, prompts, constraints
	"Health",
	"MaxHealth",
	"WalkSpeed",
	"JumpPower",
	"ActionText",
	"ObjectText",
	"HoldDuration",
	"MaxActivationDistance",
	"Attachment0",
	"Attachment1",
	// Lighting, camera
	"Ambient",
	"OutdoorAmbient",
	"ClockTime",
	"FogEnd",
	"FogColor",
	"Technology",
	"FieldOfView",
];

const args = s.object(
	{
		path: s.text({ description: `The instance to read. ${PATH_FORMAT_HELP}`, minLength: 1 }),
		names: s.optional(
			s.array(s.text({ description: 'A property name, e.g. "CFrame".', minLength: 1, maxLength: 100 }), {
				description: "Properties to read (default: the common ones the instance has, plus attributes and tags).",
				minItems: 1,
				maxItems: 50,
			}),
		),
	},
	{ description: "The instance and which properties." },
);

function jsonOf(value: unknown): string {
	return HttpService.JSONEncode(encodeValue(value));
}

export const getProperties: ToolDefinition<s.Infer<typeof args>> = {
	name: "get_properties",
	description:
		"Reads properties of one instance as JSON, in the forms set_properties accepts (Vector3 [x, y, z], Color3 " +
		"[r, g, b] 0–255, CFrame {position, rotation in degrees}, enums by name, instances by path). Without names it " +
		"shows the common properties the instance has, plus attributes and tags.",
	kind: "read",
	args,
	execute(a, context) {
		const target = resolveTarget(context, "path", a.path);
		if (!target.ok) return { kind: "error", message: target.message };
		const instance = target.instance;
		const lines = [`${describeInstance(instance)}:`];
		if (a.names !== undefined) {
			const problems = new Array<string>();
			for (const name of a.names) {
				const read = readProperty(instance, name);
				if (read.ok) lines.push(`${name}: ${jsonOf(read.value)}`);
				else problems.push(read.error.message);
			}
			if (problems.size() === a.names.size()) return { kind: "error", message: problems.join("\n") };
			for (const problem of problems) lines.push(`(${problem})`);
			return { kind: "result", text: lines.join("\n") };
		}
		for (const name of COMMON_PROPERTIES) {
			const read = readProperty(instance, name);
			if (read.ok) lines.push(`${name}: ${jsonOf(read.value)}`);
		}
		const attributes = instance.GetAttributes();
		const attributeNames = new Array<string>();
		for (const [name] of attributes) attributeNames.push(name);
		attributeNames.sort();
		for (const name of attributeNames) lines.push(`Attribute ${name}: ${jsonOf(attributes.get(name))}`);
		const tags = instance.GetTags();
		if (tags.size() > 0) lines.push(`Tags: ${tags.join(", ")}`);
		lines.push("(A common subset; ask for other properties by name.)");
		return { kind: "result", text: lines.join("\n") };
	},
};
