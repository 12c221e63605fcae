// Helpers shared by the build pipeline's tests: where the repository is, and throwaway folders of files.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (its node_modules holds @rbxts/types and luau-web). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The committed fixture folders. */
export const FIXTURES = path.join(REPO_ROOT, "plugin", "build", "fixtures");

/**
 * Writes files (relative path → content) into a fresh temporary folder and returns it. Used for layouts that
 * cannot be committed as fixtures (node_modules/, out/ and include/ are git-ignored at any depth).
 */
export function writeTempTree(files: Record<string, string | Buffer>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vector-build-test-"));
	for (const [relative, content] of Object.entries(files)) {
		const full = path.join(dir, relative);
		fs.mkdirSync(path.dirname(full), { recursive: true });
		fs.writeFileSync(full, content);
	}
	return dir;
}

/** Rounds like Roblox's 32-bit float storage, for comparing values that went through a float field. */
export function f32(values: number[]): number[] {
	return values.map((v) => Math.fround(v));
}
