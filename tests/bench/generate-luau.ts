/**
 * Deterministic Luau for the benchmarks: scripts that look like game code (services, functions,
 * branches, loops, comments, blank lines and many repeated lines such as `end`), and an edited copy
 * of a script with a given number of changed regions. The same seed gives the same text on every
 * machine, so runs compare.
 */

/** mulberry32: a small seeded PRNG returning [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SERVICES = ["Players", "ReplicatedStorage", "RunService", "TweenService", "Workspace", "UserInputService"];
const NAMES = ["player", "part", "door", "coins", "speed", "target", "health", "score", "timer", "label"];

/**
 * A Luau script of exactly `lineCount` lines (each ending in "\n"): a service header, then
 * functions of a few statements each, closed by `end`, and a final `return`.
 */
export function generateScript(lineCount: number, seed: number): string {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
	const lines: string[] = [];
	for (const service of SERVICES.slice(0, 2 + Math.floor(random() * 4))) {
		lines.push(`local ${service} = game:GetService("${service}")`);
	}
	lines.push("");
	let fn = 0;
	while (lines.length < lineCount - 1) {
		fn++;
		const name = `${pick(NAMES)}${fn}`;
		lines.push(`-- Updates ${name} for the current round.`);
		lines.push(`local function update${fn}(${pick(NAMES)}, dt)`);
		const statements = 2 + Math.floor(random() * 6);
		for (let i = 0; i < statements; i++) {
			const v = pick(NAMES);
			switch (Math.floor(random() * 6)) {
				case 0:
					lines.push(`\tlocal ${v} = ${Math.floor(random() * 1000)}`);
					break;
				case 1:
					lines.push(`\tif ${v} > ${Math.floor(random() * 100)} then`, `\t\t${v} -= dt * ${fn}`, "\tend");
					break;
				case 2:
					lines.push(`\tfor i = 1, ${1 + Math.floor(random() * 20)} do`, `\t\t${v} += i`, "\tend");
					break;
				case 3:
					lines.push(`\tprint("${name}", ${v})`);
					break;
				case 4:
					lines.push(`\tlocal service = game:GetService("${pick(SERVICES)}")`);
					break;
				default:
					lines.push(`\t${v} = ${v} or 0`);
			}
		}
		lines.push("end", "");
	}
	lines.length = lineCount - 1;
	lines.push("return nil");
	return lines.map((line) => `${line}\n`).join("");
}

/**
 * `text` with `regions` changed regions spread over it, at least 10 unchanged lines apart (so that
 * no two regions merge): each region replaces, inserts or deletes 1–5 lines. New lines are unique,
 * so the minimal diff is exactly the changes made (counted in `changedLines`: removed + added).
 */
export function editScript(text: string, regions: number, seed: number): { text: string; changedLines: number } {
	const random = seededRandom(seed);
	const lines = text.split(/(?<=\n)/);
	const stride = Math.floor(lines.length / regions);
	if (stride < 16) throw new Error(`${regions} regions do not fit in ${lines.length} lines`);
	const out: string[] = [];
	let changedLines = 0;
	let at = 0;
	for (let r = 0; r < regions; r++) {
		const start = r * stride + 5 + Math.floor(random() * (stride - 15));
		out.push(...lines.slice(at, start));
		const count = 1 + Math.floor(random() * 5);
		const kind = Math.floor(random() * 3); // 0 replace, 1 insert, 2 delete
		const fresh = Array.from({ length: count }, (_, i) => `\tlocal patched_${r}_${i} = ${Math.floor(random() * 1e6)} -- region ${r}\n`);
		if (kind === 0) {
			out.push(...fresh);
			at = start + count;
			changedLines += 2 * count;
		} else if (kind === 1) {
			out.push(...fresh);
			at = start;
			changedLines += count;
		} else {
			at = start + count;
			changedLines += count;
		}
	}
	out.push(...lines.slice(at));
	return { text: out.join(""), changedLines };
}
