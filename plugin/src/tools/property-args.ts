/**
 * The `properties` argument of create_instance and set_properties (property name → JSON value), and
 * its check against a real instance through the property codec: every name must be a writable
 * property and every value must decode to the property's type, so a proposal never carries a value
 * that would fail at apply time for a reason known now.
 */
import { decodeValue } from "../studio/property-codec";
import * as s from "./schema";
import { ToolContext } from "./tool";

/** Forms the codec accepts, for the model. */
const VALUE_FORMS =
	'numbers, strings, booleans; Vector3 [x, y, z]; Vector2 [x, y]; Color3 [r, g, b] 0–255 or "#rrggbb"; ' +
	'UDim2 [xScale, xOffset, yScale, yOffset]; CFrame {"position": [x, y, z], "rotation": [rx, ry, rz]} (degrees); ' +
	'enums by item name ("Neon"); BrickColor by name; instance references by path, "nil" for none';

/** The schema of a `properties` argument; `minEntries` 1 for set_properties, 0 for create_instance. */
export function propertiesField(minEntries: number) {
	return s.record(s.json({ description: `The value as JSON: ${VALUE_FORMS}.` }), {
		description: "Property name → value, as get_properties shows them.",
		minEntries,
		maxEntries: 50,
	});
}

/**
 * Checks that each property exists on `instance`, may be written and that its value decodes
 * (nothing is written). Returns the messages of every failure, property by property in name order.
 */
export function checkProperties(
	instance: Instance,
	properties: Record<string, s.Json>,
	context: ToolContext,
): Array<string> {
	const names = new Array<string>();
	for (const [name] of pairs(properties)) names.push(name as string);
	names.sort();
	const problems = new Array<string>();
	for (const name of names) {
		const decoded = decodeValue(instance, name, properties[name], context.studio.game);
		if (!decoded.ok) problems.push(`properties.${name}: ${decoded.error.message}`);
	}
	return problems;
}

/** The property names, sorted and comma-separated, for proposal summaries. */
export function listProperties(properties: Record<string, s.Json>): string {
	const names = new Array<string>();
	for (const [name] of pairs(properties)) names.push(name as string);
	names.sort();
	return names.join(", ");
}
