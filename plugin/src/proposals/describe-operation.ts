/**
 * One short line per operation, for failure reasons ("operation 2 of 3 (set_properties
 * Workspace/Door) failed: …"), the audit log and the model's view of an outcome. Script texts and
 * property values are left out: the line names what is touched, not how.
 */
import { Operation } from "./operation";
import { formatPoint } from "./terrain-geometry";

/** A one-line description of an operation: its kind and the paths and names it touches. */
export function describeOperation(operation: Operation): string {
	switch (operation.kind) {
		case "edit_script":
			return `edit_script ${operation.path}`;
		case "create_script":
			return `create_script ${operation.className} "${operation.name}" in ${operation.parentPath}`;
		case "create_instance":
			return `create_instance ${operation.className} "${operation.name}" in ${operation.parentPath}`;
		case "set_properties": {
			const names = new Array<string>();
			for (const [name] of pairs(operation.properties)) names.push(name as string);
			names.sort();
			return `set_properties ${operation.path} (${names.join(", ")})`;
		}
		case "rename_instance":
			return `rename_instance ${operation.path} to "${operation.newName}"`;
		case "move_instance":
			return `move_instance ${operation.path} into ${operation.newParentPath}`;
		case "delete_instance":
			return `delete_instance ${operation.path}`;
		case "insert_asset":
			return `insert_asset ${string.format("%d", operation.assetId)} into ${operation.parentPath}`;
		case "install_kit":
			return `install_kit ${operation.kitVersion}`;
		case "fill_terrain":
			return `fill_terrain ${operation.shape} of ${operation.material} at ${formatPoint(operation.cframe)}`;
		case "clear_terrain":
			return `clear_terrain from ${formatPoint(operation.min)} to ${formatPoint(operation.max)}`;
	}
}
