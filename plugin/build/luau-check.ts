// Checks the Luau that goes into a plugin file before it ships: every script must compile with the real Luau
// compiler (the `luau-web` build of it, the same VM the headless Studio runs), and released code must not use the
// APIs the Creator Store rejects in plugins (getfenv, setfenv, loadstring, require of an asset id).

export interface ScriptSource {
	/** How problems name the script, e.g. "out/plugin/src/hello.luau". */
	label: string;
	source: string;
}

export interface LuauProblem {
	label: string;
	line: number | undefined;
	message: string;
}

/** Formats a problem as `file:line: message`, the shape editors and CI logs link from. */
export function formatProblem(problem: LuauProblem): string {
	return `${problem.label}${problem.line === undefined ? "" : `:${problem.line}`}: ${problem.message}`;
}

interface LuauStateLike {
	loadstring(source: string, chunkname: string, throwOnCompilationError: false): unknown;
	destroy(): void;
}

/**
 * Compiles every script with the Luau compiler (nothing is run) and returns the compile errors.
 * luau-web is an ES module with top-level await, hence the dynamic import.
 */
export async function compileLuau(scripts: readonly ScriptSource[]): Promise<LuauProblem[]> {
	const { LuauState } = (await import("luau-web")) as unknown as { LuauState: { createAsync(): Promise<LuauStateLike> } };
	const state = await LuauState.createAsync();
	const problems: LuauProblem[] = [];
	try {
		for (const script of scripts) {
			const result = state.loadstring(script.source, `=${script.label}`, false);
			if (typeof result !== "string") continue;
			// Luau reports "<chunkname>:<line>: <message>".
			const prefix = `${script.label}:`;
			const rest = result.startsWith(prefix) ? result.slice(prefix.length) : result;
			const match = /^(\d+): ([\s\S]*)$/.exec(rest);
			problems.push(
				match === null
					? { label: script.label, line: undefined, message: rest }
					: { label: script.label, line: Number(match[1]), message: match[2] },
			);
		}
	} finally {
		state.destroy();
	}
	return problems;
}

const FORBIDDEN: readonly [RegExp, string][] = [
	[/\bgetfenv\b/, "uses getfenv"],
	[/\bsetfenv\b/, "uses setfenv"],
	[/\bloadstring\b/, "uses loadstring"],
	[/\brequire\s*\(\s*\d+\s*\)/, "requires a module by asset id"],
];

/**
 * Finds uses of the APIs the Creator Store forbids in published plugins. Matches anywhere in the text, comments
 * and strings included: the store's scanner is not documented, so the strictest reading is the safe one.
 */
export function findForbiddenApis(scripts: readonly ScriptSource[]): LuauProblem[] {
	const problems: LuauProblem[] = [];
	for (const script of scripts) {
		script.source.split("\n").forEach((text, index) => {
			for (const [pattern, message] of FORBIDDEN) {
				if (pattern.test(text)) problems.push({ label: script.label, line: index + 1, message });
			}
		});
	}
	return problems;
}
