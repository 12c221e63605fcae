/**
 * fill_terrain: one shape of smooth terrain (a block, ball, cylinder or wedge of one material),
 * proposed to the user and applied with Terrain's matching Fill method. The arguments are what a
 * model knows from parts — a position, an orientation in degrees as Part.Orientation, a size, or a
 * radius and height — and are turned into the operation's CFrame and bounding size here
 * (proposals/operation.ts), so the applier only replays them. Nothing is read or written now: the
 * tool validates and returns the operation (the batch tool calls it the same way).
 */
import { Operation, TerrainShape } from "../proposals/operation";
import { describeFill, fillBox, voxelCount } from "../proposals/terrain-geometry";
import { reasonField, summarize } from "./reason";
import * as s from "./schema";
import { checkTerrainCaps, materialField, pointField } from "./terrain-args";
import { ToolDefinition, ToolOutcome } from "./tool";

const SHAPES: ReadonlyArray<TerrainShape> = ["block", "ball", "cylinder", "wedge"];

/** Smallest dimension accepted, in studs (voxels are 4 studs; much smaller fills change little or nothing). */
const MIN_DIMENSION = 1;

const dimension = (description: string) => s.number({ description, min: MIN_DIMENSION, max: 4096 });

const args = s.object(
	{
		shape: s.text({
			description:
				"block (size), ball (radius), cylinder (radius and height; its axis is the orientation's up direction), or wedge (size; shaped like a WedgePart: full height at the back, sloping down to the front).",
			enum: SHAPES,
		}),
		material: materialField,
		position: pointField("The centre of the shape, [x, y, z] in world studs."),
		orientation: s.optional(
			s.array(s.number({ description: "Degrees.", min: -360, max: 360 }), {
				description:
					"Rotation in degrees [x, y, z], as Part.Orientation (block, cylinder, wedge; default [0, 0, 0]). A ball has none.",
				minItems: 3,
				maxItems: 3,
			}),
		),
		size: s.optional(
			s.array(dimension("Studs."), {
				description: "block and wedge only: the size [x, y, z] in studs, as Part.Size.",
				minItems: 3,
				maxItems: 3,
			}),
		),
		radius: s.optional(dimension("ball and cylinder only: the radius in studs.")),
		height: s.optional(dimension("cylinder only: the height in studs, along its axis.")),
		reason: reasonField,
	},
	{ description: "The shape, its material and where it goes." },
);

type Args = s.Infer<typeof args>;

/** Which of size/radius/height each shape takes. */
const NEEDS: { readonly [shape in TerrainShape]: ReadonlyArray<"size" | "radius" | "height"> } = {
	block: ["size"],
	wedge: ["size"],
	ball: ["radius"],
	cylinder: ["radius", "height"],
};

const FIELD_HELP = {
	size: "size [x, y, z] in studs",
	radius: "radius in studs",
	height: "height in studs",
};

/** Problems with the fields the shape takes or does not take, field by field. */
function shapeProblems(a: Args): Array<string> {
	const shape = a.shape as TerrainShape;
	const needs = NEEDS[shape];
	const problems = new Array<string>();
	for (const field of ["height", "radius", "size"] as const) {
		const given = a[field] !== undefined;
		if (needs.includes(field) && !given) problems.push(`${field}: missing; a ${shape} needs its ${FIELD_HELP[field]}`);
		if (!needs.includes(field) && given) {
			const wanted = needs.map((name) => FIELD_HELP[name]).join(" and ");
			problems.push(`${field}: a ${shape} takes no ${field}; give its ${wanted}`);
		}
	}
	if (shape === "ball" && a.orientation !== undefined) problems.push("orientation: a ball has no orientation; leave it out");
	return problems;
}

/** The operation's bounding size: size itself, (2r, 2r, 2r) for a ball, (2r, height, 2r) for a cylinder. */
function boundingSize(a: Args): [number, number, number] {
	if (a.size !== undefined) return [a.size[0], a.size[1], a.size[2]];
	const diameter = a.radius! * 2;
	return [diameter, a.height ?? diameter, diameter];
}

function run(a: Args): ToolOutcome {
	const problems = shapeProblems(a);
	if (problems.size() > 0) return { kind: "error", message: problems.join("; ") };
	const [rx, ry, rz] = a.orientation ?? [0, 0, 0];
	const cframe = new CFrame(a.position[0], a.position[1], a.position[2]).mul(
		CFrame.fromOrientation(math.rad(rx), math.rad(ry), math.rad(rz)),
	);
	const operation: Extract<Operation, { kind: "fill_terrain" }> = {
		kind: "fill_terrain",
		shape: a.shape as TerrainShape,
		material: a.material,
		cframe: [...cframe.GetComponents()],
		size: boundingSize(a),
	};
	const box = fillBox(operation.cframe, operation.size);
	const refused = checkTerrainCaps(box, "the fill");
	if (refused !== undefined) return { kind: "error", message: refused };
	return {
		kind: "proposal",
		summary: summarize(
			`Fill terrain with ${describeFill(operation)} (changes at most ${voxelCount(box)} voxels)`,
			a.reason,
		),
		operations: [operation],
	};
}

export const fillTerrain: ToolDefinition<Args> = {
	name: "fill_terrain",
	description:
		"Proposes filling smooth terrain (Workspace.Terrain) with one block, ball, cylinder or wedge of a terrain material; the user approves or rejects, and it is one undo step. Voxels are 4 studs. To remove terrain use clear_terrain.",
	kind: "write",
	args,
	execute(a) {
		return run(a);
	},
};
