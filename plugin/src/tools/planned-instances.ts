/**
 * What the earlier changes of one propose_changes call will create, so a later change of the same
 * proposal can name it: create a Folder, then a Script inside it, or move an existing part into it.
 *
 * Each creation is mirrored by a scratch instance of the same class and name (and children), never
 * parented into the place; a path under a planned creation resolves to its scratch instance, and a
 * scratch instance is named by the path it will have once applied. Scratch instances are destroyed
 * when the batch has been checked. At apply time operations run in order, so the real instance exists
 * by the time a later operation resolves its path.
 *
 * A planned path the place already has (an existing instance of the same name there) would be ambiguous
 * once applied: names of it are refused with a message saying so.
 */
import { InstanceSpec, Operation } from "../proposals/operation";
import { childPath, formatPath } from "../studio/instance-path";

export type PlannedLookup =
	| { readonly kind: "planned"; readonly instance: Instance }
	| { readonly kind: "ambiguous"; readonly message: string }
	| { readonly kind: "none" };

interface PlannedRoot {
	readonly path: string;
	readonly instance: Instance;
	/** The place already has an instance at `path`. */
	readonly collides: boolean;
}

function build(spec: InstanceSpec): Instance | undefined {
	const [made, instance] = pcall(() => new Instance(spec.className as keyof CreatableInstances));
	if (!made) return undefined;
	(instance as Instance).Name = spec.name;
	for (const child of spec.children ?? []) {
		const built = build(child);
		if (built !== undefined) built.Parent = instance as Instance;
	}
	return instance as Instance;
}

export class PlannedInstances {
	private readonly roots = new Array<PlannedRoot>();

	/** Records what `operation` creates (create_instance, create_script); `exists` says whether the place has that path already. */
	add(operation: Operation, exists: (path: string) => boolean): void {
		let instance: Instance | undefined;
		let parentPath: string;
		if (operation.kind === "create_instance") {
			instance = build(operation);
			parentPath = operation.parentPath;
		} else if (operation.kind === "create_script") {
			instance = new Instance(operation.className);
			instance.Name = operation.name;
			parentPath = operation.parentPath;
		} else {
			return;
		}
		if (instance === undefined) return;
		// A creation inside a planned instance is mirrored inside its scratch instance.
		const host = this.resolve(parentPath);
		if (host.kind === "planned") {
			instance.Parent = host.instance;
			return;
		}
		const path = childPath(parentPath, operation.name);
		this.roots.push({ path, instance, collides: exists(path) });
	}

	/** The planned instance `path` names, if it is one (or under one). */
	resolve(path: string): PlannedLookup {
		for (let i = this.roots.size() - 1; i >= 0; i--) {
			const root = this.roots[i];
			if (path !== root.path && path.sub(1, root.path.size() + 1) !== `${root.path}/`) continue;
			if (root.collides) {
				return {
					kind: "ambiguous",
					message: `"${path}": the place already has ${root.path} and an earlier change creates another one there; give the new one another name`,
				};
			}
			if (path === root.path) return { kind: "planned", instance: root.instance };
			for (const descendant of root.instance.GetDescendants()) {
				if (this.pathOf(descendant) === path) return { kind: "planned", instance: descendant };
			}
			return { kind: "none" };
		}
		return { kind: "none" };
	}

	/** The path `instance` will have once applied, when it is a planned one. */
	pathOf(instance: Instance): string | undefined {
		for (const root of this.roots) {
			if (instance !== root.instance && !root.instance.IsAncestorOf(instance)) continue;
			const rootName = formatPath(root.instance);
			return root.path + formatPath(instance).sub(rootName.size() + 1);
		}
		return undefined;
	}

	/** Whether `instance` is a planned one (or inside one). */
	has(instance: Instance): boolean {
		return this.pathOf(instance) !== undefined;
	}

	destroy(): void {
		for (const root of this.roots) root.instance.Destroy();
		this.roots.clear();
	}
}
